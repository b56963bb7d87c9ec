import { StorageError } from '../../../src/adapters/storage/key-value-store';
import { MemoryKvsStore } from '../../../src/adapters/storage/memory-kvs-store';
import { describeKeyValueStoreContract, valueOfBytes } from './key-value-store-contract';
import { TEST_ENTITIES } from './test-entities';

describeKeyValueStoreContract('MemoryKvsStore', () => Promise.resolve({ store: new MemoryKvsStore(undefined, TEST_ENTITIES) }));

describe('MemoryKvsStore specifics', () => {
  it('gives a full page a cursor, so the page after it may be empty', async () => {
    const store = new MemoryKvsStore();
    await store.set('x:1', 1);
    await store.set('x:2', 2);
    const first = await store.query({ prefix: 'x:', limit: 2 });
    expect(first.entries).toHaveLength(2);
    const cursor = first.nextCursor;
    if (cursor === undefined) throw new Error('expected a cursor');
    const second = await store.query({ prefix: 'x:', limit: 2, cursor });
    expect(second).toEqual({ entries: [] });
  });

  it.each<[string, string]>([
    ['garbage', 'not-a-cursor'],
    ['a cursor of another prefix', Buffer.from(JSON.stringify({ v: 1, prefix: 'other:', after: 'other:1' })).toString('base64url')],
  ])('rejects %s as cursor', async (_case, cursor) => {
    const store = new MemoryKvsStore();
    await expect(store.query({ prefix: 'x:', cursor })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('snapshots every entry in key order and restores it into a new store', async () => {
    const store = new MemoryKvsStore();
    await store.set('b-key', { n: 2 });
    await store.set('a-key', [1, 'x']);
    const snapshot = store.snapshot();
    expect(snapshot).toEqual({
      schemaVersion: 1,
      entries: [
        { key: 'a-key', value: [1, 'x'] },
        { key: 'b-key', value: { n: 2 } },
      ],
      entities: [],
    });
    const copy = new MemoryKvsStore(snapshot);
    await expect(copy.get('b-key')).resolves.toEqual({ n: 2 });
    expect(copy.size).toBe(2);
  });

  it('snapshots entity items and restores them with their indexes', async () => {
    const store = new MemoryKvsStore(undefined, TEST_ENTITIES);
    await store.transact([
      { type: 'set', key: 'late', entity: 'due-item', value: { dueAt: 9, queue: 'a' } },
      { type: 'set', key: 'early', entity: 'due-item', value: { dueAt: 1, queue: 'a' } },
    ]);
    const snapshot = store.snapshot();
    expect(snapshot.entities).toEqual([
      { entity: 'due-item', key: 'early', value: { dueAt: 1, queue: 'a' } },
      { entity: 'due-item', key: 'late', value: { dueAt: 9, queue: 'a' } },
    ]);
    const copy = new MemoryKvsStore(snapshot, TEST_ENTITIES);
    const page = await copy.queryEntity({ entity: 'due-item', index: 'dueAt', where: { condition: 'LESS_THAN', value: 5 } });
    expect(page.entries.map((e) => e.key)).toEqual(['early']);
    // a snapshot with an item of an entity the store does not declare is refused
    let refused: unknown;
    try {
      new MemoryKvsStore(snapshot);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'INVALID_ENTITY_TYPE' });
  });

  it.each<[string, unknown, string]>([
    ['an invalid key', { schemaVersion: 1, entries: [{ key: 'ok-key', value: 1 }, { key: 'bad/key', value: 2 }] }, 'INVALID_KEY'],
    ['a value over 240 KiB', { schemaVersion: 1, entries: [{ key: 'big', value: valueOfBytes(240 * 1024 + 1) }] }, 'MAX_SIZE'],
    ['a key twice', { schemaVersion: 1, entries: [{ key: 'twice', value: 1 }, { key: 'twice', value: 2 }] }, 'INVALID_SNAPSHOT'],
    ['another shape', { entries: {} }, 'INVALID_SNAPSHOT'],
  ])('refuses to restore a snapshot with %s and keeps its content', async (_case, snapshot, code) => {
    const store = new MemoryKvsStore();
    await store.set('kept', 'yes');
    let caught: unknown;
    try {
      store.restore(snapshot);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StorageError);
    expect(caught).toMatchObject({ code });
    await expect(store.get('kept')).resolves.toBe('yes');
    expect(store.size).toBe(1);
  });
});
