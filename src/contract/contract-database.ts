/**
 * The contract database, schema version 2: one JSON document (zod schemas + the types inferred from
 * them) holding business calendars, the service catalogue, service levels with dated revisions,
 * customer contracts with their versions and prices, and the app settings. It is what the admin page
 * edits, what import/export moves as a whole, and what terms resolution (src/domain/resolve-terms.ts)
 * reads. Version 1 documents (stored by earlier releases, or old exports) are migrated on read
 * (./contract-database-v1.ts).
 *
 * Pure zod: no I/O, no Forge imports, no clock — it is bundled into the browser too. Storage (how the
 * document is split over storage keys) is not decided here.
 *
 * Modelling decisions worth knowing:
 * - Every object is strict: an unknown key is an error naming its path (`effectivTo` is not silently
 *   dropped), with the nearest known key as a suggestion (./strict-object.ts).
 * - Ids are short slugs (`acme`, `gold`, `office-hours`) chosen by the admin; they are what records,
 *   reports and cross references store, so renaming something never breaks history.
 * - A contract's effective dates (`effectiveFrom` .. `effectiveTo`, both inclusive) are local dates
 *   in the contract's own `timeZone`: "from 1 January" means midnight in the customer's zone.
 * - Versions, not edits (ADR 0005), for levels too (ADR "level revisions"): a level's terms (calendar,
 *   targets, prices, credit rule) live in revisions with an `effectiveFrom` date; a request uses the
 *   revision in force on its creation date (read in the contract's zone); the first revision also
 *   applies before its date. Name, colour and objective are the level's identity and reporting goal.
 * - Money is an integer number of minor units (cents) of one ISO 4217 currency (./money.ts): a
 *   contract is in its `currency`, a level's prices in the level's `currency`, both defaulting to
 *   `settings.currency`.
 * - A covered service always names a base service level (Gold, Silver, …): that is the agreement it is
 *   reported under. Bespoke ("maatwerk") terms override per priority class, the calendar (for all or
 *   some classes: a 24x7 calendar for P1 outages only), the price and the credit rule.
 * - Cross references (a contract naming an unknown level, overlapping versions, duplicate ids, …) are
 *   checked only once the document is structurally valid (zod runs refinements on valid input only):
 *   an import first reports its shape errors, then, once those are fixed, its reference errors.
 * - Two strengths: `contractDatabaseSchema` (saves, imports, validation: every rule) and
 *   `storedContractDatabaseSchema` (reading what is stored: structure and references only), so a
 *   rule added in a later release (e.g. the target horizon) never makes a stored database unreadable.
 */
import { z } from 'zod';
import {
  entityIdSchema,
  ianaTimeZoneSchema,
  jiraNameSchema,
  localDateSchema,
  PRIORITY_CLASSES,
  priorityClassSchema,
  type PriorityClass,
} from './building-blocks';
import { calendarDefinitionSchema, holidayDates, parseIsoDate, parseTimeOfDay, WEEKDAY_KEYS } from './calendar';
import { migrateContractDatabaseV1 } from './contract-database-v1';
import { amountMinorSchema, currencyCodeSchema } from './money';
import { describeIssues, formatIssuePath, strictObject } from './strict-object';

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

/** True for a real `YYYY-MM-DD` date. */
function isRealDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** A name shown to people: trimmed, non-empty. */
export const displayNameSchema = z.string().trim().min(1, 'Enter a name.').max(CONTRACT_DATABASE_LIMITS.nameMaxLength);

/** A free text for people reading the contract later. */
const noteSchema = z.string().max(CONTRACT_DATABASE_LIMITS.textMaxLength);

/** An Atlassian account id, e.g. `5b10ac8d82e05b22cc7d4ef5` or `712020:1a2b…`. */
export const atlassianAccountIdSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'Use an Atlassian account id such as 5b10ac8d82e05b22cc7d4ef5.');

/** A colour as `#RRGGBB`, e.g. `#D4A017` for Gold. */
export const hexColourSchema = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Use a colour as #RRGGBB, e.g. #D4A017.');

/** The colour a level gets when none is given: a neutral grey that reads in light and dark themes. */
export const DEFAULT_LEVEL_COLOUR = '#6B778C';

