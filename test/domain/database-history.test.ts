/**
 * History is immutable (ADR 0005 and level revisions, issue 12.8): a change may not alter the terms
 * requests already used — contract versions and level revisions in force, calendars in use — and may
 * change the future. Table-driven over the example database at Monday 5 October 2026.
 */
import type { ContractDatabase } from '../../src/contract/contract-database';
import { findHistoryConflicts, historyLocks } from '../../src/domain/database-history';
import { loadExampleDatabase } from './clock-fixtures';

const now = new Date('2026-10-05T08:00:00Z');
const before = loadExampleDatabase();
const acme = () => before.contracts.findIndex((c) => c.id === 'acme');
const gold = () => before.levels.findIndex((l) => l.id === 'gold');
const nl = () => before.calendars.findIndex((c) => c.id === 'nl-business');

type Change = (db: ContractDatabase) => void;
const contractOf = (db: ContractDatabase) => db.contracts[acme()]!;
const goldOf = (db: ContractDatabase) => db.levels[gold()]!;

const cases: { name: string; change: Change; paths: string[] }[] = [
  { name: 'nothing changed', change: () => undefined, paths: [] },
  // Contracts: ACME v1 (2025, ended) and v2 (in force since 2026-01-01)
  { name: 'ending the version in force in the future', change: (db) => { contractOf(db).versions[1]!.effectiveTo = '2027-06-30'; }, paths: [] },
  { name: 'ending the version in force today', change: (db) => { contractOf(db).versions[1]!.effectiveTo = '2026-10-05'; }, paths: [] },
  { name: 'ending the version in force yesterday (rewrites today)', change: (db) => { contractOf(db).versions[1]!.effectiveTo = '2026-10-04'; }, paths: ['contracts.0.versions.1.effectiveTo'] },
  { name: 'moving the end of an ended version', change: (db) => { contractOf(db).versions[0]!.effectiveTo = '2025-12-30'; }, paths: ['contracts.0.versions.0.effectiveTo'] },
  { name: 'a note, an end of term and a notice date on a version in force', change: (db) => { Object.assign(contractOf(db).versions[1]!, { note: 'renegotiated', endDate: '2027-12-31', noticeDate: '2027-09-30' }); }, paths: [] },
  { name: 'other covered services on a version in force', change: (db) => { contractOf(db).versions[1]!.coveredServices.reverse(); }, paths: ['contracts.0.versions.1'] },
  { name: 'another fee on a version in force', change: (db) => { contractOf(db).versions[1]!.monthlyFee = 1; }, paths: ['contracts.0.versions.1'] },
  { name: 'moving the start of a version in force', change: (db) => { contractOf(db).versions[1]!.effectiveFrom = '2026-02-01'; }, paths: ['contracts.0.versions.1.effectiveFrom'] },
  { name: 'removing a version in force', change: (db) => { contractOf(db).versions.splice(1, 1); }, paths: ['contracts.0.versions'] },
  { name: 'removing the whole contract', change: (db) => { db.contracts.splice(acme(), 1); }, paths: ['contracts'] },
  { name: 'another time zone for a contract in force', change: (db) => { contractOf(db).timeZone = 'Europe/London'; }, paths: ['contracts.0.timeZone'] },
  { name: 'another currency for a contract in force', change: (db) => { contractOf(db).currency = 'USD'; }, paths: ['contracts.0.currency'] },
  { name: 'a new version from tomorrow', change: (db) => { contractOf(db).versions[1]!.effectiveTo = '2026-10-05'; contractOf(db).versions.push({ ...structuredClone(contractOf(db).versions[1]!), version: 3, effectiveFrom: '2026-10-06', effectiveTo: undefined }); }, paths: [] },
  { name: 'a new version from today', change: (db) => { contractOf(db).versions[1]!.effectiveTo = '2026-10-04'; contractOf(db).versions.push({ ...structuredClone(contractOf(db).versions[1]!), version: 3, effectiveFrom: '2026-10-05', effectiveTo: undefined }); }, paths: ['contracts.0.versions.1.effectiveTo', 'contracts.0.versions.2.effectiveFrom'] },
  { name: 'organizations, name and account manager of a contract in force', change: (db) => { Object.assign(contractOf(db), { name: 'ACME 2026', accountManagerAccountId: 'abc', showPricesToCustomer: false }); contractOf(db).customer.organizationIds.push('77'); }, paths: [] },
  { name: 'a contract that has not started yet may change freely', change: (db) => { db.contracts.push({ ...structuredClone(contractOf(db)), id: 'future', versions: [{ ...structuredClone(contractOf(db).versions[1]!), version: 1, effectiveFrom: '2027-01-01' }] }); }, paths: [] },
  // Levels: Gold's revision from 2024-01-01 is in force; its revision from 2027-01-01 is not yet.
  { name: 'editing the Gold revision in force (P1 4 h → 3 h)', change: (db) => { goldOf(db).revisions[0]!.targets.P1.resolutionMinutes = 180; }, paths: ['levels.0.revisions.0'] },
  { name: 'a note on the Gold revision in force', change: (db) => { goldOf(db).revisions[0]!.note = 'as agreed in 2024'; }, paths: [] },
  { name: 'editing the future Gold revision', change: (db) => { goldOf(db).revisions[1]!.targets.P1.resolutionMinutes = 150; }, paths: [] },
  { name: 'removing the future Gold revision', change: (db) => { goldOf(db).revisions.splice(1, 1); }, paths: [] },
  { name: 'removing the Gold revision in force', change: (db) => { goldOf(db).revisions.splice(0, 1); }, paths: ['levels.0.revisions'] },
  { name: 'a new Gold revision from tomorrow', change: (db) => { goldOf(db).revisions.push({ ...structuredClone(goldOf(db).revisions[0]!), effectiveFrom: '2026-10-06' }); }, paths: [] },
  // "Today" for a level is the date in UTC+14: at 08:00Z on 5 October it is already the 5th everywhere.
  { name: 'a new Gold revision from today', change: (db) => { goldOf(db).revisions.push({ ...structuredClone(goldOf(db).revisions[0]!), effectiveFrom: '2026-10-05' }); }, paths: ['levels.0.revisions.2.effectiveFrom'] },
  { name: 'renaming and recolouring Gold', change: (db) => { Object.assign(goldOf(db), { name: 'Gold+', colour: '#FFD700', objectivePercent: 97 }); }, paths: [] },
  { name: 'removing a level in use', change: (db) => { db.levels.splice(gold(), 1); }, paths: ['levels'] },
  { name: 'another currency for a level in use', change: (db) => { goldOf(db).currency = 'USD'; }, paths: ['levels.0.currency'] },
  // Calendars
  { name: 'a holiday next year', change: (db) => { db.calendars[nl()]!.holidays?.push('2027-04-27'); }, paths: [] },
  { name: 'a holiday last month', change: (db) => { db.calendars[nl()]!.holidays?.push('2026-09-15'); }, paths: ['calendars.0.holidays'] },
  { name: 'removing a yearly holiday (it applied in past years)', change: (db) => { db.calendars[nl()]!.holidays = db.calendars[nl()]!.holidays?.filter((h) => typeof h === 'string' || !('yearly' in h)); }, paths: ['calendars.0.holidays'] },
  { name: 'naming a holiday', change: (db) => { db.calendars[nl()]!.holidays = db.calendars[nl()]!.holidays?.map((h) => (h === '2026-04-06' ? { date: '2026-04-06', name: 'Easter Monday' } : h)); }, paths: [] },
  { name: 'other weekly hours for a calendar in use', change: (db) => { db.calendars[nl()]!.week.mon = [['09:00', '17:00']]; }, paths: ['calendars.0.week'] },
  { name: 'another zone for a calendar in use', change: (db) => { db.calendars[nl()]!.timeZone = 'Europe/Brussels'; }, paths: ['calendars.0.timeZone'] },
];

