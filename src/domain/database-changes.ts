/**
 * What a save or an import changed, as lines people can read in the audit log (issue 12.7):
 * "Level Gold: P1 resolution 4 h → 3 h from 2027-01-01", "Contract 'ACME Managed Workplace':
 * version 3 added from 2027-01-01", "Calendar 'Business hours NL': holiday 2026-12-24 added".
 * Specific wording for what admins change most (targets, prices, dates, holidays, names), a plain
 * "… changed" for the rest, so every change leaves a line.
 *
 * English, like the rest of the stored audit texts; amounts in en-GB notation of their currency.
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
import { canonicalJson } from './calendar-cache';
import { formatBusinessMinutes } from './resolve-terms';

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const quoted = (name: string): string => `'${name}'`;

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function money(amount: number | undefined, currency: string): string {
  return amount === undefined ? 'none' : formatMoney(amount, currency, 'en-GB');
}

function listDelta(label: string, before: readonly string[], after: readonly string[]): string | null {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  if (added.length === 0 && removed.length === 0) return null;
  const parts = [...(added.length > 0 ? [`+${added.join(', +')}`] : []), ...(removed.length > 0 ? [`−${removed.join(', −')}`] : [])];
  return `${label} ${parts.join(' ')}`;
}

/**
 * The readable lines of every change from `before` to `after`, in document order (calendars,
 * services, levels, contracts, settings); empty when nothing changed.
 *
 * @example describeDatabaseChanges(stored, saved) // ['Level Gold: P1 resolution 4 h → 3 h from 2027-01-01']
 */
export function describeDatabaseChanges(before: ContractDatabase, after: ContractDatabase): string[] {
  return [
    ...describeCollection(before.calendars, after.calendars, 'Calendar', describeCalendar),
    ...describeServices(before.services, after.services),
    ...describeCollection(before.levels, after.levels, 'Level', (a, b) => describeLevel(a, b, before, after)),
    ...describeCollection(before.contracts, after.contracts, 'Contract', (a, b) => describeContract(a, b, before, after)),
    ...describeSettings(before, after),
  ];
}

function describeCollection<T extends { id: string; name: string }>(
  before: readonly T[],
  after: readonly T[],
  kind: string,
  describe: (a: T, b: T) => string[],
): string[] {
  const lines: string[] = [];
  const old = byId(before);
  const now = byId(after);
  for (const item of after) {
    const previous = old.get(item.id);
    if (previous === undefined) lines.push(`${kind} ${quoted(item.name)} (${item.id}) added`);
    else if (!same(previous, item)) {
      const changes = describe(previous, item);
      const subject = `${kind} ${quoted(item.name)}`;
      if (previous.name !== item.name) lines.push(`${kind} ${quoted(previous.name)} renamed to ${quoted(item.name)}`);
      lines.push(...changes.map((change) => `${subject}: ${change}`));
    }
  }
  for (const item of before) if (!now.has(item.id)) lines.push(`${kind} ${quoted(item.name)} (${item.id}) removed`);
  return lines;
}

function describeCalendar(a: CalendarEntry, b: CalendarEntry): string[] {
  const lines: string[] = [];
  if (a.timeZone !== b.timeZone) lines.push(`time zone ${a.timeZone} → ${b.timeZone}`);
  if (!same(a.week, b.week)) lines.push('weekly hours changed');
  const text = (h: ReturnType<typeof holidaysWithoutNames>[number]) => (typeof h === 'string' ? h : 'date' in h ? h.date : `every ${h.yearly}`);
  const was = holidaysWithoutNames(a.holidays ?? []).map(text);
  const is = holidaysWithoutNames(b.holidays ?? []).map(text);
  const added = is.filter((h) => !was.includes(h));
  const removed = was.filter((h) => !is.includes(h));
  if (added.length > 0) lines.push(`${added.length === 1 ? 'holiday' : 'holidays'} ${added.join(', ')} added`);
  if (removed.length > 0) lines.push(`${removed.length === 1 ? 'holiday' : 'holidays'} ${removed.join(', ')} removed`);
  if (added.length === 0 && removed.length === 0 && !same(a.holidays, b.holidays)) lines.push('holiday names changed');
  return lines;
}

function describeServices(before: readonly Service[], after: readonly Service[]): string[] {
  const lines = describeCollection(before, after, 'Service', (a, b) => {
    const out: string[] = [];
    for (const [label, key] of [['request types', 'requestTypeIds'], ['components', 'components'], ['labels', 'labels']] as const) {
      const delta = listDelta(label, a.rule[key], b.rule[key]);
      if (delta !== null) out.push(delta);
    }
    if (a.description !== b.description) out.push('description changed');
    return out;
  });
  const kept = (list: readonly Service[], other: readonly Service[]) => list.filter((s) => other.some((o) => o.id === s.id)).map((s) => s.id);
  if (!same(kept(before, after), kept(after, before))) lines.push(`Service catalogue order changed: ${after.map((s) => s.name).join(', ')}`);
  return lines;
}

