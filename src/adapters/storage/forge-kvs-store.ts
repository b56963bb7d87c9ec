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
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import {
  assertValidKey,
  assertValidQueryLimit,
  checkTransaction,
  serializeValue,
  StorageError,
  type KeyValueStore,
  type QueryPage,
  type QueryRequest,
  type StorableValue,
  type StoreOperation,
} from './key-value-store';

/** The part of the `@forge/kvs` client this adapter uses; tests pass a fake. */
export type ForgeKvsClient = Pick<typeof kvs, 'get' | 'set' | 'delete' | 'query' | 'transact'>;

const listResultSchema = z.object({
  results: z.array(z.object({ key: z.string(), value: z.unknown() })).nullish(),
  nextCursor: z.string().nullish(),
});

function toStorageError(error: unknown, action: string, key?: string): StorageError {
  if (error instanceof StorageError) return error;
  const where = key === undefined ? '' : ` (key "${key}")`;
  if (error instanceof ForgeKvsAPIError) {
    const options = { status: error.responseDetails.status, cause: error };
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
export function createForgeKvsStore(client: ForgeKvsClient = kvs): KeyValueStore {
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
        checkTransaction(operations);
        if (operations.length === 0) return;
        let builder = client.transact();
        for (const operation of operations) {
          builder = operation.type === 'set' ? builder.set(operation.key, operation.value) : builder.delete(operation.key);
        }
        await builder.execute();
      });
    },
  };
}
