/**
 * Health warnings of the overview (issue 12.9) on the example database, at two instants: calendars
 * without holidays for a year that has begun or is about to, notice dates passed or near, expired
 * contracts whose organizations nothing covers, levels without an objective.
 */
import { contractDatabaseShape, type ContractDatabase } from '../../src/contract/contract-database';
import { checkDatabaseHealth, worksAroundTheClock } from '../../src/domain/database-health';
import example from '../fixtures/contract-database.example.json';

function database(change: (db: ContractDatabase) => void = () => undefined): ContractDatabase {
  const db = contractDatabaseShape.parse(structuredClone(example));
  change(db);
  return db;
}

describe('health warnings', () => {
  it('in October: next year without holidays, a passed notice date, an expired contract, levels without an objective', () => {
    expect(checkDatabaseHealth(database(), new Date('2026-10-05T07:30:00Z'))).toEqual([
      { kind: 'calendar-without-holidays', calendarId: 'acme-office', calendarName: expect.any(String), year: 2027 },
      { kind: 'notice-passed', contractId: 'acme', contractName: expect.any(String), version: 2, noticeDate: '2026-09-30', endDate: '2026-12-31' },
      { kind: 'contract-expired', contractId: 'globex', contractName: expect.any(String), endedOn: '2025-06-30', organizations: 2 },
      { kind: 'level-without-objective', levelId: 'bronze', levelName: expect.any(String) },
      { kind: 'level-without-objective', levelId: 'best-effort', levelName: expect.any(String) },
    ]);
  });

  it('in September: the notice date is near, next year is not due yet', () => {
    const warnings = checkDatabaseHealth(database(), new Date('2026-09-10T07:30:00Z'));
    expect(warnings.filter((w) => w.kind !== 'level-without-objective' && w.kind !== 'contract-expired')).toEqual([
      { kind: 'notice-near', contractId: 'acme', contractName: expect.any(String), version: 2, noticeDate: '2026-09-30', days: 20 },
    ]);
  });

  it("uses the contract's own reminder days for 'near'", () => {
    const db = database((d) => {
      d.contracts[0]!.noticeReminderDays = 10;
      d.contracts[0]!.accountManagerAccountId = '5b10ac8d82e05b22cc7d4ef5';
    });
    expect(checkDatabaseHealth(db, new Date('2026-09-10T07:30:00Z')).some((w) => w.kind === 'notice-near')).toBe(false);
    expect(checkDatabaseHealth(db, new Date('2026-09-25T07:30:00Z')).find((w) => w.kind === 'notice-near')).toMatchObject({ days: 5 });
  });

  it('says nothing of a notice date once a later version is agreed, nor of an expired contract whose organizations another covers', () => {
    const db = database((d) => {
      const acme = d.contracts[0]!;
      acme.versions.push({ ...structuredClone(acme.versions[1]!), version: 3, effectiveFrom: '2027-01-01' });
      acme.versions[1]!.effectiveTo = '2026-12-31';
      d.contracts[2]!.customer.organizationIds.push('2', '3');
    });
    const kinds = checkDatabaseHealth(db, new Date('2026-10-05T07:30:00Z')).map((w) => w.kind);
    expect(kinds).not.toContain('notice-passed');
    expect(kinds).not.toContain('contract-expired');
  });

  it('leaves around-the-clock calendars alone and reports the current year too', () => {
    const db = database();
    expect(worksAroundTheClock(db.calendars.find((c) => c.id === '24x7')!)).toBe(true);
    expect(checkDatabaseHealth(db, new Date('2028-03-01T12:00:00Z')).filter((w) => w.kind === 'calendar-without-holidays')).toEqual([
      { kind: 'calendar-without-holidays', calendarId: 'acme-office', calendarName: expect.any(String), year: 2028 },
    ]);
  });
});
