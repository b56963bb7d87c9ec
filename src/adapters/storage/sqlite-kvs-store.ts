/**
 * The sandbox's KVS: the storage port on an embedded SQLite database (better-sqlite3), with Forge's
 * semantics and limits — the same checks as every adapter (key-value-store.ts, entity-rules.ts) — and
 * its state durable before a call resolves (sqlite-database.ts: WAL, synchronous FULL). Never used in
 * production (Forge hosts its own storage).
 *
 * Tables (created when missing):
 * - `kvs_entries(key, value)` — Key-Value Store entries, the value as the JSON text Forge would keep;
 *   a prefix query is a range scan of the primary key.
 * - `kvs_entity_items(entity, key, value)` — custom entity items.
 * - `kvs_entity_index(entity, idx, sort_key, key)` — one row per item and declared index it appears
 *   in (indexes are sparse), `sort_key` the order-preserving bytes of (partition, range, key)
 *   (entity-sort-key.ts), so an index query is a range scan in index order.
 * - `kvs_entity_catalog(entity, indexes)` — the index declarations the index rows were built for; a
 *   changed declaration rebuilds that entity's rows when the store opens.
 *
 * A transaction is one SQLite transaction: its conditions are read and its writes applied inside it,
 * so all of it commits or none does, and no other write comes between check and commit (the store is
 * synchronous underneath; one process per database file).
 */
