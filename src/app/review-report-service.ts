/**
 * The use cases behind the "Contract reviews" page: the review document for a customer (or all) and
 * a period (`reports/get`) and its CSV (`reports/export-csv`). The figures come from the aggregates
 * through src/domain/compliance-report.ts — the same functions the gadget uses, so the page, the CSV
 * and the gadget agree; the missed and uncovered requests from the records (JQL as the app, kept
 * only for projects the caller may browse); the contracts from report-contracts.ts; the service
 * credits (credit-report.ts) and the renewals in the next 90 days with their notice reminders
 * (renewals-overview.ts).
 */
import type { CsvExport, ReportQuery, ReviewReport } from '../contract/compliance-api';
import { creditTotals, formatCreditsCsv } from '../domain/credit-report';
import { fail, ok, type Envelope } from '../contract/envelope';
import {
  combineHeadlines,
  emptyFigures,
  formatCsv,
  summarizeBreakdown,
  summarizeCustomers,
  summarizeTrend,
  totalFigures,
  volumeRows,
  withoutContractCount,
  type ReportScope,
} from '../domain/compliance-report';
import { localDateOf } from '../domain/local-date';
import { periodDates, previousPeriod, resolvePeriodChoice } from '../domain/report-period';
import { checkComplianceAccess, COMPLIANCE_FORBIDDEN } from './compliance-access';
import { missedJql, withoutContractJql } from './compliance-jql';
import { findMissedRequests, findUncoveredRequests, nameExtensionAuthors } from './compliance-records';
import type { AppDeps } from './deps';
import type { ComplianceCaller } from './gadget-service';
import { readLastReconciledAt } from './last-reconciled';
import { readComplianceAggregates } from './read-compliance-aggregates';
import { loadReportContracts } from './report-contracts';
import { renewalsOverview } from './renewals-overview';

/** How far the report searches the records (pages of 100). */
export const REPORT_LIMITS = { recordSearchPages: 20 } as const;

function scopeOf(query: ReportQuery, today: string): ReportScope {
  return { period: resolvePeriodChoice(query.period, today), customerId: query.customerId, serviceId: null, levelId: null };
}

/** `reports/get`: the review document. */
export async function loadReviewReport(deps: AppDeps, caller: ComplianceCaller, query: ReportQuery): Promise<Envelope<ReviewReport>> {
  const access = await checkComplianceAccess(deps, caller.accountId);
  if (!access.allowed) return fail('forbidden', COMPLIANCE_FORBIDDEN);
  const scope = scopeOf(query, localDateOf(deps.now(), caller.timeZone));
  const { period } = scope;
  const previous = previousPeriod(period);
  const previousScope: ReportScope = { ...scope, period: previous };

  const [contracts, read, lastReconciledAt] = await Promise.all([
    loadReportContracts(deps.store, { period, customerId: query.customerId, withTerms: true }),
    readComplianceAggregates(deps.store, { from: previous.from, to: period.to, ...(query.customerId === null ? {} : { customerId: query.customerId }) }),
    readLastReconciledAt(deps.store),
  ]);
  const { catalogue } = contracts;
  const aggregates = read.aggregates;
  const customer = query.customerId === null ? null : { id: query.customerId, name: catalogue.customers.get(query.customerId) ?? query.customerId };
  const recordScope = { ...scope, browsableProjectIds: access.browsableProjectIds };
  const jqlScope = { customerName: customer?.name ?? null, serviceName: null, levelName: null };

  const now = deps.now();
  const [missed, uncovered, renewals] = await Promise.all([
    findMissedRequests(deps, missedJql(period, jqlScope), recordScope, { maxPages: REPORT_LIMITS.recordSearchPages }),
    query.customerId === null
      ? findUncoveredRequests(deps, withoutContractJql(period, contracts.fallbackLevelName), recordScope, {
          maxPages: REPORT_LIMITS.recordSearchPages,
          readerTimeZone: caller.timeZone,
        })
      : Promise.resolve({ uncovered: [], complete: true }),
    renewalsOverview(deps, caller.accountId, {
      renewals: contracts.renewals(now, query.customerId),
      reminders: contracts.reminders(now),
      accountManagerOf: contracts.accountManagerOf,
    }),
  ]);

  const figures = totalFigures(aggregates, scope);
  const credits = contracts.credits(aggregates, scope);
  const current = summarizeCustomers(aggregates, catalogue, scope);
  const before = new Map(summarizeCustomers(aggregates, catalogue, previousScope).map((s) => [s.customer.id, s] as const));
  const customerSummaries = current.map((summary) => ({
    ...summary,
    previous: before.get(summary.customer.id)?.figures ?? emptyFigures(),
    previousLevels: before.get(summary.customer.id)?.levels ?? [],
  }));
  return ok({
    query,
    period: { ...period, ...periodDates(period), preset: query.period.kind === 'preset' ? query.period.preset : null },
    previousPeriod: { ...previous, ...periodDates(previous), preset: null },
    customer,
    customers: contracts.customers,
    lastReconciledAt,
    contracts: contracts.inForce,
    figures,
    previousFigures: totalFigures(aggregates, previousScope),
    headline: combineHeadlines(current.map((c) => c.headline), catalogue),
    customerSummaries,
    volume: volumeRows(aggregates, catalogue, scope),
    breakdown: summarizeBreakdown(aggregates, catalogue, scope),
    trend: summarizeTrend(aggregates, scope),
    missed: await nameExtensionAuthors(deps, caller.accountId, missed.missed),
    missedMismatch: !missed.complete || missed.counted !== figures.missed,
    uncovered: uncovered.uncovered,
    withoutContract: withoutContractCount(aggregates, scope),
    credits,
    creditTotals: creditTotals(credits),
    renewals,
  });
}

