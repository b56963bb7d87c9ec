/**
 * Production implementation of the storage port on `@forge/kvs` (the KVS of the app's installation):
 * `kvs.get/set/delete`, `kvs.query().where('key', WhereConditions.beginsWith(prefix))…getMany()` and
 * `kvs.transact()…execute()`.
 *
 * Before calling Forge it applies the same checks the sandbox's emulation applies (key rules, value
 * limits, transaction limits — key-value-store.ts), so a mistake fails the same way everywhere and
 * costs no request. Errors from Forge (`ForgeKvsAPIError`, network failures) are rethrown as
 * StorageError with Forge's code and the original error as `cause`. Query answers are parsed, not
 * trusted. This module talks to nothing but the KVS client it is given.
 */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { APP_STORAGE_ENTITIES } from './app-entities';
import { compileEntities, type EntityCatalog, type EntityCondition, type EntityRange } from './entity-rules';
import {
  assertValidKey,
  assertValidQueryLimit,
  checkTransaction,
  serializeValue,
  StorageError,
  type EntityQueryRequest,
  type KeyValueStore,
  type QueryPage,
  type QueryRequest,
  type StorableValue,
  type StoreOperation,
} from './key-value-store';

/** The part of the `@forge/kvs` client this adapter uses; tests pass a fake. */
export type ForgeKvsClient = Pick<typeof kvs, 'get' | 'set' | 'delete' | 'query' | 'transact' | 'entity'>;

type ForgeFilterClause = Parameters<Filter<Record<string, unknown>>['and']>[1];
type ForgeWhereClause = ReturnType<(typeof WhereConditions)[keyof typeof WhereConditions]>;

/** Our condition as the SDK's filter clause. */
function filterClause(c: EntityCondition): ForgeFilterClause {
  switch (c.condition) {
    case 'EXISTS':
      return FilterConditions.exists();
    case 'NOT_EXISTS':
      return FilterConditions.notExists();
    case 'EQUAL_TO':
      return FilterConditions.equalTo(c.value);
    case 'NOT_EQUAL_TO':
      return FilterConditions.notEqualTo(c.value);
    case 'GREATER_THAN':
      return FilterConditions.greaterThan(c.value);
    case 'GREATER_THAN_EQUAL_TO':
      return FilterConditions.greaterThanEqualTo(c.value);
    case 'LESS_THAN':
      return FilterConditions.lessThan(c.value);
    case 'LESS_THAN_EQUAL_TO':
      return FilterConditions.lessThanEqualTo(c.value);
    case 'BEGINS_WITH':
      return FilterConditions.beginsWith(c.value);
    case 'BETWEEN':
      return FilterConditions.between(c.from, c.to);
  }
}

/** All conditions joined with "and", as the SDK's Filter builder. */
function filterOf(conditions: readonly EntityCondition[]) {
  const [first, ...rest] = conditions;
  if (first === undefined) throw new StorageError('INVALID_CONDITION', 'A condition list must hold at least one condition.', { status: 400 });
  let filter = new Filter<Record<string, unknown>>().and(first.attribute, filterClause(first));
  for (const c of rest) filter = filter.and(c.attribute, filterClause(c));
  return filter;
}

function whereClause(range: EntityRange): ForgeWhereClause {
  switch (range.condition) {
    case 'EQUAL_TO':
      return WhereConditions.equalTo(range.value);
    case 'GREATER_THAN':
      return WhereConditions.greaterThan(range.value);
    case 'GREATER_THAN_EQUAL_TO':
      return WhereConditions.greaterThanEqualTo(range.value);
    case 'LESS_THAN':
      return WhereConditions.lessThan(range.value);
    case 'LESS_THAN_EQUAL_TO':
      return WhereConditions.lessThanEqualTo(range.value);
    case 'BEGINS_WITH':
      return WhereConditions.beginsWith(range.value);
    case 'BETWEEN':
      return WhereConditions.between(range.from, range.to);
  }
}

const listResultSchema = z.object({
  results: z.array(z.object({ key: z.string(), value: z.unknown() })).nullish(),
  nextCursor: z.string().nullish(),
});

function toStorageError(error: unknown, action: string, key?: string): StorageError {
  if (error instanceof StorageError) return error;
  const where = key === undefined ? '' : ` (key "${key}")`;
  if (error instanceof ForgeKvsAPIError) {
    const options = { status: error.responseDetails.status, cause: error };
    // Forge does not document the code of a transaction whose condition failed; a 409 or a code
    // naming a condition or conflict is read as one, so callers can retry with fresh data.
    if (action === 'transaction' && (error.responseDetails.status === 409 || /CONDITION|CONFLICT/i.test(error.code))) {
      return new StorageError('CONDITION_FAILED', `Forge KVS transaction: a condition did not hold (${error.code}): ${error.message}`, options);
    }
    return new StorageError(
      error.code,
      `Forge KVS ${action} failed${where}: ${error.message}`,
      key === undefined ? options : { ...options, key },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(
    'UNKNOWN_ERROR',
    `Forge KVS ${action} failed${where}: ${message}`,
    key === undefined ? { cause: error } : { cause: error, key },
  );
}

async function call<T>(action: string, key: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error, action, key);
  }
}

