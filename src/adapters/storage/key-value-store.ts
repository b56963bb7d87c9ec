/**
 * The storage port: the one key-value interface the app uses, with Forge KVS semantics and limits as
 * its contract. Production implements it on `@forge/kvs` (forge-kvs-store.ts); the sandbox and the
 * tests use the in-memory emulation (memory-kvs-store.ts) or the same rules on SQLite
 * (sqlite-kvs-store.ts). Keys are built only in storage-keys.ts; values are read and written through
 * typed-value.ts so every one is parsed with zod.
 *
 * This module holds the interface, the documented limits and the checks both adapters apply before
 * they touch storage, so the sandbox rejects exactly what Forge rejects. No I/O, no Forge import.
 *
 * Limits, as Atlassian documents them (checked 2026):
 * - developer.atlassian.com/platform/forge/limits-kvs-ce ("Key and object size limits"):
 *   key length 500, key format /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/, value size 240 KiB (persisted,
 *   raw), object depth 31.
 * - .../storage-reference/handling-errors-kvs: error codes KEY_TOO_SHORT ("needs to be more than one
 *   character"), KEY_TOO_LONG, INVALID_KEY, MAX_SIZE, MAX_DEPTH (that page says depth 32; we apply the
 *   stricter 31 of the limits page), LIST_QUERY_LIMIT_EXCEEDED.
 * - .../storage-reference/transactions: at most 25 operations, each key once, payload 4 MB — with a
 *   known bug (FRGE-1916) that limits transaction payloads to 1 MB; we apply the 1 MB that Forge
 *   enforces today.
 * - .../runtime-reference/storage-api-query: query by key prefix only (`beginsWith`), 10 results by
 *   default, at most 100; a cursor continues after the previous page and must not be persisted.
 * - `@forge/kvs` `get` answers `undefined` for a missing key (the SDK swallows KEY_NOT_FOUND), and
 *   `delete` of a missing key succeeds.
 */
import {
  conditionsProblem,
  entityValueProblem,
  type EntityCatalog,
  type EntityCondition,
  type EntityRange,
  type EntityScalar,
} from './entity-rules';

/** A value Forge accepts: `transact.set(key, value: array | boolean | number | object | string)`. */
export type StorableValue = string | number | boolean | object;

/**
 * One operation of a transaction. Without `entity` it is a Key-Value Store write; with `entity` it
 * writes an item of that custom entity (manifest.yml `app.storage.entities`), and may carry
 * `conditions` on the stored item that must all hold or the whole transaction fails with
 * CONDITION_FAILED. A `check` writes nothing: the item must exist and meet its conditions.
 * Forge supports conditions on custom entities only (entity-rules.ts has the sources).
 */
export type StoreOperation =
  | {
      readonly type: 'set';
      readonly key: string;
      readonly value: StorableValue;
      readonly entity?: string;
      readonly conditions?: readonly EntityCondition[];
    }
  | { readonly type: 'delete'; readonly key: string; readonly entity?: string; readonly conditions?: readonly EntityCondition[] }
  | { readonly type: 'check'; readonly key: string; readonly entity: string; readonly conditions: readonly EntityCondition[] };

/** A query through one index of a custom entity (kvs.entity(name).query().index(…)…getMany()). */
export interface EntityQueryRequest {
  readonly entity: string;
  readonly index: string;
  /** One value per partition attribute of the index, in its order; [] for an index without one. */
  readonly partition?: readonly EntityScalar[];
  /** A condition on the index's first range attribute. */
  readonly where?: EntityRange;
  /** By the index's range attributes (then by key); default ascending. */
  readonly sort?: 'ASC' | 'DESC';
  /** Page size, 1..100; Forge's default is 10. */
  readonly limit?: number;
  readonly cursor?: string;
}

/** A key and the value stored under it; the value is unknown until parsed (typed-value.ts). */
export interface StoredEntry {
  readonly key: string;
  readonly value: unknown;
}

export interface QueryRequest {
  /** Only keys beginning with this string; `''` iterates over all keys. */
  readonly prefix: string;
  /** Page size, 1..100; Forge's default is 10. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. Cursors are not stable: never persist them. */
  readonly cursor?: string;
}

