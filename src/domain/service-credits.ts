/**
 * Service credits (design §4, issue 14.4): what an MSP owes a customer for one service in one month
 * when requests of that service were resolved late.
 *
 *   credit = min(cap, Σ percent per missed request) × monthly price
 *
 * where a request counts as missed in the month of its resolution (the counting rules of the review
 * report, src/domain/compliance.ts), `percent` comes from the credit rule by the request's priority
 * class, and `cap` is the rule's cap per service per month.
 *
 * **Rounding rule: half-even on minor units.** The credit is computed exactly — percentages are
 * whole hundredths of a percent (basis points, the schema allows two decimals), prices whole minor
 * units, so `price × basisPoints / 10 000` is an exact fraction — and rounded once, at the end, to a
 * whole minor unit; an exact half goes to the even neighbour (€ 0.125 → € 0.12, € 0.135 → € 0.14).
 * Banker's rounding has no upward bias when many credits are added up, and it is what a spreadsheet
 * recomputing the CSV with ROUND-half-even gets to the cent. Integer arithmetic (BigInt) throughout:
 * no float ever touches an amount.
 *
 * Pure: no I/O, no clock, no Forge.
 */
import type { CreditRule, PriorityClass } from '../contract/contract-database';
import { PRIORITY_CLASSES } from '../contract/contract-database';

/** Missed (late) requests of one service in one month, per priority class. */
export type MissedByClass = Readonly<Partial<Record<PriorityClass, number>>>;

/** The credit of one customer × service × month. */
export interface ServiceCredit {
  /** Missed requests counted (all classes). */
  missed: number;
  /** The percentage credited: the sum over missed requests, capped; exact, at most two decimals. */
  creditPercent: number;
  /** True when the cap cut the sum. */
  capped: boolean;
  /** The credit in minor units of the price's currency, rounded half-even. */
  amountMinor: number;
}

/** Hundredths of a percent in a percentage of at most two decimals (exact for schema-valid input). */
function basisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * Rounds `numerator / denominator` (both non-negative, denominator > 0) to the nearest integer,
 * an exact half to the even one.
 *
 * @example roundHalfEven(25n, 10n) // 2n (2.5 → 2)
 * @example roundHalfEven(35n, 10n) // 4n (3.5 → 4)
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n || numerator < 0n) throw new RangeError('roundHalfEven takes a non-negative numerator and a positive denominator');
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator) return quotient + 1n;
  if (twiceRemainder < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

/**
 * The credit for one customer × service × month from the number of missed requests per class, the
 * service's credit rule and its monthly price (minor units).
 *
 * @example
 * computeServiceCredit({ rule: { perMissedRequest: { P1: 10, P2: 5 }, capPercent: 30 }, monthlyPriceMinor: 45000, missed: { P1: 1, P2: 3 } })
 * // { missed: 4, creditPercent: 25, capped: false, amountMinor: 11250 }  (25 % of € 450.00 = € 112.50)
 */
export function computeServiceCredit(input: { rule: CreditRule; monthlyPriceMinor: number; missed: MissedByClass }): ServiceCredit {
  const { rule, monthlyPriceMinor, missed } = input;
  if (!Number.isSafeInteger(monthlyPriceMinor) || monthlyPriceMinor < 0) {
    throw new RangeError(`monthlyPriceMinor must be a whole, non-negative number of minor units (got ${monthlyPriceMinor})`);
  }
  let count = 0;
  let sum = 0;
  for (const priorityClass of PRIORITY_CLASSES) {
    const n = missed[priorityClass] ?? 0;
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`missed.${priorityClass} must be a whole, non-negative number (got ${n})`);
    count += n;
    sum += n * basisPoints(rule.perMissedRequest[priorityClass] ?? 0);
  }
  const cap = basisPoints(rule.capPercent);
  const credited = Math.min(sum, cap);
  const amount = roundHalfEven(BigInt(monthlyPriceMinor) * BigInt(credited), 10_000n);
  return { missed: count, creditPercent: credited / 100, capped: sum > cap, amountMinor: Number(amount) };
}
