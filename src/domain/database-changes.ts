/**
 * What a save or an import changed, as lines people can read in the audit log (issue 12.7):
 * "Level Gold: P1 resolution 4 h → 3 h from 2027-01-01", "Contract 'ACME Managed Workplace':
 * version 3 added from 2027-01-01", "Calendar 'Business hours NL': holiday 2026-12-24 added".
 * Specific wording for what admins change most (targets, prices, dates, holidays, names), a plain
 * "… changed" for the rest, so every change leaves a line.
 *
 * English, like the rest of the stored audit texts, and every line from the `changes` catalogue
 * (src/i18n/catalogues/changes.en.ts), so src/i18n/change-text.ts can read a stored line back and
 * show it in the reader's language (ADR 0035); amounts in en-GB notation of their currency.
 * Pure: no I/O, no clock, no Forge.
 */
import { holidaysWithoutNames } from '../contract/calendar';
import {
  levelRevisionPeriods,
  PRIORITY_CLASSES,
  type CalendarEntry,
  type Contract,
  type ContractDatabase,
  type ContractVersion,
  type LevelRevision,
  type Service,
  type ServiceLevel,
} from '../contract/contract-database';
import { formatMoney } from '../contract/money';
import { changeMessages } from '../i18n/change-messages';
import { createTranslator } from '../i18n/messages';
import { canonicalJson } from './calendar-cache';
import { formatBusinessMinutes } from './resolve-terms';

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const { t } = createTranslator(changeMessages, 'en-GB');
const NONE = t('changes.value.none');

type Kind = 'calendar' | 'service' | 'level' | 'contract';

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function money(amount: number | undefined, currency: string): string {
  return amount === undefined ? NONE : formatMoney(amount, currency, 'en-GB');
}

/**
 * Business minutes as the audit log writes them: `4 h`, `1 h 30 min`, `45 min` — the notation of
 * formatBusinessMinutes, which the catalogue's value templates (`changes.value.hours` …) read back.
 */
function duration(minutes: number | undefined): string {
  return minutes === undefined ? NONE : formatBusinessMinutes(minutes);
}

/** "+a, +b −c": what a list gained and lost; null when nothing. */
function listDelta(before: readonly string[], after: readonly string[]): string | null {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  if (added.length === 0 && removed.length === 0) return null;
  const parts = [...(added.length > 0 ? [`+${added.join(', +')}`] : []), ...(removed.length > 0 ? [`−${removed.join(', −')}`] : [])];
  return parts.join(' ');
}

/**
 * The readable lines of every change from `before` to `after`, in document order (calendars,
 * services, levels, contracts, settings); empty when nothing changed.
 *
 * @example describeDatabaseChanges(stored, saved) // ['Level Gold: P1 resolution 4 h → 3 h from 2027-01-01']
 */
export function describeDatabaseChanges(before: ContractDatabase, after: ContractDatabase): string[] {
  return [
    ...describeCollection(before.calendars, after.calendars, 'calendar', describeCalendar),
    ...describeServices(before.services, after.services),
    ...describeCollection(before.levels, after.levels, 'level', (a, b) => describeLevel(a, b, before, after)),
    ...describeCollection(before.contracts, after.contracts, 'contract', (a, b) => describeContract(a, b, before, after)),
    ...describeSettings(before, after),
  ];
}

function describeCollection<T extends { id: string; name: string }>(
  before: readonly T[],
  after: readonly T[],
  kindOf: Kind,
  describe: (a: T, b: T) => string[],
): string[] {
  const lines: string[] = [];
  const old = byId(before);
  const now = byId(after);
  const kind = t(`changes.kind.${kindOf}`);
  for (const item of after) {
    const previous = old.get(item.id);
    if (previous === undefined) lines.push(t('changes.item.added', { kind, name: item.name, id: item.id }));
    else if (!same(previous, item)) {
      const changes = describe(previous, item);
      if (previous.name !== item.name) lines.push(t('changes.item.renamed', { kind, oldName: previous.name, name: item.name }));
      lines.push(...changes.map((change) => t('changes.item.changed', { kind, name: item.name, change })));
    }
  }
  for (const item of before) if (!now.has(item.id)) lines.push(t('changes.item.removed', { kind, name: item.name, id: item.id }));
  return lines;
}

