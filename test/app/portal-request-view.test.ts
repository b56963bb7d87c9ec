/**
 * What a customer reads of a request's clock (issue 13.1): one expectation per target in the
 * wording agents use — expected by, on hold while we wait for your reply, running late (with the new
 * estimate once an agent promised one), resolved on time or late — for every clock state, never
 * "at risk"; the agreement without another organization's contract name.
 */
import { uncoveredReasonSchema, type ClockFact, type ClockPromise, type ClockRecord } from '../../src/contract/clock-record';
import { notCoveredReasonSchema } from '../../src/contract/portal-api';
import { parseContractDatabase } from '../../src/contract/contract-database';
import { customerPromiseOf, expectationOf, presentPortalRequest, type CustomerPromise } from '../../src/app/portal-request-view';
import { startClock } from '../../src/domain/clock';
import { describeClock } from '../../src/domain/clock-view';
import { OPEN, covered, fact, makeTerms, UTC_OFFICE } from '../domain/clock-fixtures';

// P3 on a 24x7 UTC calendar: 240 min resolution (deadline 12:00), 60 min first response (09:00).
const CREATED = new Date('2026-03-02T08:00:00Z');
const DEADLINE = '2026-03-02T12:00:00.000Z';
const RESPONSE_DEADLINE = '2026-03-02T09:00:00.000Z';

function clock(facts: ClockFact[], now: string, terms = makeTerms()): ClockRecord {
  return startClock({ termsResolution: covered(terms), createdAt: CREATED, status: OPEN, now: new Date(now), facts });
}