export interface QueryPage {
  readonly entries: readonly StoredEntry[];
  /** Present when another page may follow; the next page may be empty. */
  readonly nextCursor?: string;
}

/**
 * The storage port. Implementations: `createForgeKvsStore` (production), `MemoryKvsStore` and
 * `openSqliteKvsStore` (sandbox, tests).
 */
export interface KeyValueStore {
  /** The stored value, or `undefined` when the key does not exist. */
  get(key: string): Promise<unknown>;
  set(key: string, value: StorableValue): Promise<void>;
  /** Succeeds whether or not the key exists. */
  delete(key: string): Promise<void>;
  /** One page of entries whose key begins with `prefix`. */
  query(request: QueryRequest): Promise<QueryPage>;
  /**
   * All operations commit or none does. At most 25 operations, each key (per entity) once; `[]` is
   * a no-op. Fails with CONDITION_FAILED, changing nothing, when a condition does not hold.
   */
  transact(operations: readonly StoreOperation[]): Promise<void>;
  /** The stored item of a custom entity, or `undefined` when the key does not exist. */
  getEntity(entity: string, key: string): Promise<unknown>;
  /** One page of items of a custom entity, through one of its indexes. */
  queryEntity(request: EntityQueryRequest): Promise<QueryPage>;
}

/** Forge KVS limits (see the header for sources). */
export const KVS_LIMITS = {
  /** "The provided key needs to be more than one character." */
  minKeyLength: 2,
  maxKeyLength: 500,
  /** 240 KiB, measured on the JSON text as UTF-8 bytes. */
  maxValueBytes: 240 * 1024,
  maxObjectDepth: 31,
  defaultQueryLimit: 10,
  maxQueryLimit: 100,
  maxTransactionOperations: 25,
  /** Documented 4 MB; 1 MB is what Forge enforces while FRGE-1916 is open. */
  maxTransactionPayloadBytes: 1024 * 1024,
} as const;

/**
 * Forge's documented key format. Inside the class `\s-#` is not a range: a class escape cannot bound
 * one, so it reads as "whitespace, '-' and '#'" — written here without the ambiguity.
 */
const KEY_FORMAT = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;

/**
 * The failure of a storage call. `code` is Forge's error code where Forge documents one (KEY_TOO_LONG,
 * MAX_SIZE, LIST_QUERY_LIMIT_EXCEEDED, …); codes Forge does not document (transaction limits, bad
 * cursors, non-JSON values) are named in the same style. `cause` keeps the Forge SDK error.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: string;
  /** HTTP status Forge answered with (400 for validation errors), when known. */
  readonly status: number | undefined;
  /** The key the error is about, when it is about one. */
  readonly key: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { status?: number; key?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.key = options.key;
  }
}

function badRequest(code: string, message: string, key?: string): StorageError {
  return key === undefined
    ? new StorageError(code, message, { status: 400 })
    : new StorageError(code, message, { status: 400, key });
}

/**
 * Throws the StorageError Forge would answer for a key that breaks its rules.
 *
 * @example assertValidKey('open-clock:10042') // ok
 * @example assertValidKey('a/b') // throws StorageError INVALID_KEY
 */
