/**
 * The sweep's notes and notifications are delivered exactly once in effect (ADR 0031): a note whose
 * POST failed — refused, or carried out with its answer lost — is completed by a later sweep, after
 * looking for its marker when it may have been posted; racing sweeps and a sweep that vanished
 * mid-way never post it twice. Through the real handlers and the Jira emulator, with faults put
 * between the app and the emulator.
 */
import { APP_NOTE_PROPERTY_KEY } from '../../src/app/jira-ports';
import { reconcileClock } from '../../src/app/reconcile-clock';
import { NOTICE_LEASE_MS } from '../../src/app/sweep-notice';
import { createHarness, type Harness } from './app-harness';
import { clockNotifications, deliverAll, issueIdOf, propertyOf, raise, storedClockOf } from './clock-helpers';

const NOTE_POST = /^\/rest\/api\/3\/issue\/\d+\/comment$/;
const NOTIFY_POST = /^\/rest\/api\/3\/issue\/\d+\/notify$/;
const COMMENT_LIST = /^GET \/rest\/api\/3\/issue\/\d+\/comment$/;

type Fault = 'refused' | 'refused-retry-after' | 'answer-lost';

function unavailable(retryAfter: boolean): Response {
  return new Response(JSON.stringify({ errorMessages: ['Service unavailable.'], errors: {} }), {
    status: 503,
    headers: { 'content-type': 'application/json', ...(retryAfter ? { 'retry-after': '1' } : {}) },
  });
}

/** Faults the next `times` app requests matching `method` and `path`. */
function faultNext(h: Harness, method: string, path: RegExp, fault: Fault, times = 1): void {
  let left = times;
  h.intercept = async (request, forward) => {
    if (left > 0 && request.method === method && path.test(request.path)) {
      left -= 1;
      if (fault === 'answer-lost') {
        await forward();
        return unavailable(false);
      }
      return unavailable(fault === 'refused-retry-after');
    }
    return forward();
  };
}

/** Jira slow to post, list and notify, so that racing sweeps overlap while one delivers. */
async function slowNotes(request: { method: string; path: string }, forward: () => Promise<Response>): Promise<Response> {
  const slow = (request.method === 'POST' && (NOTE_POST.test(request.path) || NOTIFY_POST.test(request.path))) || COMMENT_LIST.test(`${request.method} ${request.path}`);
  if (slow) await new Promise((resolve) => setTimeout(resolve, 40));
  return forward();
}

function appNotes(h: Harness, key: string) {
  return (h.model.findIssue(key)?.comments ?? []).filter((c) => c.authorId === h.model.appUser().accountId);
}

/** A Highest request whose clock is at risk now, not yet swept. */
async function atRiskRequest(h: Harness): Promise<string> {
  const key = raise(h, 'alice', 'email');
  h.model.setPriority(h.site.users.sanne.accountId, key, 'Highest');
  await deliverAll(h);
  const record = propertyOf(h, key);
  h.clock.now = new Date(Date.parse(record.atRiskAt ?? '') + 60_000);
  return key;
}

/** Five minutes on, the next sweep reads the comments for the marker, and the note and its notification exist once each, nothing pending. */
async function expectNextSweepLooksAndDeliversOnce(h: Harness, key: string): Promise<void> {
  h.advance(5);
  h.reset();
  await h.sweep();
  await deliverAll(h);
  expect(h.jiraCalls.some((call) => COMMENT_LIST.test(call))).toBe(true);
  expect(appNotes(h, key)).toHaveLength(1);
  expect(clockNotifications(h, key)).toHaveLength(1);
  expect((await storedClockOf(h, key)).notice).toBeUndefined();
}

