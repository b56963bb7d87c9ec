/**
 * The one way the managers' views read compliance aggregates (the gadget, the review report, the
 * CSV export and the bench all come through here), so moving the aggregates to another store
 * changes this module only.
 *
 * Today's storage: one KVS value per month and customer (`agg:<yyyy-mm>:<customer>`, see
 * storage-keys.ts). For every customer, each month is read with a prefix query of pages of 100
 * values (one storage read per page); for one customer, each month is one `get`. Months are read in
 * parallel. A value that does not parse is left out and counted (a rebuild repairs it), never shown
 * as numbers.
 *
 * Uses the storage port only; no Forge imports, no Jira.
 */
import { KVS_LIMITS, type KeyValueStore } from '../adapters/storage/key-value-store';
import { aggregateKey, aggregateMonthPrefix } from '../adapters/storage/storage-keys';
import { parseStoredValue } from '../adapters/storage/typed-value';
import { complianceAggregateSchema, type ComplianceAggregate } from '../contract/compliance-aggregate';
import type { ReportPeriod } from '../contract/report-period';
import { monthsOf } from '../domain/report-period';

export interface AggregateQuery {
  readonly from: string;
  readonly to: string;
  /** Only this customer's aggregates; absent: every customer's. */
  readonly customerId?: string;
}

export interface AggregateReadResult {
  readonly aggregates: ComplianceAggregate[];
  /** Stored values that did not parse (left out). */
  readonly invalid: number;
}

/**
 * The aggregates of every month from `from` through `to`, of one customer or all.
 *
 * @example const { aggregates } = await readComplianceAggregates(store, { from: '2026-07', to: '2026-09' });
 */
export async function readComplianceAggregates(store: KeyValueStore, query: AggregateQuery): Promise<AggregateReadResult> {
  const period: ReportPeriod = { from: query.from, to: query.to };
  const months = monthsOf(period);
  const perMonth = await Promise.all(
    months.map((month) => (query.customerId === undefined ? readMonth(store, month) : readOne(store, month, query.customerId))),
  );
  return {
    aggregates: perMonth.flatMap((m) => m.aggregates),
    invalid: perMonth.reduce((sum, m) => sum + m.invalid, 0),
  };
}

async function readOne(store: KeyValueStore, month: string, customerId: string): Promise<AggregateReadResult> {
  const key = aggregateKey(month, customerId);
  const read = parseStoredValue(key, await store.get(key), complianceAggregateSchema);
  if (read.status === 'found') return { aggregates: [read.value], invalid: 0 };
  return { aggregates: [], invalid: read.status === 'invalid' ? 1 : 0 };
}

async function readMonth(store: KeyValueStore, month: string): Promise<AggregateReadResult> {
  const prefix = aggregateMonthPrefix(month);
  const aggregates: ComplianceAggregate[] = [];
  let invalid = 0;
  let cursor: string | undefined;
  do {
    const page = await store.query(
      cursor === undefined ? { prefix, limit: KVS_LIMITS.maxQueryLimit } : { prefix, limit: KVS_LIMITS.maxQueryLimit, cursor },
    );
    for (const entry of page.entries) {
      const read = parseStoredValue(entry.key, entry.value, complianceAggregateSchema);
      // The key names the month and customer; a value claiming others is corrupt.
      if (read.status === 'found' && read.value.month === month) aggregates.push(read.value);
      else invalid += 1;
    }
    // An empty page after a full one ends the scan (Forge may hand a cursor to an empty page).
    cursor = page.entries.length === 0 ? undefined : page.nextCursor;
  } while (cursor !== undefined);
  return { aggregates, invalid };
}
