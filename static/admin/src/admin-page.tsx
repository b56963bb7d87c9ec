/**
 * The settings page once the database is loaded: header with status and counts, and the tabs
 * Overview, Edit as JSON, Import and export, Jira names and Maintenance. This component owns the
 * page's state (the editor draft, each tab's last result and errors, the Jira names) so that
 * switching tabs loses nothing, and runs every resolver call of the page.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { ADMIN_LIMITS, type AdminGetData } from '../../../src/contract/admin-api';
import type { ResolverError } from '../../../src/contract/envelope';
import { useI18n } from './messages';
import { Notice } from '../../shared/ui/notice';
import { failureResult, type ActionResult } from './action-result';
import { adminClient } from './admin-client';
import { EditorTab, type EditorBusy } from './components/editor-tab';
import { JiraNamesTab, type JiraNamesLoad } from './components/jira-names-tab';
import { MaintenanceTab } from './components/maintenance-tab';
import { OverviewTab } from './components/overview-tab';
import { PageHeader } from './components/page-header';
import { ResultRegion } from './components/result-region';
import { TransferTab, type TransferBusy } from './components/transfer-tab';
import { formatBytes, utf8Bytes } from './database-view';
import { parseForSending, type DocumentCheck } from './document-check';
import { formatJson } from './json-text';
import { useJsonDraft } from './use-json-draft';
import { errorsOfAnswer } from './validation-errors';
import { useConfirmation } from './use-confirmation';

export const ADMIN_TABS = ['overview', 'editor', 'transfer', 'jira', 'maintenance'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export interface AdminPageProps {
  data: AdminGetData;
  refreshing: boolean;
  refreshError: ResolverError | null;
  reload: () => Promise<AdminGetData | null>;
}

export function AdminPage({ data, refreshing, refreshError, reload }: AdminPageProps) {
  const { t, locale } = useI18n();
  const [tab, setTab] = useState<AdminTab>('overview');
  const draft = useJsonDraft(formatJson(data.database));
  const [editorCheck, setEditorCheck] = useState<DocumentCheck | null>(null);
  const [editorBusy, setEditorBusy] = useState<EditorBusy>(null);
  const [importText, setImportText] = useState('');
  const [importCheck, setImportCheck] = useState<DocumentCheck | null>(null);
  const [transferBusy, setTransferBusy] = useState<TransferBusy>(null);
  /** The last import would rewrite history: the tab offers to restore it anyway. */
  const [historyConfirmation, setHistoryConfirmation] = useState(false);
  const [rebuildBusy, setRebuildBusy] = useState(false);
  const [jira, setJira] = useState<JiraNamesLoad>({ status: 'idle' });
  const [results, setResults] = useState<Partial<Record<AdminTab, ActionResult>>>({});
  const discard = useConfirmation();
  const exportUrl = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (exportUrl.current !== null) URL.revokeObjectURL(exportUrl.current);
    },
    [],
  );

  const show = (where: AdminTab, result: ActionResult | null) => {
    setResults((current) => {
      const { [where]: _old, ...rest } = current;
      return result === null ? rest : { ...rest, [where]: result };
    });
  };

  /** Loads the database again and puts it in the editor (callers have handled unsaved edits). */
  async function reloadIntoEditor(): Promise<AdminGetData | null> {
    const next = await reload();
    if (next !== null) {
      draft.reset(formatJson(next.database));
      setEditorCheck(null);
    }
    return next;
  }

  // ---- Header
  function requestReload(): void {
    if (draft.dirty) discard.ask();
    else void reloadIntoEditor();
  }

  // ---- Editor
  /** The editor's JSON, or null after showing its syntax error (nothing is sent then). */
  function parseEditorText(text: string): { value: unknown } | null {
    const parsed = parseForSending(text);
    if (parsed.ok) return { value: parsed.value };
    setEditorCheck(parsed.check);
    show('editor', { appearance: 'error', title: t('admin.result.syntax'), lines: [] });
    return null;
  }

  async function validate(): Promise<void> {
    const text = draft.text;
    const parsed = parseEditorText(text);
    if (parsed === null) return;
    setEditorBusy('validate');
    const answer = await adminClient.validate(parsed.value, data.revision);
    setEditorBusy(null);
    if (!answer.ok) {
      reportFailure('editor', answer.error, parsed.value, text, setEditorCheck, 'admin.result.invalid');
      return;
    }
    const { valid, errors } = answer.data;
    setEditorCheck({ errors, document: parsed.value, text });
    show(
      'editor',
      valid
        ? { appearance: 'success', title: t('admin.result.valid'), lines: draft.dirty ? [t('admin.result.validUnsaved')] : [] }
        : { appearance: 'error', title: t('admin.result.invalid', { count: errors.length }), lines: [] },
    );
  }

  async function save(): Promise<void> {
    const text = draft.text;
    const parsed = parseEditorText(text);
    if (parsed === null) return;
    setEditorBusy('save');
    const answer = await adminClient.save(parsed.value, data.revision);
    if (!answer.ok) {
      setEditorBusy(null);
      reportFailure('editor', answer.error, parsed.value, text, setEditorCheck, 'admin.result.saveInvalid');
      return;
    }
    const next = await reloadIntoEditor();
    // Saved even when the reload failed: what is in the editor is now what is stored.
    if (next === null) draft.reset(text);
    setEditorBusy(null);
    setEditorCheck(null);
    show('editor', {
      appearance: 'success',
      title: t(answer.data.unchanged ? 'admin.result.unchanged' : 'admin.result.saved'),
      lines: [],
      summary: answer.data.summary,
    });
  }

  function format(): void {
    const parsed = parseEditorText(draft.text);
    if (parsed !== null) draft.setText(formatJson(parsed.value));
  }

  function revert(): void {
    draft.reset(draft.baseline);
    setEditorCheck(null);
    show('editor', null);
  }

  /** An `invalid-input` answer lists its errors; anything else is one failure notice. */
  function reportFailure(
    where: AdminTab,
    error: ResolverError,
    document: unknown,
    text: string,
    setCheck: (check: DocumentCheck | null) => void,
    invalidTitle: 'admin.result.invalid' | 'admin.result.saveInvalid' | 'admin.result.importInvalid',
  ): void {
    const errors = errorsOfAnswer(error);
    if (errors.length > 0) {
      setCheck({ errors, document, text });
      show(where, { appearance: 'error', title: t(invalidTitle, { count: errors.length }), lines: [] });
      return;
    }
    setCheck(null);
    show(where, failureResult(t, error));
  }

  // ---- Import and export
  async function runImport(confirmHistoryRewrite = false): Promise<void> {
    const text = importText;
    if (text.trim() === '') {
      show('transfer', { appearance: 'warning', title: t('admin.import.empty'), lines: [] });
      return;
    }
    const parsed = parseForSending(text);
    if (!parsed.ok) {
      setImportCheck(parsed.check);
      show('transfer', { appearance: 'error', title: t('admin.result.importInvalid', { count: parsed.check.errors.length }), lines: [t('admin.result.syntax')] });
      return;
    }
    // Sent as compact JSON: the limit counts content, not the indentation of a pretty-printed file.
    const compact = JSON.stringify(parsed.value);
    const bytes = utf8Bytes(compact);
    if (bytes > ADMIN_LIMITS.importMaxBytes) {
      show('transfer', {
        appearance: 'error',
        title: t('admin.import.tooLarge', { size: formatBytes(bytes, locale), max: formatBytes(ADMIN_LIMITS.importMaxBytes, locale) }),
        lines: [],
      });
      return;
    }
    setTransferBusy('import');
    setHistoryConfirmation(false);
    const answer = await adminClient.import(compact, data.revision, confirmHistoryRewrite);
    if (!answer.ok) {
      setTransferBusy(null);
      if (answer.error.code === 'confirmation-required') {
        // History the backup would rewrite: listed like errors, with the choice to restore anyway.
        setHistoryConfirmation(true);
        setImportCheck({ errors: errorsOfAnswer(answer.error), document: parsed.value, text });
        show('transfer', { appearance: 'warning', title: t('admin.import.historyTitle'), lines: [t('admin.import.historyBody')] });
        return;
      }
      reportFailure('transfer', answer.error, parsed.value, text, setImportCheck, 'admin.result.importInvalid');
      return;
    }
    await reloadIntoEditor();
    setTransferBusy(null);
    setImportCheck(null);
    setImportText('');
    show('transfer', {
      appearance: 'success',
      title: t(answer.data.unchanged ? 'admin.result.importUnchanged' : 'admin.result.imported'),
      lines: [],
      summary: answer.data.summary,
    });
  }

  async function runExport(): Promise<void> {
    setTransferBusy('export');
    const answer = await adminClient.export();
    setTransferBusy(null);
    if (!answer.ok) {
      show('transfer', failureResult(t, answer.error));
      return;
    }
    const { fileName, json } = answer.data;
    // The backup arrives compact (resolver answers are bounded); the file people keep is readable.
    const blob = new Blob([formatJson(JSON.parse(json))], { type: 'application/json' });
    if (exportUrl.current !== null) URL.revokeObjectURL(exportUrl.current);
    const href = URL.createObjectURL(blob);
    exportUrl.current = href;
    startDownload(href, fileName);
    show('transfer', {
      appearance: 'success',
      title: t('admin.export.done', { name: fileName, size: formatBytes(blob.size, locale) }),
      lines: [],
      download: { href, fileName },
    });
  }

  // ---- Jira names
  async function loadJira(): Promise<void> {
    setJira((current) => (current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    const answer = await adminClient.jiraOptions();
    setJira(answer.ok ? { status: 'ready', data: answer.data, refreshing: false } : { status: 'failed', error: answer.error });
  }

  useEffect(() => {
    // The names are fetched once, when the tab is first opened (several Jira calls); Refresh re-fetches.
    if (tab === 'jira' && jira.status === 'idle') void loadJira();
  }, [tab, jira.status]);

  const requestTypeNames = useMemo(() => {
    const names = new Map<string, string>();
    if (jira.status === 'ready') for (const desk of jira.data.serviceDesks) for (const type of desk.requestTypes) names.set(type.id, type.name);
    return names;
  }, [jira]);

  // ---- Maintenance
  async function rebuild(): Promise<void> {
    setRebuildBusy(true);
    const answer = await adminClient.rebuildAggregates();
    setRebuildBusy(false);
    show(
      'maintenance',
      answer.ok
        ? { appearance: 'success', title: t('admin.rebuild.started'), lines: [t('admin.rebuild.jobId', { jobId: answer.data.jobId })] }
        : failureResult(t, answer.error),
    );
  }

  const selected = ADMIN_TABS.indexOf(tab);
  const panelStyle = { paddingTop: token('space.250'), width: '100%' } as const;

  return (
    <>
      <PageHeader data={data} refreshing={refreshing} onReload={requestReload} reloadRef={discard.trigger} />

      {discard.open ? (
        <Notice
          appearance="warning"
          title={t('admin.discard.title')}
          testId="discard-confirm"
          actions={
            <>
              <Button
                appearance="warning"
                autoFocus
                onClick={() => {
                  discard.close();
                  void reloadIntoEditor().then(() => {
                    show('editor', null);
                  });
                }}
                testId="discard-confirm-button"
              >
                {t('admin.discard.confirm')}
              </Button>
              <Button
                appearance="subtle"
                onClick={() => {
                  discard.close();
                }}
                testId="discard-cancel-button"
              >
                {t('admin.discard.keep')}
              </Button>
            </>
          }
        >
          {t('admin.discard.body')}
        </Notice>
      ) : null}

      {refreshError === null ? null : <ResultRegion result={{ ...failureResult(t, refreshError), title: t('admin.refreshFailed') }} testId="admin-refresh-error" />}

      <StatusNotice data={data} onImport={() => { setTab('transfer'); }} onEdit={() => { setTab('editor'); }} />

      <Tabs
        id="admin-tabs"
        selected={selected}
        onChange={(index) => {
          setTab(ADMIN_TABS[index] ?? 'overview');
        }}
        shouldUnmountTabPanelOnChange
        testId="admin-tabs"
      >
        <TabList>
          <Tab testId="tab-overview">{t('admin.tab.overview')}</Tab>
          <Tab testId="tab-editor">
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.075') }}>
              {t('admin.tab.editor')}
              {draft.dirty ? <UnsavedMark label={t('admin.tab.unsaved')} /> : null}
            </span>
          </Tab>
          <Tab testId="tab-transfer">{t('admin.tab.transfer')}</Tab>
          <Tab testId="tab-jira">{t('admin.tab.jira')}</Tab>
          <Tab testId="tab-maintenance">{t('admin.tab.maintenance')}</Tab>
        </TabList>
        <TabPanel testId="panel-overview">
          <div style={panelStyle}>
            <OverviewTab
              database={data.database}
              health={data.health}
              valuesInForce={data.valuesInForce}
              renewals={data.renewals}
              dirty={draft.dirty}
              requestTypeNames={requestTypeNames}
              onOpenEditor={() => {
                setTab('editor');
              }}
            />
          </div>
        </TabPanel>
        <TabPanel testId="panel-editor">
          <div style={panelStyle}>
            <EditorTab
              text={draft.text}
              dirty={draft.dirty}
              check={editorCheck}
              busy={editorBusy}
              result={results.editor ?? null}
              onChange={draft.setText}
              onValidate={() => void validate()}
              onSave={() => void save()}
              onFormat={format}
              onRevert={revert}
            />
          </div>
        </TabPanel>
        <TabPanel testId="panel-transfer">
          <div style={panelStyle}>
            <TransferTab
              importText={importText}
              onImportTextChange={(text) => {
                setImportText(text);
                setHistoryConfirmation(false);
              }}
              check={importCheck}
              historyConfirmation={historyConfirmation}
              onRestoreAnyway={() => void runImport(true)}
              busy={transferBusy}
              result={results.transfer ?? null}
              dirty={draft.dirty}
              onImport={() => void runImport()}
              onExport={() => void runExport()}
            />
          </div>
        </TabPanel>
        <TabPanel testId="panel-jira">
          <div style={panelStyle}>
            <JiraNamesTab load={jira} database={data.database} onRefresh={() => void loadJira()} />
          </div>
        </TabPanel>
        <TabPanel testId="panel-maintenance">
          <div style={panelStyle}>
            <MaintenanceTab busy={rebuildBusy} result={results.maintenance ?? null} onRebuild={() => void rebuild()} />
          </div>
        </TabPanel>
      </Tabs>
    </>
  );
}

/** What to do when nothing is saved yet, or when the stored database does not parse. */
function StatusNotice({ data, onImport, onEdit }: { data: AdminGetData; onImport: () => void; onEdit: () => void }) {
  const { t } = useI18n();
  if (data.status === 'found') return null;
  if (data.status === 'missing') {
    return (
      <Notice
        appearance="information"
        title={t('admin.status.missingTitle')}
        testId="admin-status-missing"
        actions={
          <>
            <Button appearance="primary" onClick={onImport} testId="status-import">
              {t('admin.status.importAction')}
            </Button>
            <Button onClick={onEdit} testId="status-start-empty">
              {t('admin.status.startEmpty')}
            </Button>
          </>
        }
      >
        {t('admin.status.missingBody')}
      </Notice>
    );
  }
  return (
    <Notice appearance="error" title={t('admin.status.invalidTitle')} testId="admin-status-invalid">
      <div>{t('admin.status.invalidBody')}</div>
      {data.detail === null ? null : (
        <div data-testid="admin-status-detail" style={{ marginTop: token('space.075'), font: token('font.code'), color: token('color.text.subtle'), overflowWrap: 'anywhere' }}>
          {t('error.details', { message: data.detail })}
        </div>
      )}
    </Notice>
  );
}

/** A small dot on the editor tab while it holds unsaved edits, named for screen readers. */
function UnsavedMark({ label }: { label: string }) {
  return (
    <span data-testid="tab-editor-unsaved" title={label} style={{ display: 'inline-flex' }}>
      <span aria-hidden="true" style={{ width: '8px', height: '8px', borderRadius: '50%', background: token('color.icon.warning') }} />
      <span style={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' }}>{label}</span>
    </span>
  );
}

/** Starts the browser's download of a Blob URL under the given file name. */
function startDownload(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
