import { ForgeKvsAPIError } from '@forge/kvs';
import { createForgeKvsStore } from '../../../src/adapters/storage/forge-kvs-store';
import { isConditionFailed, StorageError } from '../../../src/adapters/storage/key-value-store';
import { describeKeyValueStoreContract } from './key-value-store-contract';
import { TEST_ENTITIES } from './test-entities';
import { fakeForgeKvs } from './fake-forge-kvs';

// The adapter's default client is `kvs` from '@forge/kvs': replace it with the recording fake, keep
// the package's real WhereConditions and error classes.
jest.mock('@forge/kvs', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@forge/kvs');
  const { fakeForgeKvs: fake } = jest.requireActual<{ fakeForgeKvs: unknown }>('./fake-forge-kvs');
  return { ...actual, kvs: fake, default: fake };
});

describeKeyValueStoreContract('Forge KVS adapter (on a fake @forge/kvs)', () => {
  fakeForgeKvs.reset();
  return Promise.resolve({ store: createForgeKvsStore(undefined, TEST_ENTITIES) });
});

describe('Forge KVS adapter: calls to @forge/kvs', () => {
  beforeEach(() => {
    fakeForgeKvs.reset();
  });

  it('maps get/set/delete onto kvs.get/set/delete', async () => {
    const store = createForgeKvsStore();
    await store.set('settings', { schemaVersion: 1 });
    await store.get('settings');
    await store.delete('settings');
    expect(fakeForgeKvs.calls).toEqual(['set settings', 'get settings', 'delete settings']);
  });

  it('queries with where(key, beginsWith(prefix)), limit and cursor', async () => {
    const store = createForgeKvsStore();
    for (const id of ['1', '2', '3']) await store.set(`open-clock:${id}`, { id });
    fakeForgeKvs.calls = [];
    const first = await store.query({ prefix: 'open-clock:', limit: 2 });
    const cursor = first.nextCursor;
    if (cursor === undefined) throw new Error('expected a cursor');
    const second = await store.query({ prefix: 'open-clock:', limit: 2, cursor });
    expect([...first.entries, ...second.entries].map((entry) => entry.key)).toEqual(['open-clock:1', 'open-clock:2', 'open-clock:3']);
    expect(second.nextCursor).toBeUndefined();
    expect(fakeForgeKvs.calls).toEqual([
      'query where=BEGINS_WITH:open-clock: limit=2 cursor=-',
      'query where=BEGINS_WITH:open-clock: limit=2 cursor=yes',
    ]);
  });

  it('leaves out where for the empty prefix and limit when none is given', async () => {
    await createForgeKvsStore().query({ prefix: '' });
    expect(fakeForgeKvs.calls).toEqual(['query where=- limit=- cursor=-']);
  });

  it('sends a transaction as one transact()…execute()', async () => {
    await createForgeKvsStore().transact([
      { type: 'set', key: 'agg:2026-01:acme', value: { schemaVersion: 1 } },
      { type: 'delete', key: 'open-clock:7' },
    ]);
    expect(fakeForgeKvs.calls).toEqual(['transact set:agg:2026-01:acme,delete:open-clock:7']);
  });

  it('sends entity writes with their conditions as the SDK filter, and checks, in one transaction', async () => {
    await createForgeKvsStore(undefined, TEST_ENTITIES).transact([
      {
        type: 'set',
        key: 'doc-1',
        entity: 'revisioned-doc',
        value: { revision: 1 },
        conditions: [{ attribute: 'revision', condition: 'NOT_EXISTS' }],
      },
      { type: 'set', key: 'i-1', entity: 'due-item', value: { dueAt: 5, queue: 'a' } },
      { type: 'set', key: 'plain', value: 1 },
    ]);
    await createForgeKvsStore(undefined, TEST_ENTITIES).transact([
      { type: 'check', key: 'doc-1', entity: 'revisioned-doc', conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: 1 }] },
      { type: 'delete', key: 'i-1', entity: 'due-item' },
    ]);
    expect(fakeForgeKvs.calls).toEqual([
      'transact set:revisioned-doc/doc-1?revision NOT_EXISTS,set:due-item/i-1,set:plain',
      'transact check:revisioned-doc/doc-1?revision EQUAL_TO 1,delete:due-item/i-1',
    ]);
  });

  it('reads entity items with entity().get and queries through entity().query().index()', async () => {
    const store = createForgeKvsStore(undefined, TEST_ENTITIES);
    await store.transact([{ type: 'set', key: 'i-1', entity: 'due-item', value: { dueAt: 5, queue: 'a' } }]);
    fakeForgeKvs.calls = [];
    await expect(store.getEntity('due-item', 'i-1')).resolves.toEqual({ dueAt: 5, queue: 'a' });
    const page = await store.queryEntity({
      entity: 'due-item',
      index: 'by-queue',
      partition: ['a'],
      where: { condition: 'LESS_THAN_EQUAL_TO', value: 10 },
      sort: 'DESC',
      limit: 50,
    });
    expect(page.entries).toEqual([{ key: 'i-1', value: { dueAt: 5, queue: 'a' } }]);
    expect(fakeForgeKvs.calls).toEqual([
      'entity due-item get i-1',
      'entity due-item query by-queue partition=["a"] where=LESS_THAN_EQUAL_TO:[10] sort=DESC limit=50 cursor=-',
    ]);
  });

  it('reads a 409 from a transaction as CONDITION_FAILED, so callers can retry with fresh data', async () => {
    fakeForgeKvs.failNext = new ForgeKvsAPIError({ status: 409, statusText: 'Conflict' }, { code: 'TRANSACTION_CONFLICT', message: 'conditions not met' });
    const error: unknown = await createForgeKvsStore(undefined, TEST_ENTITIES)
      .transact([{ type: 'set', key: 'doc-1', entity: 'revisioned-doc', value: { revision: 2 }, conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: 1 }] }])
      .catch((rejection: unknown) => rejection);
    expect(isConditionFailed(error)).toBe(true);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['an undeclared entity', () => createForgeKvsStore(undefined, TEST_ENTITIES).getEntity('nope', 'k1')],
    ['an entity value of the wrong type', () => createForgeKvsStore(undefined, TEST_ENTITIES).transact([{ type: 'set', key: 'k1', entity: 'revisioned-doc', value: { revision: 1.5 } }])],
    ['an unknown index', () => createForgeKvsStore(undefined, TEST_ENTITIES).queryEntity({ entity: 'due-item', index: 'nope' })],
  ])('does not call Forge for %s', async (_case, action) => {
    await expect(action()).rejects.toBeInstanceOf(StorageError);
    expect(fakeForgeKvs.calls).toEqual([]);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['an invalid key', () => createForgeKvsStore().set('a/b', 1)],
    ['an oversized value', () => createForgeKvsStore().set('big', 'x'.repeat(300 * 1024))],
    ['too many operations', () => createForgeKvsStore().transact(Array.from({ length: 26 }, (_, i) => ({ type: 'delete' as const, key: `k-${i}` })))],
    ['an empty transaction', () => createForgeKvsStore().transact([])],
    ['a page size over 100', () => createForgeKvsStore().query({ prefix: 'x:', limit: 101 })],
  ])('does not call Forge for %s', async (_case, action) => {
    await action().catch(() => undefined);
    expect(fakeForgeKvs.calls).toEqual([]);
  });

  it('rethrows a ForgeKvsAPIError as StorageError with code, status and cause', async () => {
    const forgeError = new ForgeKvsAPIError(
      { status: 429, statusText: 'Too Many Requests' },
      { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' },
    );
    fakeForgeKvs.failNext = forgeError;
    const error: unknown = await createForgeKvsStore().get('settings').catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', status: 429, key: 'settings', cause: forgeError });
    expect(String(error)).toContain('Rate limit exceeded');
  });

  it('wraps any other failure as UNKNOWN_ERROR', async () => {
    fakeForgeKvs.failNext = new Error('socket hang up');
    await expect(createForgeKvsStore().transact([{ type: 'delete', key: 'k1' }])).rejects.toMatchObject({
      code: 'UNKNOWN_ERROR',
      message: expect.stringContaining('socket hang up'),
    });
  });

  it.each<[string, unknown]>([
    ['results that are not entries', { results: [{ value: 1 }] }],
    ['a numeric cursor', { results: [], nextCursor: 5 }],
  ])('refuses a query answer with %s', async (_case, answer) => {
    fakeForgeKvs.nextQueryAnswer = answer;
    await expect(createForgeKvsStore().query({ prefix: 'x:' })).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('reads an answer without results or with an empty cursor as a last, empty page', async () => {
    fakeForgeKvs.nextQueryAnswer = { nextCursor: '' };
    await expect(createForgeKvsStore().query({ prefix: 'x:' })).resolves.toEqual({ entries: [] });
  });
});
