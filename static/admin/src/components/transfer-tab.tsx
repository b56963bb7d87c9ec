/**
 * The "Import and export" tab. Import (restore a backup): choose a .json file (read with FileReader
 * into the text area) or paste, then `admin/import`; every error is listed with its path and nothing
 * changes. A backup that would rewrite history requests already used is listed the same way, with
 * "Restore anyway". Export: `admin/export` (the database and its audit log), downloaded as a file
 * through a Blob link.
 */
import { useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import DownloadIcon from '@atlaskit/icon/core/download';
import UploadIcon from '@atlaskit/icon/core/upload';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { ADMIN_LIMITS } from '../../../../src/contract/admin-api';
import { useI18n } from '../messages';
import { labelStyle } from '../../../shared/ui/field';
import { Notice } from '../../../shared/ui/notice';
import type { ActionResult } from '../action-result';
import { formatBytes } from '../database-view';
import { spanOfError, type DocumentCheck } from '../document-check';
import { lineColumnOf } from '../json-text';
import { card, paragraph, smallSubtlest } from './admin-styles';
import { ResultRegion } from './result-region';
import { useConfirmation } from '../use-confirmation';
import { ValidationErrorList } from './validation-error-list';

export type TransferBusy = 'import' | 'export' | null;

export interface TransferTabProps {
  importText: string;
  onImportTextChange: (text: string) => void;
  check: DocumentCheck | null;
  busy: TransferBusy;
  result: ActionResult | null;
  /** The JSON editor holds unsaved edits, which an import replaces. */
  dirty: boolean;
  /** The last import would rewrite history (the list says what): offer to restore anyway. */
  historyConfirmation: boolean;
  onRestoreAnyway: () => void;
  onImport: () => void;
  onExport: () => void;
}

export function TransferTab(props: TransferTabProps) {
  return (
    <div data-testid="admin-transfer" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <ResultRegion result={props.result} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-start' }}>
        <div style={{ flex: '2 1 28rem', minWidth: 0 }}>
          <ImportCard {...props} />
        </div>
        <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <ExportCard busy={props.busy} dirty={props.dirty} onExport={props.onExport} />
        </div>
      </div>
    </div>
  );
}

function ImportCard({ importText, onImportTextChange, check, busy, dirty, historyConfirmation, onRestoreAnyway, onImport }: TransferTabProps) {
  const { t, locale } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);
  const confirm = useConfirmation();
  const headingId = useId();
  const textId = useId();
  const max = formatBytes(ADMIN_LIMITS.importMaxBytes, locale);

  function readFile(file: File): void {
    if (file.size > ADMIN_LIMITS.importMaxBytes) {
      setFileNote({ ok: false, text: t('admin.import.tooLarge', { size: formatBytes(file.size, locale), max }) });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const { result } = reader;
      if (typeof result !== 'string') return;
      onImportTextChange(result);
      setFileNote({ ok: true, text: t('admin.import.fileLoaded', { name: file.name, size: formatBytes(file.size, locale) }) });
    };
    reader.onerror = () => {
      setFileNote({ ok: false, text: t('admin.import.fileFailed', { message: reader.error?.message ?? file.name }) });
    };
    reader.readAsText(file, 'utf-8');
  }

  function startImport(): void {
    if (dirty && importText.trim() !== '') {
      confirm.ask();
      return;
    }
    onImport();
  }

  const errors = check?.errors ?? [];
  return (
    <section aria-labelledby={headingId} data-testid="import-section" style={card}>
      <Heading size="small" as="h2" id={headingId}>
        {t('admin.import.title')}
      </Heading>
      <p style={paragraph}>{t('admin.import.help')}</p>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.150') }}>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          data-testid="import-file"
          tabIndex={-1}
          aria-hidden="true"
          style={{ display: 'none' }}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file !== undefined) readFile(file);
            // Choosing the same file again must fire onChange again.
            event.currentTarget.value = '';
          }}
        />
        <Button
          iconBefore={UploadIcon}
          onClick={() => {
            fileInput.current?.click();
          }}
          isDisabled={busy !== null}
          testId="import-file-button"
        >
          {t('admin.import.chooseFile')}
        </Button>
        {/* The note is about the text in the area; once an import succeeded (and cleared it) it is gone. */}
        {fileNote === null || importText === '' ? null : (
          <span data-testid="import-file-note" role={fileNote.ok ? 'status' : 'alert'} style={{ font: token('font.body.small'), color: fileNote.ok ? token('color.text.subtle') : token('color.text.danger') }}>
            {fileNote.text}
          </span>
        )}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <label htmlFor={textId} style={labelStyle}>
          {t('admin.import.text')}
        </label>
        <TextArea
          ref={textArea}
          id={textId}
          value={importText}
          isMonospaced
          minimumRows={12}
          maxHeight="420px"
          resize="vertical"
          spellCheck={false}
          aria-describedby={`${textId}-help`}
          isInvalid={errors.length > 0 && check?.text === importText}
          onChange={(event) => {
            onImportTextChange(event.currentTarget.value);
            setFileNote(null);
          }}
          testId="import-text"
        />
        <span id={`${textId}-help`} style={smallSubtlest}>
          {t('admin.import.textHelp', { max })}
        </span>
      </div>
      {confirm.open ? (
        <Notice
          appearance="warning"
          title={t('admin.import.discardTitle')}
          testId="import-confirm"
          actions={
            <>
              <Button
                appearance="warning"
                autoFocus
                onClick={() => {
                  confirm.close();
                  onImport();
                }}
                testId="import-confirm-button"
              >
                {t('admin.import.confirm')}
              </Button>
              <Button
                appearance="subtle"
                onClick={() => {
                  confirm.close();
                }}
                testId="import-cancel-button"
              >
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          {t('admin.import.discardBody')}
        </Notice>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button ref={confirm.trigger} appearance="primary" onClick={startImport} isLoading={busy === 'import'} isDisabled={busy !== null || confirm.open} testId="import-button">
          {t('admin.import.button')}
        </Button>
        {historyConfirmation ? (
          <Button appearance="warning" onClick={onRestoreAnyway} isDisabled={busy !== null} testId="import-restore-anyway-button">
            {t('admin.import.historyConfirm')}
          </Button>
        ) : null}
      </div>
      {check !== null && errors.length > 0 ? (
        <ValidationErrorList
          check={check}
          stale={check.text !== importText}
          onLocate={(error) => {
            const element = textArea.current;
            const span = spanOfError(importText, error);
            if (element === null || span === null) return;
            element.focus();
            element.setSelectionRange(span.start, span.end);
            // The import area wraps lines, so scroll proportionally to the line instead of by line height.
            const { line } = lineColumnOf(importText, span.start);
            const lines = importText.split('\n').length;
            element.scrollTop = Math.max(0, (element.scrollHeight * (line - 1)) / lines - element.clientHeight / 3);
          }}
        />
      ) : null}
    </section>
  );
}

function ExportCard({ busy, dirty, onExport }: { busy: TransferBusy; dirty: boolean; onExport: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="export-section" style={card}>
      <Heading size="small" as="h2" id={headingId}>
        {t('admin.export.title')}
      </Heading>
      <p style={paragraph}>{t('admin.export.help')}</p>
      {dirty ? <p style={{ ...smallSubtlest, margin: 0 }}>{t('admin.export.unsavedNote')}</p> : null}
      <div>
        <Button iconBefore={DownloadIcon} onClick={onExport} isLoading={busy === 'export'} isDisabled={busy !== null} testId="export-button">
          {t('admin.export.button')}
        </Button>
      </div>
    </section>
  );
}
