/**
 * History is immutable (ADR 0005, and the level-revisions ADR): a change to the contract database —
 * a save, or an import that restores a backup — may not change the terms that applied on any date up
 * to today, because requests created on those dates froze those terms in their records, and reports
 * and "re-apply" read the database as the record of what was agreed. What may change is the future.
 *
 * The rules, per kind (a date is "past" when it has begun in the zone that reads it):
 * - Contracts (dates in the contract's zone): a contract with a version that has started cannot be
 *   removed and keeps its zone and currency; a started version keeps its number, start and terms
 *   (everything but `effectiveTo`, `endDate`, `noticeDate` and `note`), and its end may move only to
 *   today or later; a new version starts tomorrow at the earliest.
 * - Levels used by a started contract version or as the fallback level (dates read in the zone of
 *   the contract that uses them, so "today" is the date in UTC+14, the first zone to reach it): such a
 *   level cannot be removed and keeps its currency; a started revision cannot change or disappear; a new revision starts tomorrow at the
 *   earliest. Name, colour and objective may change.
 * - Calendars in use by a started revision or version (dates in the calendar's zone): zone and
 *   weekly hours cannot change (make a new calendar and a new revision or version that uses it);
 *   holidays on past dates neither — holidays of future dates may be added and removed.
 * - Services, settings, customers and organization lists are not versioned: editing them changes
 *   how future requests are matched, never frozen terms.
 *
 * Pure: no I/O, no Forge; "now" is a parameter.
 */
import { holidayDates, type Holiday } from '../contract/calendar';
import type { CalendarEntry, Contract, ContractDatabase, ContractVersion, LevelRevision, ServiceLevel } from '../contract/contract-database';
import { vt } from '../contract/validation-message';
import { canonicalJson } from './calendar-cache';
import { localDateOf } from './local-date';

/** One change that would rewrite history: where (a dotted path into the new document where possible) and what. */
export interface HistoryConflict {
  path: string;
  message: string;
}

/** The zone where a date begins first (UTC+14, Kiribati's Line Islands): a level revision from that date may be used there already. */
export const EARLIEST_ZONE = 'Etc/GMT-14';

/** What may still change on a started version: its end, term end, notice date and note. */
function termsOfVersion(version: ContractVersion): unknown {
  const { effectiveTo: _to, endDate: _end, noticeDate: _notice, note: _note, ...terms } = version;
  return terms;
}

/** What may never change on a started revision: everything but its note. */
function termsOfRevision(revision: LevelRevision): unknown {
  const { note: _note, ...terms } = revision;
  return terms;
}

function pastHolidays(holidays: readonly Holiday[] | undefined, today: string): string[] {
  return [
    ...new Set(
      holidayDates(holidays ?? [])
        .map((d) => `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`)
        .filter((date) => date <= today),
    ),
  ].sort();
}

/**
 * Every change from `before` to `after` that would rewrite history at `now`; empty when none.
 *
 * @example
 * findHistoryConflicts(stored, edited, new Date('2026-10-05T08:00:00Z'))
 * // [{ path: 'levels.0.revisions.0', message: "Level 'Gold': the revision in force since 2024-01-01 … cannot be edited …" }]
 */
export function findHistoryConflicts(before: ContractDatabase, after: ContractDatabase, now: Date): HistoryConflict[] {
  const conflicts: HistoryConflict[] = [];
  const usedCalendars = new Set<string>();
  // Levels that requests may have used: named by a started contract version, or the fallback level.
  const usedLevels = new Set<string>(before.settings.fallbackLevelId === null ? [] : [before.settings.fallbackLevelId]);
  for (const contract of before.contracts) {
    const today = localDateOf(now, contract.timeZone);
    for (const version of contract.versions) {
      if (version.effectiveFrom <= today) for (const covered of version.coveredServices) usedLevels.add(covered.levelId);
    }
  }
  checkLevels(before, after, now, usedLevels, conflicts, usedCalendars);
  for (const old of before.contracts) checkContract(before, after, old, now, conflicts, usedCalendars);
  checkCalendars(before, after, now, usedCalendars, conflicts);
  return conflicts;
}