/**
 * A percentage with at most two decimals, 0–100 (e.g. `2.5`). Kept exact by the domain, which
 * computes in hundredths of a percent (basis points).
 */
export const percentSchema = z
  .number()
  .min(0, 'At least 0 %.')
  .max(100, 'At most 100 %.')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: 'At most two decimals.' });

const minutesSchema = z
  .number()
  .int('Whole minutes only.')
  .positive('A target must be at least one minute.')
  .max(CONTRACT_DATABASE_LIMITS.targetMinutesMax, 'At most one year of minutes.');

/**
 * The targets for one priority class, in business minutes of the level's (or bespoke) calendar.
 * A first-response target, when set, cannot be longer than the resolution target.
 */
export const targetSchema = strictObject({
  resolutionMinutes: minutesSchema,
  responseMinutes: minutesSchema.optional(),
}).refine((t) => t.responseMinutes === undefined || t.responseMinutes <= t.resolutionMinutes, {
  error: 'The first-response target cannot be longer than the resolution target.',
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
  holidays: calendarDefinitionSchema.shape.holidays.unwrap().max(CONTRACT_DATABASE_LIMITS.holidaysPerCalendar).optional(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

const ruleValuesSchema = z.array(z.string().trim().min(1).max(255)).max(CONTRACT_DATABASE_LIMITS.ruleValuesPerService);

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
  objectivePercent: z.number().min(0).max(100).optional(),
  /** The currency of the level's prices; absent: `settings.currency`. */
  currency: currencyCodeSchema.optional(),
  revisions: z
    .array(levelRevisionSchema)
    .min(1, 'A level needs at least one revision.')
    .max(CONTRACT_DATABASE_LIMITS.revisionsPerLevel),
}).superRefine((level, ctx) => {
  const seen = new Map<string, number>();
  level.revisions.forEach((revision, index) => {
    const first = seen.get(revision.effectiveFrom);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['revisions', index, 'effectiveFrom'],
        message: `Another revision (revisions.${first}) is already in force from ${revision.effectiveFrom}.`,
      });
    } else {
      seen.set(revision.effectiveFrom, index);
    }
  });
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
  calendarClasses: z.array(priorityClassSchema).min(1, 'Name at least one class, or leave calendarClasses out.').optional(),
  /** The monthly price of this service under this contract, in minor units of the contract's currency. */
  monthlyPrice: amountMinorSchema.optional(),
  credits: creditRuleSchema.optional(),
  /** What was agreed and why, for the people reading the contract later. */
  note: noteSchema.optional(),
}).superRefine((bespoke, ctx) => {
  if (bespoke.calendarClasses === undefined) return;
  if (bespoke.calendarId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['calendarClasses'], message: 'calendarClasses limits a bespoke calendar: set calendarId too.' });
  }
  const seen = new Set<string>();
  bespoke.calendarClasses.forEach((priorityClass, index) => {
    if (seen.has(priorityClass)) ctx.addIssue({ code: 'custom', path: ['calendarClasses', index], message: `${priorityClass} is listed twice.` });
    seen.add(priorityClass);
  });
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
}).refine((rate) => rate.hourly !== undefined || rate.perRequest !== undefined, { error: 'Give an hourly rate, a price per request, or both.' });
export type Rate = z.infer<typeof rateSchema>;

/** Out-of-contract rates: a general one and, per JSM request type id, its own. */
export const outOfContractRatesSchema = strictObject({
  default: rateSchema.optional(),
  byRequestType: z
    .record(z.string().trim().min(1).max(64), rateSchema)
    .refine((rates) => Object.keys(rates).length <= CONTRACT_DATABASE_LIMITS.requestTypeRates, {
      error: `At most ${CONTRACT_DATABASE_LIMITS.requestTypeRates} request types.`,
    })
    .default({}),
});
export type OutOfContractRates = z.infer<typeof outOfContractRatesSchema>;

