/**
 * The panel's resolver contract (src/contract/panel-api.ts): keys, payload validation (trimmed
 * non-empty reasons and messages with limits, whole positive minutes with a maximum, issue keys,
 * revisions) and the answer schemas, including every dev fixture the harness shows.
 */
import { envelopeSchema, flattenIssues } from '../../src/contract/envelope';
import {
  actionResultSchema,
  extendPayloadSchema,
  instantSchema,
  issueKeySchema,
  PANEL_LIMITS,
  PANEL_RESOLVER_KEYS,
  panelAnswerSchemas,
  panelApi,
  panelGetPayloadSchema,
  panelViewSchema,
  pausePayloadSchema,
  postMessagePayloadSchema,
  reapplyPayloadSchema,
  reapplyPreviewSchema,
  resumePayloadSchema,
} from '../../src/contract/panel-api';
import { CLOCK_RECORD_LIMITS } from '../../src/contract/clock-record';
import { buildReapplyPreview, buildScenarioView, scenarios } from '../../static/panel/dev/fixtures';

const valid = { issueKey: 'SUP-142', revision: 7 };

describe('resolver keys', () => {
  it('are all namespaced panel/ and unique', () => {
    const keys = Object.values(PANEL_RESOLVER_KEYS);
    expect(keys.every((key) => key.startsWith('panel/'))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('each has a payload schema, a data schema and an envelope schema', () => {
    for (const key of Object.values(PANEL_RESOLVER_KEYS)) {
      expect(panelApi[key].payload).toBeDefined();
      expect(panelApi[key].data).toBeDefined();
      expect(panelAnswerSchemas[key]).toBeDefined();
    }
    expect(Object.keys(panelApi).sort()).toEqual(Object.values(PANEL_RESOLVER_KEYS).sort());
  });

  it('panel/get takes no input: the issue comes from the Forge context, and an unknown key is an error naming it (issue 10.5)', () => {
    expect(panelGetPayloadSchema.parse({})).toEqual({});
    const result = panelGetPayloadSchema.safeParse({ issueKey: 'SUP-1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['issueKey'], message: "Unknown field 'issueKey'." })]);
  });

  it.each([
    ['panel/pause', pausePayloadSchema, { issueKey: 'SUP-1', revision: 1, reason: 'x', reasn: 'y' }, 'reasn', "Unknown field 'reasn' (did you mean 'reason'?)."],
    ['panel/extend', extendPayloadSchema, { issueKey: 'SUP-1', revision: 1, minutes: 30, reason: 'x', minute: 30 }, 'minute', "Unknown field 'minute' (did you mean 'minutes'?)."],
  ] as const)('%s refuses an unknown key, naming it', (_key, schema, payload, key, message) => {
    const result = schema.safeParse(payload);
    expect(result.success).toBe(false);
    expect(result.error === undefined ? {} : flattenIssues(result.error.issues)).toEqual({ [key]: [message] });
  });
});

describe('reasons (pause, resume, re-apply, extend)', () => {
  const schemas = [
    ['pause', pausePayloadSchema, {}],
    ['resume', resumePayloadSchema, {}],
    ['reapply', reapplyPayloadSchema, {}],
    ['extend', extendPayloadSchema, { minutes: 60 }],
  ] as const;

  it.each(schemas)('%s: trims the reason', (_name, schema, extra) => {
    const parsed = schema.parse({ ...valid, ...extra, reason: '  Waiting for the supplier  ' });
    expect(parsed.reason).toBe('Waiting for the supplier');
  });

  it.each(schemas)('%s: rejects an empty or blank reason, naming the field', (_name, schema, extra) => {
    for (const reason of ['', '   ', '\n\t']) {
      const result = schema.safeParse({ ...valid, ...extra, reason });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('reason');
    }
  });

  it.each(schemas)('%s: accepts the maximum length and rejects one more', (_name, schema, extra) => {
    const max = 'x'.repeat(PANEL_LIMITS.reasonMaxLength);
    expect(schema.safeParse({ ...valid, ...extra, reason: max }).success).toBe(true);
    expect(schema.safeParse({ ...valid, ...extra, reason: `${max}x` }).success).toBe(false);
  });

  it.each(schemas)('%s: requires the issue key and a whole, non-negative revision', (_name, schema, extra) => {
    const base = { ...extra, reason: 'ok' };
    expect(schema.safeParse({ ...base, revision: 1 }).success).toBe(false);
    expect(schema.safeParse({ ...base, issueKey: 'SUP-1' }).success).toBe(false);
    expect(schema.safeParse({ ...base, issueKey: 'SUP-1', revision: -1 }).success).toBe(false);
    expect(schema.safeParse({ ...base, issueKey: 'SUP-1', revision: 1.5 }).success).toBe(false);
    expect(schema.safeParse({ ...base, issueKey: 'SUP-1', revision: 0 }).success).toBe(true);
  });
});

describe('extend minutes', () => {
  it.each([
    ['one minute', 1, true],
    ['the maximum', PANEL_LIMITS.extendMaxMinutes, true],
    ['zero', 0, false],
    ['negative', -30, false],
    ['a fraction', 1.5, false],
    ['above the maximum', PANEL_LIMITS.extendMaxMinutes + 1, false],
    ['not a number', Number.NaN, false],
    ['a string', '60', false],
  ])('%s', (_name, minutes, accepted) => {
    expect(extendPayloadSchema.safeParse({ ...valid, reason: 'Customer asked', minutes }).success).toBe(accepted);
  });
});

describe('post-message', () => {
  const message = { ...valid, body: 'We expect to resolve this by Tuesday.', visibility: 'public' };

  it('accepts a public reply and an internal note, trimming the body', () => {
    expect(postMessagePayloadSchema.parse({ ...message, body: '  Hi  ' }).body).toBe('Hi');
    expect(postMessagePayloadSchema.safeParse({ ...message, visibility: 'internal' }).success).toBe(true);
  });

  it.each([
    ['an empty body', { body: '' }],
    ['a blank body', { body: '  \n ' }],
    ['a body over the limit', { body: 'x'.repeat(PANEL_LIMITS.messageMaxLength + 1) }],
    ['another visibility', { visibility: 'everyone' }],
    ['a missing revision', { revision: undefined }],
  ])('rejects %s', (_name, change) => {
    expect(postMessagePayloadSchema.safeParse({ ...message, ...change }).success).toBe(false);
  });
});

describe('building blocks', () => {
  it.each([
    ['SUP-1', true],
    ['IT_OPS-42', true],
    ['sup-1', false],
    ['SUP-0', false],
    ['SUP-01', false],
    ['SUP', false],
    ['1SUP-1', false],
  ])('issue key %s → %s', (key, accepted) => {
    expect(issueKeySchema.safeParse(key).success).toBe(accepted);
  });

  it.each([
    ['UTC', '2026-12-01T13:00:00Z', true],
    ['an offset', '2026-12-01T14:00:00+01:00', true],
    ['milliseconds', '2026-12-01T13:00:00.000Z', true],
    ['a date only', '2026-12-01', false],
    ['no zone', '2026-12-01T13:00:00', false],
  ])('instant with %s → %s', (_name, iso, accepted) => {
    expect(instantSchema.safeParse(iso).success).toBe(accepted);
  });

  it('rejects a view model whose zones Intl does not know (the UI could not format them)', () => {
    const view = buildScenarioView('on-track', 'en');
    expect(panelViewSchema.safeParse({ ...view, viewer: { ...view.viewer, timeZone: 'Nowhere/Special' } }).success).toBe(false);
  });

  it('accepts no longer reason than a clock record can store', () => {
    expect(PANEL_LIMITS.reasonMaxLength).toBeLessThanOrEqual(CLOCK_RECORD_LIMITS.reasonMaxLength);
  });
});

describe('answers', () => {
  it.each(scenarios.flatMap((scenario) => (['en', 'nl'] as const).map((language) => [scenario, language] as const)))(
    'the %s view model (%s) parses, inside the envelope too',
    (scenario, language) => {
      const view = buildScenarioView(scenario, language, { isJiraAdmin: true });
      expect(panelViewSchema.parse(view)).toEqual(view);
      expect(panelAnswerSchemas[PANEL_RESOLVER_KEYS.get].parse({ ok: true, data: view })).toEqual({ ok: true, data: view });
      expect(view.state).toBe(scenario);
    },
  );

  it('a view model with an unknown state or an instant without zone is rejected', () => {
    const view = buildScenarioView('on-track', 'en');
    expect(panelViewSchema.safeParse({ ...view, state: 'late' }).success).toBe(false);
    expect(
      panelViewSchema.safeParse({ ...view, resolution: { ...view.resolution, deadline: '2026-12-02T09:50:00' } }).success,
    ).toBe(false);
  });

  it('the re-apply preview fixture parses', () => {
    const view = buildScenarioView('on-track', 'nl');
    expect(reapplyPreviewSchema.parse(buildReapplyPreview(view, 'nl')).revision).toBe(view.revision);
  });

  it('an error envelope carries code, message and optional field errors', () => {
    const schema = envelopeSchema(actionResultSchema);
    expect(schema.safeParse({ ok: false, error: { code: 'conflict', message: 'changed' } }).success).toBe(true);
    expect(
      schema.safeParse({ ok: false, error: { code: 'invalid-input', message: 'bad', fieldErrors: { reason: ['Enter a reason.'] } } })
        .success,
    ).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'teapot', message: 'no' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true, data: { revision: -1 } }).success).toBe(false);
  });
});
