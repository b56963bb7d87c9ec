/**
 * The sandbox as a web server others can reach (issue 10, items 14 and 15): pages of other origins
 * may not change it, state-changing requests carry JSON, the Host must be its own; injected faults
 * answer the app's Jira calls 429 / 503 and never anyone else's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFaultInjector, readFaultOptions } from '../../sandbox/jira/jira-faults';
import { createJiraApp } from '../../sandbox/jira/jira-server';
import { createJiraModel } from '../../sandbox/jira/jira-model';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import { seedBaseSite } from '../../sandbox/jira/jira-seed';
import { openSandbox, type Sandbox } from '../../sandbox/open-sandbox';
import { ownHosts, refusalOf } from '../../sandbox/origin-rule';

jest.setTimeout(60_000);

describe('the origin rule', () => {
  const own = '127.0.0.1:3000';
  it.each<[string, Parameters<typeof refusalOf>[0], RegExp | null]>([
    ['a page of the sandbox posting JSON', { method: 'POST', host: own, origin: 'http://127.0.0.1:3000', secFetchSite: 'same-origin' }, null],
    ['the sandbox under the name localhost', { method: 'POST', host: 'localhost:3000', origin: 'http://localhost:3000', secFetchSite: 'same-origin' }, null],
    ['a non-browser client (no Origin, no Sec-Fetch-Site)', { method: 'PUT', host: own, origin: undefined, secFetchSite: undefined }, null],
    ['a read from anywhere', { method: 'GET', host: own, origin: 'https://evil.example', secFetchSite: 'cross-site' }, null],
    ['another site posting', { method: 'POST', host: own, origin: 'https://evil.example', secFetchSite: 'cross-site' }, /Origin https:\/\/evil\.example/],
    ['another port of the same machine', { method: 'DELETE', host: own, origin: 'http://127.0.0.1:8080', secFetchSite: undefined }, /Origin/],
    ['a sandboxed frame or a file (Origin null)', { method: 'POST', host: own, origin: 'null', secFetchSite: 'cross-site' }, /Origin null/],
    ['a cross-site request without Origin', { method: 'POST', host: own, origin: undefined, secFetchSite: 'cross-site' }, /Sec-Fetch-Site cross-site/],
    ['a name rebound to 127.0.0.1 (DNS rebinding), even a read', { method: 'GET', host: 'evil.example:3000', origin: undefined, secFetchSite: undefined }, /Host evil\.example:3000/],
    ['no Host at all', { method: 'GET', host: undefined, origin: undefined, secFetchSite: undefined }, /Host missing/],
  ])('%s', (_case, request, refusal) => {
    const answer = refusalOf(request, 3000);
    if (refusal === null) expect(answer).toBeNull();
    else expect(answer).toMatch(refusal);
  });

  it('knows the sandbox by its loopback names and port', () => {
    expect(ownHosts(3000)).toEqual(['127.0.0.1:3000', 'localhost:3000', '[::1]:3000']);
  });
});

describe('the sandbox refuses other origins and other content types', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-http-'));
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await openSandbox({ dataDir, port: 0, start: 'base', print: 'silent', frozenClock: true, schedule: false });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (pathname: string, body: string, headers: Record<string, string>) =>
    fetch(`${sandbox.url}${pathname}`, { method: 'POST', headers, body });
  const admin = () => {
    const user = sandbox.model().users().find((u) => u.role === 'admin');
    if (user?.emailAddress == null) throw new Error('no admin');
    return `Basic ${Buffer.from(`${user.emailAddress}:token`).toString('base64')}`;
  };
  const firstIssueKey = async (): Promise<string> => {
    const desk = sandbox.model().serviceDesks()[0];
    const created = await post(
      '/rest/servicedeskapi/request',
      JSON.stringify({ serviceDeskId: desk?.id, requestTypeId: desk?.requestTypes[0]?.id, requestFieldValues: { summary: 'Origin test' } }),
      { 'content-type': 'application/json', authorization: admin() },
    );
    expect(created.status).toBe(201);
    return ((await created.json()) as { issueKey: string }).issueKey;
  };

  it('a text/plain POST from another site cannot move the clock (or extend a deadline)', async () => {
    const before = sandbox.clock.now().toISOString();
    const response = await post('/sandbox/api/clock', JSON.stringify({ action: 'advance', ms: 86_400_000 }), {
      'content-type': 'text/plain',
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, message: expect.stringContaining('evil.example') });
    expect(sandbox.clock.now().toISOString()).toBe(before);
  });

  it('refuses a body that is not JSON even from its own pages, and takes JSON from them', async () => {
    const own = { origin: sandbox.url, 'sec-fetch-site': 'same-origin' };
    const before = sandbox.clock.now().getTime();
    const plain = await post('/sandbox/api/clock', JSON.stringify({ action: 'advance', ms: 60_000 }), { ...own, 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ ok: false, message: expect.stringContaining('application/json') });
    const form = await post('/sandbox/api/clock', 'action=advance&ms=60000', { ...own, 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(sandbox.clock.now().getTime()).toBe(before);
    const json = await post('/sandbox/api/clock', JSON.stringify({ action: 'advance', ms: 60_000 }), { ...own, 'content-type': 'application/json' });
    expect(json.status).toBe(200);
    expect(sandbox.clock.now().getTime()).toBe(before + 60_000);
  });

  it('refuses a cross-origin write to the emulated REST API in Jira\u2019s words, and changes nothing', async () => {
    const key = await firstIssueKey();
    const comments = () => sandbox.model().findIssue(key)?.comments.length;
    const before = comments();
    const response = await post(`/rest/api/3/issue/${key}/comment`, JSON.stringify({ body: 'forged' }), {
      'content-type': 'application/json',
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errorMessages: [expect.stringContaining('XSRF check failed')], errors: {} });
    expect(comments()).toBe(before);
  });

  it('takes writes from non-browser clients with Basic auth (curl, jira.js), v2 and v3, but only as JSON', async () => {
    const key = await firstIssueKey();
    const v2 = await post(`/rest/api/2/issue/${key}/comment`, JSON.stringify({ body: 'from curl' }), { 'content-type': 'application/json', authorization: admin() });
    expect(v2.status).toBe(201);
    const plain = await post(`/rest/api/3/issue/${key}/comment`, 'from curl -d', { 'content-type': 'application/x-www-form-urlencoded', authorization: admin() });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toEqual({ errorMessages: [expect.stringContaining('application/json')], errors: {} });
    const sd = await post(`/rest/servicedeskapi/request/${key}/comment`, 'hello', { 'content-type': 'text/plain', authorization: admin() });
    expect(sd.status).toBe(415);
    expect(await sd.json()).toMatchObject({ errorMessage: expect.stringContaining('application/json') });
    expect(sandbox.model().findIssue(key)?.comments).toHaveLength(1);
  });

  it('answers nothing to a name rebound to 127.0.0.1 (DNS rebinding)', async () => {
    const url = new URL(sandbox.url);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: url.hostname, port: url.port, path: '/sandbox/api/state', headers: { host: `rebound.example:${url.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(403);
  });

  it('moves the clock without waiting for the sweep when asked (settle: false), and reports its memory', async () => {
    const own = { origin: sandbox.url, 'content-type': 'application/json' };
    const before = sandbox.clock.now().getTime();
    const moved = await post('/sandbox/api/clock', JSON.stringify({ action: 'advance', ms: 300_000, settle: false }), own);
    expect(moved.status).toBe(200);
    expect(sandbox.clock.now().getTime()).toBe(before + 300_000);
    const refused = await post('/sandbox/api/clock', JSON.stringify({ action: 'advance', ms: 1, settle: 'no' }), own);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ message: expect.stringContaining('settle') });
    const state = (await (await fetch(`${sandbox.url}/sandbox/api/state`)).json()) as { value: { memory: { rssMb: number; heapUsedMb: number } } };
    expect(state.value.memory.rssMb).toBeGreaterThan(state.value.memory.heapUsedMb);
    expect(state.value.memory.heapUsedMb).toBeGreaterThan(1);
  });

  it('still serves its pages to a link followed from another site', async () => {
    const response = await fetch(`${sandbox.url}/portal`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(200);
  });
});

describe('injected Jira faults (SANDBOX_FAULTS)', () => {
  const app = readJiraAppDefinition();

  it('reads the fraction and the seed, and names a bad value', () => {
    expect(readFaultOptions({})).toEqual({ rate: 0, seed: 1 });
    expect(readFaultOptions({ SANDBOX_FAULTS: '0.3', SANDBOX_FAULTS_SEED: '7' })).toEqual({ rate: 0.3, seed: 7 });
    expect(() => readFaultOptions({ SANDBOX_FAULTS: '30%' })).toThrow(/SANDBOX_FAULTS/);
    expect(() => readFaultOptions({ SANDBOX_FAULTS: '1.5' })).toThrow(/SANDBOX_FAULTS/);
  });

  it('faults about that share of the app\u2019s calls, half 429 and half 503, repeatably, and never a person\u2019s', () => {
    const decide = (seed: number) => {
      const faults = createFaultInjector({ rate: 0.3, seed });
      return Array.from({ length: 4000 }, () => faults.decide(true).kind);
    };
    const kinds = decide(11);
    expect(decide(11)).toEqual(kinds);
    const faulted = kinds.filter((k) => k !== 'none').length / kinds.length;
    expect(faulted).toBeGreaterThan(0.27);
    expect(faulted).toBeLessThan(0.33);
    const people = createFaultInjector({ rate: 1, seed: 1 });
    expect(Array.from({ length: 100 }, () => people.decide(false).kind).every((k) => k === 'none')).toBe(true);
    const stats = people.stats();
    expect(stats.appRequests).toBe(0);
  });

  it('answers the app 429 with Retry-After or 503, before or after carrying the request out; people get answers', async () => {
    let now = Date.parse('2026-10-05T07:30:00Z');
    const model = createJiraModel({ clock: { now: () => new Date(now) }, app });
    const site = seedBaseSite(model);
    const issue = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'x' });
    const faults = createFaultInjector({ rate: 1, seed: 3 });
    const jira = createJiraApp({ model: () => model, faults });
    const statuses = new Map<number, number>();
    let retryAfterOn429 = true;
    const unavailable: { probe: number; retryAfter: string | undefined }[] = [];
    for (let i = 0; i < 60; i += 1) {
      now += 1000;
      const answer = await jira.inject({
        method: 'PUT',
        url: `/rest/api/3/issue/${issue.key}/properties/probe-${i}`,
        headers: { authorization: `Bearer ${model.appToken}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ i }),
      });
      statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
      if (answer.statusCode === 429) retryAfterOn429 &&= answer.headers['retry-after'] === '1';
      const retryAfter = answer.headers['retry-after'];
      if (answer.statusCode === 503) unavailable.push({ probe: i, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined });
    }
    expect([...statuses.keys()].sort()).toEqual([429, 503]);
    expect(retryAfterOn429).toBe(true);
    const { tooManyRequests, unavailableBefore, unavailableAfter } = faults.stats();
    expect(tooManyRequests + unavailableBefore + unavailableAfter).toBe(60);
    // a 503 "after" carried the write out; a 429 or a 503 "before" did not
    const written = Object.keys(model.findIssue(issue.key)?.properties ?? {}).filter((k) => k.startsWith('probe-')).length;
    expect(written).toBe(unavailableAfter);
    expect(unavailableAfter).toBeGreaterThan(0);
    // Jira's "resource limit" 503 carries Retry-After and changed nothing; the gateway's 503 after
    // the write carries none (ADR 0031)
    const properties = model.findIssue(issue.key)?.properties ?? {};
    expect(unavailable.filter((u) => u.retryAfter === '1').every((u) => properties[`probe-${u.probe}`] === undefined)).toBe(true);
    expect(unavailable.filter((u) => u.retryAfter === undefined).every((u) => properties[`probe-${u.probe}`] !== undefined)).toBe(true);
    expect(unavailable.filter((u) => u.retryAfter === '1')).toHaveLength(unavailableBefore);
    const person = await jira.inject({
      method: 'GET',
      url: `/rest/api/3/issue/${issue.key}`,
      headers: { authorization: `Basic ${Buffer.from(`${site.users.sanne.emailAddress ?? ''}:t`).toString('base64')}` },
    });
    expect(person.statusCode).toBe(200);
  });
});