function checkContract(
  before: ContractDatabase,
  after: ContractDatabase,
  old: Contract,
  now: Date,
  conflicts: HistoryConflict[],
  usedCalendars: Set<string>,
): void {
  const today = localDateOf(now, old.timeZone);
  const started = old.versions.filter((v) => v.effectiveFrom <= today);
  if (started.length === 0) return;
  for (const version of started) {
    for (const covered of version.coveredServices) if (covered.bespoke?.calendarId !== undefined) usedCalendars.add(covered.bespoke.calendarId);
  }
  const index = after.contracts.findIndex((c) => c.id === old.id);
  const next = after.contracts[index];
  const first = started.reduce((a, b) => (a.effectiveFrom <= b.effectiveFrom ? a : b));
  if (next === undefined) {
    conflicts.push({
      path: 'contracts',
      message: vt('validation.history.contractRemoved', { name: old.name, id: old.id, date: first.effectiveFrom }),
    });
    return;
  }
  const at = `contracts.${index}`;
  if (next.timeZone !== old.timeZone) {
    conflicts.push({ path: `${at}.timeZone`, message: vt('validation.history.contractZone', { name: old.name, date: first.effectiveFrom, zone: old.timeZone }) });
  }
  const oldCurrency = old.currency ?? before.settings.currency;
  const newCurrency = next.currency ?? after.settings.currency;
  if (oldCurrency !== newCurrency) {
    conflicts.push({ path: `${at}.currency`, message: vt('validation.history.contractCurrency', { name: old.name, date: first.effectiveFrom, currency: oldCurrency }) });
  }
  for (const version of started) {
    const v = next.versions.findIndex((candidate) => candidate.version === version.version);
    const replacement = next.versions[v];
    const where = `${at}.versions.${v}`;
    if (replacement === undefined) {
      conflicts.push({
        path: `${at}.versions`,
        message: vt('validation.history.versionRemoved', { version: version.version, name: old.name, date: version.effectiveFrom }),
      });
      continue;
    }
    if (replacement.effectiveFrom !== version.effectiveFrom) {
      conflicts.push({
        path: `${where}.effectiveFrom`,
        message: vt('validation.history.versionStart', { version: version.version, name: old.name, date: version.effectiveFrom }),
      });
    } else if (canonicalJson(termsOfVersion(replacement)) !== canonicalJson(termsOfVersion(version))) {
      conflicts.push({
        path: where,
        message: vt('validation.history.versionTerms', { version: version.version, name: old.name, date: version.effectiveFrom }),
      });
    }
    const oldEnd = version.effectiveTo;
    const newEnd = replacement.effectiveTo;
    // Past dates must keep their coverage: an end may move, but not to before today (nor from a
    // past end to anything else, which would cover past dates that were uncovered).
    const oldEndInPast = oldEnd !== undefined && oldEnd < today;
    const newEndInPast = newEnd !== undefined && newEnd < today;
    if ((oldEndInPast || newEndInPast) && oldEnd !== newEnd) {
      conflicts.push({
        path: `${where}.effectiveTo`,
        message:
          oldEndInPast
            ? vt('validation.history.versionEndedEnd', { version: version.version, name: old.name, end: oldEnd, today })
            : vt('validation.history.versionInForceEnd', { version: version.version, name: old.name, today }),
      });
    }
  }
  const known = new Set(old.versions.map((v) => v.version));
  next.versions.forEach((version, v) => {
    const wasFuture = known.has(version.version) && !started.some((s) => s.version === version.version);
    if (version.effectiveFrom > today) return;
    if (!known.has(version.version) || wasFuture) {
      conflicts.push({
        path: `${at}.versions.${v}.effectiveFrom`,
        message: vt('validation.history.versionTooEarly', { version: version.version, name: old.name, date: version.effectiveFrom, today }),
      });
    }
  });
}

