/**
 * The demo's history as a plan: a seeded, deterministic list of what people did and when — a
 * customer raises a request, an agent starts work and replies, waits for the customer, changes the
 * priority, resolves; sometimes the customer reopens. The generator replays the plan against the
 * emulator on the movable clock, and the app's real handlers compute every record from it.
 *
 * Resolution times are *aimed* at a share of each request's target (most well within, some past
 * it), using the app's own terms resolution and business-time engine to know the target; whether a
 * request was met or breached is then up to the app. Pure: no I/O, no clock.
 */
import type { ContractDatabase } from '../../src/contract/contract-database';
import { addBusinessMinutes, compileCalendar, type CompiledCalendar } from '../../src/domain/business-time';
import { resolveTerms } from '../../src/domain/resolve-terms';
import { createSeededRandom, type SeededRandom } from '../runtime/seeded-random';
import type { BaseSite } from '../jira/jira-seed';
import type { UserRecord } from '../jira/jira-state';
import {
  demoAgents,
  demoHistoryEnd,
  demoHistoryStart,
  demoNow,
  demoOrganizationWeights,
  demoRequestTypes,
  type DemoOrganizationKey,
  type DemoRequestType,
} from './demo-catalogue';

/** One thing a person does; actors are accountIds, the request type an id of the service desk. */
export type PlannedStep =
  | {
      kind: 'create';
      customer: string;
      requestTypeId: string;
      summary: string;
      description: string;
      priority: string;
    }
  | { kind: 'comment'; actor: string; body: string; internal: boolean }
  | { kind: 'transition'; actor: string; transition: string }
  | { kind: 'priority'; actor: string; priority: string };

export interface PlannedAction {
  at: Date;
  /** index of the request in the plan (the generator maps it to the issue key) */
  request: number;
  /** order among actions at the same instant */
  sequence: number;
  step: PlannedStep;
}

export interface DemoPlan {
  actions: PlannedAction[];
  requests: number;
}

/** What the plan needs to know about the site the generator built. */
export interface PlanSite {
  database: ContractDatabase;
  site: BaseSite;
}

const priorities: readonly (readonly [string, number])[] = [
  ['Highest', 5],
  ['High', 15],
  ['Medium', 48],
  ['Low', 26],
  ['Lowest', 6],
];

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Wall-clock parts of an instant in a zone. */
function localParts(at: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.find((p) => p.type === 'weekday')?.value ?? 'Mon');
  return { weekday, hour: Number(parts.find((p) => p.type === 'hour')?.value ?? '0') };
}

/** A creation instant in [from, to): mostly weekdays in the customer's office hours. */
function pickCreation(random: SeededRandom, from: Date, to: Date, timeZone: string): Date {
  const office = random.chance(0.88);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const at = new Date(from.getTime() + Math.floor(random.next() * (to.getTime() - from.getTime())));
    const local = localParts(at, timeZone);
    const weekday = local.weekday < 5;
    if (!office || (weekday && local.hour >= 8 && local.hour < 18)) return new Date(Math.floor(at.getTime() / minute) * minute);
  }
  return from;
}

const closings = [
  'Fixed — it works again. Please let us know if anything is still off.',
  'Done: we applied the change and tested it with you.',
  'Resolved. The cause was a configuration change; we reverted it.',
  'All set — the new settings are in place.',
];
const replies = [
  'Thanks for reporting this, we are looking into it now.',
  'We have picked this up and will get back to you shortly.',
  'Thank you — an engineer is on it.',
];
const questions = [
  'Could you tell us since when this happens, and send a screenshot?',
  'Can you restart the device and tell us whether the problem stays?',
  'Which colleagues are affected? Please send their names.',
];
const customerAnswers = ['Here you go — screenshot attached.', 'It started yesterday morning; only me so far.', 'Restarted, still the same.', 'Three people: the planning team.'];

interface TargetGuess {
  minutes: number;
  calendar: CompiledCalendar;
  level: string | null;
}

/**
 * Builds the demo plan: ~330 requests raised in the quarter, plus a handful still open at `demoNow`.
 *
 * @example buildDemoPlan(site, 20261005).actions.length // a few thousand
 */
