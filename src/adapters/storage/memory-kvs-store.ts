/**
 * In-memory implementation of the storage port that behaves like Forge KVS: the same key rules,
 * value limits (240 KiB, depth 31), query page limits and cursors, transaction limits (25 operations,
 * unique keys, payload) with all-or-nothing commits, and `undefined` for a missing key (the rules and
 * their sources are in key-value-store.ts). Values are kept as their JSON text, so what a caller gets
 * back is a fresh copy of what Forge would have persisted.
 *
 * Used by tests and, wrapped by file-kvs-store.ts, by the sandbox. Holds no I/O and imports nothing
 * from Forge; `prepare`/`commit` and `snapshot`/`restore` exist for the persistence wrapper.
 */
import { z } from 'zod';
import {
  assertValidKey,
  assertValidQueryLimit,
  checkTransaction,
  KVS_LIMITS,
  serializeValue,
  StorageError,
  type CheckedTransaction,
  type KeyValueStore,
  type QueryPage,
  type QueryRequest,
  type StorableValue,
  type StoreOperation,
  type StoredEntry,
} from './key-value-store';

/** Every entry of a store, in key order; what `snapshot()` answers and `restore()` accepts. */
export const kvsSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  entries: z.array(z.object({ key: z.string(), value: z.unknown() })),
});
export type KvsSnapshot = z.infer<typeof kvsSnapshotSchema>;

/** A checked transaction, ready to be committed (see `prepare`). */
export type PreparedMutation = CheckedTransaction;

const cursorSchema = z.object({ v: z.literal(1), prefix: z.string(), after: z.string() });

function encodeCursor(prefix: string, after: string): string {
  return Buffer.from(JSON.stringify({ v: 1, prefix, after }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, prefix: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  // Forge does not document what a foreign cursor does; refusing it catches a cursor reused across
  // queries, which Forge warns against ("cursors shouldn't be persisted").
  if (!result.success || result.data.prefix !== prefix) {
    throw new StorageError('INVALID_CURSOR', 'The cursor does not belong to this query.', { status: 400 });
  }
  return result.data.after;
}

/** Parses stored JSON text into a fresh value whose type is not yet known. */
function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** First index in the sorted array whose key is greater than (or, unless `strict`, equal to) `probe`. */
function lowerBound(sorted: readonly string[], probe: string, strict: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const key = sorted[mid];
    if (key !== undefined && (key < probe || (strict && key === probe))) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Forge-faithful in-memory KVS.
 *
 * @example
 * const store = new MemoryKvsStore();
 * await store.set('settings', { schemaVersion: 1, atRiskPercent: 80 });
 */
export class MemoryKvsStore implements KeyValueStore {
  private readonly entries = new Map<string, string>();
  /** Keys in ascending order, rebuilt lazily after a change. */
  private sortedKeys: string[] | undefined;

  constructor(initial?: KvsSnapshot) {
    if (initial !== undefined) this.restore(initial);
  }

  get(key: string): Promise<unknown> {
    return this.run(() => {
      assertValidKey(key);
      const json = this.entries.get(key);
      return json === undefined ? undefined : parseJson(json);
    });
  }

  set(key: string, value: StorableValue): Promise<void> {
    return this.transact([{ type: 'set', key, value }]);
  }

  delete(key: string): Promise<void> {
    return this.transact([{ type: 'delete', key }]);
  }

  /**
   * Keys in ascending order (Forge does not document an order; callers must not depend on one).
   * A full page always carries a cursor, as a DynamoDB-style "last evaluated key" does, so the page
   * after it may be empty — callers stop when `nextCursor` is absent, not when a page is short.
   */
  query(request: QueryRequest): Promise<QueryPage> {
    return this.run(() => {
      const limit = request.limit ?? KVS_LIMITS.defaultQueryLimit;
      assertValidQueryLimit(limit);
      const sorted = this.keysInOrder();
      let start = lowerBound(sorted, request.prefix, false);
      if (request.cursor !== undefined) {
        start = Math.max(start, lowerBound(sorted, decodeCursor(request.cursor, request.prefix), true));
      }
      const page: StoredEntry[] = [];
      for (let index = start; index < sorted.length && page.length < limit; index += 1) {
        const key = sorted[index];
        if (key === undefined || !key.startsWith(request.prefix)) break;
        const json = this.entries.get(key);
        if (json !== undefined) page.push({ key, value: parseJson(json) });
      }
      const last = page[page.length - 1];
      return page.length === limit && last !== undefined
        ? { entries: page, nextCursor: encodeCursor(request.prefix, last.key) }
        : { entries: page };
    });
  }

  transact(operations: readonly StoreOperation[]): Promise<void> {
    return this.run(() => {
      this.commit(this.prepare(operations));
    });
  }

  /** Checks a transaction against every rule without changing anything. Throws StorageError. */
  prepare(operations: readonly StoreOperation[]): PreparedMutation {
    return checkTransaction(operations);
  }

  /** Applies a prepared transaction; cannot fail, so it is all-or-nothing. */
  commit(mutation: PreparedMutation): void {
    for (const { key, json } of mutation.sets) this.entries.set(key, json);
    for (const key of mutation.deletes) this.entries.delete(key);
    if (mutation.sets.length > 0 || mutation.deletes.length > 0) this.sortedKeys = undefined;
  }

  /** Every entry, in key order, as fresh copies. */
  snapshot(): KvsSnapshot {
    return {
      schemaVersion: 1,
      entries: this.keysInOrder().map((key) => ({ key, value: parseJson(this.entries.get(key) ?? 'null') })),
    };
  }

  /** The JSON text of `snapshot()`, built from the stored text without re-serializing values. */
  snapshotJson(): string {
    const parts = this.keysInOrder().map(
      (key) => `{"key":${JSON.stringify(key)},"value":${this.entries.get(key) ?? 'null'}}`,
    );
    return `{"schemaVersion":1,"entries":[${parts.join(',')}]}`;
  }

  /**
   * Replaces the whole content with a snapshot (typed or as read from disk). The snapshot and every
   * entry are checked first (shape, key rules, value limits, no duplicate keys); when one fails
   * nothing changes.
   */
  restore(snapshot: unknown): void {
    const parsed = kvsSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      throw new StorageError('INVALID_SNAPSHOT', `The snapshot is not a KVS snapshot: ${parsed.error.message}`);
    }
    const next = new Map<string, string>();
    for (const { key, value } of parsed.data.entries) {
      assertValidKey(key);
      if (next.has(key)) {
        throw new StorageError('INVALID_SNAPSHOT', `The snapshot holds the key "${key}" twice.`, { key });
      }
      next.set(key, serializeValue(key, value));
    }
    this.entries.clear();
    for (const [key, json] of next) this.entries.set(key, json);
    this.sortedKeys = undefined;
  }

  /** Number of stored keys. */
  get size(): number {
    return this.entries.size;
  }

  private keysInOrder(): string[] {
    this.sortedKeys ??= [...this.entries.keys()].sort();
    return this.sortedKeys;
  }

  /** Runs synchronously but answers asynchronously, as a remote store does; errors become rejections. */
  private run<T>(action: () => T): Promise<T> {
    try {
      return Promise.resolve(action());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
