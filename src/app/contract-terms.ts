/**
 * The one place where the app loads the contract database to resolve a request's terms (and map Jira
 * priorities to classes). Everything that needs terms — the clock's start, a service change, the
 * panel's re-apply and the panel view — gets them from `loadContractTerms`, so how the database is
 * loaded (today: the whole document, one storage read while it fits inline) can change in one place.
 *
 * Uses the storage port; no Forge imports, no Jira calls.
 */
import type { IssueSnapshot } from './jira-ports';
import type { KeyValueStore } from '../adapters/storage/key-value-store';
import type { ContractDatabase } from '../contract/contract-database';
import { mapJiraPriority, type PriorityMapping } from '../domain/priority-class';
import { resolveTerms, type TermsResolution } from '../domain/resolve-terms';
import { loadContractDatabase } from './contract-database-store';
import { requestFactsOf } from './issue-facts';

/** The contract database of one run, and what the clock asks of it. */
export interface ContractTerms {
  readonly database: ContractDatabase;
  /** The terms for the issue's current fields, with the contract versions in force at `at` (its creation). */
  termsFor(issue: IssueSnapshot, at: Date): TermsResolution;
  /** A Jira priority name as the app's priority class (settings' priority map). */
  priorityClassOf(jiraPriority: string | null): PriorityMapping;
}

/**
 * Loads the contract database once for a run.
 *
 * @example const contract = await loadContractTerms(deps.store); contract.termsFor(issue, issue.createdAt);
 */
export async function loadContractTerms(store: KeyValueStore): Promise<ContractTerms> {
  const { database } = await loadContractDatabase(store);
  return {
    database,
    termsFor: (issue, at) => resolveTerms(database, requestFactsOf(issue), at),
    priorityClassOf: (jiraPriority) => mapJiraPriority(database.settings.priorities, jiraPriority),
  };
}
