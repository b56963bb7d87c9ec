/**
 * The part of an app's translator the shared compliance components use: the `common` and
 * `compliance` catalogues (static/gadget and static/reports both join them with their own), and
 * formatting of periods, months, percentages and money in the reader's locale. Formatting only:
 * every number comes from the backend.
 *
 * Pure: no React, no bridge.
 */
import type { commonEn } from '../../../src/i18n/catalogues/common.en';
import type { complianceEn } from '../../../src/i18n/catalogues/compliance.en';
import { formatMoney } from '../../../src/contract/money';
import type { I18n } from '../i18n-context';

export type ComplianceI18n = I18n<typeof commonEn & typeof complianceEn>;

/** `Sep 2026` / `sep 2026` for a `YYYY-MM` month. */
export function monthLabel(locale: string, month: string, style: 'short' | 'long' = 'short'): string {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 15));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: style, year: 'numeric' }).format(date);
}

/**
 * The period as people name it: `Q3 2026`, `2026`, `September 2026`, or `Jul 2026 – Nov 2026`.
 *
 * @example periodName(i18n, { from: '2026-07', to: '2026-09' }) // 'Q3 2026'
 */
export function periodName(i18n: ComplianceI18n, period: { from: string; to: string }): string {
  const { t, locale } = i18n;
  const [fy = 0, fm = 1] = period.from.split('-').map(Number);
  const [ty = 0, tm = 1] = period.to.split('-').map(Number);
  if (period.from === period.to) return monthLabel(locale, period.from, 'long');
  if (fy === ty && fm === 1 && tm === 12) return t('compliance.periodName.year', { year: String(fy) });
  if (fy === ty && (fm - 1) % 3 === 0 && tm === fm + 2) return t('compliance.periodName.quarter', { quarter: (fm - 1) / 3 + 1, year: String(fy) });
  return t('compliance.periodName.range', { from: monthLabel(locale, period.from), to: monthLabel(locale, period.to) });
}

/** `1 Jul 2026 – 30 Sep 2026` for a period's local dates. */
export function periodDatesText(i18n: ComplianceI18n, period: { start: string; end: string }): string {
  return i18n.t('compliance.periodDates', { start: i18n.localDate(period.start), end: i18n.localDate(period.end) });
}

/** `93.4%` with one decimal, or the "not applicable" dash. */
export function percentText(i18n: ComplianceI18n, percent: number | null): string {
  if (percent === null) return i18n.t('compliance.notApplicable');
  return new Intl.NumberFormat(i18n.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(percent / 100);
}

/** `€ 1.250,00` / `€1,250.00` in the reader's locale, from minor units. */
export function moneyText(locale: string, money: { amountMinor: number; currency: string }): string {
  return formatMoney(money.amountMinor, money.currency, locale);
}

/** "All Gold agreements met" — or, without Gold levels, the headline levels by name. */
export function headlineTitle(i18n: ComplianceI18n, levels: readonly { id: string; name: string }[]): string {
  const gold = levels.length > 0 && levels.every((l) => /^gold(?![a-z])/i.test(l.name) || /^gold(?![a-z])/i.test(l.id));
  if (gold || levels.length === 0) return i18n.t('compliance.headline.gold');
  return i18n.t('compliance.headline.levels', { levels: new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(levels.map((l) => l.name)) });
}

/** Today's local date in the browser, `YYYY-MM-DD` (only to prefill a custom range). */
export function todayInBrowser(): string {
  const now = new Date();
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
