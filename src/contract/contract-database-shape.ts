/**
 * The structure of the contract database, schema version 2: the zod schemas of every part and the
 * types inferred from them, strict objects with their defaults, and the small look-ups the UI and the
 * domain share (`levelRevisionOn`, `bespokeCalendarApplies`). No cross-reference or policy checks:
 * those, the whole-document schemas and parsing are in ./contract-database.ts, which re-exports all
 * of this — so the admin page's bundle, which parses the backend's answers with this structure only,
 * does not carry the checks and the version 1 migration.
 *
 * Pure zod: no I/O, no Forge imports, no clock — bundled into the browser.
 */
import { z } from 'zod';
import {
  entityIdSchema,
  ianaTimeZoneSchema,
  jiraNameSchema,
  localDateSchema,
  priorityClassSchema,
  type PriorityClass,
} from './building-blocks';
import { calendarDefinitionSchema } from './calendar';
import { amountMinorSchema, currencyCodeSchema } from './money';
import { strictObject } from './strict-object';
import { vt } from './validation-message';

/** The version of the document format; bumped (with a migration) on incompatible changes. */
export const CONTRACT_DATABASE_SCHEMA_VERSION = 2;

/**
 * Upper bounds that keep one document (and the work of validating, storing and resolving it)
 * bounded; an import beyond them is rejected with a clear error. `documentMaxBytes` is the bound
 * that matters in practice: the per-list limits multiply to far more than any store can hold.
 */
export const CONTRACT_DATABASE_LIMITS = {
  calendars: 100,
  holidaysPerCalendar: 1000,
  services: 300,
  levels: 50,
  revisionsPerLevel: 100,
  contracts: 2000,
  versionsPerContract: 100,
  organizationsPerContract: 100,
  coveredServicesPerVersion: 300,
  ruleValuesPerService: 200,
  requestTypeRates: 300,
  pauseStatuses: 50,
  jiraPriorities: 100,
  /** One year of minutes: a target beyond that is a data-entry mistake. */
  targetMinutesMax: 525_600,
  /**
   * A target must be reachable within this many working weeks of the calendar it counts in: the
   * business-time engine looks at most 3 years (1096 days) ahead for business time.
   */
  targetHorizonWeeks: 156,
  /** Days without any business time (holidays back to back) that a calendar may not reach: the engine's horizon. */
  idleHorizonDays: 1096,
  nameMaxLength: 120,
  textMaxLength: 2000,
  /**
   * The whole document as compact JSON, in UTF-8 bytes (about 2,000 contracts of a few versions).
   * Export and import are sized from it (admin-api.ts ADMIN_LIMITS), so every stored database can be
   * exported and imported back.
   */
  documentMaxBytes: 3_000_000,
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks (the small ones live in ./building-blocks.ts and are re-exported here)

export {
  entityIdSchema,
  ianaTimeZoneSchema,
  jiraNameSchema,
  localDateSchema,
  PRIORITY_CLASSES,
  priorityClassSchema,
  type EntityId,
  type LocalDate,
  type PriorityClass,
} from './building-blocks';

/** A name shown to people: trimmed, non-empty. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, vt('validation.name.empty'))
  .max(CONTRACT_DATABASE_LIMITS.nameMaxLength, vt('validation.text.tooLong', { max: CONTRACT_DATABASE_LIMITS.nameMaxLength }));

/** A free text for people reading the contract later. */
const noteSchema = z.string().max(CONTRACT_DATABASE_LIMITS.textMaxLength, vt('validation.text.tooLong', { max: CONTRACT_DATABASE_LIMITS.textMaxLength }));

/** An Atlassian account id, e.g. `5b10ac8d82e05b22cc7d4ef5` or `712020:1a2b…`. */
export const atlassianAccountIdSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, vt('validation.accountId'));

/** A colour as `#RRGGBB`, e.g. `#D4A017` for Gold. */
export const hexColourSchema = z.string().regex(/^#[0-9A-Fa-f]{6}$/, vt('validation.colour'));

/** The colour a level gets when none is given: a neutral grey that reads in light and dark themes. */
export const DEFAULT_LEVEL_COLOUR = '#6B778C';

/**
 * A percentage with at most two decimals, 0–100 (e.g. `2.5`). Kept exact by the domain, which
 * computes in hundredths of a percent (basis points).
 */
export const percentSchema = z
  .number()
  .min(0, vt('validation.percent.min'))
  .max(100, vt('validation.percent.max'))
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: vt('validation.percent.decimals') });

