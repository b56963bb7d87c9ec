import { z } from 'zod';
import { KVS_LIMITS, type StorableValue } from '../../../src/adapters/storage/key-value-store';
import { compileEntities } from '../../../src/adapters/storage/entity-rules';
import { MemoryKvsStore } from '../../../src/adapters/storage/memory-kvs-store';
import { documentChunkPrefix, documentManifestKey } from '../../../src/adapters/storage/storage-keys';
import {
  buildEntitySetOperation,
  buildSetOperation,
  parseStoredValue,
  readDocument,
  readEntity,
  readRevisioned,
  readValue,
  revisionedWrite,
  unchangedSince,
  RevisionConflictError,
  splitForChunks,
  updateRevisionedEntity,
  StoredValueError,
  writeDocument,
  writeValue,
  type ReadResult,
} from '../../../src/adapters/storage/typed-value';
import { ScriptedStore } from './scripted-store';

const aggregateSchema = z.object({
  schemaVersion: z.literal(1),
  customerId: z.string(),
  totals: z.object({ met: z.number().int(), breached: z.number().int() }),
});
type Aggregate = z.infer<typeof aggregateSchema>;

const databaseSchema = z.object({
  schemaVersion: z.literal(1),
  contracts: z.array(z.object({ id: z.string(), name: z.string().min(1), notes: z.string() })),
});
type Database = z.infer<typeof databaseSchema>;

const DOC = 'contract-database';
const MANIFEST = documentManifestKey(DOC);

const aggregate: Aggregate = { schemaVersion: 1, customerId: 'acme', totals: { met: 3, breached: 1 } };

/** A database whose JSON is about `contracts` × 600 bytes, with quotes, backslashes, accents and emoji. */
function database(contracts: number, tag: string): Database {
  return {
    schemaVersion: 1,
    contracts: Array.from({ length: contracts }, (_, index) => ({
      id: `${tag}-${index}`,
      name: `Contract "${tag}" #${index} — Café \\ 🚀`,
      notes: `${tag} `.repeat(100) + '\n\t"quoted" ünïcödé 😀',
    })),
  };
}

function valueOf<T>(result: ReadResult<T>): T {
  if (result.status !== 'found') throw new Error(`expected a value, got ${result.status}`);
  return result.value;
}

async function chunkKeys(store: MemoryKvsStore): Promise<string[]> {
  const page = await store.query({ prefix: documentChunkPrefix(DOC), limit: 100 });
  return page.entries.map((entry) => entry.key);
}

describe('readValue / writeValue', () => {
  it('writes a valid value and reads it back typed', async () => {
    const store = new MemoryKvsStore();
    await writeValue(store, 'agg:2026-01:acme', aggregateSchema, aggregate);
    const read = await readValue(store, 'agg:2026-01:acme', aggregateSchema);
    expect(read).toEqual({ status: 'found', value: aggregate });
  });

  it('answers missing for a key that was never written', async () => {
    await expect(readValue(new MemoryKvsStore(), 'agg:2026-01:acme', aggregateSchema)).resolves.toEqual({ status: 'missing' });
  });

  it.each<[string, StorableValue, string]>([
    ['a wrong field type', { schemaVersion: 1, customerId: 'acme', totals: { met: 'three', breached: 1 } }, 'totals.met'],
    ['another schemaVersion', { ...aggregate, schemaVersion: 2 }, 'schemaVersion'],
    ['no schemaVersion', { customerId: 'acme', totals: { met: 1, breached: 0 } }, 'schemaVersion'],
    ['not an object', 'garbage', '(root)'],
  ])('answers invalid for a stored value with %s, naming the key and the field', async (_case, stored, field) => {
    const store = new MemoryKvsStore();
    await store.set('agg:2026-01:acme', stored);
    const read = await readValue(store, 'agg:2026-01:acme', aggregateSchema);
    expect(read.status).toBe('invalid');
    if (read.status !== 'invalid') return;
    expect(read.error).toBeInstanceOf(StoredValueError);
    expect(read.error.key).toBe('agg:2026-01:acme');
    expect(Object.keys(read.error.fieldErrors)).toContain(field);
    expect(read.error.message).toContain('"agg:2026-01:acme"');
    expect(read.error.message).toContain(field);
  });

  it('refuses to write an invalid value and writes nothing', async () => {
    const store = new MemoryKvsStore();
    const invalid = { ...aggregate, totals: { met: 1.5, breached: 0 } };
    await expect(writeValue(store, 'agg:2026-01:acme', aggregateSchema, invalid)).rejects.toThrow(/"agg:2026-01:acme".*totals\.met/);
    expect(store.size).toBe(0);
  });

  it('stores what the schema keeps (unknown properties are stripped)', async () => {
    const store = new MemoryKvsStore();
    await writeValue(store, 'agg:2026-01:acme', aggregateSchema, { ...aggregate, ...{ extra: 'dropped' } });
    await expect(store.get('agg:2026-01:acme')).resolves.toEqual(aggregate);
  });

  it('builds validated set operations for a transaction', async () => {
    const store = new MemoryKvsStore();
    await store.transact([buildSetOperation('agg:2026-01:acme', aggregateSchema, aggregate), { type: 'delete', key: 'open-clock:1' }]);
    await expect(store.get('agg:2026-01:acme')).resolves.toEqual(aggregate);
    expect(() => buildSetOperation('agg:2026-01:acme', aggregateSchema, { ...aggregate, customerId: 7 } as never)).toThrow(StoredValueError);
  });

  it('parses query entries', () => {
    expect(parseStoredValue('k', aggregate, aggregateSchema)).toEqual({ status: 'found', value: aggregate });
    expect(parseStoredValue('k', undefined, aggregateSchema)).toEqual({ status: 'missing' });
  });
});

