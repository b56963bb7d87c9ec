/**
 * Renewals and notice (issue 14.3): which contract versions have their notice date or end of term
 * within the next days (90 on the gadget and the settings page), counted in each contract's own
 * zone, and when a contract's notice reminder to its account manager is due.
 *
 * Dates are local dates in the contract's zone (as every contract date): "today" is the local date
 * of `now` there, and a date "in 0 days" is today. Only versions that have not ended yet count.
 *
 * Pure: no I/O, no clock ("now" is a parameter), no Forge.
 */
import type { Contract, ContractDatabase, ContractVersion } from '../contract/contract-database';
import type { Renewal } from '../contract/renewals-api';
import { versionValueOn } from './contract-value';
import { localDateOf } from './local-date';

/** A renewal as the domain finds it; the app adds the links. */
export type UpcomingRenewal = Omit<Renewal, 'requestsJql'>;

/** Days from one local date to another (`YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
  return Math.round(day(to) - day(from));
}

/** The local date `days` after (or before, when negative) a local date. */
export function addDays(date: string, days: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function versionCurrent(version: ContractVersion, today: string): boolean {
  return version.effectiveTo === undefined || version.effectiveTo >= today;
}

/**
 * The contract versions whose notice date or end of term falls within `horizonDays` from today
 * (both ends inclusive), of one customer or all, soonest first (then by customer name).
 *
 * @example upcomingRenewals(db, new Date('2026-10-05T08:00:00Z'), { horizonDays: 90 })[0]
 * // { customer: { id: 'acme', … }, notice: { date: '2026-10-31', days: 26 }, end: { date: '2026-12-31', days: 87 }, … }
 */
export function upcomingRenewals(db: ContractDatabase, now: Date, options: { readonly horizonDays: number; readonly customerId?: string | null }): UpcomingRenewal[] {
  const out: { renewal: UpcomingRenewal; next: string }[] = [];
  for (const contract of db.contracts) {
    if (options.customerId !== undefined && options.customerId !== null && contract.customer.id !== options.customerId) continue;
    const today = localDateOf(now, contract.timeZone);
    const within = (date: string | undefined): { date: string; days: number } | null => {
      if (date === undefined) return null;
      const days = daysBetween(today, date);
      return days >= 0 && days <= options.horizonDays ? { date, days } : null;
    };
    for (const version of contract.versions) {
      if (!versionCurrent(version, today)) continue;
      const notice = within(version.noticeDate);
      const end = within(version.endDate);
      if (notice === null && end === null) continue;
      out.push({ renewal: renewalOf(db, contract, version, today, notice, end), next: notice?.date ?? end?.date ?? today });
    }
  }
  return out
    .sort((a, b) => (a.next < b.next ? -1 : a.next > b.next ? 1 : 0) || a.renewal.customer.name.localeCompare(b.renewal.customer.name))
    .map((entry) => entry.renewal);
}

function renewalOf(
  db: ContractDatabase,
  contract: Contract,
  version: ContractVersion,
  today: string,
  notice: Renewal['notice'],
  end: Renewal['end'],
): UpcomingRenewal {
  const valueDate = version.effectiveFrom > today ? version.effectiveFrom : today;
  const monthlyMinor = versionValueOn(db, version, valueDate).monthlyMinor;
  return {
    customer: { id: contract.customer.id, name: contract.customer.name },
    contract: { id: contract.id, name: contract.name },
    version: version.version,
    timeZone: contract.timeZone,
    notice,
    end,
    monthlyValue: monthlyMinor === 0 ? null : { amountMinor: monthlyMinor, currency: contract.currency ?? db.settings.currency },
  };
}

/** A notice reminder a contract asks for: to whom, for which version and notice date, due from which local date. */
export interface NoticeReminder {
  readonly contract: Contract;
  readonly version: ContractVersion;
  readonly noticeDate: string;
  readonly accountManagerAccountId: string;
  readonly days: number;
  /** The local date (contract's zone) from which the reminder is due: the notice date minus `days`. */
  readonly dueOn: string;
  /** Today in the contract's zone. */
  readonly today: string;
}

/**
 * The notice reminders whose notice date has not passed, for contracts that ask for one (an account
 * manager and `noticeReminderDays`), with whether each is due today — from `dueOn` through the notice
 * date itself, so a reminder a run missed still goes out later, never after the notice date.
 *
 * @example noticeReminders(db, now).filter((r) => r.today >= r.dueOn) // the reminders due now
 */
export function noticeReminders(db: ContractDatabase, now: Date): NoticeReminder[] {
  const out: NoticeReminder[] = [];
  for (const contract of db.contracts) {
    const manager = contract.accountManagerAccountId;
    const days = contract.noticeReminderDays;
    if (manager === undefined || days === undefined) continue;
    const today = localDateOf(now, contract.timeZone);
    for (const version of contract.versions) {
      const noticeDate = version.noticeDate;
      if (noticeDate === undefined || noticeDate < today || !versionCurrent(version, today)) continue;
      out.push({ contract, version, noticeDate, accountManagerAccountId: manager, days, dueOn: addDays(noticeDate, -days), today });
    }
  }
  return out;
}

/** True when the reminder is due today (from its date through the notice date). */
export function reminderDue(reminder: NoticeReminder): boolean {
  return reminder.today >= reminder.dueOn && reminder.today <= reminder.noticeDate;
}
