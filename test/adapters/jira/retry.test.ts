/**
 * The retry policy: which answers are retried, how long it waits (Retry-After in seconds and as an
 * HTTP date, exponential backoff with jitter, the cap) and when it gives up. Sleep, random and the
 * clock are injected, so nothing here waits.
 */
import { NeedsAuthenticationError } from '@forge/api';
import { computeBackoffDelay, isRetryableStatus, mayRetryAnswer, parseRetryAfter, withRetry } from '../../../src/adapters/jira/retry';
import { jiraPath, type JiraRequest, type JiraResponse } from '../../../src/adapters/jira/jira-transport';
import { createFakeTransport, respond } from './fake-transport';

const GET: JiraRequest = { method: 'GET', path: jiraPath`/rest/api/3/issue/${'SD-1'}` };
const POST: JiraRequest = { method: 'POST', path: jiraPath`/rest/api/3/issue/${'SD-1'}/notify`, body: { textBody: 'x' } };
const NOW = Date.parse('2026-03-02T10:00:00.000Z');

function setUp(
  script: readonly (JiraResponse | Error)[],
  options: { random?: () => number; maxAttempts?: number; maxDelayMs?: number; maxTotalDelayMs?: number; remainingMs?: () => number | undefined } = {},
) {
  const { transport, calls } = createFakeTransport(script);
  const sleeps: number[] = [];
  const retrying = withRetry(transport, {
    maxAttempts: options.maxAttempts ?? 4,
    baseDelayMs: 500,
    maxDelayMs: options.maxDelayMs ?? 10_000,
    maxTotalDelayMs: options.maxTotalDelayMs ?? 60_000,
    ...(options.remainingMs === undefined ? {} : { remainingMs: options.remainingMs }),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: options.random ?? (() => 0),
    now: () => NOW,
  });
  return { retrying, calls, sleeps };
}