describe('splitForChunks', () => {
  it.each<[string, string, number]>([
    ['plain ASCII', 'abcdefghij', 3],
    ['quotes and backslashes (2 bytes each in JSON)', '"\\"\\"\\ab', 4],
    ['control characters (\\n is 2 bytes, \\u0001 is 6)', 'a\nb\u0001c\td', 6],
    ['accents (2 bytes) and emoji (4 bytes, never split)', 'é😀ü😀a😀', 4],
    ['a single character larger than the budget', '😀', 1],
  ])('splits %s into pieces that fit as JSON strings and join back', (_case, text, budget) => {
    const pieces = splitForChunks(text, budget);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      const bytes = Buffer.byteLength(JSON.stringify(piece), 'utf8') - 2;
      const singleCodePoint = piece.length === String.fromCodePoint(piece.codePointAt(0) ?? 0).length;
      expect(bytes <= budget || singleCodePoint).toBe(true);
      expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it('answers one empty piece for empty text', () => {
    expect(splitForChunks('', 10)).toEqual(['']);
  });
});

describe('writeDocument / readDocument', () => {
  it('stores a small document inline in its manifest, in one write', async () => {
    const memory = new MemoryKvsStore();
    const store = new ScriptedStore(memory);
    const result = await writeDocument(store, DOC, databaseSchema, database(3, 'v1'));
    expect(result).toMatchObject({ status: 'written', chunkCount: 0, cleanup: 'none' });
    expect(store.transactions).toHaveLength(1);
    expect(memory.size).toBe(1);
    expect(valueOf(await readDocument(memory, DOC, databaseSchema))).toEqual(database(3, 'v1'));
  });

  it('splits a document larger than 240 KiB into chunks and reads it back whole', async () => {
    const memory = new MemoryKvsStore();
    const store = new ScriptedStore(memory);
    const doc = database(2500, 'big');
    const result = await writeDocument(store, DOC, databaseSchema, doc);
    expect(result.bytes).toBeGreaterThan(5 * KVS_LIMITS.maxValueBytes);
    expect(result.chunkCount).toBeGreaterThanOrEqual(6);
    // Within Forge's limits (the memory store enforces them), so several transactions were needed.
    expect(store.transactions.length).toBeGreaterThan(1);
    expect(store.transactions.every((operations) => operations.length <= KVS_LIMITS.maxTransactionOperations)).toBe(true);
    // The manifest is written in the last transaction: it is the commit point.
    expect(store.transactions.at(-1)?.at(-1)).toMatchObject({ type: 'set', key: MANIFEST });
    expect(await chunkKeys(memory)).toHaveLength(result.chunkCount);
    expect(valueOf(await readDocument(memory, DOC, databaseSchema))).toEqual(doc);
  });

  it('answers missing before the first save', async () => {
    await expect(readDocument(new MemoryKvsStore(), DOC, databaseSchema)).resolves.toEqual({ status: 'missing' });
  });

  it('writes nothing when the content did not change', async () => {
    const memory = new MemoryKvsStore();
    await writeDocument(memory, DOC, databaseSchema, database(600, 'same'));
    const store = new ScriptedStore(memory);
    const result = await writeDocument(store, DOC, databaseSchema, database(600, 'same'));
    expect(result.status).toBe('unchanged');
    expect(store.transactions).toEqual([]);
  });

  it('rewrites an unchanged document whose chunks were damaged', async () => {
    const memory = new MemoryKvsStore();
    await writeDocument(memory, DOC, databaseSchema, database(1500, 'same'));
    const [first] = await chunkKeys(memory);
    if (first === undefined) throw new Error('expected chunks');
    await memory.delete(first);
    const result = await writeDocument(memory, DOC, databaseSchema, database(1500, 'same'));
    expect(result.status).toBe('written');
    expect(valueOf(await readDocument(memory, DOC, databaseSchema))).toEqual(database(1500, 'same'));
  });

  it('removes the replaced generation after a successful save', async () => {
    const memory = new MemoryKvsStore();
    const first = await writeDocument(memory, DOC, databaseSchema, database(1500, 'v1'));
    const second = await writeDocument(memory, DOC, databaseSchema, database(1200, 'v2'));
    expect(second).toMatchObject({ status: 'written', cleanup: 'done' });
    const keys = await chunkKeys(memory);
    expect(keys).toHaveLength(second.chunkCount);
    expect(keys.every((key) => key.includes(`:${second.generation}:`))).toBe(true);
    expect(keys.some((key) => key.includes(`:${first.generation}:`))).toBe(false);

    const third = await writeDocument(memory, DOC, databaseSchema, database(2, 'v3'));
    expect(third).toMatchObject({ chunkCount: 0, cleanup: 'done' });
    expect(await chunkKeys(memory)).toEqual([]);
    expect(memory.size).toBe(1);
  });

  it('refuses an invalid document, naming the field, and writes nothing', async () => {
    const memory = new MemoryKvsStore();
    const invalid = database(2, 'bad');
    const broken = { ...invalid, contracts: [{ id: 'c1', name: '', notes: '' }] };
    await expect(writeDocument(memory, DOC, databaseSchema, broken)).rejects.toThrow(/contracts\.0\.name/);
    expect(memory.size).toBe(0);
  });

  describe('a save that fails leaves the previous document intact', () => {
    const previous = database(1500, 'v1');
    const next = database(6000, 'v2');

    async function withPrevious(): Promise<{ memory: MemoryKvsStore; generation: string }> {
      const memory = new MemoryKvsStore();
      const { generation } = await writeDocument(memory, DOC, databaseSchema, previous);
      return { memory, generation };
    }

    it.each<[string, (call: number, total: number) => boolean]>([
      ['in the first transaction', (call) => call === 1],
      ['in the middle', (call, total) => call === Math.ceil(total / 2) && call > 1],
      ['in the commit (manifest) transaction', (call, total) => call === total],
    ])('when it fails %s', async (_case, failsAt) => {
      // How many transactions the save takes, measured on a copy.
      const probe = new ScriptedStore(new MemoryKvsStore(memorySnapshot(await withPrevious())));
      await writeDocument(probe, DOC, databaseSchema, next);
      const total = probe.transactions.length - 1; // minus the cleanup transaction
      expect(total).toBeGreaterThanOrEqual(3);

      const { memory, generation } = await withPrevious();
      const store = new ScriptedStore(memory, {
        beforeTransact: (call) => {
          if (failsAt(call, total)) throw new Error(`storage down at call ${call}`);
        },
      });
      await expect(writeDocument(store, DOC, databaseSchema, next)).rejects.toThrow(/storage down/);
      expect(valueOf(await readDocument(memory, DOC, databaseSchema))).toEqual(previous);
      // The failed generation's chunks were removed; only the previous generation remains.
      expect((await chunkKeys(memory)).every((key) => key.includes(`:${generation}:`))).toBe(true);
    });

    it('keeps the new document when the commit landed but was reported as failed', async () => {
      const { memory } = await withPrevious();
      const probe = new ScriptedStore(new MemoryKvsStore(memory.snapshot()));
      await writeDocument(probe, DOC, databaseSchema, next);
      const commitCall = probe.transactions.length - 1;
      const store = new ScriptedStore(memory, {
        afterTransact: (call) => {
          if (call === commitCall) throw new Error('timeout after write');
        },
      });
      await expect(writeDocument(store, DOC, databaseSchema, next)).rejects.toThrow(/timeout/);
      expect(valueOf(await readDocument(memory, DOC, databaseSchema))).toEqual(next);
    });
  });

  it('reports a chunk that does not match the checksum as invalid, naming the document key', async () => {
    const memory = new MemoryKvsStore();
    await writeDocument(memory, DOC, databaseSchema, database(1500, 'v1'));
    const [, second] = await chunkKeys(memory);
    if (second === undefined) throw new Error('expected chunks');
    await memory.set(second, { schemaVersion: 1, data: 'tampered' });
    const read = await readDocument(memory, DOC, databaseSchema);
    expect(read.status).toBe('invalid');
    if (read.status === 'invalid') {
      expect(read.error.key).toBe(MANIFEST);
      expect(read.error.message).toMatch(/checksum/);
    }
  });

  it('reports a missing chunk as invalid', async () => {
    const memory = new MemoryKvsStore();
    await writeDocument(memory, DOC, databaseSchema, database(1500, 'v1'));
    const [, second] = await chunkKeys(memory);
    if (second === undefined) throw new Error('expected chunks');
    await memory.delete(second);
    const read = await readDocument(memory, DOC, databaseSchema);
    expect(read.status === 'invalid' && read.error.message).toMatch(/chunk 1 of \d+ is missing/);
  });

  it('reports a garbage manifest as invalid', async () => {
    const memory = new MemoryKvsStore();
    await memory.set(MANIFEST, { schemaVersion: 1, chunkCount: 'many' });
    const read = await readDocument(memory, DOC, databaseSchema);
    expect(read.status === 'invalid' && read.error.key).toBe(MANIFEST);
  });

  it('reports a document that no longer matches its schema as invalid, naming the field', async () => {
    const memory = new MemoryKvsStore();
    await writeDocument(memory, DOC, databaseSchema, database(2, 'v1'));
    const stricter = databaseSchema.extend({ schemaVersion: z.literal(2) });
    const read = await readDocument(memory, DOC, stricter);
    expect(read.status === 'invalid' && Object.keys(read.error.fieldErrors)).toEqual(['schemaVersion']);
  });

  it('retries a read that raced with a save and answers the new document', async () => {
    const memory = new MemoryKvsStore();
    await writeDocument(memory, DOC, databaseSchema, database(1500, 'v1'));
    let raced = false;
    const store = new ScriptedStore(memory, {
      beforeGet: async (key) => {
        if (!raced && key.startsWith(documentChunkPrefix(DOC))) {
          raced = true;
          await writeDocument(memory, DOC, databaseSchema, database(1300, 'v2'));
        }
      },
    });
    expect(valueOf(await readDocument(store, DOC, databaseSchema))).toEqual(database(1300, 'v2'));
    expect(raced).toBe(true);
  });
});

function memorySnapshot(subject: { memory: MemoryKvsStore }): ReturnType<MemoryKvsStore['snapshot']> {
  return subject.memory.snapshot();
}

describe('updateRevisionedEntity (optimistic concurrency on a custom entity)', () => {
  const counterSchema = z.object({ schemaVersion: z.literal(1), revision: z.number().int().nonnegative(), label: z.string() });
  type Counter = z.infer<typeof counterSchema>;
  const item = { entity: 'revisioned-doc', key: 'counter', schema: counterSchema };
  const counterStore = () =>
    new MemoryKvsStore(
      undefined,
      compileEntities([{ name: 'revisioned-doc', attributes: { schemaVersion: { type: 'integer' }, revision: { type: 'integer' }, label: { type: 'string' } } }]),
    );
  const increment = (current: Counter | null) => ({ next: { schemaVersion: 1 as const, revision: 0, label: String(Number(current?.label ?? '0') + 1) } });

  it('creates, then updates with the revision bumped, and stores nothing for a null plan', async () => {
    const store = counterStore();
    await expect(updateRevisionedEntity(store, item, increment)).resolves.toMatchObject({ status: 'written', value: { revision: 1, label: '1' } });
    await expect(updateRevisionedEntity(store, item, increment)).resolves.toMatchObject({ status: 'written', value: { revision: 2, label: '2' } });
    await expect(updateRevisionedEntity(store, item, () => null)).resolves.toMatchObject({ status: 'unchanged', value: { revision: 2 } });
    await expect(readEntity(store, 'revisioned-doc', 'counter', counterSchema)).resolves.toEqual({ status: 'found', value: { schemaVersion: 1, revision: 2, label: '2' } });
  });

  it('loses no increment among 30 concurrent writers, each retrying on conflict', async () => {
    const store = counterStore();
    const results = await Promise.all(Array.from({ length: 30 }, () => updateRevisionedEntity(store, item, increment)));
    await expect(readEntity(store, 'revisioned-doc', 'counter', counterSchema)).resolves.toMatchObject({ value: { revision: 30, label: '30' } });
    expect(Math.max(...results.map((r) => r.attempts))).toBeGreaterThan(1);
  });

  it('writes the alongside operations in the same transaction, or not at all', async () => {
    const store = counterStore();
    await updateRevisionedEntity(store, item, (current) => ({ ...increment(current), alongside: [{ type: 'set', key: 'index-entry', value: 1 }] }));
    await expect(store.get('index-entry')).resolves.toBe(1);
    await expect(
      updateRevisionedEntity(store, item, (current) => ({ ...increment(current), alongside: [{ type: 'set', key: 'bad/key', value: 1 }] })),
    ).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(readEntity(store, 'revisioned-doc', 'counter', counterSchema)).resolves.toMatchObject({ value: { revision: 1 } });
  });

  it('gives up with RevisionConflictError when every attempt lost', async () => {
    const store = counterStore();
    await updateRevisionedEntity(store, item, increment);
    // a rival that always writes between our read and our write
    const rival = new ScriptedStore(store, {
      beforeTransact: () => {
        void store.transact([{ type: 'set', key: 'counter', entity: 'revisioned-doc', value: { schemaVersion: 1, revision: 1000 + Math.floor(Math.random() * 1000), label: 'rival' } }]);
      },
    });
    await expect(updateRevisionedEntity(rival, item, increment, { maxAttempts: 3, pause: () => Promise.resolve() })).rejects.toBeInstanceOf(RevisionConflictError);
  });
});

describe('readRevisioned / revisionedWrite (the building blocks of multi-item conditional writes)', () => {
  const docSchema = z.object({ schemaVersion: z.literal(1), revision: z.number().int().positive(), label: z.string() });
  const item = { entity: 'revisioned-doc', key: 'doc', schema: docSchema };
  const docStore = () =>
    new MemoryKvsStore(
      undefined,
      compileEntities([{ name: 'revisioned-doc', attributes: { schemaVersion: { type: 'integer' }, revision: { type: 'integer' }, label: { type: 'string' } } }]),
    );

  it('creates only while nothing is stored, and updates only while the revision is the one read', async () => {
    const store = docStore();
    const empty = await readRevisioned(store, item);
    expect(empty).toEqual({ value: null, revision: null });
    await store.transact([revisionedWrite(item, empty, { schemaVersion: 1, revision: 99, label: 'a' }).operation]);
    // The same stale read again: nothing is written.
    await expect(store.transact([revisionedWrite(item, empty, { schemaVersion: 1, revision: 1, label: 'b' }).operation])).rejects.toMatchObject({ code: 'CONDITION_FAILED' });
    const first = await readRevisioned(store, item);
    expect(first).toEqual({ value: { schemaVersion: 1, revision: 1, label: 'a' }, revision: 1 });
    await store.transact([revisionedWrite(item, first, { schemaVersion: 1, revision: 1, label: 'c' }).operation]);
    await expect(store.transact([revisionedWrite(item, first, null).operation])).rejects.toMatchObject({ code: 'CONDITION_FAILED' });
    await expect(readRevisioned(store, item)).resolves.toEqual({ value: { schemaVersion: 1, revision: 2, label: 'c' }, revision: 2 });
  });

  it('overwrites an unreadable item only on its own revision, and a check fails once the item moved on', async () => {
    const store = docStore();
    await store.transact([{ type: 'set', key: 'doc', entity: 'revisioned-doc', value: { revision: 7, label: 'garbage without a schemaVersion' } }]);
    const read = await readRevisioned(store, item);
    expect(read).toEqual({ value: null, revision: 7 });
    const check = { type: 'check' as const, key: 'doc', entity: 'revisioned-doc', conditions: unchangedSince(read) };
    await store.transact([check, revisionedWrite(item, read, { schemaVersion: 1, revision: 0, label: 'repaired' }).operation].slice(1));
    await expect(store.transact([check])).rejects.toMatchObject({ code: 'CONDITION_FAILED' });
    await expect(readRevisioned(store, item)).resolves.toMatchObject({ value: { label: 'repaired', revision: 8 } });
  });

  it('refuses to build a write of a value that does not match its schema', () => {
    expect(() => revisionedWrite(item, { value: null, revision: null }, { schemaVersion: 1, revision: 1, label: 42 } as never)).toThrow(StoredValueError);
    expect(() => buildEntitySetOperation('revisioned-doc', 'doc', docSchema, { schemaVersion: 2, revision: 1, label: 'x' } as never)).toThrow(StoredValueError);
  });
});

