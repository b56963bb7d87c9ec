/**
 * The compliance section of `npm run bench` (issue 8 §4): an MSP with 200 customers and 50 000
 * requests resolved in 2026, counted into the monthly aggregates exactly as the app stores them
 * (`agg:<yyyy-mm>:<customer>` in the in-memory KVS emulation, which applies Forge's limits and query
 * pages of at most 100 values). Then the real resolvers answer, through their @forge/resolver
 * definitions with the Jira emulator in-process behind them:
 *
 * - the gadget for one quarter and every customer (goal: at most 10 storage reads, under 200 ms);
 * - the review report for one customer and a year (it also reads the previous year to compare);
 * - the CSV export for every customer and a quarter.
 *
 * Storage reads are `get` / `query` calls (a query page of up to 100 values is one read). Times are
 * wall-clock medians of several answers after a warm-up; Jira calls are counted apart (in Forge they
 * are network calls, here in-process). Bench-only; never imported by the app.
 */
import { aggregateItemKey, aggregatesReconciledKey, COMPLIANCE_AGGREGATE_ENTITY } from '../src/adapters/storage/storage-keys';
import { buildEntitySetOperation, writeValue } from '../src/adapters/storage/typed-value';
import { saveContractDatabase } from '../src/app/contract-database-store';
import { aggregateItemSchema, aggregatesReconciledSchema, CLOCK_STORAGE_SCHEMA_VERSION } from '../src/contract/clock-storage';
import type { IssueOutcome } from '../src/contract/compliance-aggregate';
import { GADGET_RESOLVER_KEYS, REPORTS_RESOLVER_KEYS } from '../src/contract/compliance-api';
import { PRIORITY_CLASSES, type ContractDatabaseInput } from '../src/contract/contract-database';
import { rebuildAggregates } from '../src/domain/compliance';
import { createGadgetResolver } from '../src/entry/gadget-resolver';
import { createReportsResolver } from '../src/entry/reports-resolver';
import { createSeededRandom } from '../sandbox/runtime/seeded-random';
import { createHarness } from '../test/app/app-harness';

const CUSTOMERS = 200;
const RESOLVED = 50_000;
const RUNS = 15;
const GOAL_READS = 10;
const GOAL_MS = 200;

const services = ['email', 'printing', 'network', 'workplace'] as const;
const levels = ['gold', 'silver', 'bronze'] as const;

function customerId(index: number): string {
  return `c${String(index + 1).padStart(3, '0')}`;
}

/** 200 customers, each with a contract covering the four services at one of three levels. */
function database(): ContractDatabaseInput {
  const office: [string, string][] = [['08:30', '17:30']];
  const targets = { P1: { resolutionMinutes: 240, responseMinutes: 30 }, P2: { resolutionMinutes: 480 }, P3: { resolutionMinutes: 960 }, P4: { resolutionMinutes: 2400 }, P5: { resolutionMinutes: 4800 } };
  // Prices in minor units (cents) of the settings' currency, EUR.
  const eur = (amount: number) => amount * 100;
  return {
    schemaVersion: 2,
    calendars: [{ id: 'office', name: 'Office hours', timeZone: 'Europe/Amsterdam', week: { mon: office, tue: office, wed: office, thu: office, fri: office } }],
    services: services.map((id) => ({ id, name: id.charAt(0).toUpperCase() + id.slice(1) })),
    levels: levels.map((id, i) => ({
      id,
      name: id.charAt(0).toUpperCase() + id.slice(1),
      objectivePercent: [95, 90, 85][i] ?? 95,
      revisions: [{ effectiveFrom: '2026-01-01', calendarId: 'office', targets, monthlyPrices: Object.fromEntries(services.map((s) => [s, eur(100 * (3 - i))])) }],
    })),
    contracts: Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `contract-${customerId(i)}`,
      name: `Customer ${i + 1} managed services`,
      customer: { id: customerId(i), name: `Customer ${String(i + 1).padStart(3, '0')}`, organizationIds: [`org-${i + 1}`] },
      timeZone: 'Europe/Amsterdam',
      versions: [{ version: 1, effectiveFrom: '2026-01-01', coveredServices: services.map((serviceId) => ({ serviceId, levelId: levels[i % 3] ?? 'gold' })), defaultServiceId: 'workplace', monthlyFee: eur(900) }],
    })),
  };
}

