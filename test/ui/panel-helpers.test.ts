/**
 * Pure helpers of the panel: wording of time left, the default draft, the bar width, which
 * actions to offer, localized field errors, and reading the Forge context.
 */
import { z } from 'zod';
import { PANEL_LIMITS, type PanelDrafts, type PanelState, type PanelTarget } from '../../src/contract/panel-api';
import { barWidthPercent, describeTimeLeft, pickDefaultDraft, targetText } from '../../static/panel/src/clock-text';
import { fromServerFieldErrors, localizeIssues } from '../../static/panel/src/field-errors';
import { listAllowedActions } from '../../static/panel/src/panel-actions';
import { createTranslator } from '../../src/i18n/messages';
import { panelMessages } from '../../static/panel/src/messages';
import { readUiContext } from '../../static/shared/ui-context';

type TimeInput = Pick<PanelTarget, 'state' | 'businessMinutesLeft' | 'completedAt'>;

describe('describeTimeLeft', () => {
  it.each<[string, TimeInput, ReturnType<typeof describeTimeLeft>]>([
    ['running with time left', { state: 'on-track', businessMinutesLeft: 290, completedAt: null }, { key: 'clock.left', minutes: 290 }],
    ['at risk', { state: 'at-risk', businessMinutesLeft: 45, completedAt: null }, { key: 'clock.left', minutes: 45 }],
    ['running and overdue', { state: 'breached', businessMinutesLeft: -95, completedAt: null }, { key: 'clock.overdue', minutes: 95 }],
    ['resolved late', { state: 'breached', businessMinutesLeft: -30, completedAt: '2026-12-01T10:00:00Z' }, { key: 'clock.late', minutes: 30 }],
    ['met', { state: 'met', businessMinutesLeft: 130, completedAt: '2026-12-01T10:00:00Z' }, { key: 'clock.spare', minutes: 130 }],
    ['paused with time left', { state: 'paused', businessMinutesLeft: 150, completedAt: null }, { key: 'clock.left', minutes: 150 }],
    ['paused after the deadline', { state: 'paused', businessMinutesLeft: -10, completedAt: null }, { key: 'clock.overdue', minutes: 10 }],
    ['exactly at the deadline', { state: 'at-risk', businessMinutesLeft: 0, completedAt: null }, { key: 'clock.left', minutes: 0 }],
  ])('%s', (_name, target, expected) => {
    expect(describeTimeLeft(target)).toEqual(expected);
  });
});

describe('pickDefaultDraft', () => {
  const language = { language: 'en', languageOf: 'customer' } as const;
  const both = { expected: 'We expect…', missed: 'Unfortunately…', missedPromise: null, uncovered: null, ...language };
  it.each<[PanelState, PanelDrafts, 'expected' | 'missed' | 'uncovered' | null]>([
    ['on-track', both, 'expected'],
    ['paused', both, 'expected'],
    ['at-risk', both, 'missed'],
    ['breached', both, 'missed'],
    ['breached', { ...both, missed: null }, 'expected'],
    ['on-track', { ...both, expected: null }, 'missed'],
    ['met', { ...both, expected: null, missed: null }, null],
    ['uncovered', { ...both, expected: null, missed: null, uncovered: 'Not covered…' }, 'uncovered'],
  ])('%s with drafts %j → %s', (state, drafts, expected) => {
    expect(pickDefaultDraft(state, drafts)).toBe(expected);
  });
});

describe('barWidthPercent', () => {
  it.each([
    [0, 0],
    [39.6, 39.6],
    [100, 100],
    [117.6, 100],
    [-5, 0],
    [Number.NaN, 0],
  ])('%s → %s', (used, width) => {
    expect(barWidthPercent(used)).toBe(width);
  });
});

describe('listAllowedActions', () => {
  const none = { postMessage: false, promise: false, reapply: false, pause: false, resume: false, extend: false };
  it.each([
    ['nothing allowed', none, []],
    ['a running clock', { ...none, postMessage: true, reapply: true, pause: true, extend: true }, ['tell', 'reapply', 'pause', 'extend']],
    ['a paused clock', { ...none, postMessage: true, resume: true }, ['tell', 'resume']],
    ['an uncovered request', { ...none, reapply: true }, ['reapply']],
  ])('%s', (_name, can, expected) => {
    expect(listAllowedActions(can)).toEqual(expected);
  });
});