function describeCalendar(a: CalendarEntry, b: CalendarEntry): string[] {
  const lines: string[] = [];
  if (a.timeZone !== b.timeZone) lines.push(t('changes.timeZone', { from: a.timeZone, to: b.timeZone }));
  if (!same(a.week, b.week)) lines.push(t('changes.calendar.week'));
  const text = (h: ReturnType<typeof holidaysWithoutNames>[number]) => (typeof h === 'string' ? h : 'date' in h ? h.date : t('changes.value.yearly', { monthDay: h.yearly }));
  const was = holidaysWithoutNames(a.holidays ?? []).map(text);
  const is = holidaysWithoutNames(b.holidays ?? []).map(text);
  const added = is.filter((h) => !was.includes(h));
  const removed = was.filter((h) => !is.includes(h));
  if (added.length > 0) lines.push(t(added.length === 1 ? 'changes.calendar.holidayAdded' : 'changes.calendar.holidaysAdded', { holidays: added.join(', ') }));
  if (removed.length > 0) lines.push(t(removed.length === 1 ? 'changes.calendar.holidayRemoved' : 'changes.calendar.holidaysRemoved', { holidays: removed.join(', ') }));
  if (added.length === 0 && removed.length === 0 && !same(a.holidays, b.holidays)) lines.push(t('changes.calendar.holidayNames'));
  return lines;
}

function describeServices(before: readonly Service[], after: readonly Service[]): string[] {
  const lines = describeCollection(before, after, 'service', (a, b) => {
    const out: string[] = [];
    for (const [label, key] of [['changes.service.requestTypes', 'requestTypeIds'], ['changes.service.components', 'components'], ['changes.service.labels', 'labels']] as const) {
      const delta = listDelta(a.rule[key], b.rule[key]);
      if (delta !== null) out.push(t(label, { delta }));
    }
    if (a.description !== b.description) out.push(t('changes.service.description'));
    return out;
  });
  const kept = (list: readonly Service[], other: readonly Service[]) => list.filter((s) => other.some((o) => o.id === s.id)).map((s) => s.id);
  if (!same(kept(before, after), kept(after, before))) lines.push(t('changes.services.order', { names: after.map((s) => s.name).join(', ') }));
  return lines;
}

function describeTargets(a: LevelRevision['targets'], b: LevelRevision['targets']): string[] {
  const out: string[] = [];
  for (const priorityClass of PRIORITY_CLASSES) {
    const x = a[priorityClass];
    const y = b[priorityClass];
    if (x.resolutionMinutes !== y.resolutionMinutes) {
      out.push(t('changes.level.resolution', { priorityClass, from: duration(x.resolutionMinutes), to: duration(y.resolutionMinutes) }));
    }
    if (x.responseMinutes !== y.responseMinutes) {
      out.push(t('changes.level.response', { priorityClass, from: duration(x.responseMinutes), to: duration(y.responseMinutes) }));
    }
  }
  return out;
}

function describeRevisionChange(a: LevelRevision, b: LevelRevision, currency: string, db: ContractDatabase, previousDb: ContractDatabase): string[] {
  const out = describeTargets(a.targets, b.targets);
  if (a.calendarId !== b.calendarId) {
    const name = (d: ContractDatabase, id: string) => d.calendars.find((c) => c.id === id)?.name ?? id;
    out.push(t('changes.level.calendar', { fromName: name(previousDb, a.calendarId), toName: name(db, b.calendarId) }));
  }
  const services = new Set([...Object.keys(a.monthlyPrices), ...Object.keys(b.monthlyPrices)]);
  for (const serviceId of services) {
    const x = a.monthlyPrices[serviceId];
    const y = b.monthlyPrices[serviceId];
    if (x !== y) {
      const name = db.services.find((s) => s.id === serviceId)?.name ?? serviceId;
      out.push(t('changes.level.price', { service: name, fromAmount: money(x, currency), toAmount: money(y, currency) }));
    }
  }
  if (!same(a.credits, b.credits)) out.push(b.credits === undefined ? t('changes.level.creditRemoved') : describeCredit(b.credits));
  return out;
}