/** One version of a contract, in force from `effectiveFrom` through `effectiveTo` (inclusive, open when absent). */
export const contractVersionSchema = strictObject({
  version: z.number().int().positive(),
  effectiveFrom: localDateSchema,
  effectiveTo: localDateSchema.optional(),
  coveredServices: z
    .array(coveredServiceSchema)
    .min(1, 'Cover at least one service.')
    .max(CONTRACT_DATABASE_LIMITS.coveredServicesPerVersion),
  /** The service a request gets when no catalogue rule recognises it; must be covered. */
  defaultServiceId: entityIdSchema,
  /** Statuses in which the clock pauses; absent: the settings' pause statuses. */
  pauseStatuses: z.array(jiraNameSchema).max(CONTRACT_DATABASE_LIMITS.pauseStatuses).optional(),
  /** A fixed monthly fee on top of the services' prices, in minor units of the contract's currency. */
  monthlyFee: amountMinorSchema.optional(),
  outOfContractRates: outOfContractRatesSchema.optional(),
  /** The last day of the agreed term: the contract ends (or renews) after it. */
  endDate: localDateSchema.optional(),
  /** The last day notice of termination can be given. */
  noticeDate: localDateSchema.optional(),
  note: noteSchema.optional(),
}).superRefine((v, ctx) => {
  // Dates are compared only when both are real dates: a malformed one already has its own issue.
  const real = (date: string | undefined): date is string => date !== undefined && isRealDate(date);
  if (real(v.effectiveTo) && real(v.effectiveFrom) && v.effectiveTo < v.effectiveFrom) {
    ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'The version ends before it starts.' });
  }
  if (real(v.endDate) && real(v.effectiveFrom) && v.endDate < v.effectiveFrom) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The term ends before the version starts.' });
  }
  if (real(v.noticeDate) && real(v.endDate) && v.noticeDate > v.endDate) {
    ctx.addIssue({ code: 'custom', path: ['noticeDate'], message: 'The notice date lies after the end of the term.' });
  }
  const seen = new Map<string, number>();
  v.coveredServices.forEach((c, i) => {
    const first = seen.get(c.serviceId);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['coveredServices', i, 'serviceId'],
        message: `Service '${c.serviceId}' is already covered (coveredServices.${first}).`,
      });
    } else {
      seen.set(c.serviceId, i);
    }
  });
  if (!seen.has(v.defaultServiceId)) {
    ctx.addIssue({
      code: 'custom',
      path: ['defaultServiceId'],
      message: `The default service '${v.defaultServiceId}' is not among the covered services.`,
    });
  }
  if (v.pauseStatuses !== undefined) addDuplicateNameIssues(ctx, v.pauseStatuses, ['pauseStatuses'], 'pause status');
});
export type ContractVersion = z.infer<typeof contractVersionSchema>;

/** The customer of a contract: one or more JSM organizations (by organization id). */
export const customerSchema = strictObject({
  id: entityIdSchema,
  name: displayNameSchema,
  organizationIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, 'Name at least one JSM organization.')
    .max(CONTRACT_DATABASE_LIMITS.organizationsPerContract),
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
  noticeReminderDays: z.number().int().min(1, 'At least 1 day.').max(365, 'At most 365 days.').optional(),
  versions: z
    .array(contractVersionSchema)
    .min(1, 'A contract needs at least one version.')
    .max(CONTRACT_DATABASE_LIMITS.versionsPerContract),
}).superRefine((contract, ctx) => {
  if (contract.noticeReminderDays === undefined) return;
  if (contract.accountManagerAccountId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['accountManagerAccountId'], message: 'Name the account manager to remind of the notice date.' });
  }
  if (!contract.versions.some((v) => v.noticeDate !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['noticeReminderDays'], message: 'No version has a notice date to remind of.' });
  }
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
}).superRefine((m, ctx) => {
  const names = Object.keys(m.byJiraPriority);
  if (names.length > CONTRACT_DATABASE_LIMITS.jiraPriorities) {
    ctx.addIssue({ code: 'custom', path: ['byJiraPriority'], message: `At most ${CONTRACT_DATABASE_LIMITS.jiraPriorities} priorities.` });
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['byJiraPriority', name], message: `Priority '${name}' is also mapped as '${first}'.` });
    } else {
      seen.set(key, name);
    }
  }
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

const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(MESSAGE_PLACEHOLDERS);

