/**
 * Soak scenario "kill" (issue 10): the sandbox in a child process under a mixed load — customers
 * raising requests, agents replying and moving requests along the workflow, 6 at a time — is killed
 * with SIGKILL after a number of acknowledged writes, with requests in flight and the app's handlers
 * busy. Then:
 *
 * 1. its database, opened from outside, must hold every write it acknowledged (requests, comments,
 *    transitions);
 * 2. the sandbox is started again on the same data; it delivers the product events it had committed
 *    but not delivered (jira-site-store.ts keeps them until their handler ran), and after one sweep
 *    cycle (the clock moved five minutes: Forge's `fiveMinute` scheduled trigger) every request must
 *    have its record, in agreement with the issue (resolved requests met or missed, waiting ones
 *    paused or breached) — also those whose handler the kill stopped half-way.
 */
import { z } from 'zod';
import { CLOCK_RECORD_PROPERTY_KEY } from '../../src/contract/clock-record';
import type { JiraModel } from '../jira/jira-model';
import { createSeededRandom } from '../runtime/seeded-random';
import { freshDataDir, readStoredSite, startSandboxChild, undeliveredEventCount, type ScenarioResult } from './soak-support';

export interface KillOptions {
  acknowledgedBeforeKill: number;
}

interface Acknowledged {
  creates: string[];
  comments: { issueKey: string; commentId: string }[];
  transitions: { issueKey: string; to: string }[];
}

const fiveMinutes = 5 * 60_000;

function stringField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null || !(field in body)) return undefined;
  const value: unknown = Reflect.get(body, field);
  return typeof value === 'string' ? value : undefined;
}

/** What a request's record says about it, checked against the issue; null when they agree. */
function disagreement(model: JiraModel, issueKey: string): string | null {
  const issue = model.findIssue(issueKey);
  if (issue === undefined) return 'no issue';
  const record = issue.properties[CLOCK_RECORD_PROPERTY_KEY];
  if (record === undefined) return 'no record';
  const parsed = z.object({ state: z.string() }).safeParse(record);
  if (!parsed.success) return 'a record without a state';
  const state = parsed.data.state;
  if (state === 'uncovered' || state === 'error') return state === 'error' ? 'an error record' : null;
  const category = model.getStatus(issue.statusId).categoryKey;
  const status = model.getStatus(issue.statusId).name;
  if (category === 'done') return state === 'met' || state === 'missed' ? null : `${status} but the record says ${state}`;
  if (state === 'met' || state === 'missed') return `${status} but the record says ${state}`;
  if (status === 'Waiting for customer') return state === 'paused' || state === 'breached' ? null : `${status} but the record says ${state}`;
  return null;
}

