/**
 * A stand-in for the `kvs` client of `@forge/kvs`, with its builder API (query().where().limit()
 * .cursor().getMany(), transact().set().delete().execute()), backed by the Forge-faithful
 * MemoryKvsStore, recording every call and able to fail the next one the way Forge does.
 * Installed with jest.mock('@forge/kvs') by forge-kvs-store.test.ts.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import type { EntityCondition, EntityRange, EntityScalar } from '../../../src/adapters/storage/entity-rules';
import { StorageError, type StorableValue, type StoreOperation } from '../../../src/adapters/storage/key-value-store';
import { MemoryKvsStore } from '../../../src/adapters/storage/memory-kvs-store';
import { TEST_ENTITIES } from './test-entities';

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
  entity(name: string): FakeEntity;
}

/** The SDK's Filter as the fake reads it: `filters()` items and `operator()`. */
interface SdkFilter {
  filters(): readonly { property: string; condition: string; values: readonly unknown[] }[];
  operator(): string;
}

interface FakeEntity {
  get(key: string): Promise<unknown>;
  query(): { index(name: string, options?: { partition?: unknown[] }): FakeEntityQueryBuilder };
}

interface FakeEntityQueryBuilder {
  where(clause: WhereClause): FakeEntityQueryBuilder;
  sort(sort: string): FakeEntityQueryBuilder;
  limit(limit: number): FakeEntityQueryBuilder;
  cursor(cursor: string): FakeEntityQueryBuilder;
  getMany(): Promise<unknown>;
}

function scalar(value: unknown): EntityScalar {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new Error(`not a scalar: ${JSON.stringify(value)}`);
}

function orderable(value: unknown): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`not a string or number: ${JSON.stringify(value)}`);
}

/** The SDK's filter as the port's conditions (what Forge's service would evaluate). */
function conditionsOf(filter: SdkFilter): EntityCondition[] {
  if (filter.operator() !== 'and') throw new Error('the app only sends "and" conditions');
  return filter.filters().map((item): EntityCondition => {
    const attribute = item.property;
    switch (item.condition) {
      case 'EXISTS':
      case 'NOT_EXISTS':
        return { attribute, condition: item.condition };
      case 'EQUAL_TO':
      case 'NOT_EQUAL_TO':
        return { attribute, condition: item.condition, value: scalar(item.values[0]) };
      case 'BETWEEN':
        return { attribute, condition: 'BETWEEN', from: orderable(item.values[0]), to: orderable(item.values[1]) };
      case 'GREATER_THAN':
      case 'GREATER_THAN_EQUAL_TO':
      case 'LESS_THAN':
      case 'LESS_THAN_EQUAL_TO':
      case 'BEGINS_WITH':
        return { attribute, condition: item.condition, value: orderable(item.values[0]) };
      default:
        throw new Error(`unexpected condition ${item.condition}`);
    }
  });
}

function rangeOf(clause: WhereClause): EntityRange {
  switch (clause.condition) {
    case 'EQUAL_TO':
      return { condition: 'EQUAL_TO', value: scalar(clause.values[0]) };
    case 'BETWEEN':
      return { condition: 'BETWEEN', from: orderable(clause.values[0]), to: orderable(clause.values[1]) };
    case 'GREATER_THAN':
    case 'GREATER_THAN_EQUAL_TO':
    case 'LESS_THAN':
    case 'LESS_THAN_EQUAL_TO':
    case 'BEGINS_WITH':
      return { condition: clause.condition, value: orderable(clause.values[0]) };
    default:
      throw new Error(`unexpected where ${clause.condition}`);
  }
}

interface FakeQueryBuilder {
  where(property: string, clause: WhereClause): FakeQueryBuilder;
  limit(limit: number): FakeQueryBuilder;
  cursor(cursor: string): FakeQueryBuilder;
  getMany(): Promise<unknown>;
}

interface EntityOption {
  entityName: string;
  conditions?: SdkFilter;
}

interface FakeTransactionBuilder {
  set(key: string, value: StorableValue, entity?: EntityOption): FakeTransactionBuilder;
  delete(key: string, entity?: EntityOption): FakeTransactionBuilder;
  check(key: string, entity: { entityName: string; conditions: SdkFilter }): FakeTransactionBuilder;
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
    backend: new MemoryKvsStore(undefined, TEST_ENTITIES),
    calls: [],
    failNext: undefined,
    nextQueryAnswer: undefined,
    reset() {
      fake.backend = new MemoryKvsStore(undefined, TEST_ENTITIES);
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
    entity(name) {
      return {
        get(key) {
          return forge(`entity ${name} get ${key}`, () => fake.backend.getEntity(name, key));
        },
        query() {
          return {
            index(indexName, options) {
              let where: WhereClause | undefined;
              let sort: string | undefined;
              let limit: number | undefined;
              let cursor: string | undefined;
              const builder: FakeEntityQueryBuilder = {
                where(clause) {
                  where = clause;
                  return builder;
                },
                sort(value) {
                  sort = value;
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
                  const partition = (options?.partition ?? []).map(scalar);
                  const description = `entity ${name} query ${indexName} partition=${JSON.stringify(partition)} where=${where === undefined ? '-' : `${where.condition}:${JSON.stringify(where.values)}`} sort=${sort ?? '-'} limit=${limit ?? '-'} cursor=${cursor === undefined ? '-' : 'yes'}`;
                  return forge(description, async () => {
                    const page = await fake.backend.queryEntity({
                      entity: name,
                      index: indexName,
                      partition,
                      ...(where === undefined ? {} : { where: rangeOf(where) }),
                      ...(sort === 'DESC' ? { sort: 'DESC' as const } : {}),
                      ...(limit === undefined ? {} : { limit }),
                      ...(cursor === undefined ? {} : { cursor }),
                    });
                    return { results: page.entries.map(({ key, value }) => ({ key, value })), nextCursor: page.nextCursor };
                  });
                },
              };
              return builder;
            },
          };
        },
      };
    },
    transact() {
      const operations: StoreOperation[] = [];
      const scoped = (entity: EntityOption | undefined) =>
        entity === undefined
          ? {}
          : entity.conditions === undefined
            ? { entity: entity.entityName }
            : { entity: entity.entityName, conditions: conditionsOf(entity.conditions) };
      const builder: FakeTransactionBuilder = {
        set(key, value, entity) {
          operations.push({ type: 'set', key, value, ...scoped(entity) });
          return builder;
        },
        delete(key, entity) {
          operations.push({ type: 'delete', key, ...scoped(entity) });
          return builder;
        },
        check(key, entity) {
          operations.push({ type: 'check', key, entity: entity.entityName, conditions: conditionsOf(entity.conditions) });
          return builder;
        },
        execute() {
          const description = `transact ${operations
            .map((o) => `${o.type}:${o.entity === undefined ? '' : `${o.entity}/`}${o.key}${o.conditions === undefined ? '' : `?${o.conditions.map((c) => `${c.attribute} ${c.condition}${'value' in c ? ` ${String(c.value)}` : ''}`).join('&')}`}`)
            .join(',')}`;
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