describe('localizeIssues', () => {
  const schema = z.object({
    reason: z.string().trim().min(1).max(PANEL_LIMITS.reasonMaxLength),
    minutes: z.number().int().positive().max(PANEL_LIMITS.extendMaxMinutes),
    body: z.string().trim().min(1).max(PANEL_LIMITS.messageMaxLength),
  });
  const issuesOf = (input: unknown) => schema.safeParse(input).error?.issues ?? [];

  it('words each field in the user language, first problem per field', () => {
    const issues = issuesOf({ reason: ' ', minutes: 0, body: '' });
    expect(localizeIssues(issues, createTranslator(panelMessages, 'en-GB').t)).toEqual({
      reason: 'Enter a reason.',
      minutes: 'Enter a whole number of minutes greater than 0.',
      body: 'Enter a message.',
    });
    expect(localizeIssues(issues, createTranslator(panelMessages, 'nl-NL').t)).toEqual({
      reason: 'Geef een reden op.',
      minutes: 'Vul een heel aantal minuten groter dan 0 in.',
      body: 'Schrijf een bericht.',
    });
  });

  it('names the limit when a value is too long or too large', () => {
    const issues = issuesOf({ reason: 'x'.repeat(501), minutes: 50_000, body: 'x'.repeat(5001) });
    expect(localizeIssues(issues, createTranslator(panelMessages, 'en-GB').t)).toEqual({
      reason: 'Use at most 500 characters.',
      minutes: 'Enter at most 43,200 minutes.',
      body: 'Use at most 5,000 characters.',
    });
  });

  it('keeps zod’s message for fields it does not know', () => {
    const issues = z.object({ other: z.string() }).safeParse({}).error?.issues ?? [];
    expect(Object.keys(localizeIssues(issues, createTranslator(panelMessages, 'en-GB').t))).toEqual(['other']);
  });
});

describe('fromServerFieldErrors', () => {
  it.each([
    ['nothing', undefined, {}],
    ['first message per field', { reason: ['Too long', 'Bad'] }, { reason: 'Too long' }],
    ['nested paths belong to their field', { 'minutes.value': ['Not a number'] }, { minutes: 'Not a number' }],
    ['empty lists are skipped', { body: [] }, {}],
  ])('%s', (_name, fieldErrors, expected) => {
    expect(fromServerFieldErrors(fieldErrors)).toEqual(expected);
  });
});

describe('readUiContext', () => {
  const fallback = { locale: 'en-GB', timeZone: 'Europe/London' };
  it.each([
    ['a Forge context', { locale: 'nl-NL', timezone: 'Europe/Amsterdam' }, { locale: 'nl-NL', timeZone: 'Europe/Amsterdam' }],
    ['an underscore locale', { locale: 'nl_NL', timezone: 'Asia/Kathmandu' }, { locale: 'nl-NL', timeZone: 'Asia/Kathmandu' }],
    ['no context', undefined, fallback],
    ['an unknown zone', { locale: 'en-US', timezone: 'Nowhere/Special' }, { locale: 'en-US', timeZone: 'Europe/London' }],
    ['fields of the wrong type', { locale: 42, timezone: null }, fallback],
    ['a broken fallback too', { locale: '!!', timezone: '' }, fallback],
  ])('%s', (_name, raw, expected) => {
    expect(readUiContext(raw, fallback)).toEqual(expected);
  });

  it('falls back to English and UTC when nothing usable is left', () => {
    expect(readUiContext({}, { locale: '', timeZone: 'Nowhere/Special' })).toEqual({ locale: 'en-US', timeZone: 'UTC' });
  });
});

describe('targetText', () => {
  const duration = (minutes: number): string => `${String(minutes / 60)} h`;
  const t = (_key: 'duration.withExtension', values: { target: string; extension: string }): string => `${values.target} + ${values.extension} extension`;
  it('names an extension apart from the contract target', () => {
    expect(targetText(t, duration, 1020, 60)).toBe('16 h + 1 h extension');
  });
  it('is just the target without one', () => {
    expect(targetText(t, duration, 960, 0)).toBe('16 h');
  });
});