const minutesSchema = z
  .number()
  .int(vt('validation.minutes.whole'))
  .positive(vt('validation.minutes.positive'))
  .max(CONTRACT_DATABASE_LIMITS.targetMinutesMax, vt('validation.minutes.max'));

/**
 * The targets for one priority class, in business minutes of the level's (or bespoke) calendar.
 * A first-response target, when set, cannot be longer than the resolution target.
 */
export const targetSchema = strictObject({
  resolutionMinutes: minutesSchema,
  responseMinutes: minutesSchema.optional(),
}).refine((t) => t.responseMinutes === undefined || t.responseMinutes <= t.resolutionMinutes, {
  error: vt('validation.response.longer'),
  path: ['responseMinutes'],
});
export type Target = z.infer<typeof targetSchema>;

/** A target for every priority class: what a service level promises. */
export const targetTableSchema = strictObject({
  P1: targetSchema,
  P2: targetSchema,
  P3: targetSchema,
  P4: targetSchema,
  P5: targetSchema,
});
export type TargetTable = z.infer<typeof targetTableSchema>;

/** Targets for some priority classes: what bespoke terms override. */
export const targetOverridesSchema = z.partialRecord(priorityClassSchema, targetSchema);
export type TargetOverrides = z.infer<typeof targetOverridesSchema>;

/**
 * Service credits (issue 14.4): per missed request (resolved late) a percentage of the service's
 * monthly price, by priority class, at most `capPercent` per service per month. The computation and
 * its rounding rule are in src/domain/service-credits.ts.
 *
 * @example { perMissedRequest: { P1: 10, P2: 5 }, capPercent: 30 }
 */
export const creditRuleSchema = strictObject({
  /** Percent of the monthly price credited per missed request of that class; classes left out earn none. */
  perMissedRequest: z.partialRecord(priorityClassSchema, percentSchema),
  /** The most credited for one service in one month, in percent of its monthly price. */
  capPercent: percentSchema,
});
export type CreditRule = z.infer<typeof creditRuleSchema>;

// ---------------------------------------------------------------------------------------------
// Calendars, services, levels

/** A business calendar of the database: the design §2 definition plus its id and display name. */
export const calendarEntrySchema = strictObject({
  id: entityIdSchema,
  name: displayNameSchema,
  ...calendarDefinitionSchema.shape,
  holidays: calendarDefinitionSchema.shape.holidays.unwrap().max(CONTRACT_DATABASE_LIMITS.holidaysPerCalendar, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.holidaysPerCalendar })).optional(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

const ruleValuesSchema = z
  .array(z.string().trim().min(1, vt('validation.value.empty')).max(255, vt('validation.text.tooLong', { max: 255 })))
  .max(CONTRACT_DATABASE_LIMITS.ruleValuesPerService, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.ruleValuesPerService }));

/**
 * How a service is recognised on a request: by JSM request type id (exact), component name or label
 * (both case-insensitive). Any one hit matches; the first matching service in catalogue order wins.
 */
export const serviceRuleSchema = strictObject({
  requestTypeIds: ruleValuesSchema.default([]),
  components: ruleValuesSchema.default([]),
  labels: ruleValuesSchema.default([]),
});
export type ServiceRule = z.infer<typeof serviceRuleSchema>;

/** An entry of the service catalogue ("E-mail", "Printing", "Network"). */
export const serviceSchema = strictObject({
  id: entityIdSchema,
  name: displayNameSchema,
  description: noteSchema.optional(),
  rule: serviceRuleSchema.prefault({}),
});
export type Service = z.infer<typeof serviceSchema>;

/**
 * One revision of a level's terms, in force from `effectiveFrom` (a local date, read in the zone of
 * the contract that uses the level) until the next revision's date. The first revision also applies
 * before its date, so a contract is never without terms because its level was created later.
 */
