/**
 * The one way the managers' views read compliance aggregates (the gadget, the review report, the
 * CSV export and the bench all come through here).
 *
 * The aggregates are `compliance-aggregate` entity items, one per month and customer (ADR 0016,
 * src/app/compliance-store.ts). For every customer, the months are read through the entity's month
 * index, pages of 100 items (one storage read per page); for one customer, each month is one read
 * of its item. An item that does not parse is left out and counted (a reconciliation repairs it),
 * never shown as numbers.
 *
 * Uses the storage port only; no Forge imports, no Jira.
 */
import { KVS_LIMITS, type KeyValueStore } from '../adapters/storage/key-value-store';
import { aggregateItemKey, COMPLIANCE_AGGREGATE_ENTITY } from '../adapters/storage/storage-keys';
import { parseStoredValue } from '../adapters/storage/typed-value';
import { aggregateItemSchema } from '../contract/clock-storage';
import type { ComplianceAggregate } from '../contract/compliance-aggregate';
import type { ReportPeriod } from '../contract/report-period';
import { monthsOf } from '../domain/report-period';
import { countersOf } from './compliance-store';

export interface AggregateQuery {
  readonly from: string;
  readonly to: string;
  /** Only this customer's aggregates; absent: every customer's. */
  readonly customerId?: string;
}

export interface AggregateReadResult {
  readonly aggregates: ComplianceAggregate[];
  /** Stored items that did not parse (left out). */
  readonly invalid: number;
}

/**
 * The aggregates of every month from `from` through `to`, of one customer or all.
 *
 * @example const { aggregates } = await readComplianceAggregates(store, { from: '2026-07', to: '2026-09' });
 */
export async function readComplianceAggregates(store: KeyValueStore, query: AggregateQuery): Promise<AggregateReadResult> {
  const customerId = query.customerId;
  if (customerId === undefined) return readEveryCustomer(store, query);
  const period: ReportPeriod = { from: query.from, to: query.to };
  const perMonth = await Promise.all(monthsOf(period).map((month) => readOne(store, month, customerId)));
  return {
    aggregates: perMonth.flatMap((m) => m.aggregates),
    invalid: perMonth.reduce((sum, m) => sum + m.invalid, 0),
  };
}

async function readOne(store: KeyValueStore, month: string, customerId: string): Promise<AggregateReadResult> {
  const key = aggregateItemKey(month, customerId);
  const read = parseStoredValue(`${COMPLIANCE_AGGREGATE_ENTITY}/${key}`, await store.getEntity(COMPLIANCE_AGGREGATE_ENTITY, key), aggregateItemSchema);
  if (read.status === 'found') return { aggregates: [countersOf(read.value)], invalid: 0 };
  return { aggregates: [], invalid: read.status === 'invalid' ? 1 : 0 };
}

async function readEveryCustomer(store: KeyValueStore, months: { readonly from: string; readonly to: string }): Promise<AggregateReadResult> {
  const aggregates: ComplianceAggregate[] = [];
  let invalid = 0;
  let cursor: string | undefined;
  do {
    const request = {
      entity: COMPLIANCE_AGGREGATE_ENTITY,
      index: 'month',
      where: { condition: 'BETWEEN', from: months.from, to: months.to },
      limit: KVS_LIMITS.maxQueryLimit,
    } as const;
    const page = await store.queryEntity(cursor === undefined ? request : { ...request, cursor });
    for (const entry of page.entries) {
      const read = parseStoredValue(`${COMPLIANCE_AGGREGATE_ENTITY}/${entry.key}`, entry.value, aggregateItemSchema);
      // The key names the month and customer; an item claiming others is corrupt.
      if (read.status === 'found' && entry.key === aggregateItemKey(read.value.month, read.value.customerId)) aggregates.push(countersOf(read.value));
      else invalid += 1;
    }
    // An empty page after a full one ends the scan (Forge may hand a cursor to an empty page).
    cursor = page.entries.length === 0 ? undefined : page.nextCursor;
  } while (cursor !== undefined);
  return { aggregates, invalid };
}