export function assertValidKey(key: string): void {
  if (key.length < KVS_LIMITS.minKeyLength) {
    throw badRequest('KEY_TOO_SHORT', 'The provided key needs to be more than one character.', key);
  }
  if (key.length > KVS_LIMITS.maxKeyLength) {
    throw badRequest(
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${KVS_LIMITS.maxKeyLength} characters.`,
      key.slice(0, 80),
    );
  }
  if (!KEY_FORMAT.test(key)) {
    throw badRequest('INVALID_KEY', `The provided key does not match the regex: ${KEY_FORMAT.source}`, key);
  }
}

/** JSON.stringify as it behaves at run time: `undefined` when a `toJSON()` answers nothing. */
function stringifyJson(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) {
    const depth = depthOf(child);
    if (depth > deepest) deepest = depth;
  }
  return deepest + 1;
}

/**
 * Checks a value against Forge's value rules and answers its JSON text — the form Forge persists, so
 * `undefined` properties vanish and the size is measured on what is stored.
 */
export function serializeValue(key: string, value: unknown): string {
  if (
    typeof value !== 'string' &&
    typeof value !== 'number' &&
    typeof value !== 'boolean' &&
    (typeof value !== 'object' || value === null)
  ) {
    throw badRequest('INVALID_VALUE', `The value for "${key}" must be an array, boolean, number, object or string.`, key);
  }
  let json: string | undefined;
  try {
    json = stringifyJson(value);
  } catch (error) {
    throw new StorageError('INVALID_VALUE', `The value for "${key}" is not JSON-serializable.`, {
      status: 400,
      key,
      cause: error,
    });
  }
  if (json === undefined) {
    throw badRequest('INVALID_VALUE', `The value for "${key}" is not JSON-serializable.`, key);
  }
  if (Buffer.byteLength(json, 'utf8') > KVS_LIMITS.maxValueBytes) {
    throw badRequest('MAX_SIZE', `The provided value has exceeded the maximum size limit (key "${key}").`, key);
  }
  // Depth is measured on the parsed text, so toJSON() results and dropped properties count as stored.
  if (depthOf(JSON.parse(json)) > KVS_LIMITS.maxObjectDepth) {
    throw badRequest(
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${KVS_LIMITS.maxObjectDepth}) limit (key "${key}").`,
      key,
    );
  }
  return json;
}

/** Throws unless `limit` is a page size Forge accepts. */
export function assertValidQueryLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
    throw badRequest(
      'LIST_QUERY_LIMIT_EXCEEDED',
      `Limit for list query should be between 1 and ${KVS_LIMITS.maxQueryLimit}.`,
    );
  }
}

/** A transaction that passed every check: the JSON text of each set, the keys to delete, the conditions to verify. */
export interface CheckedTransaction {
  readonly sets: readonly { readonly key: string; readonly entity?: string; readonly json: string }[];
  readonly deletes: readonly { readonly key: string; readonly entity?: string }[];
  /** Every condition of the transaction, with the item it is about; `mustExist` for `check`. */
  readonly conditions: readonly {
    readonly key: string;
    readonly entity: string;
    readonly conditions: readonly EntityCondition[];
    readonly mustExist: boolean;
  }[];
}

/** The failure of a transaction whose condition did not hold: nothing was written. */
export function conditionFailed(entity: string, key: string): StorageError {
  return new StorageError('CONDITION_FAILED', `The conditions on "${key}" of entity "${entity}" do not hold; nothing was written.`, {
    status: 409,
    key,
  });
}

/** True for the error of a transaction whose conditions did not hold (another writer came first). */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof StorageError && error.code === 'CONDITION_FAILED';
}

function checkEntityOperation(operation: StoreOperation, entities: EntityCatalog): void {
  const name = operation.entity;
  if (name === undefined) {
    if (operation.conditions !== undefined) {
      throw badRequest('INVALID_CONDITION', `Conditions apply to custom entities only ("${operation.key}" has no entity).`, operation.key);
    }
    return;
  }
  const entity = entities.get(name);
  if (entity === undefined) {
    throw badRequest('INVALID_ENTITY_TYPE', `The custom entity "${name}" is not declared in manifest.yml (app.storage.entities).`, operation.key);
  }
  if (operation.conditions !== undefined) {
    const problem = conditionsProblem(entity, operation.conditions);
    if (problem !== null) throw badRequest('INVALID_CONDITION', `Entity "${name}", key "${operation.key}": ${problem}.`, operation.key);
  }
  if (operation.type === 'set') {
    const problem = entityValueProblem(entity, operation.value);
    if (problem !== null) throw badRequest('INVALID_ENTITY_VALUE', `Entity "${name}", key "${operation.key}": ${problem}.`, operation.key);
  }
}