/** One template text: non-empty, only known `{placeholders}`. */
export const messageTemplateSchema = z
  .string()
  .trim()
  .min(1, 'Enter a message.')
  .max(CONTRACT_DATABASE_LIMITS.textMaxLength)
  .superRefine((text, ctx) => {
    for (const name of listPlaceholders(text)) {
      if (!KNOWN_PLACEHOLDERS.has(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown placeholder {${name}}; use ${MESSAGE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
        });
      }
    }
  });

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
  }).superRefine((templates, ctx) => {
    for (const kind of MESSAGE_TEMPLATE_KINDS) {
      const required = REQUIRED_PLACEHOLDER[kind];
      if (!listPlaceholders(templates[kind]).includes(required)) {
        ctx.addIssue({ code: 'custom', path: [kind], message: `This message must contain {${required}}.` });
      }
    }
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
  atRiskThresholdPercent: z.number().int().min(1).max(99).default(75),
  /** Statuses in which the clock pauses, unless a contract version names its own. */
  pauseStatuses: z.array(jiraNameSchema).max(CONTRACT_DATABASE_LIMITS.pauseStatuses).default([...DEFAULT_PAUSE_STATUSES]),
  priorities: priorityMapSchema.prefault({}),
  messages: messageTemplatesSchema.prefault({}),
  /** The currency of contracts and levels that name none (ISO 4217). */
  currency: currencyCodeSchema.default(DEFAULT_CURRENCY),
}).superRefine((s, ctx) => {
  addDuplicateNameIssues(ctx, s.pauseStatuses, ['pauseStatuses'], 'pause status');
});
export type Settings = z.infer<typeof settingsSchema>;

// ---------------------------------------------------------------------------------------------
// The whole document

const contractDatabaseShape = strictObject({
  schemaVersion: z.literal(CONTRACT_DATABASE_SCHEMA_VERSION, {
    error: `Unsupported schemaVersion; expected ${CONTRACT_DATABASE_SCHEMA_VERSION} (version 1 documents are migrated).`,
  }),
  calendars: z.array(calendarEntrySchema).max(CONTRACT_DATABASE_LIMITS.calendars).default([]),
  services: z.array(serviceSchema).max(CONTRACT_DATABASE_LIMITS.services).default([]),
  levels: z.array(serviceLevelSchema).max(CONTRACT_DATABASE_LIMITS.levels).default([]),
  contracts: z.array(contractSchema).max(CONTRACT_DATABASE_LIMITS.contracts).default([]),
  settings: settingsSchema.prefault({}),
});

/**
 * The whole contract database with every rule: cross references (every id a contract, level or the
 * settings name exists; ids unique per kind; a contract's versions have distinct numbers and do not
 * overlap; a customer id means one customer name; prices in the contract's currency) and the policy
 * rules (every target reachable within the engine's horizon, no calendar without business time for
 * 3 years, the document within `documentMaxBytes`). What saves, imports and "Validate" use.
 */
export const contractDatabaseSchema = contractDatabaseShape.superRefine((db, ctx) => {
  checkDatabase(db, { policy: true }, (path, message) => {
    ctx.addIssue({ code: 'custom', path, message });
  });
});
export type ContractDatabase = z.infer<typeof contractDatabaseSchema>;
/** The document as written by people or an import: defaults may be left out. */
export type ContractDatabaseInput = z.input<typeof contractDatabaseSchema>;

/**
 * The database as read back from storage: structure and cross references, without the policy rules
 * (so a rule introduced later never turns a stored database into an unreadable one; the next save
 * enforces it).
 */
export const storedContractDatabaseSchema = contractDatabaseShape.superRefine((db, ctx) => {
  checkDatabase(db, { policy: false }, (path, message) => {
    ctx.addIssue({ code: 'custom', path, message });
  });
});

/**
 * A database with nothing in it: every request is uncovered until an admin saves one.
 *
 * @example emptyContractDatabase().contracts // []
 */
export function emptyContractDatabase(): ContractDatabase {
  return contractDatabaseSchema.parse({ schemaVersion: CONTRACT_DATABASE_SCHEMA_VERSION });
}

/** One validation error of an import or a save: where (dotted path, "(root)" for the root) and what. */
export interface ContractDatabaseError {
  path: string;
  message: string;
}

export type ContractDatabaseParseResult =
  | { ok: true; database: ContractDatabase; /** What a migration from an older schema version changed or could not carry over. */ migrationNotes: string[] }
  | { ok: false; errors: ContractDatabaseError[] };

