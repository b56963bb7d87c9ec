/**
 * Resolvers of the "Contract reviews" page (`jira:globalPage`), one per key of
 * src/contract/compliance-api.ts: the review document and its CSV for a customer and period. Every
 * key checks the caller (Jira admins and service project agents only).
 */
import type { DepsSource } from '../app/deps';
import { exportReviewCsv, loadReviewReport } from '../app/review-report-service';
import { REPORTS_RESOLVER_KEYS, reportQuerySchema } from '../contract/compliance-api';
import { complianceCallerOf } from './gadget-resolver';
import { productionDeps } from './production-deps';
import { buildResolver, defineResolver } from './resolver-kit';

export function createReportsResolver(deps: DepsSource = productionDeps) {
  return buildResolver('reports', deps, {
    [REPORTS_RESOLVER_KEYS.get]: defineResolver({
      payload: reportQuerySchema,
      run: (call) => loadReviewReport(call.deps, complianceCallerOf(call.accountId, call.context), call.payload),
    }),
    [REPORTS_RESOLVER_KEYS.exportCsv]: defineResolver({
      payload: reportQuerySchema,
      run: (call) => exportReviewCsv(call.deps, complianceCallerOf(call.accountId, call.context), call.payload),
    }),
  });
}

export const reportsResolver = createReportsResolver();
