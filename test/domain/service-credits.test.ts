/**
 * Service credits (issue 14.4): min(cap, Σ percent per missed request) × monthly price, rounded
 * half-even on minor units, computed without floats. Table tests with the rounding edge cases.
 */
import fc from 'fast-check';
import type { CreditRule } from '../../src/contract/contract-database';
import { computeServiceCredit, roundHalfEven } from '../../src/domain/service-credits';

const gold: CreditRule = { perMissedRequest: { P1: 10, P2: 5, P3: 2.5 }, capPercent: 30 };

describe('roundHalfEven', () => {
  it.each<[bigint, bigint, bigint, string]>([
    [0n, 10n, 0n, 'zero'],
    [14n, 10n, 1n, '1.4 down'],
    [16n, 10n, 2n, '1.6 up'],
    [5n, 10n, 0n, '0.5 to even 0'],
    [15n, 10n, 2n, '1.5 to even 2'],
    [25n, 10n, 2n, '2.5 to even 2'],
    [35n, 10n, 4n, '3.5 to even 4'],
    [10_001n, 20_000n, 1n, 'just above a half'],
    [9_999n, 20_000n, 0n, 'just below a half'],
  ])('%i / %i = %i (%s)', (numerator, denominator, expected) => {
    expect(roundHalfEven(numerator, denominator)).toBe(expected);
  });

  it('refuses a negative numerator or a zero denominator', () => {
    expect(() => roundHalfEven(-1n, 2n)).toThrow(RangeError);
    expect(() => roundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe('computeServiceCredit', () => {
  it.each<{ name: string; rule?: CreditRule; price: number; missed: Partial<Record<'P1' | 'P2' | 'P3' | 'P4' | 'P5', number>>; percent: number; capped: boolean; amount: number }>([
    { name: 'nothing missed', price: 45_000, missed: {}, percent: 0, capped: false, amount: 0 },
    { name: 'one P1 miss: 10 % of € 450.00', price: 45_000, missed: { P1: 1 }, percent: 10, capped: false, amount: 4_500 },
    { name: 'mixed classes add up', price: 45_000, missed: { P1: 1, P2: 3 }, percent: 25, capped: false, amount: 11_250 },
    { name: 'classes without a percentage earn nothing', price: 45_000, missed: { P4: 7, P5: 2 }, percent: 0, capped: false, amount: 0 },
    { name: 'exactly at the cap is not capped', price: 45_000, missed: { P1: 3 }, percent: 30, capped: false, amount: 13_500 },
    { name: 'above the cap is capped', price: 45_000, missed: { P1: 2, P2: 3 }, percent: 30, capped: true, amount: 13_500 },
    { name: 'two decimals of a percent stay exact', price: 40_000, missed: { P3: 3 }, percent: 7.5, capped: false, amount: 3_000 },
    { name: 'a zero price credits nothing', price: 0, missed: { P1: 5 }, percent: 30, capped: true, amount: 0 },
    // Rounding: 2.5 % of € 0.05 = 0.125 cent → 0 (even); of € 0.07 = 0.175 → 0; of € 0.20 = 0.5 → 0 (even).
    { name: 'half a cent rounds to the even cent (0.5 → 0)', price: 20, missed: { P3: 1 }, percent: 2.5, capped: false, amount: 0 },
    { name: 'half a cent rounds to the even cent (1.5 → 2)', price: 60, missed: { P3: 1 }, percent: 2.5, capped: false, amount: 2 },
    { name: 'half a cent rounds to the even cent (2.5 → 2)', price: 100, missed: { P3: 1 }, percent: 2.5, capped: false, amount: 2 },
    { name: 'just over half a cent rounds up', price: 41, missed: { P3: 1 }, percent: 2.5, capped: false, amount: 1 },
    { name: 'just under half a cent rounds down', price: 19, missed: { P3: 1 }, percent: 2.5, capped: false, amount: 0 },
    // € 12 345.67 × 12.5 % = € 1 543.20875 → € 1 543.21 (0.875 of a cent is above the half).
    { name: 'a large price', rule: { perMissedRequest: { P1: 12.5 }, capPercent: 100 }, price: 1_234_567, missed: { P1: 1 }, percent: 12.5, capped: false, amount: 154_321 },
    // At the schema's maximum amount the product exceeds 2^53: BigInt keeps it exact.
    { name: 'the largest amount without float error', rule: { perMissedRequest: { P1: 0.01 }, capPercent: 100 }, price: 1_000_000_000_000, missed: { P1: 3 }, percent: 0.03, capped: false, amount: 300_000_000 },
    { name: '100 % cap: the whole price', rule: { perMissedRequest: { P1: 60 }, capPercent: 100 }, price: 99_999, missed: { P1: 2 }, percent: 100, capped: true, amount: 99_999 },
  ])('$name', ({ rule, price, missed, percent, capped, amount }) => {
    const credit = computeServiceCredit({ rule: rule ?? gold, monthlyPriceMinor: price, missed });
    expect(credit).toEqual({ missed: Object.values(missed).reduce((a, b) => a + b, 0), creditPercent: percent, capped, amountMinor: amount });
  });

  it.each<[string, number, Record<string, number>]>([
    ['a fractional price', 12.5, { P1: 1 }],
    ['a negative price', -100, { P1: 1 }],
    ['a negative count', 100, { P1: -1 }],
    ['a fractional count', 100, { P1: 1.5 }],
  ])('refuses %s', (_name, price, missed) => {
    expect(() => computeServiceCredit({ rule: gold, monthlyPriceMinor: price, missed })).toThrow(RangeError);
  });

  it('equals the exact rational result rounded half-even (against a decimal oracle)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.record({ P1: fc.nat(5), P2: fc.nat(5), P3: fc.nat(5) }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (price, missed, p1Bp, capBp) => {
          const rule: CreditRule = { perMissedRequest: { P1: p1Bp / 100, P2: 2.5, P3: 0.75 }, capPercent: capBp / 100 };
          const sumBp = Math.min(missed.P1 * p1Bp + missed.P2 * 250 + missed.P3 * 75, capBp);
          // Oracle in plain numbers: exact while price × basis points stays below 2^53 (here < 1e11).
          const exact = (price * sumBp) / 10_000;
          const floor = Math.floor(exact);
          const fraction = price * sumBp - floor * 10_000;
          const expected = fraction > 5_000 ? floor + 1 : fraction < 5_000 ? floor : floor % 2 === 0 ? floor : floor + 1;
          expect(computeServiceCredit({ rule, monthlyPriceMinor: price, missed }).amountMinor).toBe(expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
