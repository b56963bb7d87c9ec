/**
 * Money as the contract database stores it: an integer amount of **minor units** (cents for EUR,
 * yen for JPY, fils for BHD) of one ISO 4217 currency, never a float. This module knows each
 * currency's minor-unit digits (ISO 4217's "minor unit" column), checks currency codes, and formats
 * an amount for people with `Intl.NumberFormat` in their locale.
 *
 * Why the digits are a table here and not `Intl`'s: CLDR (what `Intl` formats with) shows some
 * currencies with fewer decimals than ISO 4217 defines (HUF, IDR and COP without cents, for example),
 * and its data changes between runtime versions. A stored amount must mean the same amount on every
 * runtime for ever, so the exponent comes from ISO 4217 (checked against the 2026 list); `Intl` only
 * decides how the number looks.
 *
 * Pure: no I/O, no clock, no Forge; bundled into the browser too.
 */
import { z } from 'zod';
import { vt } from './validation-message';

/** ISO 4217 currencies whose minor unit is not 2 digits (every other active code has 2). */
const MINOR_DIGITS_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** ISO 4217 codes that are no currency one can invoice in (precious metals, SDR, test and "no currency"): minor unit "N.A.". */
const NOT_A_CURRENCY: ReadonlySet<string> = new Set(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX']);

const CODE = /^[A-Z]{3}$/;

let knownCodes: ReadonlySet<string> | null | undefined;

function supportedCodes(): ReadonlySet<string> | null {
  if (knownCodes === undefined) {
    // Every runtime the app supports (Node 20+, current browsers) has Intl.supportedValuesOf; when
    // one does not, any well-formed code with an ISO exponent is accepted rather than none.
    knownCodes = typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;
  }
  return knownCodes;
}

/**
 * True for an ISO 4217 code of a currency one can invoice in.
 *
 * @example isKnownCurrency('EUR') // true
 * @example isKnownCurrency('XAU') // false (gold has no minor unit)
 */
export function isKnownCurrency(code: string): boolean {
  if (!CODE.test(code) || NOT_A_CURRENCY.has(code)) return false;
  const codes = supportedCodes();
  return codes === null || codes.has(code) || code in MINOR_DIGITS_EXCEPTIONS;
}

/**
 * The number of minor-unit digits of a currency (ISO 4217): 2 for EUR and USD, 0 for JPY, 3 for BHD.
 *
 * @example currencyMinorDigits('JPY') // 0
 */
export function currencyMinorDigits(currency: string): number {
  return MINOR_DIGITS_EXCEPTIONS[currency] ?? 2;
}

/** The largest amount the database accepts, in minor units: far above any monthly price, and small enough that sums over a contract stay exact integers. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

/** An ISO 4217 currency code such as `EUR`. */
export const currencyCodeSchema = z
  .string()
  .refine(isKnownCurrency, { error: vt('validation.currency') });
export type CurrencyCode = z.infer<typeof currencyCodeSchema>;

/** An amount in minor units (e.g. 12500 = € 125.00): a whole number, not negative. */
export const amountMinorSchema = z
  .number()
  .int(vt('validation.amount.whole'))
  .nonnegative(vt('validation.amount.negative'))
  .max(MAX_AMOUNT_MINOR, vt('validation.amount.tooLarge'));
export type AmountMinor = z.infer<typeof amountMinorSchema>;

/**
 * The amount as a plain decimal string with exactly the currency's digits, for CSV files and JSON
 * that people read: no grouping, `.` as separator, exact (no float arithmetic).
 *
 * @example minorToDecimalString(12345, 'EUR') // '123.45'
 * @example minorToDecimalString(500, 'JPY') // '500'
 * @example minorToDecimalString(-5, 'BHD') // '-0.005'
 */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amountMinor must be a safe integer (got ${amountMinor})`);
  const digits = currencyMinorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = Math.abs(amountMinor).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount in minor units formatted for people in their locale, always with the currency's own
 * number of decimals ("€ 1.250,00" in nl-NL, "€1,250.00" in en-GB, "¥1,250" for JPY).
 *
 * @example formatMoney(125000, 'EUR', 'nl-NL') // '€ 1.250,00'
 * @example formatMoney(125000, 'EUR', 'en-GB') // '€1,250.00'
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = currencyMinorDigits(currency);
  const key = `${locale}\u0000${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, formatter);
  }
  // Through the decimal string, so no float ever rounds a stored amount.
  return formatter.format(minorToDecimalString(amountMinor, currency) as `${number}`);
}
