/**
 * The audit log's readable diff (issue 12.7): one line per change, in the words an admin uses.
 */
import type { ContractDatabase } from '../../src/contract/contract-database';
import { describeDatabaseChanges } from '../../src/domain/database-changes';
import { loadExampleDatabase } from './clock-fixtures';

const before = loadExampleDatabase();
type Change = (db: ContractDatabase) => void;
const level = (db: ContractDatabase, id: string) => db.levels.find((l) => l.id === id)!;
const contract = (db: ContractDatabase, id: string) => db.contracts.find((c) => c.id === id)!;

describe('describeDatabaseChanges', () => {
  it.each<[string, Change, string[]]>([
    ['nothing', () => undefined, []],
    [
      'a new Gold revision with a shorter P1 target',
      (db) => {
        const gold = level(db, 'gold');
        gold.revisions = [gold.revisions[0]!, { ...structuredClone(gold.revisions[0]!), effectiveFrom: '2026-11-01', targets: { ...gold.revisions[0]!.targets, P1: { resolutionMinutes: 180, responseMinutes: 30 } } }, gold.revisions[1]!];
      },
      ["Level 'Gold': P1 resolution 4 h → 3 h from 2026-11-01"],
    ],
    [
      'a price change in a future revision',
      (db) => {
        level(db, 'gold').revisions[1]!.monthlyPrices.email = 45_000;
      },
      ["Level 'Gold': revision from 2027-01-01: price E-mail €412.00 → €450.00"],
    ],
    ['a renamed level', (db) => { level(db, 'silver').name = 'Zilver'; }, ["Level 'Silver' renamed to 'Zilver'"]],
    ['a new colour', (db) => { level(db, 'silver').colour = '#C0C0C0'; }, ["Level 'Silver': colour #8A9BA8 → #C0C0C0"]],
    [
      'a contract ended and a new version added',
      (db) => {
        const acme = contract(db, 'acme');
        acme.versions[1]!.effectiveTo = '2026-12-31';
        acme.versions.push({ ...structuredClone(acme.versions[1]!), version: 3, effectiveFrom: '2027-01-01', effectiveTo: undefined });
      },
      ["Contract 'ACME Managed Workplace': version 2: ends open-ended → 2026-12-31", "Contract 'ACME Managed Workplace': version 3 added from 2027-01-01"],
    ],
    ['a notice date moved', (db) => { contract(db, 'acme').versions[1]!.noticeDate = '2026-10-31'; }, ["Contract 'ACME Managed Workplace': version 2: notice date 2026-09-30 → 2026-10-31"]],
    ['a fee', (db) => { contract(db, 'initech').versions[0]!.monthlyFee = 12_500; }, ["Contract 'Initech Basic': version 1: monthly fee none → €125.00"]],
    ['an organization added', (db) => { contract(db, 'globex').customer.organizationIds.push('9'); }, ["Contract 'Globex Support': organizations +9"]],
    ['prices shown to the customer', (db) => { contract(db, 'initech').showPricesToCustomer = true; }, ["Contract 'Initech Basic': prices shown to the customer"]],
    [
      'holidays',
      (db) => {
        const nl = db.calendars.find((c) => c.id === 'nl-business')!;
        nl.holidays = [...(nl.holidays ?? []).filter((h) => h !== '2026-04-06'), '2027-04-27'];
      },
      ["Calendar 'Business hours NL': holiday 2027-04-27 added", "Calendar 'Business hours NL': holiday 2026-04-06 removed"],
    ],
    ['a service added', (db) => { db.services.push({ id: 'backup', name: 'Backup', rule: { requestTypeIds: [], components: [], labels: [] } }); }, ["Service 'Backup' (backup) added"]],
    ['a recognition rule', (db) => { db.services[0]!.rule.labels.push('mail'); }, ["Service 'E-mail': labels +mail"]],
    ['the at-risk threshold', (db) => { db.settings.atRiskThresholdPercent = 80; }, ['Settings: at-risk threshold 75 % → 80 %']],
    ['the fallback level', (db) => { db.settings.fallbackLevelId = null; }, ['Settings: fallback level Best effort → none']],
    ['a contract removed', (db) => { db.contracts = db.contracts.filter((c) => c.id !== 'globex'); }, ["Contract 'Globex Support' (globex) removed"]],
  ])('%s', (_name, change, lines) => {
    const after = structuredClone(before);
    change(after);
    expect(describeDatabaseChanges(before, after)).toEqual(lines);
  });
});
