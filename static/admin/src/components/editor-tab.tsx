/**
 * The "Edit as JSON" tab: the whole database in a large monospace editor, with Validate
 * (`admin/validate`), Save (`admin/save`), Format and Revert. Errors are listed with their paths;
 * selecting one selects its place in the text. Unsaved edits stay when a check or a save fails.
 */
import { useId, useRef } from 'react';
import Button from '@atlaskit/button/new';
import { Lozenge } from '../../../shared/ui/lozenge';
import { token } from '@atlaskit/tokens';
import { useI18n } from '../messages';
import { labelStyle } from '../../../shared/ui/field';
import { Notice } from '../../../shared/ui/notice';
import type { ActionResult } from '../action-result';
import { spanOfError, type DocumentCheck } from '../document-check';
import { paragraph, smallSubtlest } from './admin-styles';
import { JsonEditor, type JsonEditorHandle } from './json-editor';
import { ResultRegion } from './result-region';
import { useConfirmation } from '../use-confirmation';
import { ValidationErrorList } from './validation-error-list';

export type EditorBusy = 'validate' | 'save' | null;

export interface EditorTabProps {
  text: string;
  dirty: boolean;
  check: DocumentCheck | null;
  busy: EditorBusy;
  result: ActionResult | null;
  onChange: (text: string) => void;
  onValidate: () => void;
  onSave: () => void;
  onFormat: () => void;
  onRevert: () => void;
}

export function EditorTab({ text, dirty, check, busy, result, onChange, onValidate, onSave, onFormat, onRevert }: EditorTabProps) {
  const { t } = useI18n();
  const editor = useRef<JsonEditorHandle>(null);
  const revert = useConfirmation();
  const editorId = useId();
  const helpId = `${editorId}-help`;
  const lineCount = text.split('\n').length;
  const errors = check?.errors ?? [];

  return (
    <div data-testid="admin-editor" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <p id={helpId} style={paragraph}>
        {t('admin.editor.help')}
      </p>
      <div
        role="group"
        aria-label={t('admin.editor.toolbar')}
        style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: token('space.150') }}
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
          <Button onClick={onValidate} isLoading={busy === 'validate'} isDisabled={busy !== null} testId="validate-button">
            {t('admin.editor.validate')}
          </Button>
          <Button appearance="primary" onClick={onSave} isLoading={busy === 'save'} isDisabled={busy !== null} testId="save-button">
            {t('admin.editor.save')}
          </Button>
          <span aria-hidden="true" style={{ width: token('border.width'), alignSelf: 'stretch', background: token('color.border'), margin: `0 ${token('space.050')}` }} />
          <Button appearance="subtle" onClick={onFormat} isDisabled={busy !== null} testId="format-button">
            {t('admin.editor.format')}
          </Button>
          <Button ref={revert.trigger} appearance="subtle" onClick={revert.ask} isDisabled={busy !== null || !dirty || revert.open} testId="revert-button">
            {t('admin.editor.revert')}
          </Button>
        </div>
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
          <span style={smallSubtlest}>{t('admin.editor.lines', { count: lineCount })}</span>
          <span data-testid="editor-dirty" data-dirty={dirty}>
            <Lozenge appearance={dirty ? 'moved' : 'default'}>{t(dirty ? 'admin.editor.unsaved' : 'admin.editor.clean')}</Lozenge>
          </span>
        </div>
      </div>

      {revert.open && dirty ? (
        <Notice
          appearance="warning"
          title={t('admin.editor.revertTitle')}
          testId="revert-confirm"
          actions={
            <>
              <Button
                appearance="warning"
                autoFocus
                onClick={() => {
                  revert.close(false);
                  onRevert();
                }}
                testId="revert-confirm-button"
              >
                {t('admin.editor.revertConfirm')}
              </Button>
              <Button
                appearance="subtle"
                onClick={() => {
                  revert.close();
                }}
                testId="revert-cancel-button"
              >
                {t('admin.discard.keep')}
              </Button>
            </>
          }
        >
          {t('admin.editor.revertBody')}
        </Notice>
      ) : null}

      <ResultRegion result={result} />

      {check !== null && errors.length > 0 ? (
        <ValidationErrorList
          check={check}
          stale={check.text !== text}
          onLocate={(error) => {
            const span = spanOfError(text, error);
            if (span !== null) editor.current?.select(span);
          }}
        />
      ) : null}

      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <label htmlFor={editorId} style={labelStyle}>
          {t('admin.editor.label')}
        </label>
        <JsonEditor
          ref={editor}
          id={editorId}
          value={text}
          onChange={onChange}
          describedBy={helpId}
          invalid={errors.length > 0 && check?.text === text}
          testId="json-editor"
        />
      </div>
    </div>
  );
}
