/**
 * The managers' APIs declare their own small schemas (src/contract/report-primitives.ts) to keep the
 * contract database's schemas out of the gadget bundle: they must accept and refuse exactly what the
 * originals do.
 */
import { reportMonthSchema } from '../../src/contract/compliance-aggregate';
import { entityIdSchema, localDateSchema, PRIORITY_CLASSES } from '../../src/contract/contract-database';
import { amountMinorSchema, currencyCodeSchema } from '../../src/contract/money';
import { amountSchema, dateSchema, idSchema, monthSchema, REPORT_PRIORITY_CLASSES } from '../../src/contract/report-primitives';

describe('report primitives', () => {
  it('has the same priority classes', () => {
    expect(REPORT_PRIORITY_CLASSES).toEqual(PRIORITY_CLASSES);
  });

  it.each([
    ['month', monthSchema, reportMonthSchema, ['2026-01', '2026-12', '2026-13', '2026-1', '26-01', '', '2026-00']],
    ['id', idSchema, entityIdSchema, ['acme', 'gold-ny', 'a.b_c', '-x', 'x'.repeat(64), 'x'.repeat(65), 'a b', '']],
    ['local date', dateSchema, localDateSchema, ['2026-02-28', '2026-02-29', '2028-02-29', '2026-13-01', 'today']],
  ] as const)('accepts and refuses the same %s values', (_name, mine, original, values) => {
    for (const value of values) expect([value, mine.safeParse(value).success]).toEqual([value, original.safeParse(value).success]);
  });

  it('reads every stored amount the contract database accepts (whole minor units with an ISO 4217 currency)', () => {
    for (const [amountMinor, currency] of [[0, 'EUR'], [125_050, 'USD'], [500, 'JPY']] as const) {
      expect(amountMinorSchema.safeParse(amountMinor).success && currencyCodeSchema.safeParse(currency).success).toBe(true);
      expect(amountSchema.safeParse({ amountMinor, currency }).success).toBe(true);
    }
    expect(amountSchema.safeParse({ amountMinor: 12.5, currency: 'EUR' }).success).toBe(amountMinorSchema.safeParse(12.5).success);
  });
});