/**
 * The storage port on Forge KVS.
 *
 * @example
 * const store = createForgeKvsStore(); // production: the installation's KVS
 * await store.transact([{ type: 'set', key: 'settings', value: settings }, { type: 'delete', key: 'old' }]);
 */
export function createForgeKvsStore(
  client: ForgeKvsClient = kvs,
  entities: EntityCatalog = compileEntities(APP_STORAGE_ENTITIES),
): KeyValueStore {
  return {
    get(key: string): Promise<unknown> {
      return call('get', key, async () => {
        assertValidKey(key);
        const value: unknown = await client.get<unknown>(key);
        return value;
      });
    },

    set(key: string, value: StorableValue): Promise<void> {
      return call('set', key, async () => {
        assertValidKey(key);
        serializeValue(key, value);
        await client.set(key, value);
      });
    },

    delete(key: string): Promise<void> {
      return call('delete', key, async () => {
        assertValidKey(key);
        await client.delete(key);
      });
    },

    query(request: QueryRequest): Promise<QueryPage> {
      return call('query', undefined, async () => {
        if (request.limit !== undefined) assertValidQueryLimit(request.limit);
        let builder = client.query();
        // Without a condition Forge iterates over all keys; beginsWith('') is not something to rely on.
        if (request.prefix !== '') builder = builder.where('key', WhereConditions.beginsWith(request.prefix));
        if (request.limit !== undefined) builder = builder.limit(request.limit);
        if (request.cursor !== undefined) builder = builder.cursor(request.cursor);
        const answer = listResultSchema.safeParse(await builder.getMany<unknown>());
        if (!answer.success) {
          throw new StorageError('INVALID_RESPONSE', `Forge KVS answered a query with an unexpected shape: ${answer.error.message}`);
        }
        const entries = (answer.data.results ?? []).map(({ key, value }) => ({ key, value }));
        const cursor = answer.data.nextCursor;
        return cursor === undefined || cursor === null || cursor === '' ? { entries } : { entries, nextCursor: cursor };
      });
    },

    transact(operations: readonly StoreOperation[]): Promise<void> {
      return call('transaction', undefined, async () => {
        checkTransaction(operations, entities);
        if (operations.length === 0) return;
        let builder = client.transact();
        for (const operation of operations) {
          const entity =
            operation.entity === undefined
              ? undefined
              : operation.conditions === undefined
                ? { entityName: operation.entity }
                : { entityName: operation.entity, conditions: filterOf(operation.conditions) };
          if (operation.type === 'set') {
            // An entity value is an object of attributes (checkTransaction refused anything else).
            if (entity === undefined) builder = builder.set(operation.key, operation.value);
            else if (isRecord(operation.value)) builder = builder.set(operation.key, operation.value, entity);
            else throw new StorageError('INVALID_ENTITY_VALUE', `An entity value must be an object ("${operation.key}").`, { status: 400 });
          }
          else if (operation.type === 'delete') builder = builder.delete(operation.key, entity);
          else builder = builder.check(operation.key, { entityName: operation.entity, conditions: filterOf(operation.conditions) });
        }
        await builder.execute();
      });
    },

    getEntity(entity: string, key: string): Promise<unknown> {
      return call('entity get', key, async () => {
        assertValidKey(key);
        if (!entities.has(entity)) throw unknownEntity(entity);
        const value: unknown = await client.entity<unknown>(entity).get(key);
        return value;
      });
    },

    queryEntity(request: EntityQueryRequest): Promise<QueryPage> {
      return call('entity query', undefined, async () => {
        const limit = request.limit;
        if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100)) {
          throw new StorageError('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 'The page limit must be set between 1 and 100.', { status: 400 });
        }
        const declared = entities.get(request.entity);
        if (declared === undefined) throw unknownEntity(request.entity);
        const index = declared.indexes.get(request.index);
        if (index === undefined || index.partition.length !== (request.partition ?? []).length) {
          throw new StorageError('INVALID_ENTITY_INDEX', `Entity "${request.entity}" has no index "${request.index}" with that partition.`, { status: 400 });
        }
        let builder = client
          .entity<unknown>(request.entity)
          .query()
          .index(request.index, request.partition === undefined || request.partition.length === 0 ? undefined : { partition: [...request.partition] });
        if (request.where !== undefined) builder = builder.where(whereClause(request.where));
        builder = builder.sort(request.sort === 'DESC' ? Sort.DESC : Sort.ASC);
        if (limit !== undefined) builder = builder.limit(limit);
        if (request.cursor !== undefined) builder = builder.cursor(request.cursor);
        const answer = listResultSchema.safeParse(await builder.getMany());
        if (!answer.success) {
          throw new StorageError('INVALID_RESPONSE', `Forge KVS answered an entity query with an unexpected shape: ${answer.error.message}`);
        }
        const entries = (answer.data.results ?? []).map(({ key, value }) => ({ key, value }));
        const cursor = answer.data.nextCursor;
        return cursor === undefined || cursor === null || cursor === '' ? { entries } : { entries, nextCursor: cursor };
      });
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownEntity(entity: string): StorageError {
  return new StorageError('INVALID_ENTITY_TYPE', `The custom entity "${entity}" is not declared in manifest.yml (app.storage.entities).`, {
    status: 400,
  });
}
