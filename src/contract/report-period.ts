/**
 * Report periods: whole months, because compliance is aggregated per month (design §4). A period is
 * a first and a last month (both inclusive); its local dates run from the first day of the first
 * month through the last day of the last month. The presets a manager picks ("last quarter") are
 * resolved against today's local date by src/domain/report-period.ts.
 *
 * Pure zod: no I/O, no Forge imports, no clock — bundled into the browser too.
 */
import { z } from 'zod';
import { monthSchema } from './report-primitives';
import { strictObject } from './strict-object';

/** At most three years in one report: the trend shows every month of the period. */
export const REPORT_PERIOD_MAX_MONTHS = 36;

export const PERIOD_PRESETS = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'this-year', 'last-year'] as const;
export const periodPresetSchema = z.enum(PERIOD_PRESETS);
export type PeriodPreset = z.infer<typeof periodPresetSchema>;

/** The number of months from `from` through `to`, both included (0 or less when `to` is before `from`). */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0)) + 1;
}

/** A period of whole months, e.g. `{ from: '2026-07', to: '2026-09' }` for Q3 2026. */
export const reportPeriodSchema = strictObject({ from: monthSchema, to: monthSchema })
  .superRefine((period, ctx) => {
    const months = monthSpan(period.from, period.to);
    if (months < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last month is before the first month.' });
    else if (months > REPORT_PERIOD_MAX_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `A report covers at most ${REPORT_PERIOD_MAX_MONTHS} months.` });
    }
  });
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** How a period was chosen: a preset, or a custom range of months. */
export const periodChoiceSchema = z.discriminatedUnion('kind', [
  strictObject({ kind: z.literal('preset'), preset: periodPresetSchema }),
  strictObject({ kind: z.literal('custom'), period: reportPeriodSchema }),
]);
export type PeriodChoice = z.infer<typeof periodChoiceSchema>;