function checkLevels(
  before: ContractDatabase,
  after: ContractDatabase,
  now: Date,
  usedLevels: ReadonlySet<string>,
  conflicts: HistoryConflict[],
  usedCalendars: Set<string>,
): void {
  const today = localDateOf(now, EARLIEST_ZONE);
  for (const old of before.levels) {
    if (!usedLevels.has(old.id)) continue;
    const started = old.revisions.filter((r) => r.effectiveFrom <= today);
    // The earliest revision applies before its date too: it is in use as soon as the level exists.
    const earliest = old.revisions.reduce<LevelRevision | undefined>((a, b) => (a === undefined || b.effectiveFrom < a.effectiveFrom ? b : a), undefined);
    const inUse: LevelRevision[] = started.length > 0 ? started : earliest === undefined ? [] : [earliest];
    for (const revision of inUse) usedCalendars.add(revision.calendarId);
    const index = after.levels.findIndex((l) => l.id === old.id);
    const next: ServiceLevel | undefined = after.levels[index];
    if (next === undefined) {
      conflicts.push({ path: 'levels', message: vt('validation.history.levelRemoved', { name: old.name, id: old.id }) });
      continue;
    }
    const at = `levels.${index}`;
    const oldCurrency = old.currency ?? before.settings.currency;
    const newCurrency = next.currency ?? after.settings.currency;
    if (oldCurrency !== newCurrency) {
      conflicts.push({ path: `${at}.currency`, message: vt('validation.history.levelCurrency', { name: old.name, currency: oldCurrency }) });
    }
    for (const revision of inUse) {
      const r = next.revisions.findIndex((candidate) => candidate.effectiveFrom === revision.effectiveFrom);
      const replacement = next.revisions[r];
      if (replacement === undefined) {
        conflicts.push({
          path: `${at}.revisions`,
          message: vt('validation.history.revisionRemoved', { name: old.name, date: revision.effectiveFrom }),
        });
      } else if (canonicalJson(termsOfRevision(replacement)) !== canonicalJson(termsOfRevision(revision))) {
        conflicts.push({
          path: `${at}.revisions.${r}`,
          message: vt('validation.history.revisionTerms', { name: old.name, date: revision.effectiveFrom }),
        });
      }
    }
    const kept = new Set(old.revisions.map((r) => r.effectiveFrom));
    const inUseDates = new Set(inUse.map((r) => r.effectiveFrom));
    next.revisions.forEach((revision, r) => {
      if (inUseDates.has(revision.effectiveFrom)) return;
      const startsTooEarly = revision.effectiveFrom <= today;
      const precedesEarliest = earliest !== undefined && revision.effectiveFrom < earliest.effectiveFrom;
      if (startsTooEarly || (precedesEarliest && !kept.has(revision.effectiveFrom))) {
        conflicts.push({
          path: `${at}.revisions.${r}.effectiveFrom`,
          message: vt('validation.history.revisionTooEarly', { name: old.name, date: revision.effectiveFrom, tomorrow: nextDate(today) }),
        });
      }
    });
  }
}

function checkCalendars(before: ContractDatabase, after: ContractDatabase, now: Date, used: ReadonlySet<string>, conflicts: HistoryConflict[]): void {
  for (const old of before.calendars) {
    if (!used.has(old.id)) continue;
    const index = after.calendars.findIndex((c) => c.id === old.id);
    const next: CalendarEntry | undefined = after.calendars[index];
    // A removed calendar that is still referenced fails the reference check; one that is not is free.
    if (next === undefined) continue;
    const at = `calendars.${index}`;
    if (next.timeZone !== old.timeZone || canonicalJson(next.week) !== canonicalJson(old.week)) {
      conflicts.push({
        path: next.timeZone !== old.timeZone ? `${at}.timeZone` : `${at}.week`,
        message: vt('validation.history.calendarWeek', { name: old.name }),
      });
    }
    const today = localDateOf(now, old.timeZone);
    const was = pastHolidays(old.holidays, today);
    const is = pastHolidays(next.holidays, today);
    if (canonicalJson(was) !== canonicalJson(is)) {
      const removed = was.filter((d) => !is.includes(d));
      const added = is.filter((d) => !was.includes(d));
      const dates = [...added.slice(0, 3).map((d) => `+${d}`), ...removed.slice(0, 3).map((d) => `−${d}`)].join(', ');
      conflicts.push({ path: `${at}.holidays`, message: vt('validation.history.calendarHolidays', { name: old.name, today, dates }) });
    }
  }
}

