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
import { PRIORITY_CLASSES, type PriorityClass } from './building-blocks';
import { holidayDates, parseIsoDate, parseTimeOfDay, WEEKDAY_KEYS } from './calendar';
import {
  bespokeCalendarApplies,
  compareText,
  listPlaceholders,
  MESSAGE_PLACEHOLDERS,
  MESSAGE_TEMPLATE_KINDS,
  REQUIRED_PLACEHOLDER,
  CONTRACT_DATABASE_LIMITS,
  CONTRACT_DATABASE_SCHEMA_VERSION,
  contractDatabaseShape,
  type CalendarEntry,
  type ContractDatabase,
  type ContractVersion,
  type TargetTable,
} from './contract-database-shape';
import { migrateContractDatabaseV1 } from './contract-database-v1';
import { describeIssues, formatIssuePath } from './strict-object';
import { vt, type ValidationKey } from './validation-message';

export * from './contract-database-shape';

// ---------------------------------------------------------------------------------------------
// The whole document


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

/** The catalogue word naming a kind of entity in a message ("calendar", "pause status"). */
type WhatKey = Extract<ValidationKey, `validation.what.${string}`>;


/** Reports duplicate ids in a list and answers the items by id. */
function collectIds<T extends { id: string }>(items: readonly T[], listName: string, what: WhatKey, report: Report): Map<string, T> {
  const firstIndex = new Map<string, number>();
  const byId = new Map<string, T>();
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first !== undefined) {
      report([listName, i, 'id'], vt('validation.duplicateId', { what: vt(what), id: item.id, list: listName, first }));
    } else {
      firstIndex.set(item.id, i);
      byId.set(item.id, item);
    }
  });
  return byId;
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

/** Duplicate names (case-insensitive, trimmed) in a list, each reported at its position after the first. */
function reportDuplicateNames(names: readonly string[], path: (string | number)[], what: WhatKey, report: Report): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) report([...path, i], vt('validation.duplicateName', { what: vt(what), name }));
    seen.add(key);
  });
}

const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(MESSAGE_PLACEHOLDERS);

/**
 * The rules within one part of the document (they need no other part): a level's revisions have
 * distinct dates; a version's dates are in order, each service is covered once and the default is
 * covered; a bespoke calendar limited to classes exists and names each class once; a notice
 * reminder has someone to remind and a notice date; settings have no duplicate names, known
 * placeholders only and the placeholder each message needs.
 */
