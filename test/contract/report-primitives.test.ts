/**
 * The managers' APIs declare their own small schemas (src/contract/report-primitives.ts) to keep the
 * contract database's schemas out of the gadget bundle: they must accept and refuse exactly what the
 * originals do.
 */
import { reportMonthSchema } from '../../src/contract/compliance-aggregate';
import { entityIdSchema, localDateSchema, moneySchema, PRIORITY_CLASSES } from '../../src/contract/contract-database';
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

  it('reads every stored amount the contract database accepts', () => {
    for (const money of [{ amount: 0, currency: 'EUR' }, { amount: 1250.5, currency: 'USD' }]) {
      expect(moneySchema.safeParse(money).success).toBe(true);
      expect(amountSchema.safeParse(money).success).toBe(true);
    }
  });
});