export async function runKillScenario(options: KillOptions): Promise<ScenarioResult> {
  const failures: string[] = [];
  const dataDir = freshDataDir('kill');
  console.log(`\n[kill] mixed load, 6 at a time; SIGKILL after ${options.acknowledgedBeforeKill} acknowledged writes; restart; one sweep cycle`);
  const first = await startSandboxChild(dataDir);
  const acked: Acknowledged = { creates: [], comments: [], transitions: [] };
  const load = { killed: false };
  let inFlight = 0;
  try {
    const { client, users } = first;
    const desk = await client.desk();
    const agent = users.agents[0];
    if (agent === undefined) throw new Error('The base site has no agent.');
    const total = () => acked.creates.length + acked.comments.length + acked.transitions.length;
    const worker = async (w: number): Promise<void> => {
      const random = createSeededRandom(1000 + w);
      while (!load.killed) {
        inFlight += 1;
        try {
          const roll = random.next();
          const target = acked.creates.length === 0 ? undefined : random.pick(acked.creates);
          if (target === undefined || roll < 0.45) {
            const customer = random.pick(users.customers);
            const answer = await client.raise(customer, {
              serviceDeskId: desk.serviceDeskId,
              requestTypeId: random.pick(desk.requestTypes).id,
              summary: `Kill soak ${w}-${total()}`,
              priorityId: String(random.int(1, 4)),
            });
            const key = stringField(answer.body, 'issueKey');
            if (answer.status === 201 && key !== undefined) acked.creates.push(key);
          } else if (roll < 0.7) {
            const answer = await client.comment(agent, target, 'We are looking into it.', random.chance(0.3));
            const id = stringField(answer.body, 'id');
            if (answer.status === 201 && id !== undefined) acked.comments.push({ issueKey: target, commentId: id });
          } else {
            const available = await client.transitions(agent, target);
            const transition = available.length === 0 ? undefined : random.pick(available);
            if (transition !== undefined) {
              const answer = await client.transition(agent, target, transition.id);
              if (answer.status === 204) acked.transitions.push({ issueKey: target, to: transition.to });
            }
          }
        } catch {
          return; // the sandbox is gone
        } finally {
          inFlight -= 1;
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));
    while (total() < options.acknowledgedBeforeKill) await new Promise((resolve) => setTimeout(resolve, 5));
    const busy = inFlight;
    await first.child.kill('SIGKILL');
    load.killed = true;
    await Promise.all(workers);
    console.log(`  killed with ${busy} requests in flight after ${acked.creates.length} creates, ${acked.comments.length} comments, ${acked.transitions.length} transitions acknowledged`);
  } finally {
    load.killed = true;
    await first.child.kill('SIGKILL');
  }

  // 1. every acknowledged write is in the database
  const stored = readStoredSite(dataDir);
  const lostCreates = acked.creates.filter((key) => stored.findIssue(key) === undefined);
  const lostComments = acked.comments.filter((c) => stored.findIssue(c.issueKey)?.comments.some((m) => m.id === c.commentId) !== true);
  const lostTransitions = acked.transitions.filter(
    (t) => stored.findIssue(t.issueKey)?.changelog.some((e) => e.items.some((i) => i.field === 'status' && i.toString === t.to)) !== true,
  );
  const lost = lostCreates.length + lostComments.length + lostTransitions.length;
  console.log(`  after the kill: ${lost} acknowledged writes lost (${lostCreates.length} requests, ${lostComments.length} comments, ${lostTransitions.length} transitions)`);
  if (lost > 0) failures.push(`kill: ${lost} acknowledged writes were lost (e.g. ${[...lostCreates, ...lostComments.map((c) => c.commentId)].slice(0, 5).join(', ')})`);
  const requests = stored.issues().filter((i) => i.requestTypeId !== null).map((i) => i.key);
  const beforeSweep = requests.filter((key) => disagreement(stored, key) !== null);
  console.log(
    `  ${requests.length} requests stored; ${beforeSweep.length} without an up-to-date record; ${undeliveredEventCount(dataDir)} product events committed but not yet delivered`,
  );

  // 2. restart, one sweep cycle
  const second = await startSandboxChild(dataDir);
  try {
    const started = performance.now();
    await second.client.advanceClock(fiveMinutes, true);
    await second.client.settle();
    console.log(`  restarted: the undelivered events delivered and one sweep cycle run in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await second.stop();
  }
  const repaired = readStoredSite(dataDir);
  const wrong = requests.map((key) => ({ key, problem: disagreement(repaired, key) })).filter((r) => r.problem !== null);
  console.log(`  after one sweep cycle: ${requests.length - wrong.length} of ${requests.length} records present and in agreement with their issue`);
  for (const w of wrong.slice(0, 5)) console.log(`    ${w.key}: ${w.problem ?? ''}`);
  if (wrong.length > 0) failures.push(`kill: ${wrong.length} requests still without a correct record after one sweep cycle (e.g. ${wrong.slice(0, 3).map((w) => `${w.key}: ${w.problem ?? ''}`).join('; ')})`);
  return { name: 'kill', failures };
}