function nextDate(date: string): string {
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** What of a database is history at `now`, per entity: what the forms show as fixed (ADR 0019). */
export interface HistoryLocks {
  /** Per contract id: its "today" (in its zone) and the numbers of the versions that have started. */
  readonly contracts: Readonly<Record<string, { readonly today: string; readonly startedVersions: readonly number[] }>>;
  /** Per level id: its "today" (UTC+14), whether requests may have used it, and the revisions that are fixed. */
  readonly levels: Readonly<Record<string, { readonly today: string; readonly inUse: boolean; readonly fixedRevisions: readonly string[] }>>;
  /** Per calendar id: its "today" (in its zone) and whether terms in force use it (zone and weekly hours fixed). */
  readonly calendars: Readonly<Record<string, { readonly today: string; readonly inUse: boolean }>>;
}

/**
 * What `findHistoryConflicts` protects, per entity, so the forms can show it as fixed and offer a new
 * version or revision from a date instead: started contract versions, the revisions of levels in use
 * (the earliest one too, which applies before its date), and the calendars those use.
 *
 * @example historyLocks(db, now).contracts['acme'] // { today: '2026-10-05', startedVersions: [1, 2] }
 */
export function historyLocks(db: ContractDatabase, now: Date): HistoryLocks {
  const usedLevels = new Set<string>(db.settings.fallbackLevelId === null ? [] : [db.settings.fallbackLevelId]);
  const usedCalendars = new Set<string>();
  const contracts: Record<string, { today: string; startedVersions: number[] }> = {};
  for (const contract of db.contracts) {
    const today = localDateOf(now, contract.timeZone);
    const started = contract.versions.filter((v) => v.effectiveFrom <= today);
    contracts[contract.id] = { today, startedVersions: started.map((v) => v.version).sort((a, b) => a - b) };
    for (const version of started) {
      for (const covered of version.coveredServices) {
        usedLevels.add(covered.levelId);
        if (covered.bespoke?.calendarId !== undefined) usedCalendars.add(covered.bespoke.calendarId);
      }
    }
  }
  const levelToday = localDateOf(now, EARLIEST_ZONE);
  const levels: Record<string, { today: string; inUse: boolean; fixedRevisions: string[] }> = {};
  for (const level of db.levels) {
    const inUse = usedLevels.has(level.id);
    let fixed: LevelRevision[] = [];
    if (inUse) {
      const started = level.revisions.filter((r) => r.effectiveFrom <= levelToday);
      const earliest = level.revisions.reduce<LevelRevision | undefined>((a, b) => (a === undefined || b.effectiveFrom < a.effectiveFrom ? b : a), undefined);
      fixed = started.length > 0 ? started : earliest === undefined ? [] : [earliest];
      for (const revision of fixed) usedCalendars.add(revision.calendarId);
    }
    levels[level.id] = { today: levelToday, inUse, fixedRevisions: fixed.map((r) => r.effectiveFrom).sort() };
  }
  const calendars: Record<string, { today: string; inUse: boolean }> = {};
  for (const calendar of db.calendars) calendars[calendar.id] = { today: localDateOf(now, calendar.timeZone), inUse: usedCalendars.has(calendar.id) };
  return { contracts, levels, calendars };
}
