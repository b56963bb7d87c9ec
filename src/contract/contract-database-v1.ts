/**
 * Schema version 1 of the contract database (releases before the commercial terms) and its
 * migration to version 2. Stored databases of real installs and old exports are version 1; they are
 * migrated whenever they are read or imported, and stored as version 2 on the next save.
 *
 * What changes from 1 to 2:
 * - money `{ amount: 1250.5, currency: 'EUR' }` becomes an integer of minor units (125050) in the
 *   currency of the contract or level; the most used currency becomes `settings.currency`, and a
 *   contract or level with another one names its own `currency`;
 * - a level's calendar, targets and prices move into its first revision, in force from the earliest
 *   contract date of the database (the first revision applies before its date too, so no request
 *   changes terms); the level gets a colour (gold, silver, bronze by name, else from a palette);
 * - a version's `renewalDate` ("renews on 1 January") becomes `endDate` ("the term ends on
 *   31 December"), the day before.
 * Everything else is carried over as it is, unknown keys included, so version 2's strict schema
 * reports them instead of the migration hiding them.
 *
 * Pure: no I/O, no clock; bundled into the browser too.
 */
import { z } from 'zod';
import type { ContractDatabaseError } from './contract-database';
import { currencyMinorDigits } from './money';
import { describeIssues, formatIssuePath } from './strict-object';

const moneyV1Schema = z.object({ amount: z.number().nonnegative(), currency: z.string() });
type MoneyV1 = z.infer<typeof moneyV1Schema>;

const levelV1Schema = z.looseObject({
  name: z.string().optional(),
  calendarId: z.unknown(),
  targets: z.unknown(),
  monthlyPrices: z.record(z.string(), moneyV1Schema).optional(),
});

const bespokeV1Schema = z.looseObject({ monthlyPrice: moneyV1Schema.optional() });

const versionV1Schema = z.looseObject({
  effectiveFrom: z.string().optional(),
  renewalDate: z.string().optional(),
  monthlyFee: moneyV1Schema.optional(),
  coveredServices: z.array(z.looseObject({ bespoke: bespokeV1Schema.optional() })).optional(),
});

const contractV1Schema = z.looseObject({ id: z.unknown(), versions: z.array(versionV1Schema).optional() });

const databaseV1Schema = z.looseObject({
  schemaVersion: z.literal(1),
  levels: z.array(levelV1Schema).optional(),
  contracts: z.array(contractV1Schema).optional(),
  settings: z.looseObject({}).optional(),
});

export type MigrationResult =
  | { readonly status: 'current' }
  | { readonly status: 'migrated'; readonly document: Record<string, unknown>; readonly notes: string[] }
  | { readonly status: 'invalid'; readonly errors: ContractDatabaseError[] };

/** Well-known level names and their colours; any other level gets one from the palette. */
const NAMED_COLOURS: readonly (readonly [RegExp, string])[] = [
  [/gold/i, '#D4A017'],
  [/silver/i, '#8A9BA8'],
  [/bronze/i, '#B0793B'],
  [/platinum/i, '#5E6C84'],
];
const PALETTE = ['#0C66E4', '#1F845A', '#AE2E24', '#6E5DC6', '#B65C02', '#206A83'] as const;

function colourOf(name: string | undefined, index: number): string {
  for (const [pattern, colour] of NAMED_COLOURS) if (name !== undefined && pattern.test(name)) return colour;
  return PALETTE[index % PALETTE.length] ?? '#6B778C';
}

function previousDay(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - 86_400_000).toISOString().slice(0, 10);
}

