/**
 * The dev harness's mock backend doubles as an executable description of the resolver contract
 * the real backend implements: payloads checked with the shared schemas, stale revisions answered
 * with `conflict` and nothing changed, every action recorded in the history with a new revision.
 */
import { PANEL_RESOLVER_KEYS, panelAnswerSchemas, panelViewSchema } from '../../src/contract/panel-api';
import { createMockPanelBackend } from '../../static/panel/dev/mock-panel-backend';

function start(scenario: 'on-track' | 'paused' = 'on-track') {
  return createMockPanelBackend({ scenario, language: 'en', isJiraAdmin: false });
}

function view(backend: ReturnType<typeof start>) {
  const answer = panelAnswerSchemas[PANEL_RESOLVER_KEYS.get].parse(backend.handle(PANEL_RESOLVER_KEYS.get, {}));
  if (!answer.ok) throw new Error(answer.error.message);
  return panelViewSchema.parse(answer.data);
}

describe('mock panel backend', () => {
  it('pauses with a reason: state, pause, history and revision change together', () => {
    const backend = start();
    const before = view(backend);
    const answer = backend.handle(PANEL_RESOLVER_KEYS.pause, { issueKey: before.issueKey, revision: before.revision, reason: ' Waiting for parts ' });
    expect(panelAnswerSchemas[PANEL_RESOLVER_KEYS.pause].parse(answer)).toEqual({ ok: true, data: { revision: before.revision + 1 } });
    const after = view(backend);
    expect(after.state).toBe('paused');
    expect(after.can).toMatchObject({ pause: false, resume: true });
    expect(after.pauses.at(-1)).toMatchObject({ to: null, kind: 'manual', reason: 'Waiting for parts' });
    expect(after.history[0]).toMatchObject({ kind: 'paused', reason: 'Waiting for parts' });
  });

  it('answers conflict for a stale revision and changes nothing', () => {
    const backend = start();
    const before = view(backend);
    backend.bumpRevision();
    const answer = backend.handle(PANEL_RESOLVER_KEYS.extend, { issueKey: before.issueKey, revision: before.revision, minutes: 60, reason: 'Asked' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(view(backend).resolution).toEqual(before.resolution);
  });

  it('answers invalid-input naming the field for a blank reason', () => {
    const backend = start();
    const { issueKey, revision } = view(backend);
    const answer = backend.handle(PANEL_RESOLVER_KEYS.resume, { issueKey, revision, reason: '   ' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { reason: expect.any(Array) } } });
  });

  it('extends: target, extension and deadline move by the minutes', () => {
    const backend = start();
    const before = view(backend);
    backend.handle(PANEL_RESOLVER_KEYS.extend, { issueKey: before.issueKey, revision: before.revision, minutes: 90, reason: 'Asked' });
    const after = view(backend);
    expect(after.resolution?.targetMinutes).toBe((before.resolution?.targetMinutes ?? 0) + 90);
    expect(after.resolution?.extendedMinutes).toBe(90);
    expect(after.history[0]).toMatchObject({ kind: 'extended', reason: 'Asked' });
  });

  it('posts a message and records it', () => {
    const backend = start();
    const { issueKey, revision } = view(backend);
    const answer = backend.handle(PANEL_RESOLVER_KEYS.postMessage, { issueKey, revision, body: 'Hello', visibility: 'internal' });
    expect(panelAnswerSchemas[PANEL_RESOLVER_KEYS.postMessage].parse(answer)).toMatchObject({ ok: true, data: { visibility: 'internal' } });
    expect(view(backend).history[0]?.kind).toBe('message-posted');
  });

  it('refuses to resume a clock that is not paused', () => {
    const backend = start('on-track');
    const { issueKey, revision } = view(backend);
    expect(backend.handle(PANEL_RESOLVER_KEYS.resume, { issueKey, revision, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