function describeTargets(a: LevelRevision['targets'], b: LevelRevision['targets']): string[] {
  const out: string[] = [];
  for (const priorityClass of PRIORITY_CLASSES) {
    const x = a[priorityClass];
    const y = b[priorityClass];
    if (x.resolutionMinutes !== y.resolutionMinutes) {
      out.push(`${priorityClass} resolution ${formatBusinessMinutes(x.resolutionMinutes)} → ${formatBusinessMinutes(y.resolutionMinutes)}`);
    }
    if (x.responseMinutes !== y.responseMinutes) {
      const show = (m: number | undefined) => (m === undefined ? 'none' : formatBusinessMinutes(m));
      out.push(`${priorityClass} first response ${show(x.responseMinutes)} → ${show(y.responseMinutes)}`);
    }
  }
  return out;
}

function describeRevisionChange(a: LevelRevision, b: LevelRevision, currency: string, db: ContractDatabase, previousDb: ContractDatabase): string[] {
  const out = describeTargets(a.targets, b.targets);
  if (a.calendarId !== b.calendarId) {
    const name = (d: ContractDatabase, id: string) => d.calendars.find((c) => c.id === id)?.name ?? id;
    out.push(`calendar ${quoted(name(previousDb, a.calendarId))} → ${quoted(name(db, b.calendarId))}`);
  }
  const services = new Set([...Object.keys(a.monthlyPrices), ...Object.keys(b.monthlyPrices)]);
  for (const serviceId of services) {
    const x = a.monthlyPrices[serviceId];
    const y = b.monthlyPrices[serviceId];
    if (x !== y) {
      const name = db.services.find((s) => s.id === serviceId)?.name ?? serviceId;
      out.push(`price ${name} ${money(x, currency)} → ${money(y, currency)}`);
    }
  }
  if (!same(a.credits, b.credits)) out.push(b.credits === undefined ? 'credit rule removed' : `credit rule ${describeCredit(b.credits)}`);
  return out;
}

function describeCredit(rule: NonNullable<LevelRevision['credits']>): string {
  const parts = PRIORITY_CLASSES.filter((c) => rule.perMissedRequest[c] !== undefined).map((c) => `${c} ${String(rule.perMissedRequest[c])} %`);
  return `${parts.join(', ')} per missed request, at most ${rule.capPercent} % a month`;
}

function describeLevel(a: ServiceLevel, b: ServiceLevel, before: ContractDatabase, after: ContractDatabase): string[] {
  const out: string[] = [];
  if (a.colour !== b.colour) out.push(`colour ${a.colour} → ${b.colour}`);
  if (a.objectivePercent !== b.objectivePercent) out.push(`objective ${a.objectivePercent ?? 'none'} % → ${b.objectivePercent ?? 'none'} %`.replace('none %', 'none'));
  const currency = b.currency ?? after.settings.currency;
  if ((a.currency ?? before.settings.currency) !== currency) out.push(`currency ${a.currency ?? before.settings.currency} → ${currency}`);
  const oldByDate = new Map(a.revisions.map((r) => [r.effectiveFrom, r]));
  const newByDate = new Map(b.revisions.map((r) => [r.effectiveFrom, r]));
  const periods = levelRevisionPeriods(b);
  for (const { revision } of periods) {
    const old = oldByDate.get(revision.effectiveFrom);
    if (old !== undefined) {
      if (!same(old, revision)) {
        const changes = describeRevisionChange(old, revision, currency, after, before);
        out.push(...(changes.length > 0 ? changes : ['note changed']).map((c) => `revision from ${revision.effectiveFrom}: ${c}`));
      }
      continue;
    }
    // A new revision: say what it changes compared with the terms in force just before it.
    const previous = levelRevisionPeriods(a).filter((p) => p.from < revision.effectiveFrom).at(-1)?.revision;
    const changes = previous === undefined ? [] : describeRevisionChange(previous, revision, currency, after, before);
    if (changes.length === 0) out.push(`new revision from ${revision.effectiveFrom}`);
    else out.push(...changes.map((c) => `${c} from ${revision.effectiveFrom}`));
  }
  for (const revision of a.revisions) if (!newByDate.has(revision.effectiveFrom)) out.push(`revision from ${revision.effectiveFrom} removed`);
  return out;
}

