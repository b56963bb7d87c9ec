/**
 * The polite live region of a tab: present (empty) before any action, so screen readers announce
 * the result notice when it appears. Shows the counts of the database after a save or an import
 * and the download link after an export.
 */
import { token } from '@atlaskit/tokens';
import { useI18n } from '../messages';
import { Notice } from '../../../shared/ui/notice';
import type { ActionResult } from '../action-result';
import { SummaryLine } from './summary-line';

export function ResultRegion({ result, testId = 'admin-result' }: { result: ActionResult | null; testId?: string }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" data-testid={testId} data-appearance={result?.appearance}>
      {result === null ? null : (
        <Notice appearance={result.appearance} title={result.title}>
          {result.lines.length === 0 && result.summary === undefined && result.download === undefined ? undefined : (
            <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
              {result.lines.map((line) => (
                <div key={line}>{line}</div>
              ))}
              {result.summary === undefined ? null : <SummaryLine summary={result.summary} />}
              {result.download === undefined ? null : (
                <a href={result.download.href} download={result.download.fileName} data-testid="export-link" style={{ color: token('color.link') }}>
                  {t('admin.export.again', { name: result.download.fileName })}
                </a>
              )}
            </div>
          )}
        </Notice>
      )}
    </div>
  );
}
