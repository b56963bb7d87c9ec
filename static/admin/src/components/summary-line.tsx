/**
 * The database's counts in one line ("Calendars: 2 · Services: 4 · …"), for result notices.
 */
import { token } from '@atlaskit/tokens';
import { useI18n } from '../messages';
import type { DatabaseSummary } from '../action-result';
import { SUMMARY_FIELDS } from './summary-fields';

export function SummaryLine({ summary }: { summary: DatabaseSummary }) {
  const { t } = useI18n();
  return (
    <ul data-testid="result-summary" style={{ display: 'flex', flexWrap: 'wrap', gap: `0 ${token('space.150')}`, margin: 0, padding: 0, listStyle: 'none' }}>
      {SUMMARY_FIELDS.map(({ field, label }) => (
        <li key={field} data-field={field}>
          {t('admin.summary.item', { label: t(label), count: summary[field] })}
        </li>
      ))}
    </ul>
  );
}