describe('parseRetryAfter', () => {
  it.each([
    ['delta seconds', '3', 3_000],
    ['zero', '0', 0],
    ['fractional seconds', '1.5', 1_500],
    ['padded', ' 2 ', 2_000],
    ['HTTP date 7 s ahead', 'Mon, 02 Mar 2026 10:00:07 GMT', 7_000],
    ['HTTP date in the past', 'Mon, 02 Mar 2026 09:59:00 GMT', 0],
    ['absent', undefined, undefined],
    ['empty', '', undefined],
    ['negative', '-5', undefined],
    ['garbage', 'soon', undefined],
  ])('%s', (_case, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('computeBackoffDelay', () => {
  const options = { baseDelayMs: 500, maxDelayMs: 10_000 };
  it.each([
    ['first retry, random 0.5', 1, 0.5, 250],
    ['third retry, random 0.5', 3, 0.5, 1_000],
    ['third retry, random just below 1', 3, 0.999, 1_998],
    ['tenth retry is capped', 10, 0.5, 5_000],
    ['random 0 never waits', 4, 0, 0],
  ])('%s', (_case, retry, random, expected) => {
    expect(computeBackoffDelay(retry, { ...options, random: () => random })).toBe(expected);
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [200, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
  ])('%d → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('withRetry', () => {
  it('waits what Retry-After (seconds) asks on a 429, then returns the success', async () => {
    const { retrying, calls, sleeps } = setUp([respond(429, '', { 'retry-after': '3' }), respond(200, '{}')]);
    const response = await retrying(GET);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([3_000]);
  });

  it('reads Retry-After whatever the header name\'s case', async () => {
    const { retrying, sleeps } = setUp([respond(429, '', { 'Retry-After': '2' }), respond(200, '{}')]);
    await retrying(GET);
    expect(sleeps).toEqual([2_000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { retrying, sleeps } = setUp([respond(429, '', { 'retry-after': 'Mon, 02 Mar 2026 10:00:05 GMT' }), respond(200, '{}')]);
    await retrying(GET);
    expect(sleeps).toEqual([5_000]);
  });

  it('adds jitter on top of Retry-After, never below it', async () => {
    const { retrying, sleeps } = setUp([respond(429, '', { 'retry-after': '1' }), respond(200, '{}')], { random: () => 0.5 });
    await retrying(GET);
    expect(sleeps).toEqual([1_250]);
  });

  it('caps a long Retry-After at maxDelayMs', async () => {
    const { retrying, sleeps } = setUp([respond(429, '', { 'retry-after': '3600' }), respond(200, '{}')], { maxDelayMs: 8_000 });
    await retrying(GET);
    expect(sleeps).toEqual([8_000]);
  });

  it('retries a 503 with exponential backoff, then succeeds', async () => {
    const { retrying, calls, sleeps } = setUp([respond(503), respond(503), respond(200, '{"ok":true}')], {
      random: () => 0.5,
    });
    const response = await retrying(GET);
    expect(response.body).toBe('{"ok":true}');
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('gives up after maxAttempts and returns the last answer', async () => {
    const { retrying, calls, sleeps } = setUp([respond(500), respond(502), respond(503), respond(504)], { maxAttempts: 4 });
    const response = await retrying(GET);
    expect(response.status).toBe(504);
    expect(calls).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409])('does not retry a %d', async (status) => {
    const { retrying, calls, sleeps } = setUp([respond(status)]);
    expect((await retrying(GET)).status).toBe(status);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  // This test used to expect a POST retried on 503 too. A 5xx may come after Jira carried the POST
  // out (a reply posted twice, a customer e-mailed twice), so only 429 — "not processed" — is retried.
  it('retries a POST on 429 only, never on a 5xx that may have been carried out', async () => {
    const { retrying, calls } = setUp([respond(429, '', { 'retry-after': '1' }), respond(503), respond(204)]);
    expect((await retrying(POST)).status).toBe(503);
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['GET', 503, true],
    ['PUT', 500, true],
    ['DELETE', 429, true],
    ['POST', 429, true],
    ['POST', 500, false],
    ['POST', 503, false],
    ['GET', 404, false],
  ] as const)('mayRetryAnswer(%s, %i) is %s', (method, status, expected) => {
    expect(mayRetryAnswer(method, status)).toBe(expected);
  });

  it('never retries Forge\'s consent error, and rethrows the very same object', async () => {
    const consent = new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
    const { retrying, calls, sleeps } = setUp([consent, respond(200)]);
    await expect(retrying(GET)).rejects.toBe(consent);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('keeps the waits of one request within its total budget', async () => {
    const { retrying, calls, sleeps } = setUp([respond(503), respond(503), respond(503), respond(200)], {
      random: () => 0.999,
      maxTotalDelayMs: 1_600,
    });
    // waits would be ≈ 499, 999, 1998: the third does not fit 1 600 ms, so the third answer stands
    expect((await retrying(GET)).status).toBe(503);
    expect(calls).toHaveLength(3);
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(1_600);
  });

  it('starts no wait the invocation has no time left for (Forge\'s invocationRemainingTimeInMillis)', async () => {
    const { retrying, calls, sleeps } = setUp([respond(429, '', { 'retry-after': '3' }), respond(200)], { remainingMs: () => 7_000 });
    // 3 s of Retry-After would leave 4 s, less than the 5 s kept for the call and the rest of the invocation
    expect((await retrying(GET)).status).toBe(429);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('waits when the invocation has time enough', async () => {
    const { retrying, calls } = setUp([respond(429, '', { 'retry-after': '1' }), respond(200)], { remainingMs: () => 20_000 });
    expect((await retrying(GET)).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it('retries a thrown transport error for a GET and rethrows the last one', async () => {
    const first = new Error('ECONNRESET');
    const last = new Error('ETIMEDOUT');
    const { retrying, calls } = setUp([first, last], { maxAttempts: 2 });
    await expect(retrying(GET)).rejects.toBe(last);
    expect(calls).toHaveLength(2);
  });

  it('does not retry a thrown transport error for a POST', async () => {
    const failure = new Error('socket hang up');
    const { retrying, calls } = setUp([failure]);
    await expect(retrying(POST)).rejects.toBe(failure);
    expect(calls).toHaveLength(1);
  });

  it('with maxAttempts 1 never retries', async () => {
    const { retrying, calls } = setUp([respond(503)], { maxAttempts: 1 });
    expect((await retrying(GET)).status).toBe(503);
    expect(calls).toHaveLength(1);
  });

  it('uses the real clock and timer by default, waiting the Retry-After', async () => {
    const { transport, calls } = createFakeTransport([respond(429, '', { 'retry-after': '0.05' }), respond(200, '{}')]);
    const started = Date.now();
    const response = await withRetry(transport, { baseDelayMs: 1 })(GET);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
