/**
 * The use cases behind the customer portal's two panels (issue 13): the agreement and expected times
 * of one request, and "My contract". Who the caller is and what they may see is decided in
 * ./portal-access.ts before anything is read for them; the clock shown is the one in app storage
 * (ADR 0016), never the user-writable issue property; nothing is written.
 *
 * Uses the storage port and the Jira ports; no Forge imports.
 */
import { isServiceRequest } from './jira-ports';
import { isKnownTimeZone } from '../contract/calendar';
import type { ComplianceAggregate } from '../contract/compliance-aggregate';
import { fail, ok, type Envelope } from '../contract/envelope';
import type { MyContractView, PortalRequestView } from '../contract/portal-api';
import { readRevisioned } from '../adapters/storage/typed-value';
import { localDateOf } from '../domain/local-date';
import { readStoredClock } from './clock-store';
import { aggregateItem } from './compliance-store';
import { loadContractTerms } from './contract-terms';
import { loadTermsDatabase } from './contract-database-store';
import type { AppDeps } from './deps';
import { checkRequestAccess, organizationsOfCaller, type PortalCaller } from './portal-access';
import { contractsOfOrganizations, lastQuarterOf, presentMyContract } from './portal-contract-view';
import { customerPromiseOf, presentPortalRequest } from './portal-request-view';
import { loadSiteFacts } from './site-cache';

/** The one answer for a request the caller may not see and one that does not exist: no oracle. */
export const REQUEST_NOT_VISIBLE = 'You cannot see this request.';

/**
 * The zone the caller reads times in: their Jira profile's (read as the app, for them only), else
 * the browser's hint from the Forge context, else UTC.
 */
async function zoneOfCaller(deps: AppDeps, caller: PortalCaller): Promise<string> {
  const profile = await deps.jiraAsApp.getUserTimeZone(caller.accountId).catch(() => null);
  for (const zone of [profile, caller.timeZoneHint]) if (zone !== null && isKnownTimeZone(zone)) return zone;
  return 'UTC';
}

/**
 * `portal/request`: the request of the Forge context, if the caller may see it.
 *
 * @example await loadPortalRequestView(deps, caller, 'ITS-12')
 */
export async function loadPortalRequestView(deps: AppDeps, caller: PortalCaller, issueKey: string): Promise<Envelope<PortalRequestView>> {
  const now = deps.now();
  const site = await loadSiteFacts(deps.store, deps.jiraAsApp, now);
  const access = await checkRequestAccess(deps, caller, issueKey, site.fieldIds);
  if (!access.visible) return fail('forbidden', REQUEST_NOT_VISIBLE);
  const { issue } = access;
  if (!isServiceRequest(issue)) return fail('not-found', 'Contract Clock shows agreements of customer requests only.');
  const [stored, contract, timeZone] = await Promise.all([readStoredClock(deps.store, issue.id), loadContractTerms(deps.store, issue), zoneOfCaller(deps, caller)]);
  const record = stored.value?.record ?? null;
  const contractId = record?.terms?.contract?.id ?? null;
  // Licensed callers see the agent panel's contract anyway; a customer sees the name of a contract
  // only when it names one of their own organizations (a request shared with their organization may
  // run under another organization's contract).
  const mine = access.callerOrganizations === null ? null : new Set(access.callerOrganizations.map((o) => o.id));
  const contractIsCallers =
    contractId !== null && (mine === null || contract.database.contracts.some((c) => c.id === contractId && c.customer.organizationIds.some((id) => mine.has(id))));
  const promise = customerPromiseOf(record?.promise ?? null, now);
  return ok(presentPortalRequest({ issueKey: issue.key, record, database: contract.database, timeZone, contractIsCallers, promise, now }));
}

/** The customer's aggregates of the months, read by key: one storage read per month. */
async function loadCustomerAggregates(deps: AppDeps, customerId: string, months: readonly string[]): Promise<ComplianceAggregate[]> {
  const reads = await Promise.all(months.map((month) => readRevisioned(deps.store, aggregateItem(month, customerId))));
  return reads.flatMap(({ value }) => (value === null ? [] : [{ schemaVersion: value.schemaVersion, month: value.month, customerId: value.customerId, cells: value.cells }]));
}

/**
 * `portal/my-contract`: the contracts of the caller's own organizations.
 *
 * @example await loadMyContractView(deps, caller)
 */
export async function loadMyContractView(deps: AppDeps, caller: PortalCaller): Promise<Envelope<MyContractView>> {
  const now = deps.now();
  const organizations = await organizationsOfCaller(deps, caller);
  if (organizations.length === 0) return ok({ organizations: [], contracts: [] });
  const ids = new Set(organizations.map((o) => o.id));
  const { database } = await loadTermsDatabase(deps.store, [...ids]);
  // The months of last quarter in each contract's zone, per contract customer (aggregates are per customer).
  const months = new Map<string, Set<string>>();
  for (const contract of contractsOfOrganizations(database, ids)) {
    const wanted = months.get(contract.customer.id) ?? new Set<string>();
    for (const month of lastQuarterOf(localDateOf(now, contract.timeZone)).months) wanted.add(month);
    months.set(contract.customer.id, wanted);
  }
  const aggregates = new Map<string, readonly ComplianceAggregate[]>();
  await Promise.all(
    [...months].map(async ([customerId, wanted]) => {
      aggregates.set(customerId, await loadCustomerAggregates(deps, customerId, [...wanted]));
    }),
  );
  return ok(presentMyContract({ organizations, database, aggregates, now }));
}