export function buildDemoPlan(site: PlanSite, seed: number): DemoPlan {
  const random = createSeededRandom(seed);
  const actions: PlannedAction[] = [];
  let sequence = 0;
  const calendars = new Map(site.database.calendars.map((c) => [c.id, compileCalendar({ timeZone: c.timeZone, week: c.week, ...(c.holidays === undefined ? {} : { holidays: c.holidays }) })]));
  const officeCalendar = calendars.get('nl-office');
  if (officeCalendar === undefined) throw new Error('The demo database needs the nl-office calendar.');

  const add = (request: number, at: Date, step: PlannedStep): void => {
    actions.push({ at, request, sequence: sequence++, step });
  };
  const users: readonly UserRecord[] = Object.values(site.site.users);
  const customersOf = (org: DemoOrganizationKey): UserRecord[] =>
    site.site.organizations[org].memberIds.flatMap((id) => users.filter((u) => u.accountId === id && u.role === 'customer'));
  const agentFor = (customer: UserRecord): string => {
    const americas = customer.timeZone.startsWith('America/');
    return random.pick((americas ? demoAgents.americas : demoAgents.europe).map((key) => site.site.users[key].accountId));
  };

  const guessTarget = (customer: UserRecord, type: DemoRequestType, priority: string, at: Date): TargetGuess => {
    const requestType = site.site.requestTypes[type.key];
    const result = resolveTerms(
      site.database,
      {
        organizations: site.site.serviceDesk.organizationIds.flatMap((id) => {
          const org = Object.values(site.site.organizations).find((o) => o.id === id);
          return org !== undefined && org.memberIds.includes(customer.accountId) ? [{ id: org.id, name: org.name }] : [];
        }),
        requestTypeId: requestType.id,
        requestTypeName: requestType.name,
        components: [],
        labels: [],
        priority,
      },
      at,
    );
    if (result.status === 'uncovered') return { minutes: 960, calendar: officeCalendar, level: null };
    const calendar = compileCalendar(result.terms.calendar);
    return { minutes: result.terms.resolutionMinutes, calendar, level: result.terms.level.name };
  };

  /**
   * Plans one request from creation to (maybe) resolution; actions at or after `stopAt` are left out.
   * `late` fixes the request type and priority and resolves it at `share` of its target (> 1: late).
   */
  const planRequest = (
    index: number,
    customer: UserRecord,
    created: Date,
    stopAt: Date,
    forceOpen: boolean,
    late?: { type: DemoRequestType; priority: string; share: number },
  ): void => {
    const type = late?.type ?? random.weighted(demoRequestTypes.map((t) => [t, t.weight] as const));
    const priority = late?.priority ?? random.weighted(priorities);
    const agent = agentFor(customer);
    const push = (at: Date, step: PlannedStep): void => {
      if (at.getTime() < stopAt.getTime()) add(index, at, step);
    };
    push(created, {
      kind: 'create',
      customer: customer.accountId,
      requestTypeId: site.site.requestTypes[type.key].id,
      summary: random.pick(type.summaries),
      description: `${random.pick(['Hi,', 'Hello team,', 'Good morning,'])}\n\n${random.pick(type.summaries)}. ${random.pick(['It is blocking our work.', 'Not urgent, but annoying.', 'Several colleagues have the same problem.', 'Could you have a look?'])}\n\n${customer.displayName}`,
      priority,
    });

    const target = guessTarget(customer, type, priority, created);
    const breachChance = target.level === null ? 0 : target.level.startsWith('Gold') ? 0.06 : target.level === 'Bronze' ? 0.16 : 0.1;
    const breach = late === undefined ? random.chance(breachChance) : true;
    const share = late?.share ?? (breach ? 1.05 + random.next() * 0.9 : 0.12 + random.next() * 0.78);
    const resolveAfter = Math.max(10, Math.round(target.minutes * share));

    // first response: start progress and reply within a small part of the target
    const responseMinutes = Math.max(3, Math.min(resolveAfter - 2, Math.round(Math.min(240, target.minutes * 0.15) * (0.2 + random.next()))));
    const responded = addBusinessMinutes(target.calendar, created, responseMinutes);
    push(responded, { kind: 'transition', actor: agent, transition: 'Start progress' });
    push(new Date(responded.getTime() + minute), { kind: 'comment', actor: agent, body: random.pick(replies), internal: false });

    // sometimes an internal note, a wait for the customer, or a priority change
    const pauses: { from: Date; to: Date }[] = [];
    if (random.chance(0.3)) {
      push(new Date(responded.getTime() + random.int(5, 90) * minute), { kind: 'comment', actor: agent, body: random.pick(['Checked the logs, nothing odd yet.', 'Asked the vendor for a replacement part.', 'Looks like the same issue as last month.']), internal: true });
    }
    if (random.chance(0.25) && resolveAfter > responseMinutes + 30) {
      const askAt = addBusinessMinutes(target.calendar, created, responseMinutes + Math.round((resolveAfter - responseMinutes) * 0.3));
      const answerAt = new Date(askAt.getTime() + random.int(1, 30) * hour);
      push(askAt, { kind: 'transition', actor: agent, transition: 'Wait for customer' });
      push(new Date(askAt.getTime() + minute), { kind: 'comment', actor: agent, body: random.pick(questions), internal: false });
      push(answerAt, { kind: 'comment', actor: customer.accountId, body: random.pick(customerAnswers), internal: false });
      pauses.push({ from: askAt, to: answerAt });
    }
    if (random.chance(0.06)) {
      const changeAt = addBusinessMinutes(target.calendar, created, Math.round(responseMinutes + (resolveAfter - responseMinutes) * 0.2), pauses);
      const next = priority === 'Highest' || priority === 'High' ? 'Medium' : 'High';
      push(changeAt, { kind: 'priority', actor: agent, priority: next });
    }
    if (forceOpen) return;

    const resolved = addBusinessMinutes(target.calendar, created, resolveAfter, pauses);
    push(resolved, { kind: 'comment', actor: agent, body: random.pick(closings), internal: false });
    push(new Date(resolved.getTime() + minute), { kind: 'transition', actor: agent, transition: 'Resolve' });
    if (random.chance(0.03)) {
      const reopenAt = new Date(resolved.getTime() + random.int(3, 30) * hour);
      push(reopenAt, { kind: 'comment', actor: customer.accountId, body: 'Sorry, the problem is back since this morning.', internal: false });
      push(new Date(reopenAt.getTime() + 20 * minute), { kind: 'transition', actor: agent, transition: 'Reopen' });
      const again = addBusinessMinutes(target.calendar, new Date(reopenAt.getTime() + 20 * minute), random.int(30, 240));
      push(again, { kind: 'comment', actor: agent, body: 'Fixed for good this time: we replaced the faulty part.', internal: false });
      push(new Date(again.getTime() + minute), { kind: 'transition', actor: agent, transition: 'Resolve' });
    }
  };

  // a quarter of history, spread by customer weight
  const orgWeights = (Object.keys(demoOrganizationWeights) as DemoOrganizationKey[]).map((key) => [key, demoOrganizationWeights[key]] as const);
  const pickCustomer = (): UserRecord => random.pick(customersOf(random.weighted(orgWeights)));
  const historyCount = 330;
  let index = 0;
  for (; index < historyCount; index += 1) {
    const customer = pickCustomer();
    planRequest(index, customer, pickCreation(random, demoHistoryStart, demoHistoryEnd, customer.timeZone), demoNow, false);
  }
  // the last days before "now": a few requests still in flight, some about to run out of time
  const recentFrom = new Date(demoNow.getTime() - 4 * day);
  for (let recent = 0; recent < 12; recent += 1, index += 1) {
    const customer = pickCustomer();
    planRequest(index, customer, pickCreation(random, recentFrom, demoNow, customer.timeZone), demoNow, random.chance(0.7));
  }
  // August: a bad week for Acme's e-mail — three Gold requests resolved late in the same month, so
  // Gold's service credits are due for August (5 % of the e-mail price per late P2 request), and
  // Acme's Gold agreement falls short of its 95 % objective for the quarter.
  const emailType = demoRequestTypes.find((t) => t.key === 'email');
  if (emailType === undefined) throw new Error('The demo needs the e-mail request type.');
  const aliceUser = site.site.users.alice;
  for (const [at, share] of [
    ['2026-08-11T07:15:00Z', 1.5],
    ['2026-08-12T09:40:00Z', 1.8],
    ['2026-08-13T12:05:00Z', 1.3],
  ] as const) {
    planRequest(index, aliceUser, new Date(at), demoNow, false, { type: emailType, priority: 'High', share });
    index += 1;
  }
  // this morning: Acme's network is down (Gold, P1) — at risk before lunch unless someone acts
  const alice = site.site.users.alice.accountId;
  const sanne = site.site.users.sanne.accountId;
  add(index, new Date(demoNow.getTime() - 50 * minute), {
    kind: 'create',
    customer: alice,
    requestTypeId: site.site.requestTypes.network.id,
    summary: 'Whole office has no internet',
    description: 'Since 08:30 nobody in the Rotterdam office can reach the internet. Trucks cannot be dispatched.\n\nAlice',
    priority: 'Highest',
  });
  add(index, new Date(demoNow.getTime() - 35 * minute), { kind: 'transition', actor: sanne, transition: 'Start progress' });
  add(index, new Date(demoNow.getTime() - 34 * minute), { kind: 'comment', actor: sanne, body: 'We see the outage and are on our way to the router cabinet.', internal: false });
  index += 1;
  actions.sort((a, b) => a.at.getTime() - b.at.getTime() || a.sequence - b.sequence);
  return { actions, requests: index };
}
