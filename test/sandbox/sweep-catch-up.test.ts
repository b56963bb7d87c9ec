/**
 * Moving the sandbox clock forward runs the app's five-minute sweep at every slot in between, with
 * the app seeing the slot's instant as "now" (issue 11 item 7): a note and a history marker are
 * stamped in the slot right after the threshold was crossed, not at the instant the clock was
 * moved to; and the clock call answers once those sweeps have run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMovableClock } from '../../sandbox/clock';
import { openSandbox, type Sandbox } from '../../sandbox/open-sandbox';
import { createSandboxLog } from '../../sandbox/runtime/sandbox-log';
import { createSweepScheduler, scheduledIntervalsMs, slotsBetween } from '../../sandbox/runtime/sweep-scheduler';

const fiveMinutes = 5 * 60_000;
const dayMs = 24 * 3_600_000;

let sandbox: Sandbox;
const dataDir = mkdtempSync(path.join(tmpdir(), 'sweep-catch-up-'));

beforeAll(async () => {
  sandbox = await openSandbox({ dataDir, port: 0, start: 'base', print: 'silent', frozenClock: true });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function basicAuth(email: string): string {
  return `Basic ${Buffer.from(`${email}:token`).toString('base64')}`;
}

async function raise(summary: string): Promise<string> {
  const desk = sandbox.model().serviceDesks()[0];
  const requestType = desk?.requestTypes.find((t) => t.name === 'E-mail problem');
  const response = await fetch(`${sandbox.url}/rest/servicedeskapi/request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: basicAuth('alice@acme.example') },
    body: JSON.stringify({ serviceDeskId: desk?.id, requestTypeId: requestType?.id, requestFieldValues: { summary, priority: { id: '1' } } }),
  });
  expect(response.status).toBe(201);
  const { issueKey } = (await response.json()) as { issueKey: string };
  await sandbox.settle();
  return issueKey;
}

async function moveClock(body: Record<string, unknown>): Promise<{ status: number; json: { ok: boolean; value?: { now: string } } }> {
  const response = await fetch(`${sandbox.url}/sandbox/api/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: sandbox.url, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { ok: boolean; value?: { now: string } } };
}

interface Marker {
  kind: 'marker';
  marker: 'at-risk' | 'breached';
  at: string;
  crossedAt?: string;
}

function markersOf(issueKey: string): Marker[] {
  const record = sandbox.model().findIssue(issueKey)?.properties['contract-clock'] as { history?: { kind: string }[] } | undefined;
  return (record?.history ?? []).filter((fact): fact is Marker => fact.kind === 'marker');
}

/** The first five-minute boundary at or after an instant: when Forge's fiveMinute trigger runs next. */
function nextSlot(ms: number): number {
  return Math.ceil(ms / fiveMinutes) * fiveMinutes;
}