/** 50 000 outcomes over 2026: about 92 % on time, a third with a first-response target. */
function outcomes(): IssueOutcome[] {
  const random = createSeededRandom(8);
  return Array.from({ length: RESOLVED }, (_, i): IssueOutcome => {
    const customer = random.int(0, CUSTOMERS - 1);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    return {
      schemaVersion: 1,
      issueId: String(100_000 + i),
      month: `2026-${String(month).padStart(2, '0')}`,
      customerId: customerId(customer),
      serviceId: services[random.int(0, services.length - 1)] ?? 'email',
      levelId: levels[customer % 3] ?? 'gold',
      priorityClass: PRIORITY_CLASSES[random.int(0, 4)] ?? 'P3',
      outcome: random.chance(0.92) ? 'met' : 'breached',
      response: random.chance(0.33) ? (random.chance(0.95) ? 'met' : 'breached') : 'none',
      extensions: random.chance(0.03) ? 1 : 0,
      resolvedAt: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export interface ComplianceBenchResult {
  lines: string[];
  gadgetMet: boolean;
}

/** Runs the compliance section and answers its printed lines. */
export async function runComplianceBench(): Promise<ComplianceBenchResult> {
  const h = await createHarness(new Date('2027-01-04T09:00:00Z'));
  // Saved "before" any demo version came into force, so it may replace the harness's demo database.
  const saved = await saveContractDatabase(h.store, {
    input: database(),
    baseRevision: 1,
    by: h.site.users.admin.accountId,
    now: new Date('2024-12-01T00:00:00Z'),
    action: 'import',
    confirmHistoryRewrite: true,
  });
  if (!saved.ok) throw new Error(`bench database invalid: ${JSON.stringify(saved).slice(0, 300)}`);
  const setupBegin = performance.now();
  const aggregates = rebuildAggregates(outcomes());
  for (let i = 0; i < aggregates.length; i += 25) {
    await h.store.transact(
      aggregates
        .slice(i, i + 25)
        .map((a) => buildEntitySetOperation(COMPLIANCE_AGGREGATE_ENTITY, aggregateItemKey(a.month, a.customerId), aggregateItemSchema, { ...a, revision: 1 })),
    );
  }
  await writeValue(h.store, aggregatesReconciledKey(), aggregatesReconciledSchema, {
    schemaVersion: CLOCK_STORAGE_SCHEMA_VERSION,
    at: '2027-01-03T02:14:00.000Z',
    jobId: 'bench',
    aggregates: aggregates.length,
    corrected: 0,
    outcomes: RESOLVED,
    months: { from: '2026-01', to: '2026-12' },
  });
  const largest = Math.max(...aggregates.map((a) => JSON.stringify(a).length));
  const setupMs = performance.now() - setupBegin;

  const admin = h.site.users.admin.accountId;
  const gadget = createGadgetResolver(h.deps);
  const reports = createReportsResolver(h.deps);
  const measure = async (name: string, run: () => Promise<unknown>) => {
    await run(); // warm-up: compiles the zones' offset tables and the schemas
    const times: number[] = [];
    let reads = 0;
    let jira = 0;
    for (let i = 0; i < RUNS; i += 1) {
      h.reset();
      const begin = performance.now();
      const answer = await run();
      times.push(performance.now() - begin);
      if (typeof answer !== 'object' || answer === null || !('ok' in answer) || answer.ok !== true) throw new Error(`${name}: ${JSON.stringify(answer).slice(0, 300)}`);
      reads = h.store.operations.filter((op) => op.startsWith('get ') || op.startsWith('query ')).length;
      jira = h.jiraCalls.length;
    }
    return { name, ms: median(times), reads, jira };
  };
  const call = (definitions: typeof gadget, functionKey: string, payload: unknown, extension: Record<string, unknown>) => () =>
    definitions({ call: { functionKey, payload }, context: { moduleKey: 'bench', extension, timezone: 'Europe/Amsterdam' } }, { principal: { accountId: admin } } as never);

  const quarter = { kind: 'custom', period: { from: '2026-07', to: '2026-09' } };
  const year = { kind: 'custom', period: { from: '2026-01', to: '2026-12' } };
  const results = [
    await measure('gadget: every customer, one quarter', call(gadget, GADGET_RESOLVER_KEYS.get, {}, { type: 'jira:dashboardGadget', gadgetConfiguration: { period: quarter } })),
    await measure('report: one customer, one year (+ the year before)', call(reports, REPORTS_RESOLVER_KEYS.get, { customerId: 'c042', period: year }, { type: 'jira:globalPage' })),
    await measure('report: every customer, one quarter', call(reports, REPORTS_RESOLVER_KEYS.get, { customerId: null, period: quarter }, { type: 'jira:globalPage' })),
    await measure('CSV: every customer, one quarter', call(reports, REPORTS_RESOLVER_KEYS.exportCsv, { customerId: null, period: quarter }, { type: 'jira:globalPage' })),
  ];

  const lines = [
    '',
    'Compliance (issue 8): the managers’ views on the monthly aggregates (in-memory KVS emulation)',
    `Site: ${CUSTOMERS} customers, ${RESOLVED.toLocaleString('en-US')} requests resolved in 2026 → ${aggregates.length.toLocaleString('en-US')} aggregates (largest ${largest.toLocaleString('en-US')} bytes); stored in ${(setupMs / 1000).toFixed(1)} s`,
    `Times: median of ${RUNS} answers after a warm-up, through the resolver definitions; Jira calls in-process (the emulator), counted apart`,
  ];
  const width = Math.max(...results.map((r) => r.name.length));
  lines.push(`${'answer'.padEnd(width)}  storage reads      ms  Jira calls`);
  for (const r of results) lines.push(`${r.name.padEnd(width)}  ${String(r.reads).padStart(13)}  ${r.ms.toFixed(1).padStart(6)}  ${String(r.jira).padStart(10)}`);
  const gadgetResult = results[0];
  const gadgetMet = gadgetResult !== undefined && gadgetResult.reads <= GOAL_READS && gadgetResult.ms < GOAL_MS;
  lines.push(
    `goal: the gadget in ≤ ${GOAL_READS} storage reads and < ${GOAL_MS} ms: ${gadgetResult?.reads ?? '?'} reads, ${gadgetResult?.ms.toFixed(1) ?? '?'} ms → ${gadgetMet ? 'met' : 'NOT met'}`,
  );
  return { lines, gadgetMet };
}