describe('sweep notes after a failed POST (ADR 0031)', () => {
  it('finds a note whose answer was lost after Jira posted it, and sends only the notification next time', async () => {
    const h = await createHarness();
    const key = await atRiskRequest(h);
    faultNext(h, 'POST', NOTE_POST, 'answer-lost');
    await h.sweep();
    await deliverAll(h);
    expect(appNotes(h, key)).toHaveLength(1);
    expect(clockNotifications(h, key)).toHaveLength(0);
    const pending = (await storedClockOf(h, key)).notice;
    expect(pending).toMatchObject({ kind: 'at-risk', step: 'note', maybePosted: true, attempts: 1 });
    expect(pending?.claim).toBeUndefined();
    // the note carries the marker the next sweep looks for
    expect(appNotes(h, key)[0]?.properties[APP_NOTE_PROPERTY_KEY]).toEqual({ id: pending?.id });
    expect(appNotes(h, key)[0]?.internal).toBe(true);

    await expectNextSweepLooksAndDeliversOnce(h, key);

    // and nothing more, however often the sweep comes back
    h.advance(5);
    await h.sweep();
    h.advance(5);
    await h.sweep();
    await deliverAll(h);
    expect(appNotes(h, key)).toHaveLength(1);
    expect(clockNotifications(h, key)).toHaveLength(1);
  });

  it('posts a note that a 503 refused before Jira acted on it, once, after looking for it', async () => {
    const h = await createHarness();
    const key = await atRiskRequest(h);
    faultNext(h, 'POST', NOTE_POST, 'refused');
    await h.sweep();
    expect(appNotes(h, key)).toHaveLength(0);
    expect(propertyOf(h, key).markers.atRiskNotifiedAt).not.toBeNull();
    expect((await storedClockOf(h, key)).notice).toMatchObject({ step: 'note', maybePosted: true });

    await expectNextSweepLooksAndDeliversOnce(h, key);
  });

  it('posts again without looking when Jira said it did nothing (503 with Retry-After), in the same words', async () => {
    const h = await createHarness();
    const key = await atRiskRequest(h);
    faultNext(h, 'POST', NOTE_POST, 'refused-retry-after');
    await h.sweep();
    const pending = (await storedClockOf(h, key)).notice;
    expect(pending).toMatchObject({ step: 'note', maybePosted: false, attempts: 1 });
    const words = pending?.text?.body ?? '';
    expect(words).toContain('at risk');

    h.advance(30); // later, when the clock reads differently: the note still says what it said
    h.reset();
    await h.sweep();
    expect(h.jiraCalls.some((call) => COMMENT_LIST.test(call))).toBe(false);
    expect(appNotes(h, key)).toHaveLength(1);
    expect(JSON.stringify(appNotes(h, key)[0]?.body)).toContain(JSON.stringify(words).slice(1, 40));
    expect(clockNotifications(h, key).map((n) => n.textBody)).toEqual([words]);
  });

  it('sends a notification Jira refused at a later sweep without posting the note again; one that may have gone out is not repeated', async () => {
    const h = await createHarness();
    const key = await atRiskRequest(h);
    faultNext(h, 'POST', NOTIFY_POST, 'refused-retry-after');
    await h.sweep();
    expect(appNotes(h, key)).toHaveLength(1);
    expect(clockNotifications(h, key)).toHaveLength(0);
    expect((await storedClockOf(h, key)).notice).toMatchObject({ step: 'notify', maybePosted: false });
    h.advance(5);
    await h.sweep();
    expect(appNotes(h, key)).toHaveLength(1);
    expect(clockNotifications(h, key)).toHaveLength(1);

    // the breach: its notification answered by a gateway's 503 after it was sent — not sent twice
    const other = await createHarness();
    const late = await atRiskRequest(other);
    await other.sweep();
    other.clock.now = new Date(Date.parse(propertyOf(other, late).deadline ?? '') + 60_000);
    faultNext(other, 'POST', NOTIFY_POST, 'answer-lost');
    await other.sweep();
    other.advance(5);
    await other.sweep();
    other.advance(5);
    await other.sweep();
    expect(appNotes(other, late)).toHaveLength(2);
    expect(clockNotifications(other, late)).toHaveLength(2);
    expect((await storedClockOf(other, late)).notice).toBeUndefined();
  });

  it('posts a pending note once when sweeps race for it', async () => {
    const h = await createHarness();
    const keys = [await atRiskRequest(h)];
    for (const name of ['bob', 'grace'] as const) {
      const key = raise(h, name, 'email');
      h.model.setPriority(h.site.users.sanne.accountId, key, 'Highest');
      keys.push(key);
    }
    await deliverAll(h);
    h.clock.now = new Date(Math.max(...keys.map((key) => Date.parse(propertyOf(h, key).atRiskAt ?? ''))) + 60_000);
    // every first note is answered by a gateway's 503 before Jira saw it: three pending notes that
    // may have been posted (and were not)
    faultNext(h, 'POST', NOTE_POST, 'refused', 3);
    await h.sweep();
    for (const key of keys) expect((await storedClockOf(h, key)).notice).toMatchObject({ maybePosted: true });
    // …then three sweeps at once, two consumers each, and Jira slow to answer a note
    h.advance(5);
    h.intercept = slowNotes;
    // three sweeps' consumers on the same clocks at the same moment, and whole sweep cycles besides
    await Promise.all([
      ...keys.flatMap((key) => [1, 2, 3].map(() => reconcileClock(h.deps, issueIdOf(h, key), { trigger: 'sweep' }))),
      h.sweep({ concurrency: 2 }),
      h.sweep({ concurrency: 2 }),
    ]);
    h.advance(5);
    await h.sweep();
    await deliverAll(h);
    for (const key of keys) {
      expect(appNotes(h, key)).toHaveLength(1);
      expect(clockNotifications(h, key)).toHaveLength(1);
      expect((await storedClockOf(h, key)).notice).toBeUndefined();
    }
  });

  it('races a new notice: of two sweeps that find it owed at once, one posts it', async () => {
    const h = await createHarness();
    const key = await atRiskRequest(h);
    h.intercept = slowNotes;
    const id = issueIdOf(h, key);
    await Promise.all([h.sweep({ concurrency: 2 }), ...[1, 2, 3].map(() => reconcileClock(h.deps, id, { trigger: 'sweep' }))]);
    await deliverAll(h);
    expect(appNotes(h, key)).toHaveLength(1);
    expect(clockNotifications(h, key)).toHaveLength(1);
  });

  it('tries a clock once more in the same sweep after a transient Jira failure, so the notice is not left to a later, staler sweep', async () => {
    const h = await createHarness();
    const key = await atRiskRequest(h);
    const issuePath = new RegExp(`^/rest/api/3/issue/${issueIdOf(h, key)}$`);
    // the issue read fails through all of the client's own retries (four 503s with Retry-After)
    faultNext(h, 'GET', issuePath, 'refused-retry-after', 4);
    await h.sweep();
    expect(appNotes(h, key)).toHaveLength(1);
    expect(clockNotifications(h, key)).toHaveLength(1);
    expect(propertyOf(h, key).markers.atRiskNotifiedAt).not.toBeNull();
  });

  it('neither posts nor notifies again for a sweep that vanished after delivering, once its claim has expired', async () => {
    const h = await createHarness();
    const key = await atRiskRequest(h);
    // the note is posted and the notification sent, then the invocation dies before it can record
    // anything: storage fails
    let posted = false;
    h.intercept = async (request, forward) => {
      const answer = await forward();
      if (request.method === 'POST' && NOTE_POST.test(request.path)) posted = true;
      return answer;
    };
    const transact = h.store.transact.bind(h.store);
    let died = false;
    h.store.transact = (operations) => {
      if (posted && !died) {
        died = true;
        return Promise.reject(new Error('invocation killed'));
      }
      return transact(operations);
    };
    const realNow = Date.now;
    try {
      await h.sweep();
      expect(died).toBe(true);
      expect(appNotes(h, key)).toHaveLength(1);
      expect((await storedClockOf(h, key)).notice?.claim).toBeDefined();
      // while the claim holds (wall-clock time), no other sweep touches the notice
      h.advance(5);
      await h.sweep();
      expect(appNotes(h, key)).toHaveLength(1);
      expect(clockNotifications(h, key)).toHaveLength(1);
      // once it has expired, the next sweep looks for the note and finds it; the vanished invocation
      // may have sent the notification too, so none is sent again (at most once)
      const start = realNow();
      Date.now = () => start + NOTICE_LEASE_MS + 1_000;
      h.advance(5);
      h.reset();
      await h.sweep();
      await deliverAll(h);
      expect(h.jiraCalls.some((call) => COMMENT_LIST.test(call))).toBe(true);
    } finally {
      Date.now = realNow;
    }
    expect(appNotes(h, key)).toHaveLength(1);
    expect(clockNotifications(h, key)).toHaveLength(1);
    expect((await storedClockOf(h, key)).notice).toBeUndefined();
  });
});