describe('findHistoryConflicts', () => {
  it.each(cases)('$name', ({ change, paths }) => {
    const after = structuredClone(before);
    change(after);
    expect(findHistoryConflicts(before, after, now).map((c) => c.path)).toEqual(paths);
  });

  it('says what to do instead', () => {
    const after = structuredClone(before);
    goldOf(after).revisions[0]!.targets.P1.resolutionMinutes = 180;
    expect(findHistoryConflicts(before, after, now)[0]?.message).toBe(
      "Level 'Gold': the revision in force since 2024-01-01 cannot be edited (requests on contracts in force use it). Add a revision from tomorrow or later with the new terms.",
    );
  });

  it('reads "today" in the contract zone: late on 4 October in New York a version may still start on 5 October', () => {
    const newYork: ContractDatabase = structuredClone(before);
    contractOf(newYork).timeZone = 'America/New_York';
    const after = structuredClone(newYork);
    contractOf(after).versions[1]!.effectiveTo = '2026-10-04';
    contractOf(after).versions.push({ ...structuredClone(contractOf(after).versions[1]!), version: 3, effectiveFrom: '2026-10-05', effectiveTo: undefined });
    const lateEvening = new Date('2026-10-05T03:00:00Z'); // 23:00 on 4 October in New York
    expect(findHistoryConflicts(newYork, after, lateEvening).map((c) => c.path)).toEqual([]);
    expect(findHistoryConflicts(newYork, after, new Date('2026-10-05T05:00:00Z')).length).toBeGreaterThan(0);
  });
});