function checkParts(db: z.infer<typeof contractDatabaseShape>, report: Report): void {
  db.levels.forEach((level, l) => {
    const seen = new Map<string, number>();
    level.revisions.forEach((revision, r) => {
      const first = seen.get(revision.effectiveFrom);
      if (first !== undefined) {
        report(['levels', l, 'revisions', r, 'effectiveFrom'], vt('validation.level.sameDate', { first, date: revision.effectiveFrom }));
      } else {
        seen.set(revision.effectiveFrom, r);
      }
    });
  });
  db.contracts.forEach((contract, c) => {
    if (contract.noticeReminderDays !== undefined) {
      if (contract.accountManagerAccountId === undefined) {
        report(['contracts', c, 'accountManagerAccountId'], vt('validation.contract.reminderWithoutManager'));
      }
      if (!contract.versions.some((v) => v.noticeDate !== undefined)) {
        report(['contracts', c, 'noticeReminderDays'], vt('validation.contract.reminderWithoutNotice'));
      }
    }
    contract.versions.forEach((v, i) => {
      const at = ['contracts', c, 'versions', i];
      // Dates are compared only when both are real dates: a malformed one already has its own issue.
      const real = (date: string | undefined): date is string => date !== undefined && parseIsoDate(date) !== undefined;
      if (real(v.effectiveTo) && real(v.effectiveFrom) && v.effectiveTo < v.effectiveFrom) report([...at, 'effectiveTo'], vt('validation.version.endsBeforeStart'));
      if (real(v.endDate) && real(v.effectiveFrom) && v.endDate < v.effectiveFrom) report([...at, 'endDate'], vt('validation.version.termBeforeStart'));
      if (real(v.noticeDate) && real(v.endDate) && v.noticeDate > v.endDate) report([...at, 'noticeDate'], vt('validation.version.noticeAfterEnd'));
      const seen = new Map<string, number>();
      v.coveredServices.forEach((covered, s) => {
        const first = seen.get(covered.serviceId);
        if (first !== undefined) {
          report([...at, 'coveredServices', s, 'serviceId'], vt('validation.version.serviceTwice', { id: covered.serviceId, first }));
        } else {
          seen.set(covered.serviceId, s);
        }
        const bespoke = covered.bespoke;
        if (bespoke?.calendarClasses === undefined) return;
        const where = [...at, 'coveredServices', s, 'bespoke', 'calendarClasses'];
        if (bespoke.calendarId === undefined) report(where, vt('validation.bespoke.classesWithoutCalendar'));
        const classes = new Set<string>();
        bespoke.calendarClasses.forEach((priorityClass, k) => {
          if (classes.has(priorityClass)) report([...where, k], vt('validation.bespoke.classTwice', { class: priorityClass }));
          classes.add(priorityClass);
        });
      });
      if (!seen.has(v.defaultServiceId)) report([...at, 'defaultServiceId'], vt('validation.version.defaultNotCovered', { id: v.defaultServiceId }));
      if (v.pauseStatuses !== undefined) reportDuplicateNames(v.pauseStatuses, [...at, 'pauseStatuses'], 'validation.what.pauseStatus', report);
    });
  });
  const { settings } = db;
  reportDuplicateNames(settings.pauseStatuses, ['settings', 'pauseStatuses'], 'validation.what.pauseStatus', report);
  const names = Object.keys(settings.priorities.byJiraPriority);
  if (names.length > CONTRACT_DATABASE_LIMITS.jiraPriorities) {
    report(['settings', 'priorities', 'byJiraPriority'], vt('validation.settings.priorityLimit', { max: CONTRACT_DATABASE_LIMITS.jiraPriorities }));
  }
  const mapped = new Map<string, string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    const first = mapped.get(key);
    if (first !== undefined) report(['settings', 'priorities', 'byJiraPriority', name], vt('validation.settings.priorityTwice', { name, other: first }));
    else mapped.set(key, name);
  }
  for (const language of ['en', 'nl'] as const) {
    for (const kind of MESSAGE_TEMPLATE_KINDS) {
      const text = settings.messages[language][kind];
      const path = ['settings', 'messages', language, kind];
      for (const name of listPlaceholders(text)) {
        if (!KNOWN_PLACEHOLDERS.has(name)) {
          report(path, vt('validation.settings.placeholder', { placeholder: `{${name}}`, known: MESSAGE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ') }));
        }
      }
      const required = REQUIRED_PLACEHOLDER[kind];
      if (!listPlaceholders(text).includes(required)) report(path, vt('validation.settings.placeholderMissing', { placeholder: `{${required}}` }));
    }
  }
}

function checkDatabase(db: z.infer<typeof contractDatabaseShape>, options: CheckOptions, report: Report): void {
  checkParts(db, report);
  const calendars = collectIds(db.calendars, 'calendars', 'validation.what.calendar', report);
  const services = collectIds(db.services, 'services', 'validation.what.service', report);
  const levels = collectIds(db.levels, 'levels', 'validation.what.level', report);
  collectIds(db.contracts, 'contracts', 'validation.what.contract', report);

  // Per calendar: the most business minutes a target may count (policy), and whether it ever runs dry.
  const horizonMinutes = new Map<string, number>();
  db.calendars.forEach((calendar, i) => {
    horizonMinutes.set(calendar.id, weeklyBusinessMinutes(calendar) * CONTRACT_DATABASE_LIMITS.targetHorizonWeeks);
    if (!options.policy) return;
    const idle = longestIdleStretchDays(calendar);
    if (idle >= CONTRACT_DATABASE_LIMITS.idleHorizonDays) {
      report(['calendars', i, 'holidays'], vt('validation.calendar.idle', { days: idle, limit: CONTRACT_DATABASE_LIMITS.idleHorizonDays }));
    }
  });
  const checkReachable = (path: (string | number)[], minutes: number, calendarId: string): void => {
    const limit = horizonMinutes.get(calendarId);
    const calendar = calendars.get(calendarId);
    if (!options.policy || limit === undefined || calendar === undefined || minutes <= limit) return;
    report(path, vt('validation.unreachable', { minutes, calendar: calendar.name, weekly: limit / CONTRACT_DATABASE_LIMITS.targetHorizonWeeks, limit }));
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
      if (!calendars.has(revision.calendarId)) report([...at, 'calendarId'], vt('validation.unknownCalendar', { id: revision.calendarId }));
      for (const serviceId of Object.keys(revision.monthlyPrices)) {
        if (!services.has(serviceId)) report([...at, 'monthlyPrices', serviceId], vt('validation.unknownService', { id: serviceId }));
      }
      checkTargets([...at, 'targets'], revision.targets, () => revision.calendarId);
    });
  });

  if (db.settings.fallbackLevelId !== null && !levels.has(db.settings.fallbackLevelId)) {
    report(['settings', 'fallbackLevelId'], vt('validation.unknownLevel', { id: db.settings.fallbackLevelId }));
  }

  const customerNames = new Map<string, { name: string; contractIndex: number }>();
  db.contracts.forEach((contract, c) => {
    const known = customerNames.get(contract.customer.id);
    if (known === undefined) {
      customerNames.set(contract.customer.id, { name: contract.customer.name, contractIndex: c });
    } else if (known.name !== contract.customer.name) {
      report(['contracts', c, 'customer', 'name'], vt('validation.customer.twoNames', { id: contract.customer.id, name: known.name, index: known.contractIndex }));
    }
    const orgs = new Set<string>();
    contract.customer.organizationIds.forEach((org, o) => {
      if (orgs.has(org)) report(['contracts', c, 'customer', 'organizationIds', o], vt('validation.customer.organizationTwice', { id: org }));
      orgs.add(org);
    });
    const contractCurrency = contract.currency ?? db.settings.currency;

    const versionNumbers = new Map<number, number>();
    contract.versions.forEach((version, v) => {
      const base = ['contracts', c, 'versions', v];
      const first = versionNumbers.get(version.version);
      if (first !== undefined) {
        report([...base, 'version'], vt('validation.version.numberTwice', { version: version.version, first }));
      } else {
        versionNumbers.set(version.version, v);
      }
      version.coveredServices.forEach((covered, s) => {
        const at = [...base, 'coveredServices', s];
        if (!services.has(covered.serviceId)) report([...at, 'serviceId'], vt('validation.unknownService', { id: covered.serviceId }));
        const level = levels.get(covered.levelId);
        if (level === undefined) report([...at, 'levelId'], vt('validation.unknownLevel', { id: covered.levelId }));
        const bespoke = covered.bespoke;
        if (bespoke?.calendarId !== undefined && !calendars.has(bespoke.calendarId)) {
          report([...at, 'bespoke', 'calendarId'], vt('validation.unknownCalendar', { id: bespoke.calendarId }));
        }
        if (level === undefined) return;
        const levelCurrency = currencyOfLevel.get(level.id) ?? db.settings.currency;
        const levelPriced = level.revisions.some((revision) => revision.monthlyPrices[covered.serviceId] !== undefined);
        if (levelCurrency !== contractCurrency && levelPriced && bespoke?.monthlyPrice === undefined) {
          report([...at, 'levelId'], vt('validation.contract.currencyMismatch', { level: level.name, levelCurrency, contractCurrency }));
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
            vt('validation.version.overlap', { version: current.version.version, other: furthest.version.version, from: furthest.version.effectiveFrom, to: end ?? vt('validation.version.openEnded') }),
          );
        }
      }
      if (furthest === undefined || reachesFurther(current.version, furthest.version)) furthest = current;
    }
  });

  if (options.policy) {
    const bytes = utf8Length(JSON.stringify(db));
    if (bytes > CONTRACT_DATABASE_LIMITS.documentMaxBytes) {
      report([], vt('validation.documentTooLarge', { size: formatMegabytes(bytes), max: formatMegabytes(CONTRACT_DATABASE_LIMITS.documentMaxBytes) }));
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