export const levelRevisionSchema = strictObject({
  effectiveFrom: localDateSchema,
  /** The calendar the targets count in. */
  calendarId: entityIdSchema,
  targets: targetTableSchema,
  /** The monthly price of this level per covered service, keyed by service id, in minor units of the level's currency. */
  monthlyPrices: z.record(entityIdSchema, amountMinorSchema).default({}),
  credits: creditRuleSchema.optional(),
  /** What changed and why, for the people reading the level later. */
  note: noteSchema.optional(),
});
export type LevelRevision = z.infer<typeof levelRevisionSchema>;

/** A reusable service level (tier): Gold, Silver, Bronze, with its dated revisions. */
export const serviceLevelSchema = strictObject({
  id: entityIdSchema,
  name: displayNameSchema,
  /** How the level is shown (lozenges, charts): `#RRGGBB`. */
  colour: hexColourSchema.default(DEFAULT_LEVEL_COLOUR),
  /** The share of requests that must be resolved on time, e.g. 95; absent: every request must be. */
  objectivePercent: z.number().min(0, vt('validation.percent.min')).max(100, vt('validation.percent.max')).optional(),
  /** The currency of the level's prices; absent: `settings.currency`. */
  currency: currencyCodeSchema.optional(),
  revisions: z
    .array(levelRevisionSchema)
    .min(1, vt('validation.level.noRevision'))
    .max(CONTRACT_DATABASE_LIMITS.revisionsPerLevel, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.revisionsPerLevel })),
});
export type ServiceLevel = z.infer<typeof serviceLevelSchema>;

/**
 * The revision of a level in force on a local date: the latest revision that started on or before
 * it, or the earliest revision for a date before all of them.
 *
 * @example levelRevisionOn(gold, '2027-01-15').effectiveFrom // '2027-01-01'
 */
export function levelRevisionOn(level: Pick<ServiceLevel, 'revisions'>, date: string): LevelRevision {
  let inForce: LevelRevision | undefined;
  let earliest: LevelRevision | undefined;
  for (const revision of level.revisions) {
    if (earliest === undefined || revision.effectiveFrom < earliest.effectiveFrom) earliest = revision;
    if (revision.effectiveFrom <= date && (inForce === undefined || revision.effectiveFrom > inForce.effectiveFrom)) inForce = revision;
  }
  const found = inForce ?? earliest;
  // Unreachable for a parsed level (it has at least one revision); a broken invariant otherwise.
  if (found === undefined) throw new RangeError('A level without revisions has no terms.');
  return found;
}

/**
 * The revisions of a level sorted by `effectiveFrom`, each with the last date it is in force
 * (the day before the next revision; null for the latest).
 *
 * @example levelRevisionPeriods(gold) // [{ revision, from: '2026-01-01', to: '2026-12-31' }, { revision, from: '2027-01-01', to: null }]
 */
export function levelRevisionPeriods(level: Pick<ServiceLevel, 'revisions'>): { revision: LevelRevision; from: string; to: string | null }[] {
  const sorted = [...level.revisions].sort((a, b) => compareText(a.effectiveFrom, b.effectiveFrom));
  return sorted.map((revision, index) => {
    const next = sorted[index + 1];
    return { revision, from: revision.effectiveFrom, to: next === undefined ? null : previousDay(next.effectiveFrom) };
  });
}

// ---------------------------------------------------------------------------------------------
// Contracts

/** Bespoke ("maatwerk") terms on top of a level: per-class targets, own calendar, own price, own credit rule. */
export const bespokeTermsSchema = strictObject({
  targets: targetOverridesSchema.default({}),
  /** A calendar of their own (e.g. 24x7); by default for every class, see `calendarClasses`. */
  calendarId: entityIdSchema.optional(),
  /** The classes the bespoke calendar applies to (e.g. ["P1"] for outages); absent: all of them. */
  calendarClasses: z.array(priorityClassSchema).min(1, vt('validation.bespoke.noClass')).optional(),
  /** The monthly price of this service under this contract, in minor units of the contract's currency. */
  monthlyPrice: amountMinorSchema.optional(),
  credits: creditRuleSchema.optional(),
  /** What was agreed and why, for the people reading the contract later. */
  note: noteSchema.optional(),
});
export type BespokeTerms = z.infer<typeof bespokeTermsSchema>;

