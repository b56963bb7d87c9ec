/**
 * The review page's resolver calls, one function per `reports/...` key; each answers a parsed
 * envelope and never throws.
 */
import { csvExportSchema, REPORTS_RESOLVER_KEYS, reviewReportSchema, type ReportQuery } from '../../../src/contract/compliance-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const reportsClient = {
  get: (query: ReportQuery) => invokeResolver(REPORTS_RESOLVER_KEYS.get, query, reviewReportSchema),
  exportCsv: (query: ReportQuery) => invokeResolver(REPORTS_RESOLVER_KEYS.exportCsv, query, csvExportSchema),
};
