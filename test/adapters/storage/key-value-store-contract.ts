/**
 * The behaviour every KeyValueStore must have (Forge KVS semantics and limits), as one suite that
 * each implementation's test file runs against its own store.
 */
import {
  isConditionFailed,
  KVS_LIMITS,
  scanEntity,
  scanPrefix,
  StorageError,
  type KeyValueStore,
  type StoreOperation,
} from '../../../src/adapters/storage/key-value-store';

/**
 * The contract's custom entities (test-entities.ts): every store under test must be created with
 * TEST_ENTITIES declared.
 */

export interface StoreUnderTest {
  readonly store: KeyValueStore;
  readonly dispose?: () => Promise<void>;
}

/** A value nested `depth` objects deep: depth 1 is `{ v: 0 }`. */
export function nested(depth: number): object {
  let value: object = { v: 0 };
  for (let level = 1; level < depth; level += 1) value = { v: value };
  return value;
}

/** A string value whose stored JSON text is exactly `bytes` long. */
export function valueOfBytes(bytes: number): string {
  return 'x'.repeat(bytes - 2);
}

async function expectStorageError(promise: Promise<unknown>, code: string): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect(error).toMatchObject({ code });
  if (!(error instanceof StorageError)) throw new Error('unreachable');
  return error;
}