/** True when the bespoke calendar applies to a class (it has one, and the class is among its classes). */
export function bespokeCalendarApplies(bespoke: BespokeTerms | undefined, priorityClass: PriorityClass): boolean {
  if (bespoke?.calendarId === undefined) return false;
  return bespoke.calendarClasses === undefined || bespoke.calendarClasses.includes(priorityClass);
}

/** A service a contract version covers, at a level, possibly with bespoke terms. */
export const coveredServiceSchema = strictObject({
  serviceId: entityIdSchema,
  levelId: entityIdSchema,
  bespoke: bespokeTermsSchema.optional(),
});
export type CoveredService = z.infer<typeof coveredServiceSchema>;

/** What a request the contract does not cover costs: per hour, or a fixed price per request. */
export const rateSchema = strictObject({
  hourly: amountMinorSchema.optional(),
  perRequest: amountMinorSchema.optional(),
}).refine((rate) => rate.hourly !== undefined || rate.perRequest !== undefined, { error: vt('validation.rate.empty') });
export type Rate = z.infer<typeof rateSchema>;

/** Out-of-contract rates: a general one and, per JSM request type id, its own. */
export const outOfContractRatesSchema = strictObject({
  default: rateSchema.optional(),
  byRequestType: z
    .record(z.string().trim().min(1).max(64), rateSchema)
    .refine((rates) => Object.keys(rates).length <= CONTRACT_DATABASE_LIMITS.requestTypeRates, {
      error: vt('validation.rate.tooMany', { max: CONTRACT_DATABASE_LIMITS.requestTypeRates }),
    })
    .default({}),
});
export type OutOfContractRates = z.infer<typeof outOfContractRatesSchema>;

/** One version of a contract, in force from `effectiveFrom` through `effectiveTo` (inclusive, open when absent). */
export const contractVersionSchema = strictObject({
  version: z.number().int(vt('validation.wholeNumber')).positive(vt('validation.wholeNumber')),
  effectiveFrom: localDateSchema,
  effectiveTo: localDateSchema.optional(),
  coveredServices: z
    .array(coveredServiceSchema)
    .min(1, vt('validation.version.noService'))
    .max(CONTRACT_DATABASE_LIMITS.coveredServicesPerVersion, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.coveredServicesPerVersion })),
  /** The service a request gets when no catalogue rule recognises it; must be covered. */
  defaultServiceId: entityIdSchema,
  /** Statuses in which the clock pauses; absent: the settings' pause statuses. */
  pauseStatuses: z.array(jiraNameSchema).max(CONTRACT_DATABASE_LIMITS.pauseStatuses, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.pauseStatuses })).optional(),
  /** A fixed monthly fee on top of the services' prices, in minor units of the contract's currency. */
  monthlyFee: amountMinorSchema.optional(),
  outOfContractRates: outOfContractRatesSchema.optional(),
  /** The last day of the agreed term: the contract ends (or renews) after it. */
  endDate: localDateSchema.optional(),
  /** The last day notice of termination can be given. */
  noticeDate: localDateSchema.optional(),
  note: noteSchema.optional(),
});
export type ContractVersion = z.infer<typeof contractVersionSchema>;

/** The customer of a contract: one or more JSM organizations (by organization id). */
export const customerSchema = strictObject({
  id: entityIdSchema,
  name: displayNameSchema,
  organizationIds: z
    .array(z.string().trim().min(1, vt('validation.value.empty')).max(64, vt('validation.text.tooLong', { max: 64 })))
    .min(1, vt('validation.customer.noOrganization'))
    .max(CONTRACT_DATABASE_LIMITS.organizationsPerContract, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.organizationsPerContract })),
});
export type Customer = z.infer<typeof customerSchema>;

