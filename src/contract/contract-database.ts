/**
 * The contract database: one JSON document (zod schemas + the types inferred from them) holding
 * business calendars, the service catalogue, priority classes, service levels, customer contracts
 * with their versions, and the app settings. It is what the admin page edits, what import/export
 * moves as a whole, and what terms resolution (src/domain/resolve-terms.ts) reads.
 *
 * Pure zod: no I/O, no Forge imports, no clock — it is bundled into the browser too. Storage (how the
 * document is split over KVS keys) is not decided here.
 *
 * Modelling decisions worth knowing:
 * - Ids are short slugs (`acme`, `gold`, `office-hours`) chosen by the admin; they are what records,
 *   reports and cross references store, so renaming something never breaks history.
 * - A contract's effective dates (`effectiveFrom` .. `effectiveTo`, both inclusive) are local dates
 *   in the contract's own `timeZone`: "from 1 January" means midnight in the customer's zone.
 * - A covered service always names a base service level (Gold, Silver, …): that is the agreement it is
 *   reported under. Bespoke ("maatwerk") terms override per priority class, the calendar and/or the
 *   price on top of that level.
 * - Cross references (a contract naming an unknown level, overlapping versions, duplicate ids, …) are
 *   checked only once the document is structurally valid (zod runs refinements on valid input only):
 *   an import first reports its shape errors, then, once those are fixed, its reference errors.
 */
import { z } from 'zod';
import { calendarDefinitionSchema, isKnownTimeZone } from './calendar';

/** The version of the document format; bumped (with a migration) on incompatible changes. */
export const CONTRACT_DATABASE_SCHEMA_VERSION = 1;

/**
 * Upper bounds that keep one document (and the work of validating and resolving it) bounded. They are
 * far above what an MSP's contract book holds; an import beyond them is rejected with a clear error.
 */
export const CONTRACT_DATABASE_LIMITS = {
  calendars: 100,
  services: 300,
  levels: 50,
  contracts: 2000,
  versionsPerContract: 100,
  organizationsPerContract: 100,
  coveredServicesPerVersion: 300,
  ruleValuesPerService: 200,
  pauseStatuses: 50,
  jiraPriorities: 100,
  /** One year of minutes: a target beyond that is a data-entry mistake. */
  targetMinutesMax: 525_600,
  nameMaxLength: 120,
  textMaxLength: 2000,
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks

/** An admin-chosen id: letters, digits, `_`, `.`, `-`; starts with a letter or digit; max 64. */
export const entityIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
    'Use 1–64 letters, digits, "_", "." or "-", starting with a letter or digit.',
  );
export type EntityId = z.infer<typeof entityIdSchema>;

/** A name shown to people: trimmed, non-empty. */
export const displayNameSchema = z.string().trim().min(1, 'Enter a name.').max(CONTRACT_DATABASE_LIMITS.nameMaxLength);

/** A calendar date without time or zone, `YYYY-MM-DD`, that exists (no 30 February). */
export const localDateSchema = z.iso.date({ error: 'Use a real date as YYYY-MM-DD.' });
export type LocalDate = z.infer<typeof localDateSchema>;

/** An IANA time-zone name that `Intl` accepts, e.g. `Europe/Amsterdam`. */
export const ianaTimeZoneSchema = z.string().min(1).refine(isKnownTimeZone, { error: 'Unknown time zone.' });

/** The app's priority classes, P1 the most urgent. */
export const PRIORITY_CLASSES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export const priorityClassSchema = z.enum(PRIORITY_CLASSES);
export type PriorityClass = z.infer<typeof priorityClassSchema>;

/** A Jira status or priority name as Jira shows it (matched case-insensitively). */
export const jiraNameSchema = z.string().trim().min(1).max(255);

/** An amount of money per month, e.g. `{ amount: 1250, currency: 'EUR' }`; at most two decimals. */
export const moneySchema = z.object({
  amount: z
    .number()
    .nonnegative('An amount cannot be negative.')
    .max(1e12)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: 'At most two decimals.' }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as EUR.'),
});
export type Money = z.infer<typeof moneySchema>;

const minutesSchema = z
  .number()
  .int('Whole minutes only.')
  .positive('A target must be at least one minute.')
  .max(CONTRACT_DATABASE_LIMITS.targetMinutesMax, 'At most one year of minutes.');