const database = (() => {
  const parsed = parseContractDatabase({
    schemaVersion: 2,
    calendars: [{ id: '24x7', name: '24x7', timeZone: 'UTC', week: { mon: [['00:00', '24:00']] } }],
    services: [{ id: 'email', name: 'E-mail' }],
    levels: [{ id: 'gold', name: 'Gold', colour: '#D4A017', revisions: [{ effectiveFrom: '2026-01-01', calendarId: '24x7', targets: makeTerms().targets }] }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.database;
})();

function view(record: ClockRecord | null, now: string, options: { promise?: CustomerPromise | null; contractIsCallers?: boolean } = {}) {
  return presentPortalRequest({
    issueKey: 'ITS-7',
    record,
    database,
    timeZone: 'Europe/Amsterdam',
    contractIsCallers: options.contractIsCallers ?? true,
    promise: options.promise ?? null,
    now: new Date(now),
  });
}

describe('the customer\'s expectation of the resolution and the first response', () => {
  it.each<{ name: string; facts: ClockFact[]; now: string; promise?: CustomerPromise; resolution: unknown; response: unknown }>([
    {
      name: 'counting: expected by the deadline, respond by the response deadline',
      facts: [],
      now: '2026-03-02T08:30:00Z',
      resolution: { kind: 'expected', by: DEADLINE },
      response: { kind: 'expected', by: RESPONSE_DEADLINE },
    },
    {
      name: 'at risk reads as expected (never "at risk")',
      facts: [fact.comment('c1', '2026-03-02T08:20:00Z')],
      now: '2026-03-02T11:30:00Z',
      resolution: { kind: 'expected', by: DEADLINE },
      response: { kind: 'done-on-time', at: '2026-03-02T08:20:00.000Z' },
    },
    {
      name: 'waiting for the customer: on hold while we wait for your reply',
      facts: [fact.comment('c1', '2026-03-02T08:20:00Z'), fact.waiting('w1', '2026-03-02T09:00:00Z')],
      now: '2026-03-02T15:00:00Z',
      resolution: { kind: 'on-hold', cause: 'your-reply' },
      response: { kind: 'done-on-time', at: '2026-03-02T08:20:00.000Z' },
    },
    {
      name: 'paused by an agent: on hold, not "waiting for you"',
      facts: [fact.pause('p1', '2026-03-02T08:10:00Z')],
      now: '2026-03-02T15:00:00Z',
      resolution: { kind: 'on-hold', cause: 'paused' },
      response: { kind: 'on-hold', cause: 'paused' },
    },
    {
      name: 'past the deadline without a promise: running late, no invented estimate',
      facts: [fact.comment('c1', '2026-03-02T09:30:00Z')],
      now: '2026-03-02T13:00:00Z',
      resolution: { kind: 'running-late', expectedBy: DEADLINE, estimate: null },
      response: { kind: 'done-late', at: '2026-03-02T09:30:00.000Z' },
    },
    {
      name: 'past the deadline with a promise in force: running late, our new estimate',
      facts: [fact.comment('c1', '2026-03-02T08:20:00Z')],
      now: '2026-03-02T13:00:00Z',
      promise: { expectedAt: '2026-03-02T16:00:00.000Z', state: 'pending' },
      resolution: { kind: 'running-late', expectedBy: DEADLINE, estimate: '2026-03-02T16:00:00.000Z' },
      response: { kind: 'done-on-time', at: '2026-03-02T08:20:00.000Z' },
    },
    {
      name: 'a lapsed promise is no estimate any more',
      facts: [fact.comment('c1', '2026-03-02T08:20:00Z')],
      now: '2026-03-02T17:00:00Z',
      promise: { expectedAt: '2026-03-02T16:00:00.000Z', state: 'lapsed' },
      resolution: { kind: 'running-late', expectedBy: DEADLINE, estimate: null },
      response: { kind: 'done-on-time', at: '2026-03-02T08:20:00.000Z' },
    },
    {
      name: 'a promise before the deadline passed replaces the deadline',
      facts: [fact.comment('c1', '2026-03-02T08:20:00Z')],
      now: '2026-03-02T11:30:00Z',
      promise: { expectedAt: '2026-03-02T15:00:00.000Z', state: 'pending' },
      resolution: { kind: 'expected', by: '2026-03-02T15:00:00.000Z' },
      response: { kind: 'done-on-time', at: '2026-03-02T08:20:00.000Z' },
    },
    {
      name: 'a promise earlier than the deadline never moves the agreed time forward',
      facts: [],
      now: '2026-03-02T08:30:00Z',
      promise: { expectedAt: '2026-03-02T10:00:00.000Z', state: 'pending' },
      resolution: { kind: 'expected', by: DEADLINE },
      response: { kind: 'expected', by: RESPONSE_DEADLINE },
    },
    {
      name: 'late and then waiting for the customer: what they can do comes first',
      facts: [fact.comment('c1', '2026-03-02T08:20:00Z'), fact.waiting('w1', '2026-03-02T12:30:00Z')],
      now: '2026-03-02T13:00:00Z',
      resolution: { kind: 'on-hold', cause: 'your-reply' },
      response: { kind: 'done-on-time', at: '2026-03-02T08:20:00.000Z' },
    },
    {
      name: 'resolved on time',
      facts: [fact.comment('c1', '2026-03-02T08:20:00Z'), fact.resolved('r1', '2026-03-02T11:00:00Z')],
      now: '2026-03-02T13:00:00Z',
      resolution: { kind: 'done-on-time', at: '2026-03-02T11:00:00.000Z' },
      response: { kind: 'done-on-time', at: '2026-03-02T08:20:00.000Z' },
    },
    {
      name: 'resolved late',
      facts: [fact.comment('c1', '2026-03-02T08:20:00Z'), fact.resolved('r1', '2026-03-02T12:30:00Z')],
      now: '2026-03-02T13:00:00Z',
      resolution: { kind: 'done-late', at: '2026-03-02T12:30:00.000Z' },
      response: { kind: 'done-on-time', at: '2026-03-02T08:20:00.000Z' },
    },
  ])('$name', ({ facts, now, promise, resolution, response }) => {
    const answer = view(clock(facts, now), now, { promise: promise ?? null });
    expect(answer.status).toBe('tracked');
    expect(answer.resolution).toEqual(resolution);
    expect(answer.response).toEqual(response);
  });

  it('moves a waiting-for-customer pause into a running expectation again once the customer replied', () => {
    const facts = [fact.waiting('w1', '2026-03-02T09:00:00Z'), fact.working('w2', '2026-03-02T10:00:00Z')];
    // One hour on hold: the deadline moves from 12:00 to 13:00.
    expect(view(clock(facts, '2026-03-02T10:30:00Z'), '2026-03-02T10:30:00Z').resolution).toEqual({ kind: 'expected', by: '2026-03-02T13:00:00.000Z' });
  });

  it('words every reason the record can give for no contract (the two enums stay equal)', () => {
    expect(notCoveredReasonSchema.options).toEqual(uncoveredReasonSchema.options);
  });

  it('has nothing to say of a target that does not exist', () => {
    expect(expectationOf(null, null, null)).toBeNull();
  });
});

describe('the promise in force as the customer reads it', () => {
  const stored = (state: ClockPromise['state']): ClockPromise => ({
    id: 'promise:10042',
    madeAt: '2026-03-02T12:30:00.000Z',
    by: 'agent-1',
    expectedAt: '2026-03-02T16:00:00.000Z',
    basis: 'date-time',
    commentId: '10042',
    warnAt: '2026-03-02T15:00:00.000Z',
    warnedAt: null,
    state,
  });

  it('is none without a promise, and the stored state while the promised time has not passed', () => {
    expect(customerPromiseOf(null, new Date('2026-03-02T13:00:00Z'))).toBeNull();
    expect(customerPromiseOf(stored('pending'), new Date('2026-03-02T13:00:00Z'))).toEqual({ expectedAt: '2026-03-02T16:00:00.000Z', state: 'pending' });
    expect(customerPromiseOf(stored('pending'), new Date('2026-03-02T16:00:00Z'))).toEqual({ expectedAt: '2026-03-02T16:00:00.000Z', state: 'pending' });
  });

  it('has lapsed once the promised time passed, even while the stored record still says pending', () => {
    expect(customerPromiseOf(stored('pending'), new Date('2026-03-02T16:00:01Z'))?.state).toBe('lapsed');
    expect(customerPromiseOf(stored('lapsed'), new Date('2026-03-02T13:00:00Z'))?.state).toBe('lapsed');
    // a kept promise stays kept: the request was resolved by the promised time
    expect(customerPromiseOf(stored('kept'), new Date('2026-03-02T17:00:00Z'))?.state).toBe('kept');
  });

  it('gives a stale pending promise no estimate in the view', () => {
    const now = '2026-03-02T17:00:00Z';
    const answer = view(clock([fact.comment('c1', '2026-03-02T08:20:00Z')], now), now, { promise: customerPromiseOf(stored('pending'), new Date(now)) });
    expect(answer.resolution).toEqual({ kind: 'running-late', expectedBy: DEADLINE, estimate: null });
  });
});

describe('the agreement and the status of the request', () => {
  it('names service, level with its colour, and the caller\'s own contract', () => {
    const answer = view(clock([], '2026-03-02T08:30:00Z'), '2026-03-02T08:30:00Z');
    expect(answer).toMatchObject({
      issueKey: 'ITS-7',
      timeZone: 'Europe/Amsterdam',
      calendarTimeZone: 'UTC',
      computedAt: '2026-03-02T08:30:00.000Z',
      agreement: { service: 'E-mail', level: { name: 'Gold', colour: '#D4A017' }, bespoke: false, bestEffort: false, contractName: 'ACME 2026' },
    });
  });

  it('leaves out the name of a contract that is not the caller\'s', () => {
    expect(view(clock([], '2026-03-02T08:30:00Z'), '2026-03-02T08:30:00Z', { contractIsCallers: false }).agreement?.contractName).toBeNull();
  });

  it('says best effort for fallback terms, with the calendar zone of the fallback level', () => {
    const terms = makeTerms({ coverage: 'fallback', fallbackReason: 'unknown-organization', contract: null, contractVersion: null, customer: null, calendar: UTC_OFFICE });
    const answer = view(clock([], '2026-03-02T09:30:00Z', terms), '2026-03-02T09:30:00Z');
    expect(answer.agreement).toMatchObject({ bestEffort: true, contractName: null });
    expect(answer.notCoveredReason).toBe('unknown-organization');
    expect(answer.resolution).toEqual({ kind: 'expected', by: '2026-03-02T13:00:00.000Z' });
  });

  it('is pending while no clock is stored, not covered without terms, unavailable for a broken clock', () => {
    expect(view(null, '2026-03-02T08:30:00Z')).toMatchObject({ status: 'pending', agreement: null, resolution: null, response: null });
    const uncovered = startClock({
      termsResolution: { status: 'uncovered', reason: 'no-organization', priorityClass: 'P3', jiraPriority: null, explanation: [], summary: '' },
      createdAt: CREATED,
      status: OPEN,
      now: CREATED,
      facts: [],
    });
    expect(view(uncovered, '2026-03-02T08:30:00Z')).toMatchObject({ status: 'not-covered', agreement: null, notCoveredReason: 'no-organization' });
    // A calendar without any business time (a broken stored record): the clock cannot be computed.
    const noBusinessTime: ClockRecord = { ...clock([], '2026-03-02T08:30:00Z'), terms: makeTerms({ calendar: { timeZone: 'UTC', week: { mon: [['09:00', '09:00']] } } }) };
    expect(describeClock(noBusinessTime, new Date('2026-03-02T08:30:00Z')).resolution).toBeNull();
    expect(view(noBusinessTime, '2026-03-02T08:30:00Z')).toMatchObject({ status: 'unavailable', resolution: null });
  });
});