/**
 * Applies Forge's transaction rules — operation count, unique keys, key format, value limits, payload
 * size, and for custom entities the declared entity, attribute types and conditions — and answers
 * the checked transaction. Nothing is written by this function, and conditions are not evaluated
 * (they depend on what is stored: the store evaluates them when it commits).
 */
export function checkTransaction(operations: readonly StoreOperation[], entities: EntityCatalog = new Map()): CheckedTransaction {
  if (operations.length > KVS_LIMITS.maxTransactionOperations) {
    throw badRequest(
      'TRANSACTION_TOO_MANY_OPERATIONS',
      `Each transaction can contain a maximum of ${KVS_LIMITS.maxTransactionOperations} operations (got ${operations.length}).`,
    );
  }
  const seen = new Set<string>();
  const sets: { key: string; entity?: string; json: string }[] = [];
  const deletes: { key: string; entity?: string }[] = [];
  const conditions: CheckedTransaction['conditions'][number][] = [];
  // Payload as the SDK sends it: {"set":[{"key":…,"value":…}],"delete":[{"key":…}],"check":[…]}.
  let payloadBytes = 24;
  for (const operation of operations) {
    assertValidKey(operation.key);
    checkEntityOperation(operation, entities);
    const identity = `${operation.entity ?? ''}\u0000${operation.key}`;
    if (seen.has(identity)) {
      throw badRequest(
        'TRANSACTION_DUPLICATE_KEY',
        `Each key can only be used once in a transaction ("${operation.key}"${operation.entity === undefined ? '' : ` of entity "${operation.entity}"`}).`,
        operation.key,
      );
    }
    seen.add(identity);
    const scope = operation.entity === undefined ? {} : { entity: operation.entity };
    payloadBytes += Buffer.byteLength(operation.key, 'utf8') + 20 + (operation.entity?.length ?? 0);
    if (operation.entity !== undefined && operation.conditions !== undefined) {
      payloadBytes += Buffer.byteLength(JSON.stringify(operation.conditions), 'utf8');
      conditions.push({ key: operation.key, entity: operation.entity, conditions: operation.conditions, mustExist: operation.type === 'check' });
    }
    if (operation.type === 'set') {
      const json = serializeValue(operation.key, operation.value);
      payloadBytes += Buffer.byteLength(json, 'utf8');
      sets.push({ key: operation.key, ...scope, json });
    } else if (operation.type === 'delete') {
      deletes.push({ key: operation.key, ...scope });
    }
  }
  if (payloadBytes > KVS_LIMITS.maxTransactionPayloadBytes) {
    throw badRequest(
      'TRANSACTION_PAYLOAD_TOO_LARGE',
      `The transaction payload (${payloadBytes} bytes) exceeds ${KVS_LIMITS.maxTransactionPayloadBytes} bytes.`,
    );
  }
  return { sets, deletes, conditions };
}

/**
 * Every entry whose key begins with `prefix`, page by page, in the store's order.
 *
 * @example for await (const { key } of scanPrefix(store, OPEN_CLOCK_PREFIX)) { … }
 */
export async function* scanPrefix(
  store: KeyValueStore,
  prefix: string,
  pageSize: number = KVS_LIMITS.maxQueryLimit,
): AsyncGenerator<StoredEntry, void, undefined> {
  let cursor: string | undefined;
  do {
    const page: QueryPage = await store.query(
      cursor === undefined ? { prefix, limit: pageSize } : { prefix, limit: pageSize, cursor },
    );
    yield* page.entries;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/**
 * Every item an entity query selects, page by page, in index order.
 *
 * @example for await (const { key, value } of scanEntity(store, { entity: 'compliance-aggregate', index: 'month', where })) { … }
 */
export async function* scanEntity(
  store: KeyValueStore,
  request: Omit<EntityQueryRequest, 'cursor' | 'limit'>,
  pageSize: number = KVS_LIMITS.maxQueryLimit,
): AsyncGenerator<StoredEntry, void, undefined> {
  let cursor: string | undefined;
  do {
    const page: QueryPage = await store.queryEntity(cursor === undefined ? { ...request, limit: pageSize } : { ...request, limit: pageSize, cursor });
    yield* page.entries;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}
