/**
 * What an action on the admin page ended with, as shown in the tab's result region: a notice
 * appearance, a title, optional lines, the new summary counts after a save or an import, and the
 * download link after an export. Built from resolver answers by the helpers below.
 *
 * Pure: no React, no DOM, no Forge bridge.
 */
import type { z } from 'zod';
import type { databaseSummarySchema } from '../../../src/contract/admin-api';
import type { ResolverError } from '../../../src/contract/envelope';
import type { AdminTranslate } from './messages';

export type DatabaseSummary = z.infer<typeof databaseSummarySchema>;

/** The appearances of the shared Notice (static/shared/ui/notice.tsx), which this pure module may not import. */
export type ResultAppearance = 'information' | 'warning' | 'error' | 'success';

export interface ActionResult {
  appearance: ResultAppearance;
  title: string;
  lines: string[];
  summary?: DatabaseSummary;
  download?: { href: string; fileName: string };
}

/**
 * The result of a failed call that is not a list of validation errors: the code's explanation in
 * the user's language, then the backend's own message.
 *
 * @example failureResult(t, { code: 'unavailable', message: 'timeout' }).lines // ['Jira or the app storage did not answer…', 'Details: timeout']
 */
export function failureResult(t: AdminTranslate, error: ResolverError): ActionResult {
  const lines = [t(`admin.error.${error.code}`)];
  if (error.message.trim() !== '') lines.push(t('error.details', { message: error.message.trim() }));
  return { appearance: error.code === 'conflict' ? 'warning' : 'error', title: t('admin.result.failed'), lines };
}
