/**
 * The summary counts in the order the page shows them, each with its catalogue label.
 */
import type { DatabaseSummary } from '../action-result';

export const SUMMARY_FIELDS = [
  { field: 'calendars', label: 'admin.summary.calendars' },
  { field: 'services', label: 'admin.summary.services' },
  { field: 'levels', label: 'admin.summary.levels' },
  { field: 'contracts', label: 'admin.summary.contracts' },
  { field: 'customers', label: 'admin.summary.customers' },
] as const satisfies readonly { field: keyof DatabaseSummary; label: string }[];