/**
 * The targets for one priority class, in business minutes of the level's (or bespoke) calendar.
 * A first-response target, when set, cannot be longer than the resolution target.
 */
export const targetSchema = z
  .object({
    resolutionMinutes: minutesSchema,
    responseMinutes: minutesSchema.optional(),
  })
  .refine((t) => t.responseMinutes === undefined || t.responseMinutes <= t.resolutionMinutes, {
    error: 'The first-response target cannot be longer than the resolution target.',
    path: ['responseMinutes'],
  });
export type Target = z.infer<typeof targetSchema>;

/** A target for every priority class: what a service level promises. */
export const targetTableSchema = z.object({
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

// ---------------------------------------------------------------------------------------------
// Calendars, services, levels

/** A business calendar of the database: the design §2 definition plus its id and display name. */
export const calendarEntrySchema = calendarDefinitionSchema.extend({
  id: entityIdSchema,
  name: displayNameSchema,
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

const ruleValuesSchema = z.array(z.string().trim().min(1).max(255)).max(CONTRACT_DATABASE_LIMITS.ruleValuesPerService);

/**
 * How a service is recognised on a request: by JSM request type id (exact), component name or label
 * (both case-insensitive). Any one hit matches; the first matching service in catalogue order wins.
 */
export const serviceRuleSchema = z.object({
  requestTypeIds: ruleValuesSchema.default([]),
  components: ruleValuesSchema.default([]),
  labels: ruleValuesSchema.default([]),
});
export type ServiceRule = z.infer<typeof serviceRuleSchema>;

/** An entry of the service catalogue ("E-mail", "Printing", "Network"). */
export const serviceSchema = z.object({
  id: entityIdSchema,
  name: displayNameSchema,
  description: z.string().max(CONTRACT_DATABASE_LIMITS.textMaxLength).optional(),
  rule: serviceRuleSchema.prefault({}),
});
export type Service = z.infer<typeof serviceSchema>;

/** A reusable service level (tier): Gold, Silver, Bronze. */
export const serviceLevelSchema = z.object({
  id: entityIdSchema,
  name: displayNameSchema,
  /** The calendar the targets count in. */
  calendarId: entityIdSchema,
  targets: targetTableSchema,
  /** The share of requests that must be resolved on time, e.g. 95; absent: every request must be. */
  objectivePercent: z.number().min(0).max(100).optional(),
  /** The monthly price of this level per covered service, keyed by service id. */
  monthlyPrices: z.record(entityIdSchema, moneySchema).default({}),
});
export type ServiceLevel = z.infer<typeof serviceLevelSchema>;

// ---------------------------------------------------------------------------------------------
// Contracts

/** Bespoke ("maatwerk") terms on top of a level: per-class targets, own calendar, own price. */
export const bespokeTermsSchema = z.object({
  targets: targetOverridesSchema.default({}),
  calendarId: entityIdSchema.optional(),
  monthlyPrice: moneySchema.optional(),
  /** What was agreed and why, for the people reading the contract later. */
  note: z.string().max(CONTRACT_DATABASE_LIMITS.textMaxLength).optional(),
});
export type BespokeTerms = z.infer<typeof bespokeTermsSchema>;

/** A service a contract version covers, at a level, possibly with bespoke terms. */
export const coveredServiceSchema = z.object({
  serviceId: entityIdSchema,
  levelId: entityIdSchema,
  bespoke: bespokeTermsSchema.optional(),
});
export type CoveredService = z.infer<typeof coveredServiceSchema>;

/** One version of a contract, in force from `effectiveFrom` through `effectiveTo` (inclusive, open when absent). */
export const contractVersionSchema = z
  .object({
    version: z.number().int().positive(),
    effectiveFrom: localDateSchema,
    effectiveTo: localDateSchema.optional(),
    coveredServices: z.array(coveredServiceSchema).min(1, 'Cover at least one service.').max(CONTRACT_DATABASE_LIMITS.coveredServicesPerVersion),
    /** The service a request gets when no catalogue rule recognises it; must be covered. */
    defaultServiceId: entityIdSchema,
    /** Statuses in which the clock pauses; absent: the settings' pause statuses. */
    pauseStatuses: z.array(jiraNameSchema).max(CONTRACT_DATABASE_LIMITS.pauseStatuses).optional(),
    monthlyFee: moneySchema.optional(),
    /** The last day notice of termination can be given. */
    noticeDate: localDateSchema.optional(),
    /** The day the contract renews when no notice is given. */
    renewalDate: localDateSchema.optional(),
    note: z.string().max(CONTRACT_DATABASE_LIMITS.textMaxLength).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'The version ends before it starts.' });
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
export const customerSchema = z.object({
  id: entityIdSchema,
  name: displayNameSchema,
  organizationIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, 'Name at least one JSM organization.')
    .max(CONTRACT_DATABASE_LIMITS.organizationsPerContract),
});
export type Customer = z.infer<typeof customerSchema>;

/** A customer contract: versions, not edits (a change is a new version from an effective date). */
export const contractSchema = z.object({
  id: entityIdSchema,
  name: displayNameSchema,
  customer: customerSchema,
  /** The zone in which the versions' dates (and report months) are read, e.g. `Europe/Amsterdam`. */
  timeZone: ianaTimeZoneSchema,
  versions: z.array(contractVersionSchema).min(1, 'A contract needs at least one version.').max(CONTRACT_DATABASE_LIMITS.versionsPerContract),
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
export const priorityMapSchema = z
  .object({
    byJiraPriority: z.record(jiraNameSchema, priorityClassSchema).default({ ...DEFAULT_JIRA_PRIORITY_MAP }),
    defaultClass: priorityClassSchema.default('P3'),
  })
  .superRefine((m, ctx) => {
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
  return z
    .object({
      expected: messageTemplateSchema.default(defaults.expected),
      missed: messageTemplateSchema.default(defaults.missed),
      extended: messageTemplateSchema.default(defaults.extended),
    })
    .superRefine((templates, ctx) => {
      for (const kind of MESSAGE_TEMPLATE_KINDS) {
        const required = REQUIRED_PLACEHOLDER[kind];
        if (!listPlaceholders(templates[kind]).includes(required)) {
          ctx.addIssue({ code: 'custom', path: [kind], message: `This message must contain {${required}}.` });
        }
      }
    });
}

/** The "tell the customer" templates in the two UI languages. */
export const messageTemplatesSchema = z.object({
  en: messageTemplatesSchemaWith(DEFAULT_MESSAGES_EN).prefault({}),
  nl: messageTemplatesSchemaWith(DEFAULT_MESSAGES_NL).prefault({}),
});
export type MessageTemplates = z.infer<typeof messageTemplatesSchema>;
export type MessageLanguage = keyof MessageTemplates;

/** The default pause statuses: JSM's "Waiting for customer". */
export const DEFAULT_PAUSE_STATUSES: readonly string[] = ['Waiting for customer'];

/** App settings: fallback terms, the at-risk threshold, pause statuses, priorities, messages. */
export const settingsSchema = z
  .object({
    /** The level ("best effort") for requests no contract covers; null: those are `uncovered`. */
    fallbackLevelId: entityIdSchema.nullable().default(null),
    /** A running clock is `at-risk` once this share of its resolution target is used. */
    atRiskThresholdPercent: z.number().int().min(1).max(99).default(75),
    /** Statuses in which the clock pauses, unless a contract version names its own. */
    pauseStatuses: z.array(jiraNameSchema).max(CONTRACT_DATABASE_LIMITS.pauseStatuses).default([...DEFAULT_PAUSE_STATUSES]),
    priorities: priorityMapSchema.prefault({}),
    messages: messageTemplatesSchema.prefault({}),
  })
  .superRefine((s, ctx) => {
    addDuplicateNameIssues(ctx, s.pauseStatuses, ['pauseStatuses'], 'pause status');
  });
export type Settings = z.infer<typeof settingsSchema>;

// ---------------------------------------------------------------------------------------------
// The whole document

const contractDatabaseShape = z.object({
  schemaVersion: z.literal(CONTRACT_DATABASE_SCHEMA_VERSION, {
    error: `Unsupported schemaVersion; expected ${CONTRACT_DATABASE_SCHEMA_VERSION}.`,
  }),
  calendars: z.array(calendarEntrySchema).max(CONTRACT_DATABASE_LIMITS.calendars).default([]),
  services: z.array(serviceSchema).max(CONTRACT_DATABASE_LIMITS.services).default([]),
  levels: z.array(serviceLevelSchema).max(CONTRACT_DATABASE_LIMITS.levels).default([]),
  contracts: z.array(contractSchema).max(CONTRACT_DATABASE_LIMITS.contracts).default([]),
  settings: settingsSchema.prefault({}),
});

/**
 * The whole contract database, with cross-reference validation: every id a contract, level or the
 * settings name must exist; ids are unique per kind; a contract's versions have distinct numbers and
 * do not overlap in time; a customer id means the same customer (name) in every contract.
 */
export const contractDatabaseSchema = contractDatabaseShape.superRefine((db, ctx) => {
  checkReferences(db, (path, message) => {
    ctx.addIssue({ code: 'custom', path, message });
  });
});
export type ContractDatabase = z.infer<typeof contractDatabaseSchema>;
/** The document as written by people or an import: defaults may be left out. */
export type ContractDatabaseInput = z.input<typeof contractDatabaseSchema>;

/** One validation error of an import or a save: where (dotted path, "(root)" for the root) and what. */
export interface ContractDatabaseError {
  path: string;
  message: string;
}

export type ContractDatabaseParseResult =
  | { ok: true; database: ContractDatabase }
  | { ok: false; errors: ContractDatabaseError[] };

/**
 * Validates a whole document (an import, a save) and answers either the parsed database (defaults
 * filled in) or every error with its path. Never throws on bad input.
 *
 * @example
 * const result = parseContractDatabase(JSON.parse(text));
 * if (!result.ok) showErrors(result.errors); // [{ path: 'contracts.0.versions.1.effectiveFrom', message: '…' }]
 */
export function parseContractDatabase(input: unknown): ContractDatabaseParseResult {
  const parsed = contractDatabaseSchema.safeParse(input);
  if (parsed.success) return { ok: true, database: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Cross-reference checks

type Report = (path: (string | number)[], message: string) => void;

function addDuplicateNameIssues(ctx: z.RefinementCtx, names: readonly string[], path: (string | number)[], what: string): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `Duplicate ${what} '${name}'.` });
    seen.add(key);
  });
}

/** Reports duplicate ids in a list and answers the set of ids. */
function collectIds(items: readonly { id: string }[], listName: string, what: string, report: Report): Set<string> {
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first !== undefined) {
      report([listName, i, 'id'], `Duplicate ${what} id '${item.id}' (also ${listName}.${first}).`);
    } else {
      firstIndex.set(item.id, i);
    }
  });
  return new Set(firstIndex.keys());
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `a` ends later than `b` (an open end is the latest). */
function reachesFurther(a: ContractVersion, b: ContractVersion): boolean {
  if (b.effectiveTo === undefined) return false;
  return a.effectiveTo === undefined || a.effectiveTo > b.effectiveTo;
}

function checkReferences(db: z.infer<typeof contractDatabaseShape>, report: Report): void {
  const calendarIds = collectIds(db.calendars, 'calendars', 'calendar', report);
  const serviceIds = collectIds(db.services, 'services', 'service', report);
  const levelIds = collectIds(db.levels, 'levels', 'level', report);
  collectIds(db.contracts, 'contracts', 'contract', report);

  db.levels.forEach((level, i) => {
    if (!calendarIds.has(level.calendarId)) {
      report(['levels', i, 'calendarId'], `Unknown calendar '${level.calendarId}'.`);
    }
    for (const serviceId of Object.keys(level.monthlyPrices)) {
      if (!serviceIds.has(serviceId)) report(['levels', i, 'monthlyPrices', serviceId], `Unknown service '${serviceId}'.`);
    }
  });

  if (db.settings.fallbackLevelId !== null && !levelIds.has(db.settings.fallbackLevelId)) {
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
        if (!serviceIds.has(covered.serviceId)) report([...at, 'serviceId'], `Unknown service '${covered.serviceId}'.`);
        if (!levelIds.has(covered.levelId)) report([...at, 'levelId'], `Unknown level '${covered.levelId}'.`);
        const bespokeCalendar = covered.bespoke?.calendarId;
        if (bespokeCalendar !== undefined && !calendarIds.has(bespokeCalendar)) {
          report([...at, 'bespoke', 'calendarId'], `Unknown calendar '${bespokeCalendar}'.`);
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
}
