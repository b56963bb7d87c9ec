import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { compareScalars, compileEntities, type EntityScalar } from '../../../src/adapters/storage/entity-rules';
import { encodeStringPrefix, encodeTuple, prefixSuccessor } from '../../../src/adapters/storage/entity-sort-key';
import { durabilityOf, openSqliteDatabase, type SqliteDatabase } from '../../../src/adapters/storage/sqlite-database';
import { openSqliteKvsStore } from '../../../src/adapters/storage/sqlite-kvs-store';
import { describeKeyValueStoreContract } from './key-value-store-contract';
import { TEST_ENTITIES, TEST_ENTITY_DEFINITIONS } from './test-entities';

const folder = mkdtempSync(path.join(tmpdir(), 'contract-clock-sqlite-kvs-'));
let serial = 0;
const freshFile = (): string => path.join(folder, `store-${(serial += 1)}.db`);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describeKeyValueStoreContract('SqliteKvsStore', () => {
  const db = openSqliteDatabase(freshFile());
  const store = openSqliteKvsStore(db, { entities: TEST_ENTITIES });
  return Promise.resolve({
    store,
    dispose: () => {
      db.close();
      return Promise.resolve();
    },
  });
});

describe('SqliteKvsStore on disk', () => {
  const opened: SqliteDatabase[] = [];
  const open = (file: string, entities = TEST_ENTITIES) => {
    const db = openSqliteDatabase(file);
    opened.push(db);
    return { db, store: openSqliteKvsStore(db, { entities }) };
  };
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
  });

  it('is durable before it answers: WAL with synchronous FULL', () => {
    const { db } = open(freshFile());
    expect(durabilityOf(db)).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
  });

  it('keeps entries and entity items, with their indexes, for the next process that opens the file', async () => {
    const file = freshFile();
    const first = open(file);
    await first.store.set('settings', { schemaVersion: 1 });
    await first.store.transact([
      { type: 'set', key: 'i-1', entity: 'due-item', value: { dueAt: 30, queue: 'a' } },
      { type: 'set', key: 'i-2', entity: 'due-item', value: { dueAt: 10, queue: 'b' } },
      { type: 'set', key: 'doc', entity: 'revisioned-doc', value: { revision: 1 } },
    ]);
    // a second connection, as a restarted process would open it (the first is still open: no clean close needed)
    const second = open(file);
    await expect(second.store.get('settings')).resolves.toEqual({ schemaVersion: 1 });
    await expect(second.store.getEntity('revisioned-doc', 'doc')).resolves.toEqual({ revision: 1 });
    const page = await second.store.queryEntity({ entity: 'due-item', index: 'dueAt' });
    expect(page.entries.map((e) => e.key)).toEqual(['i-2', 'i-1']);
  });

  it('writes nothing of a transaction whose condition fails, on disk either', async () => {
    const file = freshFile();
    const { store } = open(file);
    await store.transact([{ type: 'set', key: 'doc', entity: 'revisioned-doc', value: { revision: 1 } }]);
    await expect(
      store.transact([
        { type: 'set', key: 'plain', value: 'should not exist' },
        { type: 'set', key: 'doc', entity: 'revisioned-doc', value: { revision: 3 }, conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: 2 }] },
      ]),
    ).rejects.toMatchObject({ code: 'CONDITION_FAILED' });
    const reopened = open(file);
    await expect(reopened.store.get('plain')).resolves.toBeUndefined();
    await expect(reopened.store.getEntity('revisioned-doc', 'doc')).resolves.toEqual({ revision: 1 });
  });

  it('rebuilds an entity\u2019s index rows when its declared indexes change', async () => {
    const file = freshFile();
    const before = compileEntities([{ name: 'due-item', attributes: { dueAt: { type: 'integer' }, queue: { type: 'string' } }, indexes: ['dueAt'] }]);
    const first = open(file, before);
    await first.store.transact([
      { type: 'set', key: 'x-1', entity: 'due-item', value: { dueAt: 2, queue: 'q' } },
      { type: 'set', key: 'y-1', entity: 'due-item', value: { dueAt: 1, queue: 'q' } },
    ]);
    first.db.close();
    const second = open(file, compileEntities(TEST_ENTITY_DEFINITIONS));
    const page = await second.store.queryEntity({ entity: 'due-item', index: 'by-queue', partition: ['q'] });
    expect(page.entries.map((e) => e.key)).toEqual(['y-1', 'x-1']);
  });

  it('restores a snapshot in place of everything, and refuses a bad one without changing anything', async () => {
    const { store } = open(freshFile());
    await store.set('old', 1);
    store.restore({ schemaVersion: 1, entries: [{ key: 'demo', value: { a: 1 } }], entities: [{ entity: 'due-item', key: 'd-1', value: { dueAt: 5, queue: 'z' } }] });
    await expect(store.get('old')).resolves.toBeUndefined();
    await expect(store.get('demo')).resolves.toEqual({ a: 1 });
    expect((await store.queryEntity({ entity: 'due-item', index: 'by-queue', partition: ['z'] })).entries).toHaveLength(1);
    let refused: unknown;
    try {
      store.restore({ schemaVersion: 1, entries: [{ key: 'bad/key', value: 1 }] });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'INVALID_KEY' });
    await expect(store.get('demo')).resolves.toEqual({ a: 1 });
    expect(store.snapshot()).toEqual({
      schemaVersion: 1,
      entries: [{ key: 'demo', value: { a: 1 } }],
      entities: [{ entity: 'due-item', key: 'd-1', value: { dueAt: 5, queue: 'z' } }],
    });
  });
});

describe('entity sort keys (byte order is entity-rules.ts order)', () => {
  const scalar = fc.oneof(
    fc.boolean(),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e-130, -9.99e125)),
    fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '\u0000', 'a\u0000', 'a', '\uffff', '\ud83d\ude00')),
  );
  const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
  const compareTuples = (a: readonly EntityScalar[], b: readonly EntityScalar[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const order = compareScalars(a[i] ?? '', b[i] ?? '');
      if (order !== 0) return order;
    }
    return a.length - b.length;
  };

  it('orders any two tuples as compareScalars does, element by element', () => {
    fc.assert(
      fc.property(fc.array(scalar, { maxLength: 4 }), fc.array(scalar, { maxLength: 4 }), (a, b) => {
        expect(sign(Buffer.compare(encodeTuple(a), encodeTuple(b)))).toBe(sign(compareTuples(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('a string prefix bounds exactly the strings that begin with it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }), (prefix, other) => {
        const low = encodeStringPrefix(prefix);
        const high = prefixSuccessor(low);
        const encoded = encodeTuple([other]);
        const inside = Buffer.compare(encoded, low) >= 0 && (high === null || Buffer.compare(encoded, high) < 0);
        expect(inside).toBe(other.startsWith(prefix));
      }),
      { numRuns: 2000 },
    );
  });
});