/** A customer contract: versions, not edits (a change is a new version from an effective date). */
export const contractSchema = strictObject({
  id: entityIdSchema,
  name: displayNameSchema,
  customer: customerSchema,
  /** The zone in which the versions' dates (and report months) are read, e.g. `Europe/Amsterdam`. */
  timeZone: ianaTimeZoneSchema,
  /** The contract's currency (ISO 4217); absent: `settings.currency`. */
  currency: currencyCodeSchema.optional(),
  /** Whether the customer portal shows the contract's prices (issue 13.2); off unless agreed. */
  showPricesToCustomer: z.boolean().default(false),
  /** Who looks after the customer commercially (an Atlassian account id); notified about the notice date. */
  accountManagerAccountId: atlassianAccountIdSchema.optional(),
  /** Notify the account manager this many days before a version's notice date (once). */
  noticeReminderDays: z.number().int(vt('validation.contract.reminderDays.min')).min(1, vt('validation.contract.reminderDays.min')).max(365, vt('validation.contract.reminderDays.max')).optional(),
  versions: z
    .array(contractVersionSchema)
    .min(1, vt('validation.contract.noVersion'))
    .max(CONTRACT_DATABASE_LIMITS.versionsPerContract, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.versionsPerContract })),
});
export type Contract = z.infer<typeof contractSchema>;

// ---------------------------------------------------------------------------------------------
// Settings

/** The default Jira priority → class map (the five standard Jira Cloud priorities). */
export const DEFAULT_JIRA_PRIORITY_MAP: Readonly<Record<string, PriorityClass>> = {
  Highest: 'P1',
  High: 'P2',
  Medium: 'P3',
  Low: 'P4',
  Lowest: 'P5',
};

/**
 * How Jira priorities become classes. Names are matched case-insensitively. A request without a
 * priority, or with a priority missing from the map, gets `defaultClass` (by default P3, the class
 * of "Medium", Jira's own default priority) — and the explanation says which of the two happened.
 */
export const priorityMapSchema = strictObject({
  byJiraPriority: z.record(jiraNameSchema, priorityClassSchema).default({ ...DEFAULT_JIRA_PRIORITY_MAP }),
  defaultClass: priorityClassSchema.default('P3'),
});
export type PriorityMap = z.infer<typeof priorityMapSchema>;

/** Placeholders a "tell the customer" template may use; the backend fills them in. */
export const MESSAGE_PLACEHOLDERS = ['deadline', 'newDeadline', 'agreement', 'service', 'priority'] as const;
export type MessagePlaceholder = (typeof MESSAGE_PLACEHOLDERS)[number];

/** The template kinds: "we expect …", "we will miss …" and "the deadline moved …". */
export const MESSAGE_TEMPLATE_KINDS = ['expected', 'missed', 'extended'] as const;
export type MessageTemplateKind = (typeof MESSAGE_TEMPLATE_KINDS)[number];

/** The placeholder each kind must contain, or the message would not say what it is for. */
export const REQUIRED_PLACEHOLDER: Readonly<Record<MessageTemplateKind, MessagePlaceholder>> = {
  expected: 'deadline',
  missed: 'newDeadline',
  extended: 'newDeadline',
};

/** The `{name}` placeholders in a template, in order of appearance (duplicates kept). */
export function listPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
}

/** One template text: non-empty (its placeholders are checked with the document, ./contract-database.ts). */
export const messageTemplateSchema = z
  .string()
  .trim()
  .min(1, vt('validation.settings.message.empty'))
  .max(CONTRACT_DATABASE_LIMITS.textMaxLength, vt('validation.text.tooLong', { max: CONTRACT_DATABASE_LIMITS.textMaxLength }));

/** The default English templates. */
export const DEFAULT_MESSAGES_EN: Readonly<Record<MessageTemplateKind, string>> = {
  expected: 'We expect to resolve your request by {deadline}, as agreed in your {agreement} agreement.',
  missed:
    'We are sorry: we will not resolve your request by {deadline} as agreed in your {agreement} agreement. We now expect to resolve it by {newDeadline}.',
  extended: 'As agreed with you, the target for your request has moved to {newDeadline}.',
};

