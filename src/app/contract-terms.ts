/**
 * The one place where the app loads the contract database to resolve a request's terms (and map Jira
 * priorities to classes). Everything that needs terms — the clock's start, a service change, the
 * panel's re-apply and the panel view — gets them from `loadContractTerms`: the terms slice of the
 * request's organizations (one storage read for nearly every request, ADR 0021), or the whole
 * database while that index is not written yet.
 *
 * Uses the storage port; no Forge imports, no Jira calls.
 */
import type { IssueSnapshot } from './jira-ports';
import type { KeyValueStore } from '../adapters/storage/key-value-store';
import type { ContractDatabase } from '../contract/contract-database';
import { mapJiraPriority, type PriorityMapping } from '../domain/priority-class';
import { resolveTerms, type TermsResolution } from '../domain/resolve-terms';
import { loadTermsDatabase } from './contract-database-store';
import { requestFactsOf } from './issue-facts';

/** What the clock asks of the contract database in one run (of one request's organizations). */
export interface ContractTerms {
  readonly database: ContractDatabase;
  /** The terms for the issue's current fields, with the contract versions in force at `at` (its creation). */
  termsFor(issue: IssueSnapshot, at: Date): TermsResolution;
  /** A Jira priority name as the app's priority class (settings' priority map). */
  priorityClassOf(jiraPriority: string | null): PriorityMapping;
}

/**
 * Loads, once for a run, what terms resolution needs for the issue's organizations.
 *
 * @example const contract = await loadContractTerms(deps.store, issue); contract.termsFor(issue, issue.createdAt);
 */
export async function loadContractTerms(store: KeyValueStore, issue: Pick<IssueSnapshot, 'organizations'>): Promise<ContractTerms> {
  const { database } = await loadTermsDatabase(
    store,
    issue.organizations.map((organization) => organization.id),
  );
  return {
    database,
    termsFor: (issue, at) => resolveTerms(database, requestFactsOf(issue), at),
    priorityClassOf: (jiraPriority) => mapJiraPriority(database.settings.priorities, jiraPriority),
  };
}
