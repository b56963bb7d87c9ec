/**
 * Turns validation problems into messages next to the fields: zod issues from the shared payload
 * schemas (checked in the browser before sending) become catalogue texts in the user's language;
 * `fieldErrors` from an `invalid-input` answer are shown as the backend wrote them.
 *
 * Pure: no React, no bridge (unit-tested in test/ui).
 */
import type { z } from 'zod';
import { PANEL_LIMITS } from '../../../src/contract/panel-api';
import type { PanelTranslate } from './messages';

/** Field name → the message to show under it. */
export type FieldMessages = Readonly<Partial<Record<string, string>>>;

function describeIssue(field: string, issue: z.core.$ZodIssue, t: PanelTranslate): string {
  const tooBig = issue.code === 'too_big';
  switch (field) {
    case 'reason':
      return tooBig ? t('validation.tooLong', { max: PANEL_LIMITS.reasonMaxLength }) : t('validation.reasonRequired');
    case 'body':
      return tooBig ? t('validation.tooLong', { max: PANEL_LIMITS.messageMaxLength }) : t('validation.messageRequired');
    case 'minutes':
      return tooBig ? t('validation.minutesTooMany', { max: PANEL_LIMITS.extendMaxMinutes }) : t('validation.minutesRequired');
    case 'hours':
      return tooBig ? t('validation.hoursTooMany', { max: PANEL_LIMITS.promiseMaxBusinessHours }) : t('validation.hoursRequired');
    case 'local':
      return t('validation.pickTime');
    default:
      return issue.message;
  }
}

/**
 * The first localized message per top-level field of the issues.
 *
 * @example localizeIssues([{ code: 'too_small', path: ['reason'], … }], t) // { reason: 'Enter a reason.' }
 */
export function localizeIssues(issues: readonly z.core.$ZodIssue[], t: PanelTranslate): FieldMessages {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.length === 0 ? '(root)' : String(issue.path[0]);
    // A promise's problems are about its parts (hours, local): worded by the part, shown under the picker.
    const about = field === 'promise' ? String(issue.path[issue.path.length - 1] ?? field) : field;
    out[field] ??= describeIssue(about, issue, t);
  }
  return out;
}

/**
 * The first backend message per field of an `invalid-input` answer (`"reason"`, `"minutes"`, …;
 * nested paths are attributed to their top-level field).
 *
 * @example fromServerFieldErrors({ reason: ['Too long'] }) // { reason: 'Too long' }
 */
export function fromServerFieldErrors(fieldErrors: Readonly<Record<string, readonly string[]>> | undefined): FieldMessages {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const field = path.split('.')[0] ?? path;
    const first = messages[0];
    if (first !== undefined) out[field] ??= first;
  }
  return out;
}