function mostUsed(currencies: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of currencies) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best: string | undefined;
  for (const [currency, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = currency;
  return best;
}

function toMinor(money: MoneyV1): number {
  return Math.round(money.amount * 10 ** currencyMinorDigits(money.currency));
}

/**
 * Migrates a version 1 document to a version 2 document (not yet validated: the caller parses it
 * with the version 2 schema, which reports anything wrong with its path). Answers `current` for
 * anything that is not a version 1 document.
 *
 * @example
 * const result = migrateContractDatabaseV1(JSON.parse(oldExport));
 * if (result.status === 'migrated') parse(result.document); // result.notes says what changed
 */
export function migrateContractDatabaseV1(input: unknown): MigrationResult {
  if (typeof input !== 'object' || input === null || !('schemaVersion' in input) || input.schemaVersion !== 1) return { status: 'current' };
  const parsed = databaseV1Schema.safeParse(input);
  if (!parsed.success) {
    return {
      status: 'invalid',
      errors: describeIssues(parsed.error.issues).map((issue) => ({ path: formatIssuePath(issue.path), message: `${issue.message} (schema version 1)` })),
    };
  }
  const v1 = parsed.data;
  const notes: string[] = [];
  const levels = v1.levels ?? [];
  const contracts = v1.contracts ?? [];

  const allMoney: MoneyV1[] = [];
  for (const level of levels) allMoney.push(...Object.values(level.monthlyPrices ?? {}));
  for (const contract of contracts) {
    for (const version of contract.versions ?? []) {
      if (version.monthlyFee !== undefined) allMoney.push(version.monthlyFee);
      for (const covered of version.coveredServices ?? []) if (covered.bespoke?.monthlyPrice !== undefined) allMoney.push(covered.bespoke.monthlyPrice);
    }
  }
  const settingsCurrency = mostUsed(allMoney.map((m) => m.currency)) ?? 'EUR';

  /** The amount in minor units when it is in `currency`; otherwise notes that it was left out. */
  const amountIn = (money: MoneyV1, currency: string, where: string): number | undefined => {
    if (money.currency === currency) return toMinor(money);
    notes.push(`${where}: ${money.amount} ${money.currency} was left out (the rest is in ${currency}); enter it again in ${currency}.`);
    return undefined;
  };

  const versionDates = contracts.flatMap((c) => (c.versions ?? []).map((v) => v.effectiveFrom)).filter((d): d is string => d !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d));
  const revisionFrom = versionDates.length > 0 ? versionDates.reduce((a, b) => (a < b ? a : b)) : '2000-01-01';

  const levelsV2 = levels.map((level, index) => {
    const { calendarId, targets, monthlyPrices, name, ...rest } = level;
    const prices = Object.entries(monthlyPrices ?? {});
    const currency = mostUsed(prices.map(([, m]) => m.currency)) ?? settingsCurrency;
    const pricesV2: Record<string, number> = {};
    for (const [serviceId, money] of prices) {
      const amount = amountIn(money, currency, `Level '${level.name ?? index}', price of '${serviceId}'`);
      if (amount !== undefined) pricesV2[serviceId] = amount;
    }
    // Key order as people write it: id, name, colour, then the rest.
    return {
      id: rest.id,
      name,
      colour: colourOf(name, index),
      ...rest,
      ...(currency === settingsCurrency ? {} : { currency }),
      revisions: [{ effectiveFrom: revisionFrom, calendarId, targets, monthlyPrices: pricesV2 }],
    };
  });
  if (levels.length > 0) notes.push(`Each level's terms became its first revision, in force from ${revisionFrom} (and before).`);

  const contractsV2 = contracts.map((contract) => {
    const versions = contract.versions ?? [];
    const contractMoney = versions.flatMap((v) => [
      ...(v.monthlyFee === undefined ? [] : [v.monthlyFee]),
      ...(v.coveredServices ?? []).flatMap((c) => (c.bespoke?.monthlyPrice === undefined ? [] : [c.bespoke.monthlyPrice])),
    ]);
    const currency = mostUsed(contractMoney.map((m) => m.currency)) ?? settingsCurrency;
    const name = typeof contract.id === 'string' ? contract.id : '?';
    const versionsV2 = versions.map((version) => {
      const { renewalDate, monthlyFee, coveredServices, ...rest } = version;
      const out: Record<string, unknown> = { ...rest };
      if (coveredServices !== undefined) {
        out.coveredServices = coveredServices.map((covered) => {
          if (covered.bespoke === undefined) return covered;
          const { monthlyPrice, ...bespoke } = covered.bespoke;
          const amount = monthlyPrice === undefined ? undefined : amountIn(monthlyPrice, currency, `Contract '${name}', bespoke price`);
          return { ...covered, bespoke: amount === undefined ? bespoke : { ...bespoke, monthlyPrice: amount } };
        });
      }
      if (monthlyFee !== undefined) {
        const amount = amountIn(monthlyFee, currency, `Contract '${name}', monthly fee`);
        if (amount !== undefined) out.monthlyFee = amount;
      }
      if (renewalDate !== undefined) {
        const end = previousDay(renewalDate);
        if (end === undefined) out.renewalDate = renewalDate; // left for version 2 to report
        else out.endDate = end;
      }
      return out;
    });
    return { ...contract, ...(currency === settingsCurrency ? {} : { currency }), versions: versionsV2 };
  });
  if (contracts.some((c) => (c.versions ?? []).some((v) => v.renewalDate !== undefined))) {
    notes.push('Renewal dates became end dates: the term ends the day before it renews.');
  }

  const { schemaVersion: _version, calendars, services, levels: _levels, contracts: _contracts, settings, ...others } = v1;
  const document: Record<string, unknown> = {
    schemaVersion: 2,
    ...(calendars === undefined ? {} : { calendars }),
    ...(services === undefined ? {} : { services }),
    ...(v1.levels === undefined ? {} : { levels: levelsV2 }),
    ...(v1.contracts === undefined ? {} : { contracts: contractsV2 }),
    settings: { ...(settings ?? {}), currency: settingsCurrency },
    ...others,
  };
  notes.unshift(`Migrated from schema version 1 to 2 (amounts in minor units of ${settingsCurrency}).`);
  return { status: 'migrated', document, notes };
}