describe('moving the sandbox clock forward', () => {
  it('runs the sweep at every five-minute slot in between, so notes and markers carry the slot after each crossing', async () => {
    const issueKey = await raise('Mail server down');
    const before = sandbox.runtime().stats() as { scheduled: { runs: number }[] };
    const runsBefore = before.scheduled[0]?.runs ?? 0;
    const from = sandbox.clock.now();

    const moved = await moveClock({ action: 'advance', ms: dayMs });
    expect(moved.status).toBe(200);
    const to = new Date(moved.json.value?.now ?? '');
    expect(to.getTime()).toBe(from.getTime() + dayMs);

    // the answer came once every slot's sweep had run: 288 slots in a day, plus one at the new "now"
    // when it is not itself a slot
    const after = sandbox.runtime().stats() as { scheduled: { runs: number; catchingUp: unknown; lastCatchUp: { slots: number } | null }[] };
    const slots = Math.floor(to.getTime() / fiveMinutes) - Math.floor(from.getTime() / fiveMinutes);
    expect(slots).toBe(288);
    expect(after.scheduled[0]?.catchingUp).toBeNull();
    expect(after.scheduled[0]?.lastCatchUp?.slots).toBe(slots);
    expect((after.scheduled[0]?.runs ?? 0) - runsBefore).toBe(slots + (to.getTime() % fiveMinutes === 0 ? 0 : 1));

    const markers = markersOf(issueKey);
    expect(markers.map((m) => m.marker).sort()).toEqual(['at-risk', 'breached']);
    for (const marker of markers) {
      expect(marker.crossedAt).toBeDefined();
      const crossedAt = marker.crossedAt ?? '';
      expect(Date.parse(crossedAt)).toBeGreaterThan(from.getTime());
      expect(Date.parse(crossedAt)).toBeLessThan(to.getTime());
      // noticed in the first slot at or after the crossing, not when the clock stopped moving
      // breached means strictly after the deadline (src/domain/clock-view.ts), so a deadline on a
      // slot boundary is noticed by the next slot
      const dueAt = marker.marker === 'breached' ? Date.parse(crossedAt) + 1 : Date.parse(crossedAt);
      expect(new Date(marker.at).toISOString()).toBe(new Date(nextSlot(dueAt)).toISOString());
    }

    // the internal notes were posted at those slots too
    const issue = sandbox.model().findIssue(issueKey);
    const appNotes = (issue?.comments ?? []).filter((c) => c.internal && c.authorId === sandbox.model().app.accountId);
    expect(appNotes.map((c) => c.createdMs).sort((a, b) => a - b)).toEqual(markers.map((m) => Date.parse(m.at)).sort((a, b) => a - b));
  });

  it('a person\u2019s write made during the walk happens at the new time, after the walk; reads go through', async () => {
    const issueKey = await raise('Shared mailbox full');
    const from = sandbox.clock.now().getTime();
    const moved = await moveClock({ action: 'advance', ms: dayMs, settle: false });
    expect(moved.status).toBe(200);
    const stats = () => (sandbox.runtime().stats() as { scheduled: { catchingUp: { done: number } | null }[] }).scheduled[0];
    expect(stats()?.catchingUp).not.toBeNull();
    // a read answers while the walk is under way
    const read = await fetch(`${sandbox.url}/rest/api/3/issue/${issueKey}`, { headers: { accept: 'application/json', authorization: basicAuth('sanne@polder-it.example') } });
    expect(read.status).toBe(200);
    expect(sandbox.clock.isStepping()).toBe(true);
    // a comment waits for the walk and is stamped at the new time, not at a slot in the past
    const comment = await fetch(`${sandbox.url}/rest/api/3/issue/${issueKey}/comment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: basicAuth('sanne@polder-it.example') },
      body: JSON.stringify({ body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Looking into it.' }] }] } }),
    });
    expect(comment.status).toBe(201);
    expect(sandbox.clock.isStepping()).toBe(false);
    const posted = sandbox.model().findIssue(issueKey)?.comments.find((c) => c.authorId !== sandbox.model().app.accountId && !c.internal);
    expect(posted?.createdMs).toBe(from + dayMs);
    await sandbox.settle();
  });

  it('holds no slot instant once done, and a move within one slot runs the sweep once, at the new "now"', async () => {
    const stats = () => (sandbox.runtime().stats() as { scheduled: { runs: number; lastRunAt: string | null }[] }).scheduled[0];
    const start = sandbox.clock.now().getTime();
    const toSlotEdge = fiveMinutes - (start % fiveMinutes);
    if (toSlotEdge > 60_000) {
      const runs = stats()?.runs ?? 0;
      const moved = await moveClock({ action: 'advance', ms: 60_000 });
      expect(moved.status).toBe(200);
      expect((stats()?.runs ?? 0) - runs).toBe(1);
      expect(stats()?.lastRunAt).toBe(new Date(start + 60_000).toISOString());
    }
    expect(sandbox.clock.heldAt()).toBeNull();
  });
});

describe('the sweep scheduler on its own', () => {
  const setup = () => {
    const clock = createMovableClock({ initial: new Date('2026-10-05T10:02:00Z'), frozen: true });
    const seen: string[] = [];
    let afterRuns = 0;
    const scheduler = createSweepScheduler({
      clock,
      intervalMs: scheduledIntervalsMs.fiveMinute ?? 300_000,
      pollMs: 60_000,
      runSweep: async () => {
        seen.push(clock.now().toISOString().slice(11, 16));
        await Promise.resolve();
      },
      afterRun: async () => {
        // the work the run queued sees the same "now"
        if (clock.now().toISOString().slice(11, 16) !== seen.at(-1)) throw new Error('the clock moved on before the queued work ran');
        afterRuns += 1;
        await Promise.resolve();
      },
      log: createSandboxLog({ print: 'silent', now: () => clock.now() }),
    });
    scheduler.start();
    return { clock, seen, scheduler, afterRuns: () => afterRuns };
  };

  it('lists the boundaries after one instant up to and including another', () => {
    const at = (hhmm: string) => Date.parse(`2026-10-05T${hhmm}:00Z`);
    expect(slotsBetween(at('10:02'), at('10:17'), 300_000).map((ms) => new Date(ms).toISOString().slice(11, 16))).toEqual(['10:05', '10:10', '10:15']);
    expect(slotsBetween(at('10:05'), at('10:10'), 300_000).map((ms) => new Date(ms).toISOString().slice(11, 16))).toEqual(['10:10']);
    expect(slotsBetween(at('10:05'), at('10:09'), 300_000)).toEqual([]);
    expect(slotsBetween(at('10:05'), at('10:05'), 300_000)).toEqual([]);
  });

  it('steps the clock through every slot a forward move crossed, then runs at the new "now"', async () => {
    const { clock, seen, scheduler, afterRuns } = setup();
    clock.set(new Date('2026-10-05T10:17:00Z'));
    await scheduler.idle();
    expect(seen).toEqual(['10:05', '10:10', '10:15', '10:17']);
    expect(afterRuns()).toBe(4);
    expect(clock.now().toISOString()).toBe('2026-10-05T10:17:00.000Z');
    scheduler.stop();
  });

  it('runs once at the new "now" after a move back, and owes nothing for the slots it had already run', async () => {
    const { clock, seen, scheduler } = setup();
    clock.set(new Date('2026-10-05T10:12:00Z'));
    await scheduler.idle();
    clock.set(new Date('2026-10-05T09:00:00Z'));
    await scheduler.idle();
    clock.set(new Date('2026-10-05T09:06:00Z'));
    await scheduler.idle();
    expect(seen).toEqual(['10:05', '10:10', '10:12', '09:00', '09:05', '09:06']);
    scheduler.stop();
  });

  it('a move made while a catch-up runs continues from where that one stopped, without running a slot twice', async () => {
    const { clock, seen, scheduler } = setup();
    clock.set(new Date('2026-10-05T10:12:00Z'));
    clock.set(new Date('2026-10-05T10:21:00Z'));
    await scheduler.idle();
    expect(seen).toEqual(['10:05', '10:10', '10:15', '10:20', '10:21']);
    scheduler.stop();
  });
});
