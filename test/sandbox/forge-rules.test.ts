/**
 * The Forge rules the sandbox applies instead of assuming: trigger filters (ignoreSelf, expression,
 * onError), display-condition expressions, and invocation time limits with a cut-off.
 */
import { evaluateForgeExpression, ForgeExpressionError } from '../../sandbox/runtime/forge-expression';
import {
  ASYNC_DEFAULT_LIMIT_MS,
  invocationAborted,
  invocationLimitMs,
  InvocationTimeoutError,
  remainingMs,
  runInvocation,
} from '../../sandbox/runtime/invocation-limits';
import { readManifestModules } from '../../sandbox/runtime/manifest-modules';
import { decideDelivery } from '../../sandbox/runtime/trigger-filter';

const APP = 'app-account';
const event = (projectTypeKey: string | undefined, atlassianId = 'agent-1') => ({
  eventType: 'avi:jira:created:issue',
  atlassianId,
  issue: { id: '1', key: 'X-1', fields: { project: projectTypeKey === undefined ? undefined : { id: '1', key: 'X', projectTypeKey } } },
});

describe('Forge expressions', () => {
  it.each([
    ["event.issue.fields?.project?.projectTypeKey == 'service_desk'", event('service_desk'), true],
    ["event.issue.fields?.project?.projectTypeKey == 'service_desk'", event('software'), false],
    ["event.issue.fields?.project?.projectTypeKey == 'service_desk'", event(undefined), false],
    ["event.issue.fields.project.projectTypeKey != 'software' && event.atlassianId == 'agent-1'", event('business'), true],
    ["!(event.issue.key == 'X-1') || event.issue.key == 'X-2'", event('software'), false],
    ["['a', 'b'].includes('b')", event('software'), 'parse-error'],
  ] as const)('%s', (expression, payload, expected) => {
    if (expected === 'parse-error') {
      expect(() => evaluateForgeExpression(expression, { event: payload })).toThrow(ForgeExpressionError);
      return;
    }
    expect(evaluateForgeExpression(expression, { event: payload })).toBe(expected);
  });

  it('reading a member of null without ?. is an error, as in Jira expressions', () => {
    expect(() => evaluateForgeExpression("event.issue.fields.project.projectTypeKey == 'x'", { event: event(undefined) })).toThrow(
      'Cannot read "projectTypeKey" of null',
    );
  });

  it("the manifest's display condition shows the panel on service projects only", () => {
    const panel = readManifestModules().uiModules.find((m) => m.type === 'jira:issuePanel');
    const condition = panel?.displayCondition ?? '';
    expect(condition).not.toBe('');
    expect(evaluateForgeExpression(condition, { project: { key: 'ITS', projectTypeKey: 'service_desk' } })).toBe(true);
    expect(evaluateForgeExpression(condition, { project: { key: 'APP', projectTypeKey: 'software' } })).toBe(false);
  });
});

describe('trigger filters', () => {
  const triggers = readManifestModules().triggers;

  it('every trigger of the manifest filters to service projects', () => {
    expect(triggers.length).toBeGreaterThan(0);
    for (const trigger of triggers) {
      expect(decideDelivery(trigger.filter, event('service_desk'), APP).deliver).toBe(true);
      expect(decideDelivery(trigger.filter, event('software'), APP).deliver).toBe(false);
    }
  });

  it('ignoreSelf drops events the app caused, by who caused them (no undocumented flag)', () => {
    const updated = triggers.find((t) => t.key === 'contract-clock-issue-updated');
    expect(decideDelivery(updated?.filter, event('service_desk', APP), APP).deliver).toBe(false);
    expect(decideDelivery(updated?.filter, { ...event('service_desk', 'agent-1'), selfGenerated: true }, APP).deliver).toBe(true);
  });

  it.each([
    ['IGNORE_AND_LOG', false, true],
    ['IGNORE', false, false],
    ['RECEIVE_AND_LOG', true, true],
    ['RECEIVE', true, false],
  ] as const)('onError %s: delivers %s, logs %s', (onError, delivers, logs) => {
    const decision = decideDelivery({ expression: 'event.issue.fields.nothing.here == 1', onError }, event('service_desk'), APP);
    expect(decision.deliver).toBe(delivers);
    expect(decision.note !== null).toBe(logs);
  });
});

