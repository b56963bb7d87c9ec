/**
 * In-memory implementation of the storage port that behaves like Forge KVS: the same key rules,
 * value limits (240 KiB, depth 31), query page limits and cursors, transaction limits (25 operations,
 * unique keys, payload) with all-or-nothing commits, and `undefined` for a missing key (the rules and
 * their sources are in key-value-store.ts). Custom entities behave like Forge's Custom Entity Store:
 * only declared entities and attribute types are accepted, transaction conditions are evaluated
 * against what is stored at commit, and queries go through the declared indexes, kept sorted so a
 * query costs a binary search plus its page (entity-rules.ts). Values are kept as their JSON text,
 * so what a caller gets back is a fresh copy of what Forge would have persisted.
 *
 * Used by tests and by the demo generator (whose result sqlite-kvs-store.ts `restore`s). Holds no I/O
 * and imports nothing from Forge.
 */
import { z } from 'zod';
import { APP_STORAGE_ENTITIES } from './app-entities';
import {
  compareScalars,
  compileEntities,
  conditionsHold,
  entityValueProblem,
  inRange,
  scalarOf,
  type CompiledEntity,
  type EntityCatalog,
  type EntityIndex,
  type EntityScalar,
} from './entity-rules';
import {
  assertValidKey,
  assertValidQueryLimit,
  checkTransaction,
  conditionFailed,
  KVS_LIMITS,
  serializeValue,
  StorageError,
  type CheckedTransaction,
  type EntityQueryRequest,
  type KeyValueStore,
  type QueryPage,
  type QueryRequest,
  type StorableValue,
  type StoreOperation,
  type StoredEntry,
} from './key-value-store';

/**
 * Every entry of a store, in key order; what `snapshot()` answers and `restore()` accepts. Items of
 * custom entities are listed in `entities` (absent in snapshots written before entities existed).
 */
export const kvsSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  entries: z.array(z.object({ key: z.string(), value: z.unknown() })),
  entities: z.array(z.object({ entity: z.string(), key: z.string(), value: z.unknown() })).optional(),
});
export type KvsSnapshot = z.infer<typeof kvsSnapshotSchema>;

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

/** One item in an index: its sort tuple and its key. */
interface IndexEntry {
  readonly partition: readonly EntityScalar[];
  readonly range: readonly EntityScalar[];
  readonly key: string;
}