function describeCredit(rule: NonNullable<LevelRevision['credits']>): string {
  const perClass = (c: (typeof PRIORITY_CLASSES)[number]) => {
    const percent = rule.perMissedRequest[c];
    return percent === undefined ? [] : [t('changes.value.classPercent', { priorityClass: c, percent })];
  };
  return t('changes.level.credit', { credits: PRIORITY_CLASSES.flatMap(perClass).join(', '), cap: rule.capPercent });
}

/** A percentage as the audit log writes it, "99.5 %", or "none". */
function percent(value: number | undefined): string {
  return value === undefined ? NONE : t('changes.value.percent', { percent: value });
}

function describeLevel(a: ServiceLevel, b: ServiceLevel, before: ContractDatabase, after: ContractDatabase): string[] {
  const out: string[] = [];
  if (a.colour !== b.colour) out.push(t('changes.level.colour', { from: a.colour, to: b.colour }));
  if (a.objectivePercent !== b.objectivePercent) out.push(t('changes.level.objective', { from: percent(a.objectivePercent), to: percent(b.objectivePercent) }));
  const currency = b.currency ?? after.settings.currency;
  if ((a.currency ?? before.settings.currency) !== currency) out.push(t('changes.currency', { from: a.currency ?? before.settings.currency, to: currency }));
  const oldByDate = new Map(a.revisions.map((r) => [r.effectiveFrom, r]));
  const newByDate = new Map(b.revisions.map((r) => [r.effectiveFrom, r]));
  const periods = levelRevisionPeriods(b);
  for (const { revision } of periods) {
    const old = oldByDate.get(revision.effectiveFrom);
    if (old !== undefined) {
      if (!same(old, revision)) {
        const changes = describeRevisionChange(old, revision, currency, after, before);
        out.push(...(changes.length > 0 ? changes : [t('changes.note')]).map((change) => t('changes.level.revisionChanged', { date: revision.effectiveFrom, change })));
      }
      continue;
    }
    // A new revision: say what it changes compared with the terms in force just before it.
    const previous = levelRevisionPeriods(a).filter((p) => p.from < revision.effectiveFrom).at(-1)?.revision;
    const changes = previous === undefined ? [] : describeRevisionChange(previous, revision, currency, after, before);
    if (changes.length === 0) out.push(t('changes.level.revisionAdded', { date: revision.effectiveFrom }));
    else out.push(...changes.map((change) => t('changes.level.revisionFrom', { change, date: revision.effectiveFrom })));
  }
  for (const revision of a.revisions) if (!newByDate.has(revision.effectiveFrom)) out.push(t('changes.level.revisionRemoved', { date: revision.effectiveFrom }));
  return out;
}

function describeVersion(a: ContractVersion, b: ContractVersion, currency: string): string[] {
  const out: string[] = [];
  const date = (d: string | undefined) => d ?? NONE;
  const end = (d: string | undefined) => d ?? t('changes.value.openEnded');
  if (a.effectiveFrom !== b.effectiveFrom) out.push(t('changes.version.starts', { from: a.effectiveFrom, to: b.effectiveFrom }));
  if (a.effectiveTo !== b.effectiveTo) out.push(t('changes.version.ends', { from: end(a.effectiveTo), to: end(b.effectiveTo) }));
  if (a.endDate !== b.endDate) out.push(t('changes.version.endOfTerm', { from: date(a.endDate), to: date(b.endDate) }));
  if (a.noticeDate !== b.noticeDate) out.push(t('changes.version.noticeDate', { from: date(a.noticeDate), to: date(b.noticeDate) }));
  if (a.monthlyFee !== b.monthlyFee) out.push(t('changes.version.fee', { fromAmount: money(a.monthlyFee, currency), toAmount: money(b.monthlyFee, currency) }));
  if (!same(a.coveredServices, b.coveredServices)) out.push(t('changes.version.coveredServices'));
  if (a.defaultServiceId !== b.defaultServiceId) out.push(t('changes.version.defaultService', { fromName: a.defaultServiceId, toName: b.defaultServiceId }));
  if (!same(a.pauseStatuses, b.pauseStatuses)) out.push(t('changes.version.pauseStatuses'));
  if (!same(a.outOfContractRates, b.outOfContractRates)) out.push(t('changes.version.rates'));
  if (a.note !== b.note) out.push(t('changes.note'));
  return out;
}