/**
 * Validates a whole document (an import, a save) and answers either the parsed database (defaults
 * filled in) or every error with its path. A schema version 1 document is migrated to version 2
 * first (its notes say what changed). Never throws on bad input.
 *
 * @example
 * const result = parseContractDatabase(JSON.parse(text));
 * if (!result.ok) showErrors(result.errors); // [{ path: 'contracts.0.versions.1.effectivTo', message: "Unknown field 'effectivTo' (did you mean 'effectiveTo'?)." }]
 */
export function parseContractDatabase(input: unknown, strength: 'all-rules' | 'stored' = 'all-rules'): ContractDatabaseParseResult {
  const migrated = migrateContractDatabaseV1(input);
  if (migrated.status === 'invalid') return { ok: false, errors: migrated.errors };
  const document = migrated.status === 'migrated' ? migrated.document : input;
  const schema = strength === 'all-rules' ? contractDatabaseSchema : storedContractDatabaseSchema;
  const parsed = schema.safeParse(document);
  if (parsed.success) return { ok: true, database: parsed.data, migrationNotes: migrated.status === 'migrated' ? migrated.notes : [] };
  return { ok: false, errors: describeIssues(parsed.error.issues).map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })) };
}

// ---------------------------------------------------------------------------------------------
// Cross-reference and policy checks

type Report = (path: (string | number)[], message: string) => void;

function addDuplicateNameIssues(ctx: z.RefinementCtx, names: readonly string[], path: (string | number)[], what: string): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `Duplicate ${what} '${name}'.` });
    seen.add(key);
  });
}

/** Reports duplicate ids in a list and answers the items by id. */
function collectIds<T extends { id: string }>(items: readonly T[], listName: string, what: string, report: Report): Map<string, T> {
  const firstIndex = new Map<string, number>();
  const byId = new Map<string, T>();
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first !== undefined) {
      report([listName, i, 'id'], `Duplicate ${what} id '${item.id}' (also ${listName}.${first}).`);
    } else {
      firstIndex.set(item.id, i);
      byId.set(item.id, item);
    }
  });
  return byId;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The local date before a `YYYY-MM-DD` date. */
