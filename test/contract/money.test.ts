/**
 * Money in minor units (issue 14.1): ISO 4217 digits per currency, exact decimal strings, and
 * formatting in the user's locale with the currency's own number of decimals.
 */
import {
  amountMinorSchema,
  currencyCodeSchema,
  currencyMinorDigits,
  formatMoney,
  isKnownCurrency,
  minorToDecimalString,
} from '../../src/contract/money';

describe('currencyMinorDigits (ISO 4217, not CLDR)', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['CLF', 4],
    // CLDR formats these without decimals; ISO 4217 (and so the stored amounts) has cents.
    ['HUF', 2],
    ['IDR', 2],
    ['COP', 2],
  ])('%s has %i digits', (currency, digits) => {
    expect(currencyMinorDigits(currency)).toBe(digits);
  });
});

describe('isKnownCurrency', () => {
  it.each(['EUR', 'USD', 'GBP', 'JPY', 'CHF', 'BHD'])('knows %s', (code) => {
    expect(isKnownCurrency(code)).toBe(true);
  });
  it.each(['eur', 'EURO', 'ABC', 'XAU', 'XXX', 'XDR', ''])('refuses %j', (code) => {
    expect(isKnownCurrency(code)).toBe(false);
  });
  it('says what to enter', () => {
    expect(currencyCodeSchema.safeParse('Euro').error?.issues[0]?.message).toBe('Use an ISO 4217 currency code such as EUR or USD.');
  });
});

describe('amountMinorSchema', () => {
  it.each([0, 1, 12_500, 1_000_000_000_000])('accepts %i', (amount) => {
    expect(amountMinorSchema.safeParse(amount).success).toBe(true);
  });
  it.each<[string, number, string]>([
    ['a fraction of a cent', 12.5, 'Amounts are whole minor units (cents): 12500 means 125.00.'],
    ['a negative amount', -1, 'An amount cannot be negative.'],
    ['an absurd amount', 1e13, 'The amount is too large.'],
  ])('refuses %s', (_name, amount, message) => {
    expect(amountMinorSchema.safeParse(amount).error?.issues[0]?.message).toBe(message);
  });
});

describe('minorToDecimalString', () => {
  it.each<[number, string, string]>([
    [12_345, 'EUR', '123.45'],
    [5, 'EUR', '0.05'],
    [0, 'EUR', '0.00'],
    [500, 'JPY', '500'],
    [1_234, 'BHD', '1.234'],
    [-5, 'BHD', '-0.005'],
    [1_000_000_000_000, 'EUR', '10000000000.00'],
  ])('%i %s → %s', (amount, currency, text) => {
    expect(minorToDecimalString(amount, currency)).toBe(text);
  });
  it('refuses a non-integer', () => {
    expect(() => minorToDecimalString(1.5, 'EUR')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each<[number, string, string, string]>([
    [125_000, 'EUR', 'nl-NL', '€ 1.250,00'],
    [125_000, 'EUR', 'en-GB', '€1,250.00'],
    [9_500, 'EUR', 'en-US', '€95.00'],
    [125_000, 'JPY', 'en-US', '¥125,000'],
    [1_234, 'BHD', 'en-US', 'BHD 1.234'],
    // CLDR would drop the cents of a forint; the stored amount has them, so they show.
    [12_345, 'HUF', 'en-US', 'HUF 123.45'],
  ])('%i %s in %s → %s', (amount, currency, locale, text) => {
    expect(formatMoney(amount, currency, locale).replace(/\u00a0/g, ' ')).toBe(text);
  });

  it('is exact where floats are not (0.1 + 0.2)', () => {
    expect(formatMoney(30, 'EUR', 'en-US')).toBe('€0.30');
    expect(formatMoney(999_999_999_999, 'EUR', 'en-US')).toBe('€9,999,999,999.99');
  });
});