describe('invocation time limits', () => {
  it.each([
    ['resolver', undefined, 25_000],
    ['trigger', 900, 25_000],
    ['scheduled', undefined, ASYNC_DEFAULT_LIMIT_MS],
    ['scheduled', 120, 120_000],
    ['consumer', 900, 900_000],
  ] as const)('%s with timeoutSeconds %s runs %i ms at most', (kind, timeoutSeconds, limit) => {
    expect(invocationLimitMs(kind, timeoutSeconds)).toBe(limit);
  });

  it("declared limits in manifest.yml: the sweep and the rebuild consumer fit Forge's 900 s", () => {
    const modules = readManifestModules();
    for (const key of ['run-sweep', 'on-rebuild-event']) {
      const seconds = modules.functionTimeouts.get(key);
      expect(seconds).toBeDefined();
      expect(seconds).toBeLessThanOrEqual(900);
    }
  });

  it('cuts off an invocation that runs past its limit; its later I/O fails', async () => {
    let lateAttempt: unknown = null;
    let release: () => void = () => undefined;
    const outcome = await runInvocation({ functionKey: 'slow', limitMs: 30 }, async () => {
      expect(remainingMs()).toBeLessThanOrEqual(30);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      try {
        invocationAborted();
      } catch (error) {
        lateAttempt = error;
      }
      return 'never seen';
    });
    expect(outcome).toEqual({ timedOut: true });
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lateAttempt).toBeInstanceOf(InvocationTimeoutError);
  });

  it('answers the value of an invocation that finishes in time', async () => {
    await expect(runInvocation({ functionKey: 'quick', limitMs: 1_000 }, () => Promise.resolve(42))).resolves.toEqual({ timedOut: false, value: 42 });
    expect(remainingMs()).toBeUndefined();
  });
});

describe('the runtime applies the limits to the app functions', () => {
  it('stops a trigger that runs past its limit, logs it, and refuses its storage writes afterwards', async () => {
    const { createForgeRuntime } = await import('../../sandbox/runtime/forge-runtime');
    const { createSandboxLog } = await import('../../sandbox/runtime/sandbox-log');
    const { createMovableClock } = await import('../../sandbox/clock');
    const { ForgeEventEmitter } = await import('../../sandbox/jira/jira-events');
    const modules = readManifestModules();
    const events = new ForgeEventEmitter();
    const log = createSandboxLog({ print: 'silent' });
    let attempted = 0;
    let refused: unknown = null;
    const slow = async (): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 80));
      attempted += 1;
      try {
        invocationAborted(); // what every Jira request and storage operation of the app checks first
      } catch (error) {
        refused = error;
      }
    };
    const handlers = new Map([...modules.functions.keys()].map((key) => [key, slow]));
    const runtime = createForgeRuntime({
      modules,
      functions: { handlers, resolvers: new Map([...modules.functions.keys()].map((key) => [key, () => Promise.resolve(null)])) },
      events,
      clock: createMovableClock({ initial: new Date('2026-10-05T07:30:00Z'), frozen: true }),
      cloudId: 'cloud',
      appAccountId: APP,
      log,
      limitMs: (kind) => (kind === 'trigger' ? 20 : 60_000),
    });
    events.emit(event('service_desk') as never);
    await runtime.settle();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(attempted).toBe(1);
    expect(refused).toBeInstanceOf(InvocationTimeoutError);
    expect(log.recent().some((entry) => entry.level === 'error' && entry.message.startsWith('invocation timed out: on-issue-created'))).toBe(true);
    expect(runtime.stats()).toMatchObject({ timeouts: 1, triggers: { runs: 1 } });
    runtime.stop();
  });

  it('runs a burst of events a few invocations at a time, each with its full time limit from when it runs', async () => {
    const { createForgeRuntime } = await import('../../sandbox/runtime/forge-runtime');
    const { createSandboxLog } = await import('../../sandbox/runtime/sandbox-log');
    const { createMovableClock } = await import('../../sandbox/clock');
    const { ForgeEventEmitter } = await import('../../sandbox/jira/jira-events');
    const modules = readManifestModules();
    const events = new ForgeEventEmitter();
    let running = 0;
    let mostAtOnce = 0;
    let finished = 0;
    const handler = async (): Promise<void> => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
      finished += 1;
    };
    const runtime = createForgeRuntime({
      modules,
      functions: { handlers: new Map([...modules.functions.keys()].map((key) => [key, handler])), resolvers: new Map([...modules.functions.keys()].map((key) => [key, () => Promise.resolve(null)])) },
      events,
      clock: createMovableClock({ initial: new Date('2026-10-05T07:30:00Z'), frozen: true }),
      cloudId: 'cloud',
      appAccountId: APP,
      log: createSandboxLog({ print: 'silent' }),
      // 12 events of 30 ms each would all run past a 100 ms limit if they ran at once on one process
      limitMs: () => 100,
      maxBackgroundInvocations: 3,
    });
    for (let i = 0; i < 12; i += 1) events.emit({ ...event('service_desk'), issue: { ...event('service_desk').issue, id: String(i), key: `X-${i}` } } as never);
    await runtime.settle();
    expect(finished).toBe(12);
    expect(mostAtOnce).toBe(3);
    expect(runtime.stats()).toMatchObject({ timeouts: 0, waitingForTurn: 0 });
    runtime.stop();
  });
});