function describeVersion(a: ContractVersion, b: ContractVersion, currency: string): string[] {
  const out: string[] = [];
  const date = (d: string | undefined) => d ?? 'none';
  if (a.effectiveFrom !== b.effectiveFrom) out.push(`starts ${a.effectiveFrom} → ${b.effectiveFrom}`);
  if (a.effectiveTo !== b.effectiveTo) out.push(`ends ${a.effectiveTo ?? 'open-ended'} → ${b.effectiveTo ?? 'open-ended'}`);
  if (a.endDate !== b.endDate) out.push(`end of term ${date(a.endDate)} → ${date(b.endDate)}`);
  if (a.noticeDate !== b.noticeDate) out.push(`notice date ${date(a.noticeDate)} → ${date(b.noticeDate)}`);
  if (a.monthlyFee !== b.monthlyFee) out.push(`monthly fee ${money(a.monthlyFee, currency)} → ${money(b.monthlyFee, currency)}`);
  if (!same(a.coveredServices, b.coveredServices)) out.push('covered services changed');
  if (a.defaultServiceId !== b.defaultServiceId) out.push(`default service ${a.defaultServiceId} → ${b.defaultServiceId}`);
  if (!same(a.pauseStatuses, b.pauseStatuses)) out.push('pause statuses changed');
  if (!same(a.outOfContractRates, b.outOfContractRates)) out.push('out-of-contract rates changed');
  if (a.note !== b.note) out.push('note changed');
  return out;
}

function describeContract(a: Contract, b: Contract, before: ContractDatabase, after: ContractDatabase): string[] {
  const out: string[] = [];
  const currency = b.currency ?? after.settings.currency;
  if (a.customer.name !== b.customer.name || a.customer.id !== b.customer.id) out.push(`customer ${a.customer.name} → ${b.customer.name}`);
  const orgs = listDelta('organizations', a.customer.organizationIds, b.customer.organizationIds);
  if (orgs !== null) out.push(orgs);
  if (a.timeZone !== b.timeZone) out.push(`time zone ${a.timeZone} → ${b.timeZone}`);
  if ((a.currency ?? before.settings.currency) !== currency) out.push(`currency ${a.currency ?? before.settings.currency} → ${currency}`);
  if (a.showPricesToCustomer !== b.showPricesToCustomer) out.push(b.showPricesToCustomer ? 'prices shown to the customer' : 'prices hidden from the customer');
  if (a.accountManagerAccountId !== b.accountManagerAccountId) out.push(`account manager ${a.accountManagerAccountId ?? 'none'} → ${b.accountManagerAccountId ?? 'none'}`);
  if (a.noticeReminderDays !== b.noticeReminderDays) {
    out.push(`notice reminder ${a.noticeReminderDays === undefined ? 'off' : `${a.noticeReminderDays} days`} → ${b.noticeReminderDays === undefined ? 'off' : `${b.noticeReminderDays} days`}`);
  }
  const old = new Map(a.versions.map((v) => [v.version, v]));
  const next = new Map(b.versions.map((v) => [v.version, v]));
  for (const version of b.versions) {
    const previous = old.get(version.version);
    if (previous === undefined) out.push(`version ${version.version} added from ${version.effectiveFrom}`);
    else if (!same(previous, version)) out.push(...describeVersion(previous, version, currency).map((c) => `version ${version.version}: ${c}`));
  }
  for (const version of a.versions) if (!next.has(version.version)) out.push(`version ${version.version} removed`);
  return out;
}

function describeSettings(before: ContractDatabase, after: ContractDatabase): string[] {
  const a = before.settings;
  const b = after.settings;
  const out: string[] = [];
  const levelName = (d: ContractDatabase, id: string | null) => (id === null ? 'none' : (d.levels.find((l) => l.id === id)?.name ?? id));
  if (a.fallbackLevelId !== b.fallbackLevelId) out.push(`fallback level ${levelName(before, a.fallbackLevelId)} → ${levelName(after, b.fallbackLevelId)}`);
  if (a.atRiskThresholdPercent !== b.atRiskThresholdPercent) out.push(`at-risk threshold ${a.atRiskThresholdPercent} % → ${b.atRiskThresholdPercent} %`);
  const pause = listDelta('pause statuses', a.pauseStatuses, b.pauseStatuses);
  if (pause !== null) out.push(pause);
  if (!same(a.priorities, b.priorities)) out.push('priority mapping changed');
  if (!same(a.messages, b.messages)) out.push('customer message templates changed');
  if (a.currency !== b.currency) out.push(`default currency ${a.currency} → ${b.currency}`);
  return out.map((line) => `Settings: ${line}`);
}
