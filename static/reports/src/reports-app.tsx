/**
 * The "Contract reviews" page: pick a customer (or all) and a period; the page opens on the last full
 * quarter for every customer, so it is useful before any click. Below the controls, the review
 * document (report-document.tsx) from one `reports/get` call; Export CSV asks `reports/export-csv`
 * for the same query and downloads the file; Print opens the browser's print dialog on the
 * document's A4 print layout.
 */
import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { DEFAULT_REPORT_QUERY, type ReportQuery, type ReviewReport } from '../../../src/contract/compliance-api';
import type { PeriodChoice } from '../../../src/contract/report-period';
import { resolvePeriodChoice } from '../../../src/domain/report-period';
import { todayInBrowser } from '../../shared/compliance/compliance-i18n';
import { LoadError, LoadingState, useResolverLoad } from '../../shared/compliance/load-state';
import { PeriodPicker } from '../../shared/compliance/period-picker';
import { SelectField } from '../../shared/compliance/select-field';
import { Notice } from '../../shared/ui/notice';
import { useI18n, type ReportsI18n } from './messages';
import { ReportDocument } from './report-document';
import { reportsClient } from './reports-client';

const ALL = '';

/** A UTF-8 byte order mark, so spreadsheet programs read the CSV's accents right. */
const BOM = '\uFEFF';

export function ReportsApp() {
  const i18n = useI18n();
  const { t } = i18n;
  const [query, setQuery] = useState<ReportQuery>(DEFAULT_REPORT_QUERY);
  const { load, reload } = useResolverLoad(() => reportsClient.get(query), JSON.stringify(query));
  const ready = load.status === 'ready' ? load.data : null;
  return (
    <main
      data-testid="reports-root"
      data-status={load.status === 'ready' ? (load.refreshing ? 'refreshing' : 'ready') : load.status}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.300'), padding: token('space.050'), color: token('color.text'), font: token('font.body') }}
    >
      <header className="cc-no-print" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        {/* Jira shows the page's title (manifest `title`) above the app, so the app starts with its intro. */}
        <p style={{ margin: 0, color: token('color.text.subtle') }}>{t('reports.intro')}</p>
        <Controls i18n={i18n} query={query} report={ready} onChange={setQuery} />
      </header>
      {load.status === 'loading' ? <LoadingState i18n={i18n} testId="reports-loading" /> : null}
      {load.status === 'failed' ? <LoadError i18n={i18n} error={load.error} onRetry={reload} testId="reports-error" /> : null}
      {ready === null ? null : <ReportDocument i18n={i18n} report={ready} />}
    </main>
  );
}

function Controls({ i18n, query, report, onChange }: { i18n: ReportsI18n; query: ReportQuery; report: ReviewReport | null; onChange: (query: ReportQuery) => void }) {
  const { t } = i18n;
  const [exporting, setExporting] = useState(false);
  const [exportResult, setExportResult] = useState<{ ok: true; text: string } | { ok: false; text: string } | null>(null);
  const downloadRef = useRef<HTMLAnchorElement>(null);
  const customers = report?.customers ?? [];

  const exportCsv = async (): Promise<void> => {
    setExporting(true);
    setExportResult(null);
    const answer = await reportsClient.exportCsv(query);
    setExporting(false);
    if (!answer.ok) {
      setExportResult({ ok: false, text: t(`compliance.error.${answer.error.code}`) });
      return;
    }
    const url = URL.createObjectURL(new Blob([BOM, answer.data.csv], { type: 'text/csv;charset=utf-8' }));
    const link = downloadRef.current;
    if (link !== null) {
      link.href = url;
      link.download = answer.data.fileName;
      link.click();
    }
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 10_000);
    setExportResult({ ok: true, text: t('reports.exported', { fileName: answer.data.fileName, rows: answer.data.rows }) });
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <div style={{ display: 'flex', gap: token('space.200'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <div style={{ minWidth: 220 }}>
          <SelectField
            id="report-customer"
            label={t('compliance.customer')}
            value={query.customerId ?? ALL}
            testId="report-customer"
            disabled={report === null}
            options={[{ value: ALL, label: t('compliance.customer.all') }, ...customers.map((c) => ({ value: c.id, label: c.name }))]}
            onChange={(value) => {
              onChange({ ...query, customerId: value === ALL ? null : value });
            }}
          />
        </div>
        <PeriodPicker
          i18n={i18n}
          value={query.period}
          resolved={report?.period ?? resolvePeriodChoice(query.period, todayInBrowser())}
          testId="report-period"
          onChange={(period: PeriodChoice | null) => {
            if (period !== null) onChange({ ...query, period });
          }}
        />
        <div style={{ display: 'flex', gap: token('space.100'), marginLeft: 'auto' }}>
          <Button onClick={() => void exportCsv()} isDisabled={report === null || exporting} testId="report-export-csv">
            {exporting ? t('reports.exporting') : t('reports.exportCsv')}
          </Button>
          <Button
            appearance="primary"
            isDisabled={report === null}
            testId="report-print"
            onClick={() => {
              window.print();
            }}
          >
            {t('reports.print')}
          </Button>
        </div>
      </div>
      {/* the download link the export clicks; hidden, but a real link so the browser names the file */}
      <a ref={downloadRef} hidden data-testid="report-download-link" aria-hidden="true" />
      <div aria-live="polite">
        {exportResult === null ? null : exportResult.ok ? (
          <span data-testid="report-export-done" style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
            {exportResult.text}
          </span>
        ) : (
          <Notice appearance="error" role="alert" title={t('reports.exportFailed')} testId="report-export-failed">
            {exportResult.text}
          </Notice>
        )}
      </div>
    </div>
  );
}