function compareTuples(a: readonly EntityScalar[], b: readonly EntityScalar[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const order = compareScalars(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareEntries(a: IndexEntry, b: IndexEntry): number {
  return compareTuples(a.partition, b.partition) || compareTuples(a.range, b.range) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** First position whose entry is not before `probe` (or, when `strict`, is after it). */
function entryBound(sorted: readonly IndexEntry[], probe: (entry: IndexEntry) => number, strict: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const entry = sorted[mid];
    const order = entry === undefined ? 1 : probe(entry);
    if (order < 0 || (strict && order === 0)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index entry of an item, or null when it lacks an attribute of the index (sparse index). */
function indexEntryOf(index: EntityIndex, key: string, value: unknown): IndexEntry | null {
  const partition: EntityScalar[] = [];
  for (const attribute of index.partition) {
    const v = scalarOf(value, attribute);
    if (v === undefined) return null;
    partition.push(v);
  }
  const range: EntityScalar[] = [];
  for (const attribute of index.range) {
    const v = scalarOf(value, attribute);
    if (v === undefined) return null;
    range.push(v);
  }
  return { partition, range, key };
}

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
const entityCursorSchema = z.object({
  v: z.literal(1),
  entity: z.string(),
  index: z.string(),
  sort: z.enum(['ASC', 'DESC']),
  partition: z.array(scalarSchema),
  range: z.array(scalarSchema),
  key: z.string(),
});

/** The items of one declared entity and its sorted indexes. */
class EntityTable {
  readonly items = new Map<string, { json: string; value: unknown }>();
  readonly indexes = new Map<string, IndexEntry[]>();

  constructor(readonly entity: CompiledEntity) {
    for (const name of entity.indexes.keys()) this.indexes.set(name, []);
  }

  put(key: string, json: string): void {
    this.remove(key);
    const value = parseJson(json);
    this.items.set(key, { json, value });
    for (const [name, index] of this.entity.indexes) {
      const entry = indexEntryOf(index, key, value);
      const sorted = this.indexes.get(name);
      if (entry === null || sorted === undefined) continue;
      sorted.splice(entryBound(sorted, (e) => compareEntries(e, entry), false), 0, entry);
    }
  }

  remove(key: string): void {
    const existing = this.items.get(key);
    if (existing === undefined) return;
    this.items.delete(key);
    for (const [name, index] of this.entity.indexes) {
      const entry = indexEntryOf(index, key, existing.value);
      const sorted = this.indexes.get(name);
      if (entry === null || sorted === undefined) continue;
      const at = entryBound(sorted, (e) => compareEntries(e, entry), false);
      if (sorted[at]?.key === key) sorted.splice(at, 1);
    }
  }
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
  private readonly tables = new Map<string, EntityTable>();

  /**
   * @param initial content to start with
   * @param entities the custom entities the store accepts (default: the app's, as in manifest.yml)
   */
  constructor(initial?: KvsSnapshot, entities: EntityCatalog = compileEntities(APP_STORAGE_ENTITIES)) {
    for (const entity of entities.values()) this.tables.set(entity.name, new EntityTable(entity));
    if (initial !== undefined) this.restore(initial);
  }

  /** The declared entities. */
  get entities(): EntityCatalog {
    return new Map([...this.tables].map(([name, table]) => [name, table.entity]));
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

  getEntity(entity: string, key: string): Promise<unknown> {
    return this.run(() => {
      assertValidKey(key);
      const item = this.table(entity).items.get(key);
      return item === undefined ? undefined : parseJson(item.json);
    });
  }

  /**
   * Items of one partition of an index in index order (ASC or DESC), within the range clause. Like
   * `query`, a full page always carries a cursor.
   */
  queryEntity(request: EntityQueryRequest): Promise<QueryPage> {
    return this.run(() => {
      const limit = request.limit ?? KVS_LIMITS.defaultQueryLimit;
      if (!Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
        throw new StorageError('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 'The page limit must be set between 1 and 100.', { status: 400 });
      }
      const table = this.table(request.entity);
      const index = table.entity.indexes.get(request.index);
      const sorted = table.indexes.get(request.index);
      if (index === undefined || sorted === undefined) {
        throw new StorageError('INVALID_ENTITY_INDEX', `Entity "${request.entity}" has no index "${request.index}".`, { status: 400 });
      }
      const partition = request.partition ?? [];
      if (partition.length !== index.partition.length) {
        throw new StorageError(
          'INVALID_ENTITY_INDEX',
          `Index "${request.index}" of entity "${request.entity}" is partitioned by ${index.partition.length} attribute(s); the query gave ${partition.length}.`,
          { status: 400 },
        );
      }
      const sort = request.sort ?? 'ASC';
      const samePartition = (e: IndexEntry): number => compareTuples(e.partition, partition);
      let from = entryBound(sorted, samePartition, false);
      let to = entryBound(sorted, samePartition, true);
      const where = request.where;
      if (where !== undefined) {
        const byFirst = (bound: EntityScalar) => (e: IndexEntry) => samePartition(e) || compareScalars(e.range[0] ?? '', bound);
        switch (where.condition) {
          case 'EQUAL_TO':
            from = entryBound(sorted, byFirst(where.value), false);
            to = entryBound(sorted, byFirst(where.value), true);
            break;
          case 'GREATER_THAN':
            from = entryBound(sorted, byFirst(where.value), true);
            break;
          case 'GREATER_THAN_EQUAL_TO':
          case 'BEGINS_WITH':
            from = entryBound(sorted, byFirst(where.value), false);
            break;
          case 'LESS_THAN':
            to = entryBound(sorted, byFirst(where.value), false);
            break;
          case 'LESS_THAN_EQUAL_TO':
            to = entryBound(sorted, byFirst(where.value), true);
            break;
          case 'BETWEEN':
            from = entryBound(sorted, byFirst(where.from), false);
            to = entryBound(sorted, byFirst(where.to), true);
            break;
        }
      }
      if (request.cursor !== undefined) {
        const after = this.decodeEntityCursor(request, sort);
        const position = (e: IndexEntry): number => compareEntries(e, after);
        if (sort === 'ASC') from = Math.max(from, entryBound(sorted, position, true));
        else to = Math.min(to, entryBound(sorted, position, false));
      }
      const page: StoredEntry[] = [];
      let last: IndexEntry | undefined;
      for (let step = 0; step < to - from && page.length < limit; step += 1) {
        const entry = sorted[sort === 'ASC' ? from + step : to - 1 - step];
        if (entry === undefined) break;
        if (where !== undefined && !inRange(entry.range[0] ?? '', where)) continue;
        const item = table.items.get(entry.key);
        if (item === undefined) continue;
        page.push({ key: entry.key, value: parseJson(item.json) });
        last = entry;
      }
      if (page.length < limit || last === undefined) return { entries: page };
      const cursor = { v: 1, entity: request.entity, index: request.index, sort, partition: [...last.partition], range: [...last.range], key: last.key };
      return { entries: page, nextCursor: Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url') };
    });
  }

  transact(operations: readonly StoreOperation[]): Promise<void> {
    return this.run(() => {
      this.commit(this.prepare(operations));
    });
  }

  /**
   * Checks a transaction against every rule, and its conditions against what is stored now, without
   * changing anything. Throws StorageError (CONDITION_FAILED when a condition does not hold). The
   * answer may be committed only while nothing else was committed in between.
   */
  private prepare(operations: readonly StoreOperation[]): CheckedTransaction {
    const checked = checkTransaction(operations, this.entities);
    for (const { entity, key, conditions, mustExist } of checked.conditions) {
      const item = this.table(entity).items.get(key);
      if ((mustExist && item === undefined) || !conditionsHold(item?.value, conditions)) throw conditionFailed(entity, key);
    }
    return checked;
  }

  /** Applies a prepared transaction; cannot fail, so it is all-or-nothing. */
  private commit(mutation: CheckedTransaction): void {
    let keysChanged = false;
    for (const { key, entity, json } of mutation.sets) {
      if (entity === undefined) {
        this.entries.set(key, json);
        keysChanged = true;
      } else {
        this.table(entity).put(key, json);
      }
    }
    for (const { key, entity } of mutation.deletes) {
      if (entity === undefined) {
        this.entries.delete(key);
        keysChanged = true;
      } else {
        this.table(entity).remove(key);
      }
    }
    if (keysChanged) this.sortedKeys = undefined;
  }

  /** Every entry, in key order, as fresh copies. */
  snapshot(): KvsSnapshot {
    return {
      schemaVersion: 1,
      entries: this.keysInOrder().map((key) => ({ key, value: parseJson(this.entries.get(key) ?? 'null') })),
      entities: this.entityItems().map(({ entity, key, json }) => ({ entity, key, value: parseJson(json) })),
    };
  }

  /**
   * Replaces the whole content with a snapshot (typed or as read from disk). The snapshot and every
   * entry are checked first (shape, key rules, value limits, entity declarations, no duplicate keys);
   * when one fails nothing changes.
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
    const items = new Map<string, Map<string, string>>();
    for (const { entity, key, value } of parsed.data.entities ?? []) {
      assertValidKey(key);
      const table = this.table(entity);
      const problem = entityValueProblem(table.entity, value);
      if (problem !== null) throw new StorageError('INVALID_SNAPSHOT', `The snapshot's item "${key}" of entity "${entity}": ${problem}.`, { key });
      const byKey = items.get(entity) ?? new Map<string, string>();
      if (byKey.has(key)) throw new StorageError('INVALID_SNAPSHOT', `The snapshot holds "${key}" of entity "${entity}" twice.`, { key });
      byKey.set(key, serializeValue(key, value));
      items.set(entity, byKey);
    }
    this.entries.clear();
    for (const [key, json] of next) this.entries.set(key, json);
    this.sortedKeys = undefined;
    for (const [name, table] of this.tables) {
      const fresh = new EntityTable(table.entity);
      for (const [key, json] of items.get(name) ?? []) fresh.put(key, json);
      this.tables.set(name, fresh);
    }
  }

  /** Number of stored keys (Key-Value Store entries and entity items). */
  get size(): number {
    let count = this.entries.size;
    for (const table of this.tables.values()) count += table.items.size;
    return count;
  }

  private keysInOrder(): string[] {
    this.sortedKeys ??= [...this.entries.keys()].sort();
    return this.sortedKeys;
  }

  private entityItems(): { entity: string; key: string; json: string }[] {
    const out: { entity: string; key: string; json: string }[] = [];
    for (const name of [...this.tables.keys()].sort()) {
      const table = this.tables.get(name);
      if (table === undefined) continue;
      for (const key of [...table.items.keys()].sort()) out.push({ entity: name, key, json: table.items.get(key)?.json ?? 'null' });
    }
    return out;
  }

  private table(entity: string): EntityTable {
    const table = this.tables.get(entity);
    if (table === undefined) {
      throw new StorageError('INVALID_ENTITY_TYPE', `The custom entity "${entity}" is not declared in manifest.yml (app.storage.entities).`, {
        status: 400,
      });
    }
    return table;
  }

  private decodeEntityCursor(request: EntityQueryRequest, sort: 'ASC' | 'DESC'): IndexEntry {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(request.cursor ?? '', 'base64url').toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const cursor = entityCursorSchema.safeParse(parsed);
    if (!cursor.success || cursor.data.entity !== request.entity || cursor.data.index !== request.index || cursor.data.sort !== sort) {
      throw new StorageError('INVALID_CURSOR', 'The cursor does not belong to this query.', { status: 400 });
    }
    return { partition: cursor.data.partition, range: cursor.data.range, key: cursor.data.key };
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