export function previousDay(date: string): string {
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** True when `a` ends later than `b` (an open end is the latest). */
function reachesFurther(a: ContractVersion, b: ContractVersion): boolean {
  if (b.effectiveTo === undefined) return false;
  return a.effectiveTo === undefined || a.effectiveTo > b.effectiveTo;
}

/**
 * Business minutes in a calendar's week (holidays aside), from its intervals.
 *
 * @example weeklyBusinessMinutes({ week: { mon: [['09:00', '17:00']] } }) // 480
 */
export function weeklyBusinessMinutes(calendar: Pick<CalendarEntry, 'week'>): number {
  let total = 0;
  for (const key of WEEKDAY_KEYS) {
    for (const [start, end] of calendar.week[key] ?? []) {
      const from = parseTimeOfDay(start);
      const to = parseTimeOfDay(end);
      if (from !== undefined && to !== undefined && to > from) total += to - from;
    }
  }
  return total;
}

/**
 * The longest stretch, in days, that a calendar's holidays leave without any working day: from the
 * last working day before a run of holidays to the first working day after it. 0 without holidays.
 */
function longestIdleStretchDays(calendar: CalendarEntry): number {
  const working = WEEKDAY_KEYS.map((key) => (calendar.week[key] ?? []).length > 0);
  // Day 0 (1970-01-01) was a Thursday: weekday index (Monday 0) of day d is (d + 3) mod 7.
  const isWorking = (day: number): boolean => working[(((day + 3) % 7) + 7) % 7] === true;
  const days = [...new Set(holidayDates(calendar.holidays ?? []).map((d) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000))]
    .filter(isWorking)
    .sort((a, b) => a - b);
  const holidays = new Set(days);
  const nextWorking = (day: number): number => {
    let d = day + 1;
    while (!isWorking(d)) d++;
    return d;
  };
  const previousWorking = (day: number): number => {
    let d = day - 1;
    while (!isWorking(d)) d--;
    return d;
  };
  let longest = 0;
  let runStart: number | undefined;
  for (const day of days) {
    runStart ??= day;
    const after = nextWorking(day);
    if (holidays.has(after)) continue;
    longest = Math.max(longest, after - previousWorking(runStart));
    runStart = undefined;
  }
  return longest;
}

interface CheckOptions {
  /** Also apply the rules that saves enforce but reads tolerate (horizon, size). */
  readonly policy: boolean;
}

function checkDatabase(db: z.infer<typeof contractDatabaseShape>, options: CheckOptions, report: Report): void {
  const calendars = collectIds(db.calendars, 'calendars', 'calendar', report);
  const services = collectIds(db.services, 'services', 'service', report);
  const levels = collectIds(db.levels, 'levels', 'level', report);
  collectIds(db.contracts, 'contracts', 'contract', report);

  // Per calendar: the most business minutes a target may count (policy), and whether it ever runs dry.
  const horizonMinutes = new Map<string, number>();
  db.calendars.forEach((calendar, i) => {
    horizonMinutes.set(calendar.id, weeklyBusinessMinutes(calendar) * CONTRACT_DATABASE_LIMITS.targetHorizonWeeks);
    if (!options.policy) return;
    const idle = longestIdleStretchDays(calendar);
    if (idle >= CONTRACT_DATABASE_LIMITS.idleHorizonDays) {
      report(['calendars', i, 'holidays'], `The holidays leave no working day for ${idle} days; a deadline must find business time within ${CONTRACT_DATABASE_LIMITS.idleHorizonDays} days.`);
    }
  });
  const checkReachable = (path: (string | number)[], minutes: number, calendarId: string): void => {
    const limit = horizonMinutes.get(calendarId);
    const calendar = calendars.get(calendarId);
    if (!options.policy || limit === undefined || calendar === undefined || minutes <= limit) return;
    report(
      path,
      `${minutes} business minutes cannot be reached within 3 years of '${calendar.name}' (${limit / CONTRACT_DATABASE_LIMITS.targetHorizonWeeks} minutes a week): at most ${limit}.`,
    );
  };
  const checkTargets = (path: (string | number)[], targets: Partial<TargetTable>, calendarFor: (c: PriorityClass) => string): void => {
    for (const priorityClass of PRIORITY_CLASSES) {
      const target = targets[priorityClass];
      if (target === undefined) continue;
      checkReachable([...path, priorityClass, 'resolutionMinutes'], target.resolutionMinutes, calendarFor(priorityClass));
      if (target.responseMinutes !== undefined) {
        checkReachable([...path, priorityClass, 'responseMinutes'], target.responseMinutes, calendarFor(priorityClass));
      }
    }
  };

  const currencyOfLevel = new Map<string, string>();
  db.levels.forEach((level, i) => {
    currencyOfLevel.set(level.id, level.currency ?? db.settings.currency);
    level.revisions.forEach((revision, r) => {
      const at = ['levels', i, 'revisions', r];
      if (!calendars.has(revision.calendarId)) report([...at, 'calendarId'], `Unknown calendar '${revision.calendarId}'.`);
      for (const serviceId of Object.keys(revision.monthlyPrices)) {
        if (!services.has(serviceId)) report([...at, 'monthlyPrices', serviceId], `Unknown service '${serviceId}'.`);
      }
      checkTargets([...at, 'targets'], revision.targets, () => revision.calendarId);
    });
  });

  if (db.settings.fallbackLevelId !== null && !levels.has(db.settings.fallbackLevelId)) {
    report(['settings', 'fallbackLevelId'], `Unknown level '${db.settings.fallbackLevelId}'.`);
  }

  const customerNames = new Map<string, { name: string; contractIndex: number }>();
  db.contracts.forEach((contract, c) => {
    const known = customerNames.get(contract.customer.id);
    if (known === undefined) {
      customerNames.set(contract.customer.id, { name: contract.customer.name, contractIndex: c });
    } else if (known.name !== contract.customer.name) {
      report(
        ['contracts', c, 'customer', 'name'],
        `Customer '${contract.customer.id}' is called '${known.name}' in contracts.${known.contractIndex}; use one name per customer id.`,
      );
    }
    const orgs = new Set<string>();
    contract.customer.organizationIds.forEach((org, o) => {
      if (orgs.has(org)) report(['contracts', c, 'customer', 'organizationIds', o], `Duplicate organization '${org}'.`);
      orgs.add(org);
    });
    const contractCurrency = contract.currency ?? db.settings.currency;

    const versionNumbers = new Map<number, number>();
    contract.versions.forEach((version, v) => {
      const base = ['contracts', c, 'versions', v];
      const first = versionNumbers.get(version.version);
      if (first !== undefined) {
        report([...base, 'version'], `Duplicate version number ${version.version} (also versions.${first}).`);
      } else {
        versionNumbers.set(version.version, v);
      }
      version.coveredServices.forEach((covered, s) => {
        const at = [...base, 'coveredServices', s];
        if (!services.has(covered.serviceId)) report([...at, 'serviceId'], `Unknown service '${covered.serviceId}'.`);
        const level = levels.get(covered.levelId);
        if (level === undefined) report([...at, 'levelId'], `Unknown level '${covered.levelId}'.`);
        const bespoke = covered.bespoke;
        if (bespoke?.calendarId !== undefined && !calendars.has(bespoke.calendarId)) {
          report([...at, 'bespoke', 'calendarId'], `Unknown calendar '${bespoke.calendarId}'.`);
        }
        if (level === undefined) return;
        const levelCurrency = currencyOfLevel.get(level.id) ?? db.settings.currency;
        const levelPriced = level.revisions.some((revision) => revision.monthlyPrices[covered.serviceId] !== undefined);
        if (levelCurrency !== contractCurrency && levelPriced && bespoke?.monthlyPrice === undefined) {
          report(
            [...at, 'levelId'],
            `Level '${level.name}' is priced in ${levelCurrency} and this contract in ${contractCurrency}: give the service its own price (bespoke.monthlyPrice) or use a level priced in ${contractCurrency}.`,
          );
        }
        if (bespoke === undefined) return;
        // Bespoke targets and calendars: each class must be reachable in the calendar it counts in,
        // under every revision of the level (the contract may outlive a revision).
        for (const revision of level.revisions) {
          const effective: Partial<TargetTable> = {};
          for (const priorityClass of PRIORITY_CLASSES) {
            const changed = bespoke.targets[priorityClass] !== undefined || bespokeCalendarApplies(bespoke, priorityClass);
            if (changed) effective[priorityClass] = bespoke.targets[priorityClass] ?? revision.targets[priorityClass];
          }
          const path = Object.keys(bespoke.targets).length > 0 ? [...at, 'bespoke', 'targets'] : [...at, 'bespoke', 'calendarId'];
          checkTargets(path, effective, (priorityClass) =>
            bespokeCalendarApplies(bespoke, priorityClass) && bespoke.calendarId !== undefined ? bespoke.calendarId : revision.calendarId,
          );
        }
      });
    });

    // Versions may be listed in any order: sort by start, then compare each version with the one
    // reaching furthest so far (a long version can overlap several later, shorter ones).
    const byStart = contract.versions
      .map((version, index) => ({ version, index }))
      .sort((a, b) => compareText(a.version.effectiveFrom, b.version.effectiveFrom) || a.index - b.index);
    let furthest: { version: ContractVersion; index: number } | undefined;
    for (const current of byStart) {
      if (furthest !== undefined) {
        const end = furthest.version.effectiveTo;
        if (end === undefined || end >= current.version.effectiveFrom) {
          report(
            ['contracts', c, 'versions', current.index, 'effectiveFrom'],
            `Version ${current.version.version} overlaps version ${furthest.version.version} (${furthest.version.effectiveFrom} – ${end ?? 'open-ended'}).`,
          );
        }
      }
      if (furthest === undefined || reachesFurther(current.version, furthest.version)) furthest = current;
    }
  });

  if (options.policy) {
    const bytes = utf8Length(JSON.stringify(db));
    if (bytes > CONTRACT_DATABASE_LIMITS.documentMaxBytes) {
      report(
        [],
        `The contract database takes ${formatMegabytes(bytes)} as JSON; at most ${formatMegabytes(CONTRACT_DATABASE_LIMITS.documentMaxBytes)} can be stored, exported and imported back. Remove ended contracts or long notes.`,
      );
    }
  }
}

/** UTF-8 length of a string without encoding it (this runs on every validation of a 3 MB document). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