export function describeKeyValueStoreContract(name: string, create: () => Promise<StoreUnderTest>): void {
  describe(`${name} — KeyValueStore contract`, () => {
    let subject: StoreUnderTest;
    let store: KeyValueStore;

    beforeEach(async () => {
      subject = await create();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.dispose?.();
    });

    describe('get / set / delete', () => {
      it('answers undefined for a key that was never written', async () => {
        await expect(store.get('settings')).resolves.toBeUndefined();
      });

      it.each<[string, string | number | boolean | object]>([
        ['object', { schemaVersion: 1, nested: { list: [1, 'two', null, true] } }],
        ['array', [1, 2, 3]],
        ['string', 'hello'],
        ['number', 42.5],
        ['boolean', false],
        ['empty object', {}],
      ])('round-trips a %s value', async (_kind, value) => {
        await store.set('some-key', value);
        await expect(store.get('some-key')).resolves.toEqual(value);
      });

      it('stores what JSON keeps: undefined properties vanish, dates become strings', async () => {
        await store.set('json-rules', { a: 1, b: undefined, at: new Date('2026-03-01T10:00:00Z') });
        await expect(store.get('json-rules')).resolves.toStrictEqual({ a: 1, at: '2026-03-01T10:00:00.000Z' });
      });

      it('answers a copy: changing the object read or written does not change the store', async () => {
        const written = { count: 1 };
        await store.set('counter', written);
        written.count = 2;
        const read = await store.get('counter');
        expect(read).toEqual({ count: 1 });
        if (typeof read === 'object' && read !== null) Object.assign(read, { count: 3 });
        await expect(store.get('counter')).resolves.toEqual({ count: 1 });
      });

      it('overwrites on set and removes on delete; deleting a missing key succeeds', async () => {
        await store.set('k1', 'first');
        await store.set('k1', 'second');
        await expect(store.get('k1')).resolves.toBe('second');
        await store.delete('k1');
        await expect(store.get('k1')).resolves.toBeUndefined();
        await expect(store.delete('never-written')).resolves.toBeUndefined();
      });
    });

    describe('key rules (Forge: 2..500 characters of [a-zA-Z0-9:._\\s-#], not only whitespace)', () => {
      it.each<[string, string, string]>([
        ['empty', '', 'KEY_TOO_SHORT'],
        ['one character', 'a', 'KEY_TOO_SHORT'],
        ['501 characters', 'k'.repeat(501), 'KEY_TOO_LONG'],
        ['only whitespace', '   ', 'INVALID_KEY'],
        ['a slash', 'a/b', 'INVALID_KEY'],
        ['a non-ASCII letter', 'café', 'INVALID_KEY'],
        ['a percent sign', 'a%20b', 'INVALID_KEY'],
      ])('rejects a key with %s on set, get and delete', async (_case, key, code) => {
        await expectStorageError(store.set(key, 'v'), code);
        await expectStorageError(store.get(key), code);
        await expectStorageError(store.delete(key), code);
      });

      it.each<[string, string]>([
        ['two characters', 'ab'],
        ['500 characters', 'k'.repeat(500)],
        ['every allowed punctuation', 'a:b.c_d-e#f g\th'],
        ['leading whitespace', ' x'],
      ])('accepts a key with %s', async (_case, key) => {
        await store.set(key, 'v');
        await expect(store.get(key)).resolves.toBe('v');
      });

      it('reports the status and code like a Forge 400 answer', async () => {
        const error = await expectStorageError(store.set('a/b', 'v'), 'INVALID_KEY');
        expect(error.status).toBe(400);
        expect(error.message).toMatch(/does not match the regex/);
      });
    });

    describe('value rules (Forge: 240 KiB persisted, depth 31)', () => {
      it('accepts a value of exactly 240 KiB and rejects one byte more', async () => {
        await store.set('at-limit', valueOfBytes(KVS_LIMITS.maxValueBytes));
        await expect(store.get('at-limit')).resolves.toHaveLength(KVS_LIMITS.maxValueBytes - 2);
        await expectStorageError(store.set('over-limit', valueOfBytes(KVS_LIMITS.maxValueBytes + 1)), 'MAX_SIZE');
        await expect(store.get('over-limit')).resolves.toBeUndefined();
      });

      it('measures size in UTF-8 bytes, not characters', async () => {
        const chars = Math.floor(KVS_LIMITS.maxValueBytes / 2); // 'é' takes two bytes
        await expectStorageError(store.set('wide', 'é'.repeat(chars)), 'MAX_SIZE');
      });

      it('accepts depth 31 and rejects depth 32', async () => {
        await store.set('deep-ok', nested(31));
        await expectStorageError(store.set('too-deep', nested(32)), 'MAX_DEPTH');
      });

      it.each<[string, object]>([
        ['whose toJSON answers nothing', { toJSON: () => undefined }],
        ['holding a BigInt', { n: BigInt(1) }],
      ])('rejects a value %s', async (_case, value) => {
        await expectStorageError(store.set('bad-value', value), 'INVALID_VALUE');
      });
    });

    describe('query by prefix', () => {
      async function seed(keys: readonly string[]): Promise<void> {
        for (const key of keys) await store.set(key, { key });
      }

      it('answers only keys that begin with the prefix, in ascending key order', async () => {
        await seed(['open-clock:3', 'open-clock:1', 'agg:2026-01:acme', 'open-clock:2', 'open-clockx']);
        const page = await store.query({ prefix: 'open-clock:', limit: 100 });
        expect(page.entries.map((entry) => entry.key)).toEqual(['open-clock:1', 'open-clock:2', 'open-clock:3']);
        expect(page.entries[0]?.value).toEqual({ key: 'open-clock:1' });
        expect(page.nextCursor).toBeUndefined();
      });

      it('answers 10 entries by default, like Forge', async () => {
        await seed(Array.from({ length: 15 }, (_, index) => `item:${String(index).padStart(2, '0')}`));
        const page = await store.query({ prefix: 'item:' });
        expect(page.entries).toHaveLength(10);
        expect(page.nextCursor).toEqual(expect.any(String));
      });

      it.each([0, 101, 2.5, -1])('rejects the page size %p', async (limit) => {
        await expectStorageError(store.query({ prefix: 'item:', limit }), 'LIST_QUERY_LIMIT_EXCEEDED');
      });

      it('pages through every entry exactly once with cursors', async () => {
        const keys = Array.from({ length: 250 }, (_, index) => `page:${String(index).padStart(3, '0')}`);
        await seed([...keys].reverse());
        await store.set('pagf', 'outside the prefix');
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.query(cursor === undefined ? { prefix: 'page:', limit: 100 } : { prefix: 'page:', limit: 100, cursor });
          seen.push(...page.entries.map((entry) => entry.key));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor !== undefined && pages < 10);
        expect(seen).toEqual(keys);
        expect(pages).toBe(3);
      });

      it('continues after the cursor even when the last key of the page was deleted meanwhile', async () => {
        await seed(['q:1', 'q:2', 'q:3', 'q:4']);
        const first = await store.query({ prefix: 'q:', limit: 2 });
        expect(first.entries.map((entry) => entry.key)).toEqual(['q:1', 'q:2']);
        await store.delete('q:2');
        const cursor = first.nextCursor;
        if (cursor === undefined) throw new Error('a full page carries a cursor');
        const second = await store.query({ prefix: 'q:', limit: 2, cursor });
        expect(second.entries.map((entry) => entry.key)).toEqual(['q:3', 'q:4']);
      });

      it('iterates over every key with the empty prefix', async () => {
        await seed(['b-key', 'a-key', 'c-key']);
        const page = await store.query({ prefix: '', limit: 100 });
        expect(page.entries.map((entry) => entry.key)).toEqual(['a-key', 'b-key', 'c-key']);
      });

      it('scanPrefix walks all pages', async () => {
        const keys = Array.from({ length: 23 }, (_, index) => `scan:${String(index).padStart(2, '0')}`);
        await seed(keys);
        const seen: string[] = [];
        for await (const entry of scanPrefix(store, 'scan:', 5)) seen.push(entry.key);
        expect(seen).toEqual(keys);
      });
    });

    describe('transactions (Forge: all or nothing, at most 25 operations, each key once)', () => {
      beforeEach(async () => {
        await store.set('existing', 'before');
        await store.set('doomed', 'still here');
      });

      async function expectUntouched(): Promise<void> {
        await expect(store.get('existing')).resolves.toBe('before');
        await expect(store.get('doomed')).resolves.toBe('still here');
        await expect(store.get('new-1')).resolves.toBeUndefined();
      }

      it('applies sets and deletes together', async () => {
        await store.transact([
          { type: 'set', key: 'new-1', value: { n: 1 } },
          { type: 'set', key: 'existing', value: 'after' },
          { type: 'delete', key: 'doomed' },
          { type: 'delete', key: 'never-there' },
        ]);
        await expect(store.get('new-1')).resolves.toEqual({ n: 1 });
        await expect(store.get('existing')).resolves.toBe('after');
        await expect(store.get('doomed')).resolves.toBeUndefined();
      });

      it('accepts 25 operations', async () => {
        const operations = Array.from({ length: 25 }, (_, index): StoreOperation => ({ type: 'set', key: `op-${index}`, value: index }));
        await store.transact(operations);
        await expect(store.get('op-24')).resolves.toBe(24);
      });

      it('treats an empty transaction as nothing to do', async () => {
        await expect(store.transact([])).resolves.toBeUndefined();
        await expectUntouched();
      });

      it.each<[string, StoreOperation[], string]>([
        [
          'a 26th operation',
          Array.from({ length: 26 }, (_, index): StoreOperation => (index === 0 ? { type: 'set', key: 'new-1', value: 1 } : { type: 'delete', key: `del-${index}` })),
          'TRANSACTION_TOO_MANY_OPERATIONS',
        ],
        [
          'the same key twice',
          [
            { type: 'set', key: 'new-1', value: 1 },
            { type: 'set', key: 'existing', value: 'after' },
            { type: 'delete', key: 'existing' },
          ],
          'TRANSACTION_DUPLICATE_KEY',
        ],
        [
          'an invalid key in the middle',
          [
            { type: 'set', key: 'new-1', value: 1 },
            { type: 'set', key: 'bad/key', value: 2 },
            { type: 'delete', key: 'doomed' },
          ],
          'INVALID_KEY',
        ],
        [
          'an oversized value last',
          [
            { type: 'delete', key: 'doomed' },
            { type: 'set', key: 'new-1', value: 1 },
            { type: 'set', key: 'existing', value: valueOfBytes(KVS_LIMITS.maxValueBytes + 1) },
          ],
          'MAX_SIZE',
        ],
        [
          'a payload over 1 MB',
          Array.from({ length: 5 }, (_, index): StoreOperation => ({
            type: 'set',
            key: index === 0 ? 'new-1' : `big-${index}`,
            value: valueOfBytes(KVS_LIMITS.maxValueBytes - 100),
          })),
          'TRANSACTION_PAYLOAD_TOO_LARGE',
        ],
      ])('writes nothing when it has %s', async (_case, operations, code) => {
        await expectStorageError(store.transact(operations), code);
        await expectUntouched();
      });
    });
  
    describe('custom entities (Forge Custom Entity Store, declared as in test-entities.ts)', () => {
      const doc = (revision: number, label: string): StoreOperation => ({
        type: 'set',
        key: 'doc-1',
        entity: 'revisioned-doc',
        value: { revision, label },
      });

      it('stores items per entity, apart from Key-Value Store keys of the same name', async () => {
        await store.set('doc-1', 'a plain value');
        await store.transact([doc(1, 'first')]);
        await expect(store.getEntity('revisioned-doc', 'doc-1')).resolves.toEqual({ revision: 1, label: 'first' });
        await expect(store.get('doc-1')).resolves.toBe('a plain value');
        await expect(store.getEntity('revisioned-doc', 'doc-2')).resolves.toBeUndefined();
        await store.transact([{ type: 'delete', key: 'doc-1', entity: 'revisioned-doc' }]);
        await expect(store.getEntity('revisioned-doc', 'doc-1')).resolves.toBeUndefined();
        await expect(store.get('doc-1')).resolves.toBe('a plain value');
      });

      it.each<[string, StoreOperation, string]>([
        ['an undeclared entity', { type: 'set', key: 'x-1', entity: 'no-such-entity', value: { a: 1 } }, 'INVALID_ENTITY_TYPE'],
        ['an undeclared attribute', { type: 'set', key: 'x-1', entity: 'revisioned-doc', value: { revison: 1 } }, 'INVALID_ENTITY_VALUE'],
        ['a string for an integer', { type: 'set', key: 'x-1', entity: 'revisioned-doc', value: { revision: '1' } }, 'INVALID_ENTITY_VALUE'],
        ['an integer beyond 32 bits', { type: 'set', key: 'x-1', entity: 'revisioned-doc', value: { revision: 2 ** 31 } }, 'INVALID_ENTITY_VALUE'],
        ['a float too small', { type: 'set', key: 'x-1', entity: 'due-item', value: { weight: 1e-200 } }, 'INVALID_ENTITY_VALUE'],
        ['a value that is not an object', { type: 'set', key: 'x-1', entity: 'revisioned-doc', value: 'text' }, 'INVALID_ENTITY_VALUE'],
        [
          'conditions on a Key-Value Store key',
          { type: 'set', key: 'x-1', value: 1, conditions: [{ attribute: 'revision', condition: 'NOT_EXISTS' }] },
          'INVALID_CONDITION',
        ],
        [
          'a condition on an undeclared attribute',
          { type: 'set', key: 'x-1', entity: 'revisioned-doc', value: { revision: 1 }, conditions: [{ attribute: 'rev', condition: 'NOT_EXISTS' }] },
          'INVALID_CONDITION',
        ],
      ])('refuses %s and writes nothing', async (_case, operation, code) => {
        await expectStorageError(store.transact([{ type: 'set', key: 'side', value: 1 }, operation]), code);
        await expect(store.get('side')).resolves.toBeUndefined();
      });

      it('writes conditionally: all conditions hold or nothing of the transaction is written', async () => {
        await store.transact([{ ...doc(1, 'first'), conditions: [{ attribute: 'revision', condition: 'NOT_EXISTS' }] }]);
        // a second "create" finds the item: nothing is written, not even the other operation
        const again = store.transact([
          { type: 'set', key: 'side', value: 'must not land' },
          { ...doc(1, 'second create'), conditions: [{ attribute: 'revision', condition: 'NOT_EXISTS' }] },
        ]);
        await expectStorageError(again, 'CONDITION_FAILED');
        await expect(store.get('side')).resolves.toBeUndefined();
        // a stale revision fails, the current one succeeds
        await expectStorageError(store.transact([{ ...doc(2, 'stale'), conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: 0 }] }]), 'CONDITION_FAILED');
        await store.transact([{ ...doc(2, 'second'), conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: 1 }] }]);
        await expect(store.getEntity('revisioned-doc', 'doc-1')).resolves.toEqual({ revision: 2, label: 'second' });
        // a conditional delete
        await expectStorageError(
          store.transact([{ type: 'delete', key: 'doc-1', entity: 'revisioned-doc', conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: 1 }] }]),
          'CONDITION_FAILED',
        );
        await store.transact([{ type: 'delete', key: 'doc-1', entity: 'revisioned-doc', conditions: [{ attribute: 'label', condition: 'BEGINS_WITH', value: 'sec' }] }]);
        await expect(store.getEntity('revisioned-doc', 'doc-1')).resolves.toBeUndefined();
      });

      it('checks that an item exists and meets conditions, writing nothing for the check itself', async () => {
        const check: StoreOperation = { type: 'check', key: 'doc-1', entity: 'revisioned-doc', conditions: [{ attribute: 'revision', condition: 'GREATER_THAN_EQUAL_TO', value: 1 }] };
        await expectStorageError(store.transact([check, { type: 'set', key: 'side', value: 1 }]), 'CONDITION_FAILED');
        await store.transact([doc(3, 'third')]);
        await store.transact([check, { type: 'set', key: 'side', value: 1 }]);
        await expect(store.get('side')).resolves.toBe(1);
        await expect(store.getEntity('revisioned-doc', 'doc-1')).resolves.toEqual({ revision: 3, label: 'third' });
      });

      it('loses no update when twenty writers increment one item at once (optimistic revision, retry on conflict)', async () => {
        await store.transact([doc(0, '0')]);
        const increment = async (): Promise<number> => {
          for (let attempt = 1; ; attempt += 1) {
            const current = await store.getEntity('revisioned-doc', 'doc-1');
            const revision = typeof current === 'object' && current !== null && 'revision' in current && typeof current.revision === 'number' ? current.revision : -1;
            try {
              await store.transact([{ ...doc(revision + 1, String(revision + 1)), conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: revision }] }]);
              return attempt;
            } catch (error) {
              if (!isConditionFailed(error)) throw error;
            }
          }
        };
        const attempts = await Promise.all(Array.from({ length: 20 }, () => increment()));
        await expect(store.getEntity('revisioned-doc', 'doc-1')).resolves.toEqual({ revision: 20, label: '20' });
        // the writers really overlapped: someone had to retry
        expect(Math.max(...attempts)).toBeGreaterThan(1);
      });

      describe('index queries', () => {
        beforeEach(async () => {
          const items: [string, Record<string, unknown>][] = [
            ['i-5', { dueAt: 500, queue: 'a' }],
            ['i-1', { dueAt: 100, queue: 'b' }],
            ['i-3', { dueAt: 300, queue: 'a' }],
            ['i-2', { dueAt: 200, queue: 'a' }],
            ['i-4', { dueAt: 400, queue: 'b' }],
            ['i-3b', { dueAt: 300, queue: 'b' }],
            ['no-due', { queue: 'a', note: 'not in the dueAt index' }],
          ];
          await store.transact(items.map(([key, value]): StoreOperation => ({ type: 'set', key, entity: 'due-item', value })));
        });

        async function keysOf(request: Parameters<KeyValueStore['queryEntity']>[0]): Promise<string[]> {
          const keys: string[] = [];
          let cursor: string | undefined;
          do {
            const page = await store.queryEntity(cursor === undefined ? request : { ...request, cursor });
            expect(page.entries.length).toBeLessThanOrEqual(request.limit ?? 10);
            keys.push(...page.entries.map((e) => e.key));
            cursor = page.nextCursor;
          } while (cursor !== undefined);
          return keys;
        }

        it('answers items in index order within the range, page by page, leaving out items without the attribute', async () => {
          await expect(keysOf({ entity: 'due-item', index: 'dueAt', limit: 2 })).resolves.toEqual(['i-1', 'i-2', 'i-3', 'i-3b', 'i-4', 'i-5']);
          await expect(keysOf({ entity: 'due-item', index: 'dueAt', where: { condition: 'LESS_THAN_EQUAL_TO', value: 300 }, limit: 2 })).resolves.toEqual([
            'i-1',
            'i-2',
            'i-3',
            'i-3b',
          ]);
          await expect(keysOf({ entity: 'due-item', index: 'dueAt', where: { condition: 'GREATER_THAN', value: 300 } })).resolves.toEqual(['i-4', 'i-5']);
          await expect(keysOf({ entity: 'due-item', index: 'dueAt', where: { condition: 'BETWEEN', from: 200, to: 400 }, sort: 'DESC', limit: 3 })).resolves.toEqual([
            'i-4',
            'i-3b',
            'i-3',
            'i-2',
          ]);
        });

        it('scanEntity walks every page of a query', async () => {
          const seen: string[] = [];
          for await (const entry of scanEntity(store, { entity: 'due-item', index: 'by-queue', partition: ['a'] }, 1)) seen.push(entry.key);
          expect(seen).toEqual(['i-2', 'i-3', 'i-5']);
        });

        it('queries one partition of a partitioned index', async () => {
          await expect(keysOf({ entity: 'due-item', index: 'by-queue', partition: ['a'] })).resolves.toEqual(['i-2', 'i-3', 'i-5']);
          await expect(keysOf({ entity: 'due-item', index: 'by-queue', partition: ['b'], where: { condition: 'LESS_THAN', value: 400 } })).resolves.toEqual([
            'i-1',
            'i-3b',
          ]);
        });

        it('follows updates and deletes', async () => {
          await store.transact([
            { type: 'set', key: 'i-5', entity: 'due-item', value: { dueAt: 50, queue: 'a' } },
            { type: 'delete', key: 'i-1', entity: 'due-item' },
            { type: 'set', key: 'i-2', entity: 'due-item', value: { queue: 'a', done: true } },
          ]);
          await expect(keysOf({ entity: 'due-item', index: 'dueAt' })).resolves.toEqual(['i-5', 'i-3', 'i-3b', 'i-4']);
          const first = await store.queryEntity({ entity: 'due-item', index: 'dueAt', limit: 1 });
          expect(first.entries).toEqual([{ key: 'i-5', value: { dueAt: 50, queue: 'a' } }]);
        });

        it.each<[string, Parameters<KeyValueStore['queryEntity']>[0], string]>([
          ['an unknown index', { entity: 'due-item', index: 'by-note' }, 'INVALID_ENTITY_INDEX'],
          ['a partitioned index without its partition', { entity: 'due-item', index: 'by-queue' }, 'INVALID_ENTITY_INDEX'],
          ['an undeclared entity', { entity: 'no-such-entity', index: 'dueAt' }, 'INVALID_ENTITY_TYPE'],
          ['a page of 0', { entity: 'due-item', index: 'dueAt', limit: 0 }, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE'],
          ['a page of 101', { entity: 'due-item', index: 'dueAt', limit: 101 }, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE'],
        ])('refuses %s', async (_case, request, code) => {
          await expectStorageError(store.queryEntity(request), code);
        });
      });
    });
});
}
