/** Saving the contract database: whole-document validation and "versions, not edits". */
import { MemoryKvsStore } from '../../src/adapters/storage/memory-kvs-store';
import { checkVersionsNotEdited, loadContractDatabase, saveContractDatabase } from '../../src/app/contract-database-store';
import { parseContractDatabase, type ContractDatabase } from '../../src/contract/contract-database';
import example from '../fixtures/contract-database.example.json';

function exampleDatabase(): ContractDatabase {
  const parsed = parseContractDatabase(example);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.database;
}

const now = new Date('2026-10-05T08:00:00Z');

describe('checkVersionsNotEdited', () => {
  const before = exampleDatabase();
  const contractIndex = before.contracts.findIndex((c) => c.versions.some((v) => v.effectiveFrom <= '2026-10-05'));
  const versionIndex = before.contracts[contractIndex]!.versions.findIndex((v) => v.effectiveFrom <= '2026-10-05');

  it.each([
    ['an unchanged database', (_db: ContractDatabase) => undefined, 0],
    ['ending a version in force', (db: ContractDatabase) => { db.contracts[contractIndex]!.versions[versionIndex]!.effectiveTo = '2027-12-31'; }, 0],
    ['a new note on a version in force', (db: ContractDatabase) => { db.contracts[contractIndex]!.versions[versionIndex]!.note = 'renegotiated'; }, 0],
    ['other covered services on a version in force', (db: ContractDatabase) => { db.contracts[contractIndex]!.versions[versionIndex]!.coveredServices.reverse(); }, 1],
    ['removing a version in force', (db: ContractDatabase) => { db.contracts[contractIndex]!.versions.splice(versionIndex, 1); }, 1],
    ['removing the whole contract', (db: ContractDatabase) => { db.contracts.splice(contractIndex, 1); }, 1],
  ])('%s: %i errors', (_name, change, errors) => {
    const after = structuredClone(before);
    change(after);
    expect(checkVersionsNotEdited(before, after, now)).toHaveLength(errors);
  });
});

describe('saveContractDatabase', () => {
  it('writes nothing when the document is invalid, and reports each error with its path', async () => {
    const store = new MemoryKvsStore();
    const first = await saveContractDatabase(store, example, now);
    expect(first.ok).toBe(true);
    const broken = structuredClone(example) as { calendars: { week: Record<string, unknown> }[] };
    broken.calendars[0]!.week.mon = [['09:00', '25:00']];
    const result = await saveContractDatabase(store, broken, now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toContain('calendars.0.week.mon.0.1');
    expect(await loadContractDatabase(store)).toEqual({ status: 'found', database: exampleDatabase() });
  });

  it('answers an empty database before anything was saved', async () => {
    const loaded = await loadContractDatabase(new MemoryKvsStore());
    expect(loaded.status).toBe('missing');
    expect(loaded.database.contracts).toEqual([]);
  });
});