describe('historyLocks: what the forms show as fixed is exactly what a change may not touch', () => {
  const locks = historyLocks(before, now);

  it('lists the started versions, the fixed revisions of levels in use and the calendars they use', () => {
    expect(locks.contracts['acme']).toEqual({ today: '2026-10-05', startedVersions: [1, 2] });
    expect(locks.levels['gold']).toMatchObject({ inUse: true, fixedRevisions: ['2024-01-01'] });
    expect(locks.calendars['nl-business']).toMatchObject({ inUse: true });
  });

  it('every started version is fixed, every later one is free', () => {
    before.contracts.forEach((contract, c) => {
      contract.versions.forEach((version, v) => {
        const after = structuredClone(before);
        after.contracts[c]!.versions[v]!.monthlyFee = (version.monthlyFee ?? 0) + 100;
        const fixed = locks.contracts[contract.id]!.startedVersions.includes(version.version);
        expect({ contract: contract.id, version: version.version, conflict: findHistoryConflicts(before, after, now).length > 0 }).toEqual({ contract: contract.id, version: version.version, conflict: fixed });
      });
    });
  });

  it('every fixed level revision is fixed, every other one is free', () => {
    before.levels.forEach((level, l) => {
      level.revisions.forEach((revision, r) => {
        const after = structuredClone(before);
        after.levels[l]!.revisions[r]!.targets.P5.resolutionMinutes += 1;
        const fixed = locks.levels[level.id]!.fixedRevisions.includes(revision.effectiveFrom);
        expect({ level: level.id, from: revision.effectiveFrom, conflict: findHistoryConflicts(before, after, now).length > 0 }).toEqual({ level: level.id, from: revision.effectiveFrom, conflict: fixed });
      });
    });
  });

  it('the weekly hours of a calendar in use are fixed, of any other free', () => {
    before.calendars.forEach((calendar, i) => {
      const after = structuredClone(before);
      after.calendars[i]!.week = { ...calendar.week, sat: [['10:00', '11:00']] };
      expect({ calendar: calendar.id, conflict: findHistoryConflicts(before, after, now).length > 0 }).toEqual({ calendar: calendar.id, conflict: locks.calendars[calendar.id]!.inUse });
    });
  });
});
