/**
 * Unit tests of the sandbox's pure parts: the movable clock, wall-time conversion for "set time",
 * the bridge shim injection and bundle serving, the Forge contexts built for frames and resolvers,
 * the event-delivery options, the job queue and the queue views of the host.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExtension, buildFrontendContext, buildResolverCall, type IssueRef } from '../../sandbox/bridge/forge-context';
import { injectBridgeShim, readBundleFile } from '../../sandbox/bridge/serve-bundle';
import { createMovableClock, readClockState } from '../../sandbox/clock';
import { isInView, sortForView } from '../../sandbox/host/pages/queue-page';
import { readClockProperty, type RequestSummary } from '../../sandbox/host/view-models';
import { fromWallTimeInput, toWallTimeInput } from '../../sandbox/host/zoned-time';
import { readDeliveryOptions } from '../../sandbox/runtime/event-delivery';
import { createJobQueue } from '../../sandbox/runtime/job-queue';
import { readManifestModules, type UiModule } from '../../sandbox/runtime/manifest-modules';
import { createSandboxLog } from '../../sandbox/runtime/sandbox-log';

describe('movable clock', () => {
  it('lets real time pass from an offset, and moves by set/advance', () => {
    let real = Date.parse('2030-01-01T00:00:00Z');
    const clock = createMovableClock({ initial: new Date('2026-10-05T07:30:00Z'), realNow: () => real });
    expect(clock.now().toISOString()).toBe('2026-10-05T07:30:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-10-05T07:31:30.000Z');
    clock.advance(3_600_000);
    expect(clock.now().toISOString()).toBe('2026-10-05T08:31:30.000Z');
    clock.set(new Date('2026-12-24T12:00:00Z'));
    real += 60_000;
    expect(clock.now().toISOString()).toBe('2026-12-24T12:01:00.000Z');
  });

  it('stands still while frozen and continues from there when resumed', () => {
    let real = 1_000_000;
    const clock = createMovableClock({ initial: new Date('2026-10-05T07:30:00Z'), realNow: () => real });
    clock.freeze();
    real += 3_600_000;
    expect(clock.now().toISOString()).toBe('2026-10-05T07:30:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-10-05T07:31:00.000Z');
    clock.resume();
    real += 1_000;
    expect(clock.now().toISOString()).toBe('2026-10-05T07:31:01.000Z');
  });

  it('tells listeners about moves with the previous instant, and stops after unsubscribe', () => {
    const clock = createMovableClock({ initial: new Date('2026-01-01T00:00:00Z'), frozen: true });
    const seen: string[] = [];
    const off = clock.onChange((now, previous) => seen.push(`${previous.toISOString()}→${now.toISOString()}`));
    clock.advance(1000);
    off();
    clock.advance(1000);
    expect(seen).toEqual(['2026-01-01T00:00:00.000Z→2026-01-01T00:00:01.000Z']);
  });

  it('persists to its file and continues from it after a restart', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clock-'));
    try {
      const file = path.join(dir, 'clock.json');
      const first = createMovableClock({ file, initial: new Date('2026-10-05T07:30:00Z'), frozen: true });
      first.advance(86_400_000);
      expect(readClockState(file)?.frozenAtMs).toBe(Date.parse('2026-10-06T07:30:00Z'));
      const second = createMovableClock({ file, initial: new Date('2000-01-01T00:00:00Z') });
      expect(second.now().toISOString()).toBe('2026-10-06T07:30:00.000Z');
      expect(second.isFrozen()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('suspended when the sandbox stops, it continues from the same instant at the next start', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clock-'));
    try {
      const file = path.join(dir, 'clock.json');
      let real = 1_000_000;
      const running = createMovableClock({ file, initial: new Date('2026-10-05T07:30:00Z'), realNow: () => real });
      real += 60_000;
      running.suspend();
      real += 7 * 86_400_000; // a week off
      const restarted = createMovableClock({ file, realNow: () => real });
      expect(restarted.now().toISOString()).toBe('2026-10-05T07:31:00.000Z');
      expect(restarted.isFrozen()).toBe(false);
      real += 1_000;
      expect(restarted.now().toISOString()).toBe('2026-10-05T07:31:01.000Z');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid date', () => {
    const clock = createMovableClock({ frozen: true });
    expect(() => {
      clock.set(new Date('nonsense'));
    }).toThrow(RangeError);
  });
});

describe('wall time in a zone (the "set time" control)', () => {
  it.each([
    ['summer time, Amsterdam', '2026-10-05T09:30', 'Europe/Amsterdam', '2026-10-05T07:30:00.000Z'],
    ['winter time, Amsterdam', '2026-12-01T09:30', 'Europe/Amsterdam', '2026-12-01T08:30:00.000Z'],
    ['New York', '2026-10-05T09:30', 'America/New_York', '2026-10-05T13:30:00.000Z'],
    ['Kathmandu +05:45', '2026-10-05T09:30', 'Asia/Kathmandu', '2026-10-05T03:45:00.000Z'],
    ['skipped by spring-forward → after the gap', '2026-03-29T02:30', 'Europe/Amsterdam', '2026-03-29T01:30:00.000Z'],
    ['repeated by fall-back → first occurrence', '2026-10-25T02:30', 'Europe/Amsterdam', '2026-10-25T00:30:00.000Z'],
  ])('%s', (_name, local, zone, expected) => {
    expect(fromWallTimeInput(local, zone)?.toISOString()).toBe(expected);
  });

  it('round-trips an instant through the input value', () => {
    const at = new Date('2026-07-14T15:45:00Z');
    expect(fromWallTimeInput(toWallTimeInput(at, 'America/New_York'), 'America/New_York')?.toISOString()).toBe(at.toISOString());
  });

  it('answers null for text that is not a wall time', () => {
    expect(fromWallTimeInput('tomorrow', 'Europe/Amsterdam')).toBeNull();
  });
});

describe('bridge shim injection and bundle serving', () => {
  it('puts the shim before every script of the bundle', () => {
    const out = injectBridgeShim('<!doctype html><html><head><script type="module" src="./assets/a.js"></script></head></html>', 'frame-7');
    const shimAt = out.indexOf('window.__bridge = { callBridge: callBridge }');
    expect(shimAt).toBeGreaterThan(0);
    expect(shimAt).toBeLessThan(out.indexOf('./assets/a.js'));
    expect(out).toContain('"frameId":"frame-7"');
  });

  it('escapes "<" so a frame id cannot close the script', () => {
    expect(injectBridgeShim('<head></head>', '</script><script>alert(1)')).not.toContain('</script><script>alert(1)');
  });

  describe('readBundleFile', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<html><head><script src="./assets/app.js"></script></head><body></body></html>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, '..', `secret-${path.basename(dir)}.txt`), 'secret');
    const dirs = new Map([['panel', dir]]);
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(path.join(dir, '..', `secret-${path.basename(dir)}.txt`), { force: true });
    });

    it.each([
      ['index.html gets the shim', '/sandbox/frames/panel/index.html', 200, 'window.__bridge'],
      ['assets are served as they are', '/sandbox/frames/panel/assets/app.js', 200, 'console.log(1)'],
      ['an unknown resource is a 404', '/sandbox/frames/admin/index.html', 404, 'No Custom UI resource'],
      ['no way out of the bundle folder', `/sandbox/frames/panel/..%2Fsecret-${path.basename(dir)}.txt`, 404, 'Not found'],
    ])('%s', async (_name, pathname, status, contains) => {
      const answer = await readBundleFile(dirs, pathname, 'frame-1');
      expect(answer.status).toBe(status);
      const text = answer.status === 200 ? answer.body.toString() : answer.message;
      expect(text).toContain(contains);
    });
  });
});

describe('Forge contexts for frames and resolvers', () => {
  const site = { cloudId: 'cloud-1', siteUrl: 'http://127.0.0.1:3000', appId: 'ari:cloud:ecosystem::app/abc', environmentId: 'env-1', appName: 'Contract Clock' };
  const panel: UiModule = { type: 'jira:issuePanel', key: 'contract-clock-panel', title: 'Contract Clock', resource: 'panel', resourceDir: '/x', resolverFunction: 'panel-resolver', displayCondition: null, useAsConfig: false, unlicensedAccess: [] };
  const issue: IssueRef = { id: '10001', key: 'ITS-1', type: 'Incident', typeId: '10101', project: { id: '10000', key: 'ITS', type: 'service_desk' } };
  const user = { accountId: 'acc-1', accountType: 'atlassian' as const, locale: 'nl_NL', timeZone: 'Europe/Amsterdam' };

  it('gives an issue panel the issue and project, like Jira', () => {
    expect(buildExtension('jira:issuePanel', issue)).toEqual({
      type: 'jira:issuePanel',
      issue: { id: '10001', key: 'ITS-1', type: 'Incident', typeId: '10101' },
      project: { id: '10000', key: 'ITS', type: 'service_desk' },
      isNewToIssue: false,
    });
    expect(() => buildExtension('jira:issuePanel', null)).toThrow('needs an issue');
  });

  it('gives a portal request panel the request key, its request type and the service desk as numbers, like Forge', () => {
    const request: IssueRef = { ...issue, requestTypeId: '4', serviceDeskId: '2' };
    expect(buildExtension('jiraServiceManagement:portalRequestDetailPanel', request)).toEqual({
      type: 'jiraServiceManagement:portalRequestDetailPanel',
      request: { key: 'ITS-1', typeId: 4 },
      portal: { id: 2 },
    });
    expect(buildExtension('jiraServiceManagement:portalProfilePanel', null)).toEqual({ type: 'jiraServiceManagement:portalProfilePanel' });
  });

  it('builds what view.getContext() answers', () => {
    const context = buildFrontendContext({ site, module: panel, user, issue, colorMode: 'dark' });
    expect(context).toMatchObject({
      accountId: 'acc-1',
      cloudId: 'cloud-1',
      siteUrl: 'http://127.0.0.1:3000',
      moduleKey: 'contract-clock-panel',
      locale: 'nl_NL',
      timezone: 'Europe/Amsterdam',
      environmentType: 'DEVELOPMENT',
      theme: { colorMode: 'dark' },
      localId: 'ari:cloud:ecosystem::extension/abc/env-1/static/contract-clock-panel-10001',
    });
  });

  it('builds the two arguments of a resolver call, with the principal from the sandbox user', () => {
    const call = buildResolverCall({ site, module: panel, user, issue, colorMode: 'light' }, 'panel/get', {});
    expect(call.invocation.call).toEqual({ functionKey: 'panel/get', payload: {} });
    expect(call.invocation.context).toMatchObject({ moduleKey: 'contract-clock-panel', extension: { type: 'jira:issuePanel' } });
    expect(call.invocation.context).not.toHaveProperty('theme');
    expect(call.runtime).toMatchObject({ principal: { accountId: 'acc-1' }, installContext: 'ari:cloud:jira::site/cloud-1', license: { isActive: true } });
  });
});

describe('manifest modules', () => {
  it('finds the issue panel, its resource folder and resolver, and the triggers', () => {
    const modules = readManifestModules();
    const found = modules.uiModules.find((m) => m.type === 'jira:issuePanel');
    expect(found).toMatchObject({ key: 'contract-clock-panel', resource: 'panel', resolverFunction: 'panel-resolver' });
    expect(found?.resourceDir).toMatch(/static[/\\]panel[/\\]dist$/);
    expect(modules.triggers.flatMap((t) => t.events)).toEqual(
      expect.arrayContaining(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:commented:issue']),
    );
  });
});

describe('portal modules in the manifest', () => {
  it('run for customers: both opt in to unlicensed access (customer, unlicensed), not anonymous', () => {
    const modules = readManifestModules();
    for (const type of ['jiraServiceManagement:portalRequestDetailPanel', 'jiraServiceManagement:portalProfilePanel'] as const) {
      const found = modules.uiModules.find((m) => m.type === type);
      expect(found).toMatchObject({ resource: 'portal', resolverFunction: 'portal-resolver', unlicensedAccess: ['customer', 'unlicensed'] });
    }
    expect(modules.uiModules.find((m) => m.type === 'jira:issuePanel')?.unlicensedAccess).toEqual([]);
  });
});

describe('event delivery options from the environment', () => {
  it.each([
    ['defaults: prompt, once, in order', {}, { delayMs: 0, jitterMs: 0, duplicateRate: 0 }],
    ['SANDBOX_CHAOS=1', { SANDBOX_CHAOS: '1' }, { delayMs: 200, jitterMs: 3000, duplicateRate: 0.3 }],
    ['explicit values win over chaos', { SANDBOX_CHAOS: '1', SANDBOX_EVENT_DUPLICATE_RATE: '0.5' }, { duplicateRate: 0.5 }],
  ])('%s', (_name, env, expected) => {
    expect(readDeliveryOptions(env)).toMatchObject(expected);
  });

  it('names a bad variable', () => {
    expect(() => readDeliveryOptions({ SANDBOX_EVENT_DUPLICATE_RATE: '2' })).toThrow('SANDBOX_EVENT_DUPLICATE_RATE');
  });
});

describe('job queue (@forge/events)', () => {
  it('delivers pushed bodies to the consumer after the push, and retries a failing job with retryContext', async () => {
    const calls: unknown[] = [];
    let failOnce = true;
    const queue = createJobQueue({
      consumers: [
        {
          queue: 'q',
          method: 'rebuild',
          definitions: (invocation) => {
            calls.push(invocation);
            if (failOnce) {
              failOnce = false;
              return Promise.reject(new Error('transient'));
            }
            return Promise.resolve(undefined);
          },
        },
      ],
      installContext: 'ari:cloud:jira::site/x',
      log: createSandboxLog({ print: 'silent' }),
    });
    queue.push('q', [{ page: 1 }]);
    expect(calls).toHaveLength(0); // not inside the pushing invocation
    await queue.idle();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ call: { functionKey: 'rebuild', payload: { body: { page: 1 }, queueName: 'q', retryContext: { retryCount: 1 } } } });
    expect(queue.stats()).toMatchObject({ pushed: 1, done: 1, failed: 0 });
  });
});

describe('queue views', () => {
  const request = (key: string, category: 'new' | 'done', state: string | null, deadline: string | null): RequestSummary => ({
    id: key,
    key,
    summary: key,
    status: { id: '1', name: category, category },
    priority: null,
    requestType: null,
    reporter: null,
    organizations: [],
    created: new Date('2026-10-01T00:00:00Z'),
    resolved: category === 'done' ? new Date('2026-10-02T00:00:00Z') : null,
    clock: state === null ? null : readClockProperty({ state, deadline }),
    deadlineField: null,
  });
  const requests = [
    request('A-1', 'new', 'running', '2026-10-06T12:00:00Z'),
    request('A-2', 'new', 'breached', '2026-10-05T08:00:00Z'),
    request('A-3', 'new', null, null),
    request('A-4', 'done', 'met', '2026-10-01T12:00:00Z'),
    request('A-5', 'new', 'at-risk', '2026-10-05T10:00:00Z'),
  ];

  it('sorts open requests by contract deadline, requests without one last', () => {
    expect(sortForView('open', requests.filter((r) => isInView('open', r))).map((r) => r.key)).toEqual(['A-2', 'A-5', 'A-1', 'A-3']);
  });

  it('lists only open at-risk and breached requests under "needs attention"', () => {
    expect(requests.filter((r) => isInView('attention', r)).map((r) => r.key)).toEqual(['A-2', 'A-5']);
  });
});