function describeContract(a: Contract, b: Contract, before: ContractDatabase, after: ContractDatabase): string[] {
  const out: string[] = [];
  const currency = b.currency ?? after.settings.currency;
  if (a.customer.name !== b.customer.name || a.customer.id !== b.customer.id) out.push(t('changes.contract.customer', { fromName: a.customer.name, toName: b.customer.name }));
  const orgs = listDelta(a.customer.organizationIds, b.customer.organizationIds);
  if (orgs !== null) out.push(t('changes.contract.organizations', { delta: orgs }));
  if (a.timeZone !== b.timeZone) out.push(t('changes.timeZone', { from: a.timeZone, to: b.timeZone }));
  if ((a.currency ?? before.settings.currency) !== currency) out.push(t('changes.currency', { from: a.currency ?? before.settings.currency, to: currency }));
  if (a.showPricesToCustomer !== b.showPricesToCustomer) out.push(t(b.showPricesToCustomer ? 'changes.contract.pricesShown' : 'changes.contract.pricesHidden'));
  if (a.accountManagerAccountId !== b.accountManagerAccountId) out.push(t('changes.contract.accountManager', { from: a.accountManagerAccountId ?? NONE, to: b.accountManagerAccountId ?? NONE }));
  if (a.noticeReminderDays !== b.noticeReminderDays) {
    const reminder = (days: number | undefined) => (days === undefined ? t('changes.value.off') : days === 1 ? t('changes.value.oneDay') : t('changes.value.days', { days }));
    out.push(t('changes.contract.noticeReminder', { from: reminder(a.noticeReminderDays), to: reminder(b.noticeReminderDays) }));
  }
  const old = new Map(a.versions.map((v) => [v.version, v]));
  const next = new Map(b.versions.map((v) => [v.version, v]));
  for (const version of b.versions) {
    const previous = old.get(version.version);
    if (previous === undefined) out.push(t('changes.contract.versionAdded', { version: version.version, date: version.effectiveFrom }));
    else if (!same(previous, version)) out.push(...describeVersion(previous, version, currency).map((change) => t('changes.contract.versionChanged', { version: version.version, change })));
  }
  for (const version of a.versions) if (!next.has(version.version)) out.push(t('changes.contract.versionRemoved', { version: version.version }));
  return out;
}

function describeSettings(before: ContractDatabase, after: ContractDatabase): string[] {
  const a = before.settings;
  const b = after.settings;
  const out: string[] = [];
  const levelName = (d: ContractDatabase, id: string | null) => (id === null ? NONE : (d.levels.find((l) => l.id === id)?.name ?? id));
  if (a.fallbackLevelId !== b.fallbackLevelId) out.push(t('changes.settings.fallbackLevel', { from: levelName(before, a.fallbackLevelId), to: levelName(after, b.fallbackLevelId) }));
  if (a.atRiskThresholdPercent !== b.atRiskThresholdPercent) out.push(t('changes.settings.atRisk', { from: percent(a.atRiskThresholdPercent), to: percent(b.atRiskThresholdPercent) }));
  const pause = listDelta(a.pauseStatuses, b.pauseStatuses);
  if (pause !== null) out.push(t('changes.settings.pauseStatuses', { delta: pause }));
  if (!same(a.priorities, b.priorities)) out.push(t('changes.settings.priorities'));
  if (!same(a.messages, b.messages)) out.push(t('changes.settings.messages'));
  if (a.currency !== b.currency) out.push(t('changes.settings.currency', { from: a.currency, to: b.currency }));
  return out.map((change) => t('changes.settings', { change }));
}