/** What both CSV exports read: the report's scope, the contracts in force in its period (without terms) and its aggregates. */
async function readExportInputs(deps: AppDeps, caller: ComplianceCaller, query: ReportQuery) {
  const scope = scopeOf(query, localDateOf(deps.now(), caller.timeZone));
  const { period } = scope;
  const [contracts, read] = await Promise.all([
    loadReportContracts(deps.store, { period, customerId: query.customerId, withTerms: false }),
    readComplianceAggregates(deps.store, { from: period.from, to: period.to, ...(query.customerId === null ? {} : { customerId: query.customerId }) }),
  ]);
  return { scope, contracts, aggregates: read.aggregates };
}

/** `reports/export-csv`: the volume rows of the report as CSV (issue 8's columns, header row first). */
export async function exportReviewCsv(deps: AppDeps, caller: ComplianceCaller, query: ReportQuery): Promise<Envelope<CsvExport>> {
  const access = await checkComplianceAccess(deps, caller.accountId);
  if (!access.allowed) return fail('forbidden', COMPLIANCE_FORBIDDEN);
  const { scope, contracts, aggregates } = await readExportInputs(deps, caller, query);
  const { period } = scope;
  const rows = volumeRows(aggregates, contracts.catalogue, scope);
  const who = query.customerId ?? 'all-customers';
  return ok({ fileName: `contract-review-${who}-${period.from}-to-${period.to}.csv`, csv: formatCsv(rows, period), rows: rows.length });
}

/**
 * `reports/export-credits-csv`: the service credits of the report's customer(s) and period, one row
 * per customer × service × month (issue 14.4's columns, header row first) — the rows the report's
 * credits section shows.
 */
export async function exportCreditsCsv(deps: AppDeps, caller: ComplianceCaller, query: ReportQuery): Promise<Envelope<CsvExport>> {
  const access = await checkComplianceAccess(deps, caller.accountId);
  if (!access.allowed) return fail('forbidden', COMPLIANCE_FORBIDDEN);
  const { scope, contracts, aggregates } = await readExportInputs(deps, caller, query);
  const { period } = scope;
  const rows = contracts.credits(aggregates, scope);
  const who = query.customerId ?? 'all-customers';
  return ok({ fileName: `service-credits-${who}-${period.from}-to-${period.to}.csv`, csv: formatCreditsCsv(rows), rows: rows.length });
}
