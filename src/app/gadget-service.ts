/**
 * The use cases behind the dashboard gadget: its whole view in one call (`gadget/get`) for the
 * configuration Jira saved for it, and the choices its edit view offers (`gadget/options`). Numbers
 * come from the aggregates (never from scanning issues); the open counts from Jira's count of the
 * same JQL the links open (as the caller); the worst breaches from a bounded search of the records.
 * Storage: the contract database and the month pages of the aggregates, nothing else (issue 8's goal
 * is at most 10 reads for a quarter of 200 customers; when the figures were last reconciled is the
 * review report's to say).
 * Every call checks the caller first (compliance-access.ts).
 */
import { fail, ok, type Envelope } from '../contract/envelope';
import type { GadgetConfiguration, GadgetOptions, GadgetView, NamedRef } from '../contract/compliance-api';
import { resolvePeriodChoice, periodDates } from '../domain/report-period';
import {
  combineHeadlines,
  summarizeBreakdown,
  summarizeCustomers,
  summarizeTrend,
  totalFigures,
  withoutContractCount,
  type ReportScope,
} from '../domain/compliance-report';
import { localDateOf } from '../domain/local-date';
import { checkComplianceAccess, COMPLIANCE_FORBIDDEN } from './compliance-access';
import { breachesJql, openStateJql, type JqlScope, type OpenState } from './compliance-jql';
import { findWorstBreaches } from './compliance-records';
import type { AppDeps } from './deps';
import { readComplianceAggregates } from './read-compliance-aggregates';
import { loadReportContracts } from './report-contracts';

/** Who asks, and the zone "this month" is read in (the Forge context's, a display hint). */
export interface ComplianceCaller {
  readonly accountId: string;
  readonly timeZone: string;
}

/** How many breaches the gadget lists, and how far it searches for them. */
export const GADGET_LIMITS = { worstBreaches: 5, breachSearchPages: 5 } as const;

function refIn(list: readonly NamedRef[], id: string | null): NamedRef | null {
  if (id === null) return null;
  return list.find((item) => item.id === id) ?? { id, name: id };
}

/** `gadget/get`: the gadget's view for its saved configuration. */
export async function loadGadgetView(deps: AppDeps, caller: ComplianceCaller, configuration: GadgetConfiguration): Promise<Envelope<GadgetView>> {
  const access = await checkComplianceAccess(deps, caller.accountId);
  if (!access.allowed) return fail('forbidden', COMPLIANCE_FORBIDDEN);
  const now = deps.now();
  const preset = configuration.period.kind === 'preset' ? configuration.period.preset : null;
  const period = resolvePeriodChoice(configuration.period, localDateOf(now, caller.timeZone));
  const scope: ReportScope = { period, customerId: configuration.customerId, serviceId: configuration.serviceId, levelId: configuration.levelId };

  const [contracts, read] = await Promise.all([
    loadReportContracts(deps.store, { period, customerId: configuration.customerId, withTerms: false }),
    readComplianceAggregates(deps.store, { from: period.from, to: period.to, ...(configuration.customerId === null ? {} : { customerId: configuration.customerId }) }),
  ]);
  const customer = refIn(contracts.customers, configuration.customerId);
  const service = refIn(contracts.services, configuration.serviceId);
  const level = refIn(contracts.levels, configuration.levelId);
  const jqlScope: JqlScope = { customerName: customer?.name ?? null, serviceName: service?.name ?? null, levelName: level?.name ?? null };

  const asUser = deps.jiraAsUser(caller.accountId);
  const count = async (state: OpenState) => {
    const jql = openStateJql(state, jqlScope);
    return { count: await asUser.countIssues(jql), jql };
  };
  const [running, paused, atRisk, breached, worst] = await Promise.all([
    count('running'),
    count('paused'),
    count('at-risk'),
    count('breached'),
    findWorstBreaches(deps, breachesJql(period, jqlScope), { ...scope, browsableProjectIds: access.browsableProjectIds }, {
      limit: GADGET_LIMITS.worstBreaches,
      maxPages: GADGET_LIMITS.breachSearchPages,
    }),
  ]);

  const customers = summarizeCustomers(read.aggregates, contracts.catalogue, scope);
  return ok({
    configuration,
    period: { ...period, ...periodDates(period), preset },
    scope: { customer, service, level },
    figures: totalFigures(read.aggregates, scope),
    headline: combineHeadlines(customers.map((c) => c.headline), contracts.catalogue),
    customers,
    breakdown: summarizeBreakdown(read.aggregates, contracts.catalogue, scope),
    trend: summarizeTrend(read.aggregates, scope),
    open: { running, paused, atRisk, breached },
    worstBreaches: worst.breaches,
    worstBreachesIncomplete: !worst.complete,
    withoutContract: withoutContractCount(read.aggregates, scope),
    hasContracts: contracts.hasContracts,
  });
}

/** `gadget/options`: the customers, services and levels the edit view offers. */
export async function loadGadgetOptions(deps: AppDeps, caller: ComplianceCaller, configuration: GadgetConfiguration): Promise<Envelope<GadgetOptions>> {
  const access = await checkComplianceAccess(deps, caller.accountId);
  if (!access.allowed) return fail('forbidden', COMPLIANCE_FORBIDDEN);
  const period = resolvePeriodChoice(configuration.period, localDateOf(deps.now(), caller.timeZone));
  const contracts = await loadReportContracts(deps.store, { period, customerId: null, withTerms: false });
  return ok({ customers: contracts.customers, services: contracts.services, levels: contracts.levels, configuration });
}
