/**
 * The triage view's resolver call (`triage/get`); answers a parsed envelope and never throws.
 */
import { TRIAGE_RESOLVER_KEYS, triageViewSchema, type TriageQuery } from '../../../src/contract/triage-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const triageClient = {
  get: (query: TriageQuery) => invokeResolver(TRIAGE_RESOLVER_KEYS.get, query, triageViewSchema),
};