import { APP_STORAGE_ENTITIES } from './app-entities';
import { compileEntities, conditionsHold, inRange, scalarOf, type CompiledEntity, type EntityCatalog, type EntityIndex, type EntityScalar } from './entity-rules';
import { encodeStringPrefix, encodeTuple, prefixSuccessor } from './entity-sort-key';
import {
  assertValidKey,
  assertValidQueryLimit,
  checkTransaction,
  conditionFailed,
  KVS_LIMITS,
  StorageError,
  type CheckedTransaction,
  type EntityQueryRequest,
  type KeyValueStore,
  type QueryPage,
  type QueryRequest,
  type StorableValue,
  type StoredEntry,
  type StoreOperation,
} from './key-value-store';
import { MemoryKvsStore, type KvsSnapshot } from './memory-kvs-store';
import type { Statement } from 'better-sqlite3';
import { durableWrite, type SqliteDatabase } from './sqlite-database';
import { z } from 'zod';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS kvs_entries (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS kvs_entity_items (
    entity TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (entity, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS kvs_entity_index (
    entity TEXT NOT NULL, idx TEXT NOT NULL, sort_key BLOB NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (entity, idx, sort_key)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS kvs_entity_index_by_item ON kvs_entity_index (entity, key);
  CREATE TABLE IF NOT EXISTS kvs_entity_catalog (entity TEXT PRIMARY KEY, indexes TEXT NOT NULL) WITHOUT ROWID;
`;

const rowSchema = z.object({ key: z.string(), value: z.string() });
const itemRowSchema = z.object({ entity: z.string(), key: z.string(), value: z.string() });
const valueRowSchema = z.object({ value: z.string() });
const catalogRowSchema = z.object({ indexes: z.string() });

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
const prefixCursorSchema = z.object({ v: z.literal(1), prefix: z.string(), after: z.string() });
const entityCursorSchema = z.object({
  v: z.literal(1),
  entity: z.string(),
  index: z.string(),
  sort: z.enum(['ASC', 'DESC']),
  partition: z.array(scalarSchema),
  range: z.array(scalarSchema),
  key: z.string(),
});

/** Parses stored JSON text into a fresh value whose type is not yet known. */
function parseJson(text: string): unknown {
  return JSON.parse(text);
}

function invalidCursor(): StorageError {
  // Forge does not document what a foreign cursor does; refusing it catches a cursor reused across
  // queries, which Forge warns against ("cursors shouldn't be persisted").
  return new StorageError('INVALID_CURSOR', 'The cursor does not belong to this query.', { status: 400 });
}

function decodeCursorJson(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function encodeCursorJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The index tuple of an item, or null when it lacks an attribute of the index (a sparse index). */
function indexTupleOf(index: EntityIndex, value: unknown): { partition: EntityScalar[]; range: EntityScalar[] } | null {
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
  return { partition, range };
}

function sortKeyOf(partition: readonly EntityScalar[], range: readonly EntityScalar[], key: string): Buffer {
  return encodeTuple([...partition, ...range, key]);
}

function describeIndexes(entity: CompiledEntity): string {
  return JSON.stringify([...entity.indexes.values()].map((i) => ({ name: i.name, partition: i.partition, range: i.range })));
}

/** Where an index scan starts and stops (byte strings compared as SQLite compares BLOBs). */
interface ScanBounds {
  /** inclusive */
  from: Buffer | null;
  /** exclusive */
  to: Buffer | null;
}

function boundsOf(partitionBytes: Buffer, where: EntityQueryRequest['where']): ScanBounds {
  const all: ScanBounds = { from: partitionBytes.length === 0 ? null : partitionBytes, to: prefixSuccessor(partitionBytes) };
  if (where === undefined) return all;
  const at = (value: EntityScalar): Buffer => Buffer.concat([partitionBytes, encodeTuple([value])]);
  switch (where.condition) {
    case 'EQUAL_TO':
      return { from: at(where.value), to: prefixSuccessor(at(where.value)) };
    case 'GREATER_THAN':
      return { from: prefixSuccessor(at(where.value)), to: all.to };
    case 'GREATER_THAN_EQUAL_TO':
      return { from: at(where.value), to: all.to };
    case 'BEGINS_WITH': {
      // entity-rules.ts inRange: strings that begin with the value's text
      const prefix = Buffer.concat([partitionBytes, encodeStringPrefix(String(where.value))]);
      return { from: prefix, to: prefixSuccessor(prefix) };
    }
    case 'LESS_THAN':
      return { from: all.from, to: at(where.value) };
    case 'LESS_THAN_EQUAL_TO':
      return { from: all.from, to: prefixSuccessor(at(where.value)) };
    case 'BETWEEN':
      return { from: at(where.from), to: prefixSuccessor(at(where.to)) };
  }
}

export interface SqliteKvsStoreOptions {
  /** The custom entities the store accepts (default: the app's, as manifest.yml declares them). */
  readonly entities?: EntityCatalog;
}

/**
 * The storage port on SQLite. Create it with `openSqliteKvsStore(db)`; the caller owns the database
 * (and closes it).
 *
 * @example
 * const store = openSqliteKvsStore(openSqliteDatabase('.sandbox-data/state/sandbox.db'));
 * await store.set('settings', { schemaVersion: 1 });
 */
export class SqliteKvsStore implements KeyValueStore {
  readonly entities: EntityCatalog;
  private readonly statements;
  private readonly scans = new Map<string, Statement>();

  constructor(
    private readonly db: SqliteDatabase,
    options: SqliteKvsStoreOptions = {},
  ) {
    this.entities = options.entities ?? compileEntities(APP_STORAGE_ENTITIES);
    db.exec(SCHEMA);
    this.statements = {
      get: db.prepare('SELECT value FROM kvs_entries WHERE key = ?'),
      put: db.prepare('INSERT INTO kvs_entries (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      remove: db.prepare('DELETE FROM kvs_entries WHERE key = ?'),
      from: db.prepare('SELECT key, value FROM kvs_entries WHERE key >= ? ORDER BY key'),
      after: db.prepare('SELECT key, value FROM kvs_entries WHERE key > ? ORDER BY key'),
      getItem: db.prepare('SELECT value FROM kvs_entity_items WHERE entity = ? AND key = ?'),
      putItem: db.prepare(
        'INSERT INTO kvs_entity_items (entity, key, value) VALUES (?, ?, ?) ON CONFLICT (entity, key) DO UPDATE SET value = excluded.value',
      ),
      removeItem: db.prepare('DELETE FROM kvs_entity_items WHERE entity = ? AND key = ?'),
      itemsOf: db.prepare('SELECT key, value FROM kvs_entity_items WHERE entity = ?'),
      putIndex: db.prepare('INSERT INTO kvs_entity_index (entity, idx, sort_key, key) VALUES (?, ?, ?, ?)'),
      removeIndexOfItem: db.prepare('DELETE FROM kvs_entity_index WHERE entity = ? AND key = ?'),
      removeIndexOfEntity: db.prepare('DELETE FROM kvs_entity_index WHERE entity = ?'),
      catalogOf: db.prepare('SELECT indexes FROM kvs_entity_catalog WHERE entity = ?'),
      putCatalog: db.prepare(
        'INSERT INTO kvs_entity_catalog (entity, indexes) VALUES (?, ?) ON CONFLICT (entity) DO UPDATE SET indexes = excluded.indexes',
      ),
    };
    this.reconcileIndexes();
  }

  get(key: string): Promise<unknown> {
    return this.run(() => {
      assertValidKey(key);
      const row = valueRowSchema.optional().parse(this.statements.get.get(key));
      return row === undefined ? undefined : parseJson(row.value);
    });
  }

  set(key: string, value: StorableValue): Promise<void> {
    return this.transact([{ type: 'set', key, value }]);
  }

  delete(key: string): Promise<void> {
    return this.transact([{ type: 'delete', key }]);
  }

  /**
   * Keys in ascending order; a full page always carries a cursor (the page after it may be empty),
   * as MemoryKvsStore does. Keys are ASCII and whitespace of the Basic Multilingual Plane (Forge's
   * key format), so SQLite's byte order of their UTF-8 text is JavaScript's string order.
   */
  query(request: QueryRequest): Promise<QueryPage> {
    return this.run(() => {
      const limit = request.limit ?? KVS_LIMITS.defaultQueryLimit;
      assertValidQueryLimit(limit);
      let rows: Iterable<unknown>;
      if (request.cursor === undefined) {
        rows = this.statements.from.iterate(request.prefix);
      } else {
        const cursor = prefixCursorSchema.safeParse(decodeCursorJson(request.cursor));
        if (!cursor.success || cursor.data.prefix !== request.prefix) throw invalidCursor();
        rows = cursor.data.after < request.prefix ? this.statements.from.iterate(request.prefix) : this.statements.after.iterate(cursor.data.after);
      }
      const page: StoredEntry[] = [];
      for (const raw of rows) {
        const row = rowSchema.parse(raw);
        // keys beginning with the prefix are contiguous in key order: the first other one ends the scan
        if (!row.key.startsWith(request.prefix)) break;
        page.push({ key: row.key, value: parseJson(row.value) });
        if (page.length === limit) break;
      }
      const last = page[page.length - 1];
      return page.length === limit && last !== undefined
        ? { entries: page, nextCursor: encodeCursorJson({ v: 1, prefix: request.prefix, after: last.key }) }
        : { entries: page };
    });
  }

  getEntity(entity: string, key: string): Promise<unknown> {
    return this.run(() => {
      assertValidKey(key);
      this.entity(entity);
      const row = valueRowSchema.optional().parse(this.statements.getItem.get(entity, key));
      return row === undefined ? undefined : parseJson(row.value);
    });
  }

  /** Items of one partition of an index, in index order within the range clause; a full page carries a cursor. */
  queryEntity(request: EntityQueryRequest): Promise<QueryPage> {
    return this.run(() => {
      const limit = request.limit ?? KVS_LIMITS.defaultQueryLimit;
      if (!Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
        throw new StorageError('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 'The page limit must be set between 1 and 100.', { status: 400 });
      }
      const entity = this.entity(request.entity);
      const index = entity.indexes.get(request.index);
      if (index === undefined) {
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
      const bounds = boundsOf(encodeTuple(partition), request.where);
      let after: Buffer | null = null;
      if (request.cursor !== undefined) {
        const cursor = entityCursorSchema.safeParse(decodeCursorJson(request.cursor));
        if (!cursor.success || cursor.data.entity !== request.entity || cursor.data.index !== request.index || cursor.data.sort !== sort) {
          throw invalidCursor();
        }
        after = sortKeyOf(cursor.data.partition, cursor.data.range, cursor.data.key);
      }
      const clauses = ['i.entity = ?', 'i.idx = ?'];
      const parameters: (string | Buffer)[] = [request.entity, request.index];
      if (bounds.from !== null) {
        clauses.push('i.sort_key >= ?');
        parameters.push(bounds.from);
      }
      if (bounds.to !== null) {
        clauses.push('i.sort_key < ?');
        parameters.push(bounds.to);
      }
      if (after !== null) {
        clauses.push(sort === 'ASC' ? 'i.sort_key > ?' : 'i.sort_key < ?');
        parameters.push(after);
      }
      const sql =
        'SELECT i.key AS key, it.value AS value FROM kvs_entity_index i ' +
        'JOIN kvs_entity_items it ON it.entity = i.entity AND it.key = i.key ' +
        `WHERE ${clauses.join(' AND ')} ORDER BY i.sort_key ${sort}`;
      const page: StoredEntry[] = [];
      let last: { partition: EntityScalar[]; range: EntityScalar[]; key: string } | undefined;
      for (const raw of this.scan(sql).iterate(...parameters)) {
        const row = rowSchema.parse(raw);
        const value = parseJson(row.value);
        const tuple = indexTupleOf(index, value);
        if (tuple === null) continue;
        // the bounds are by order; the range clause also compares types (entity-rules.ts inRange)
        if (request.where !== undefined && !inRange(tuple.range[0] ?? '', request.where)) continue;
        page.push({ key: row.key, value });
        last = { ...tuple, key: row.key };
        if (page.length === limit) break;
      }
      if (page.length < limit || last === undefined) return { entries: page };
      return { entries: page, nextCursor: encodeCursorJson({ v: 1, entity: request.entity, index: request.index, sort, ...last }) };
    });
  }

  /**
   * Checked like Forge (key-value-store.ts checkTransaction), then one SQLite savepoint: every
   * condition is evaluated against what is stored, and the writes are applied only if all hold;
   * resolves once the write is durable (a group commit: sqlite-database.ts).
   */
  transact(operations: readonly StoreOperation[]): Promise<void> {
    let checked: CheckedTransaction;
    try {
      checked = checkTransaction(operations, this.entities);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (checked.sets.length === 0 && checked.deletes.length === 0 && checked.conditions.length === 0) return Promise.resolve();
    return durableWrite(this.db, () => {
      for (const { entity, key, conditions, mustExist } of checked.conditions) {
        const row = valueRowSchema.optional().parse(this.statements.getItem.get(entity, key));
        const item = row === undefined ? undefined : parseJson(row.value);
        if ((mustExist && row === undefined) || !conditionsHold(item, conditions)) throw conditionFailed(entity, key);
      }
      for (const { key, entity, json } of checked.sets) {
        if (entity === undefined) this.statements.put.run(key, json);
        else this.putItem(this.entity(entity), key, json);
      }
      for (const { key, entity } of checked.deletes) {
        if (entity === undefined) this.statements.remove.run(key);
        else this.removeItem(entity, key);
      }
    });
  }

  /**
   * Replaces the whole content with a snapshot (MemoryKvsStore's format, e.g. the generated demo's
   * storage), in one transaction. The snapshot is checked first (shape, keys, limits, entities);
   * when it fails nothing changes.
   */
  restore(snapshot: unknown): void {
    const checked = new MemoryKvsStore(undefined, this.entities);
    checked.restore(snapshot);
    const content = checked.snapshot();
    this.db.transaction(() => {
      this.db.exec('DELETE FROM kvs_entries; DELETE FROM kvs_entity_items; DELETE FROM kvs_entity_index;');
      for (const { key, value } of content.entries) this.statements.put.run(key, JSON.stringify(value));
      for (const { entity, key, value } of content.entities ?? []) this.putItem(this.entity(entity), key, JSON.stringify(value));
    })();
  }

  /** Every entry and entity item, in key order, as MemoryKvsStore's `snapshot()` (for inspection and tests). */
  snapshot(): KvsSnapshot {
    const entries = this.db
      .prepare('SELECT key, value FROM kvs_entries ORDER BY key')
      .all()
      .map((raw) => {
        const row = rowSchema.parse(raw);
        return { key: row.key, value: parseJson(row.value) };
      });
    const entities = this.db
      .prepare('SELECT entity, key, value FROM kvs_entity_items ORDER BY entity, key')
      .all()
      .map((raw) => {
        const row = itemRowSchema.parse(raw);
        return { entity: row.entity, key: row.key, value: parseJson(row.value) };
      });
    return { schemaVersion: 1, entries, entities };
  }

  private putItem(entity: CompiledEntity, key: string, json: string): void {
    this.statements.removeIndexOfItem.run(entity.name, key);
    this.statements.putItem.run(entity.name, key, json);
    this.indexItem(entity, key, parseJson(json));
  }

  private indexItem(entity: CompiledEntity, key: string, value: unknown): void {
    for (const index of entity.indexes.values()) {
      const tuple = indexTupleOf(index, value);
      if (tuple !== null) this.statements.putIndex.run(entity.name, index.name, sortKeyOf(tuple.partition, tuple.range, key), key);
    }
  }

  private removeItem(entity: string, key: string): void {
    this.statements.removeIndexOfItem.run(entity, key);
    this.statements.removeItem.run(entity, key);
  }

  /** Rebuilds the index rows of every entity whose declared indexes differ from those they were built for. */
  private reconcileIndexes(): void {
    this.db.transaction(() => {
      for (const entity of this.entities.values()) {
        const wanted = describeIndexes(entity);
        const stored = catalogRowSchema.optional().parse(this.statements.catalogOf.get(entity.name));
        if (stored?.indexes === wanted) continue;
        this.statements.removeIndexOfEntity.run(entity.name);
        for (const raw of this.statements.itemsOf.all(entity.name)) {
          const row = rowSchema.parse(raw);
          this.indexItem(entity, row.key, parseJson(row.value));
        }
        this.statements.putCatalog.run(entity.name, wanted);
      }
    })();
  }

  private scan(sql: string): Statement {
    let statement = this.scans.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.scans.set(sql, statement);
    }
    return statement;
  }

  private entity(name: string): CompiledEntity {
    const entity = this.entities.get(name);
    if (entity === undefined) {
      throw new StorageError('INVALID_ENTITY_TYPE', `The custom entity "${name}" is not declared in manifest.yml (app.storage.entities).`, {
        status: 400,
      });
    }
    return entity;
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

/**
 * The storage port on an open SQLite database (tables created when missing).
 *
 * @example const store = openSqliteKvsStore(openSqliteDatabase(file), { entities: TEST_ENTITIES });
 */
export function openSqliteKvsStore(db: SqliteDatabase, options: SqliteKvsStoreOptions = {}): SqliteKvsStore {
  return new SqliteKvsStore(db, options);
}
