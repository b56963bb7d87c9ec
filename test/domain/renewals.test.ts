/**
 * Renewals and notice (issue 14.3): the versions whose notice date or end of term falls within the
 * horizon, counted in the contract's own zone; notice reminders and when they are due.
 */
import type { ContractDatabase } from '../../src/contract/contract-database';
import { addDays, daysBetween, noticeReminders, reminderDue, upcomingRenewals } from '../../src/domain/renewals';
import { loadExampleDatabase } from './clock-fixtures';

const db = loadExampleDatabase();

describe('daysBetween and addDays', () => {
  it.each([
    ['2026-10-05', '2026-10-31', 26],
    ['2026-10-05', '2026-10-05', 0],
    ['2026-03-28', '2026-03-30', 2], // across a DST change: local dates, not instants
    ['2026-12-31', '2027-01-01', 1],
    ['2026-10-05', '2026-10-01', -4],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });
});

describe('upcomingRenewals', () => {
  it('lists a version whose notice date or end lies within the horizon, with days left and its value', () => {
    // Acme v2: notice 2026-09-30, ends 2026-12-31. On 5 September both are within 90 days? notice yes (25), end no (117).
    const renewals = upcomingRenewals(db, new Date('2026-09-05T10:00:00Z'), { horizonDays: 90 });
    expect(renewals).toEqual([
      {
        customer: { id: 'acme', name: 'ACME' },
        contract: { id: 'acme', name: expect.any(String) },
        version: 2,
        timeZone: 'Europe/Amsterdam',
        notice: { date: '2026-09-30', days: 25 },
        end: null,
        // Gold e-mail 400 + bespoke network 1 100 + Silver workplace 600 + fee 2 650
        monthlyValue: { amountMinor: 475_000, currency: 'EUR' },
      },
    ]);
  });

  it('keeps the end of term after the notice date has passed, and drops a version once its dates are past', () => {
    expect(upcomingRenewals(db, new Date('2026-10-05T10:00:00Z'), { horizonDays: 90 }).map((r) => [r.notice, r.end])).toEqual([[null, { date: '2026-12-31', days: 87 }]]);
    expect(upcomingRenewals(db, new Date('2027-01-01T10:00:00Z'), { horizonDays: 90 })).toEqual([]);
  });

  it('counts the days in the contract’s zone, and includes the horizon’s last day', () => {
    // 30 September 23:30 UTC is already 1 October in Amsterdam: the notice date has passed there.
    expect(upcomingRenewals(db, new Date('2026-09-30T21:30:00Z'), { horizonDays: 90 })[0]?.notice).toEqual({ date: '2026-09-30', days: 0 });
    expect(upcomingRenewals(db, new Date('2026-09-30T22:30:00Z'), { horizonDays: 90 })).toEqual([]); // and the end is 91 days away
    expect(upcomingRenewals(db, new Date('2026-10-02T10:00:00Z'), { horizonDays: 90 })[0]?.end).toEqual({ date: '2026-12-31', days: 90 });
    expect(upcomingRenewals(db, new Date('2026-10-01T10:00:00Z'), { horizonDays: 90 })).toEqual([]);
  });

  it('narrows to one customer and sorts by the nearest date', () => {
    const changed: ContractDatabase = structuredClone(db);
    changed.contracts.find((c) => c.id === 'initech')!.versions[0]!.endDate = '2026-09-10';
    const renewals = upcomingRenewals(changed, new Date('2026-09-05T10:00:00Z'), { horizonDays: 90 });
    expect(renewals.map((r) => r.customer.id)).toEqual(['initech', 'acme']);
    expect(upcomingRenewals(changed, new Date('2026-09-05T10:00:00Z'), { horizonDays: 90, customerId: 'acme' }).map((r) => r.customer.id)).toEqual(['acme']);
  });
});

describe('noticeReminders', () => {
  it('is due from N days before the notice date through the notice date, for contracts that ask for one', () => {
    const at = (iso: string) => noticeReminders(db, new Date(iso));
    // Acme: account manager and 30 days; notice 2026-09-30 → due from 31 August.
    expect(at('2026-08-30T10:00:00Z').map((r) => [r.contract.id, r.version.version, r.noticeDate, r.dueOn, reminderDue(r)])).toEqual([['acme', 2, '2026-09-30', '2026-08-31', false]]);
    expect(at('2026-08-31T10:00:00Z').map(reminderDue)).toEqual([true]);
    expect(at('2026-09-30T10:00:00Z').map(reminderDue)).toEqual([true]);
    expect(at('2026-10-01T10:00:00Z')).toEqual([]);
  });

  it('asks nothing of a contract without an account manager or reminder days', () => {
    const changed: ContractDatabase = structuredClone(db);
    delete changed.contracts.find((c) => c.id === 'acme')!.noticeReminderDays;
    expect(noticeReminders(changed, new Date('2026-09-10T10:00:00Z'))).toEqual([]);
  });
});