/** The default Dutch templates. */
export const DEFAULT_MESSAGES_NL: Readonly<Record<MessageTemplateKind, string>> = {
  expected: 'We verwachten uw verzoek uiterlijk {deadline} op te lossen, zoals afgesproken in uw {agreement}-overeenkomst.',
  missed:
    'Het spijt ons: we lossen uw verzoek niet uiterlijk {deadline} op, zoals afgesproken in uw {agreement}-overeenkomst. We verwachten het nu uiterlijk {newDeadline} op te lossen.',
  extended: 'Zoals met u afgesproken is de streeftijd voor uw verzoek verschoven naar {newDeadline}.',
};

function messageTemplatesSchemaWith(defaults: Readonly<Record<MessageTemplateKind, string>>) {
  return strictObject({
    expected: messageTemplateSchema.default(defaults.expected),
    missed: messageTemplateSchema.default(defaults.missed),
    extended: messageTemplateSchema.default(defaults.extended),
  });
}

/** The "tell the customer" templates in the two UI languages. */
export const messageTemplatesSchema = strictObject({
  en: messageTemplatesSchemaWith(DEFAULT_MESSAGES_EN).prefault({}),
  nl: messageTemplatesSchemaWith(DEFAULT_MESSAGES_NL).prefault({}),
});
export type MessageTemplates = z.infer<typeof messageTemplatesSchema>;
export type MessageLanguage = keyof MessageTemplates;

/** The default pause statuses: JSM's "Waiting for customer". */
export const DEFAULT_PAUSE_STATUSES: readonly string[] = ['Waiting for customer'];

/** The currency of a database that names none. */
export const DEFAULT_CURRENCY = 'EUR';

/** App settings: fallback terms, the at-risk threshold, pause statuses, priorities, messages, currency. */
export const settingsSchema = strictObject({
  /** The level ("best effort") for requests no contract covers; null: those are `uncovered`. */
  fallbackLevelId: entityIdSchema.nullable().default(null),
  /** A running clock is `at-risk` once this share of its resolution target is used. */
  atRiskThresholdPercent: z.number().int(vt('validation.atRisk')).min(1, vt('validation.atRisk')).max(99, vt('validation.atRisk')).default(75),
  /** Statuses in which the clock pauses, unless a contract version names its own. */
  pauseStatuses: z.array(jiraNameSchema).max(CONTRACT_DATABASE_LIMITS.pauseStatuses, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.pauseStatuses })).default([...DEFAULT_PAUSE_STATUSES]),
  priorities: priorityMapSchema.prefault({}),
  messages: messageTemplatesSchema.prefault({}),
  /** The currency of contracts and levels that name none (ISO 4217). */
  currency: currencyCodeSchema.default(DEFAULT_CURRENCY),
});
export type Settings = z.infer<typeof settingsSchema>;

// ---------------------------------------------------------------------------------------------
// The whole document's shape

/** The document's structure: every object strict, defaults filled in; no cross-reference checks (./contract-database.ts adds them). */
export const contractDatabaseShape = strictObject({
  schemaVersion: z.literal(CONTRACT_DATABASE_SCHEMA_VERSION, {
    error: vt('validation.schemaVersion', { version: CONTRACT_DATABASE_SCHEMA_VERSION }),
  }),
  calendars: z.array(calendarEntrySchema).max(CONTRACT_DATABASE_LIMITS.calendars, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.calendars })).default([]),
  services: z.array(serviceSchema).max(CONTRACT_DATABASE_LIMITS.services, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.services })).default([]),
  levels: z.array(serviceLevelSchema).max(CONTRACT_DATABASE_LIMITS.levels, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.levels })).default([]),
  contracts: z.array(contractSchema).max(CONTRACT_DATABASE_LIMITS.contracts, vt('validation.tooMany', { max: CONTRACT_DATABASE_LIMITS.contracts })).default([]),
  settings: settingsSchema.prefault({}),
});

/** The contract database (the type is the same with or without the checks). */
export type ContractDatabase = z.infer<typeof contractDatabaseShape>;
/** The document as written by people or an import: defaults may be left out. */
export type ContractDatabaseInput = z.input<typeof contractDatabaseShape>;

// ---------------------------------------------------------------------------------------------
// Helpers


/** The local date before a `YYYY-MM-DD` date. */
export function previousDay(date: string): string {
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** Orders `YYYY-MM-DD` dates (and other plain text) by code units. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
