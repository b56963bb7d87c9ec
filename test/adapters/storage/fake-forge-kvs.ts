/**
 * A stand-in for the `kvs` client of `@forge/kvs`, with its builder API (query().where().limit()
 * .cursor().getMany(), transact().set().delete().execute()), backed by the Forge-faithful
 * MemoryKvsStore, recording every call and able to fail the next one the way Forge does.
 * Installed with jest.mock('@forge/kvs') by forge-kvs-store.test.ts.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { StorageError, type StorableValue, type StoreOperation } from '../../../src/adapters/storage/key-value-store';
import { MemoryKvsStore } from '../../../src/adapters/storage/memory-kvs-store';

interface WhereClause {
  readonly condition: string;
  readonly values: readonly unknown[];
}

export interface FakeForgeKvs {
  backend: MemoryKvsStore;
  /** One line per Forge call, e.g. `query where=BEGINS_WITH:open-clock: limit=100`. */
  calls: string[];
  /** Fails the next Forge call with this error, once. */
  failNext: Error | undefined;
  /** Replaces the next query answer with this object, once. */
  nextQueryAnswer: unknown;
  reset(): void;
  get(key: string): Promise<unknown>;
  set(key: string, value: StorableValue): Promise<void>;
  delete(key: string): Promise<void>;
  query(): FakeQueryBuilder;
  transact(): FakeTransactionBuilder;
}

interface FakeQueryBuilder {
  where(property: string, clause: WhereClause): FakeQueryBuilder;
  limit(limit: number): FakeQueryBuilder;
  cursor(cursor: string): FakeQueryBuilder;
  getMany(): Promise<unknown>;
}

interface FakeTransactionBuilder {
  set(key: string, value: StorableValue): FakeTransactionBuilder;
  delete(key: string): FakeTransactionBuilder;
  execute(): Promise<void>;
}

/** Turns the emulation's error into the SDK error Forge's HTTP answer would produce. */
function asForgeError(error: unknown): unknown {
  if (!(error instanceof StorageError)) return error;
  return new ForgeKvsAPIError(
    { status: error.status ?? 500, statusText: 'Bad Request', traceId: 'trace-1' },
    { code: error.code, message: error.message },
  );
}

function createFake(): FakeForgeKvs {
  const fake: FakeForgeKvs = {
    backend: new MemoryKvsStore(),
    calls: [],
    failNext: undefined,
    nextQueryAnswer: undefined,
    reset() {
      fake.backend = new MemoryKvsStore();
      fake.calls = [];
      fake.failNext = undefined;
      fake.nextQueryAnswer = undefined;
    },
    get(key) {
      return forge(`get ${key}`, () => fake.backend.get(key));
    },
    set(key, value) {
      return forge(`set ${key}`, () => fake.backend.set(key, value));
    },
    delete(key) {
      return forge(`delete ${key}`, () => fake.backend.delete(key));
    },
    query() {
      let where: WhereClause | undefined;
      let limit: number | undefined;
      let cursor: string | undefined;
      const builder: FakeQueryBuilder = {
        where(property, clause) {
          if (property !== 'key' || clause.condition !== 'BEGINS_WITH') throw new Error('KVS queries support only beginsWith on key');
          where = clause;
          return builder;
        },
        limit(value) {
          limit = value;
          return builder;
        },
        cursor(value) {
          cursor = value;
          return builder;
        },
        getMany() {
          const prefix = where === undefined ? '' : String(where.values[0]);
          const description = `query where=${where === undefined ? '-' : `${where.condition}:${prefix}`} limit=${limit ?? '-'} cursor=${cursor === undefined ? '-' : 'yes'}`;
          return forge(description, async () => {
            if (fake.nextQueryAnswer !== undefined) {
              const answer = fake.nextQueryAnswer;
              fake.nextQueryAnswer = undefined;
              return answer;
            }
            const request = { prefix, ...(limit === undefined ? {} : { limit }), ...(cursor === undefined ? {} : { cursor }) };
            const page = await fake.backend.query(request);
            return { results: page.entries.map(({ key, value }) => ({ key, value })), nextCursor: page.nextCursor };
          });
        },
      };
      return builder;
    },
    transact() {
      const operations: StoreOperation[] = [];
      const builder: FakeTransactionBuilder = {
        set(key, value) {
          operations.push({ type: 'set', key, value });
          return builder;
        },
        delete(key) {
          operations.push({ type: 'delete', key });
          return builder;
        },
        execute() {
          const description = `transact ${operations.map((operation) => `${operation.type}:${operation.key}`).join(',')}`;
          return forge(description, () => fake.backend.transact(operations));
        },
      };
      return builder;
    },
  };

  async function forge<T>(description: string, work: () => Promise<T>): Promise<T> {
    fake.calls.push(description);
    const failure = fake.failNext;
    if (failure !== undefined) {
      fake.failNext = undefined;
      throw failure;
    }
    try {
      return await work();
    } catch (error) {
      throw asForgeError(error);
    }
  }

  return fake;
}

/** The one fake the mocked `@forge/kvs` module hands out. */
export const fakeForgeKvs: FakeForgeKvs = createFake();
