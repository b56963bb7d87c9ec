/**
 * A KeyValueStore wrapper for tests: counts calls and lets a test fail or intercept a chosen call,
 * before it reaches the inner store or after it landed (a timeout after the write).
 */
import type {
  EntityQueryRequest,
  KeyValueStore,
  QueryPage,
  QueryRequest,
  StorableValue,
  StoreOperation,
} from '../../../src/adapters/storage/key-value-store';

export interface Script {
  /** Called before the n-th (1-based) transact reaches the inner store; throw to fail it. */
  beforeTransact?: (call: number, operations: readonly StoreOperation[]) => void;
  /** Called after the n-th transact landed; throw to report a failure although it committed. */
  afterTransact?: (call: number, operations: readonly StoreOperation[]) => void;
  /** Called before each get reaches the inner store. */
  beforeGet?: (key: string) => Promise<void>;
}

export class ScriptedStore implements KeyValueStore {
  readonly transactions: StoreOperation[][] = [];
  gets = 0;

  constructor(
    private readonly inner: KeyValueStore,
    public script: Script = {},
  ) {}

  async get(key: string): Promise<unknown> {
    this.gets += 1;
    await this.script.beforeGet?.(key);
    return this.inner.get(key);
  }

  set(key: string, value: StorableValue): Promise<void> {
    return this.transact([{ type: 'set', key, value }]);
  }

  delete(key: string): Promise<void> {
    return this.transact([{ type: 'delete', key }]);
  }

  query(request: QueryRequest): Promise<QueryPage> {
    return this.inner.query(request);
  }

  getEntity(entity: string, key: string): Promise<unknown> {
    return this.inner.getEntity(entity, key);
  }

  queryEntity(request: EntityQueryRequest): Promise<QueryPage> {
    return this.inner.queryEntity(request);
  }

  async transact(operations: readonly StoreOperation[]): Promise<void> {
    this.transactions.push([...operations]);
    const call = this.transactions.length;
    this.script.beforeTransact?.(call, operations);
    await this.inner.transact(operations);
    this.script.afterTransact?.(call, operations);
  }
}
