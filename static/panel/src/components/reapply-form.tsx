/**
 * "Re-apply terms" (issue 5 §3): first asks the backend for a preview (`panel/preview-reapply`) —
 * current vs. proposed terms and deadline, and why — then re-applies with a reason, using the
 * revision the preview was computed from, so a change in between answers `conflict`. When the new
 * terms would make the request breached at once, the preview says how late it would be and the
 * button says "Re-apply anyway" (the backend refuses without that confirmation; issue 11 item 5).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../../../../src/contract/envelope';
import { reapplyPayloadSchema, type PanelTerms, type PanelView, type ReapplyPreview } from '../../../../src/contract/panel-api';
import { useI18n } from '../messages';
import { Notice } from '../../../shared/ui/notice';
import { panelClient } from '../panel-client';
import { useActionSubmission } from '../use-action-submission';
import { ActionForm, FormButtons } from './action-form';
import { definitionGrid, subtleText, termStyle, valueStyle } from './detail-styles';
import { ErrorNotice } from './error-notice';
import { ExplanationList } from './explanation-list';
import { ReasonField } from './reason-field';

export interface ReapplyFormProps {
  view: PanelView;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

type PreviewLoad = { status: 'loading' } | { status: 'failed'; error: ResolverError } | { status: 'ready'; preview: ReapplyPreview };

export function ReapplyForm({ view, onDone, onCancel, onReload }: ReapplyFormProps) {
  const { t } = useI18n();
  const submission = useActionSubmission();
  const [load, setLoad] = useState<PreviewLoad>({ status: 'loading' });
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const { issueKey, revision } = view;

  const fetchPreview = useCallback(async () => {
    setLoad({ status: 'loading' });
    const answer = await panelClient.previewReapply({ issueKey, revision });
    setLoad(answer.ok ? { status: 'ready', preview: answer.data } : { status: 'failed', error: answer.error });
  }, [issueKey, revision]);

  useEffect(() => {
    void fetchPreview();
  }, [fetchPreview]);

  return (
    <ActionForm title={t('reapply.title')} help={t('reapply.help')} testId="reapply-form" focusFrame onCancel={onCancel}>
      {load.status === 'loading' ? (
        <div role="status" data-testid="reapply-loading" style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
          <Spinner size="small" label={t('reapply.loading')} />
          <span style={subtleText}>{t('reapply.loading')}</span>
        </div>
      ) : null}
      {load.status === 'failed' ? (
        <ErrorNotice
          error={load.error}
          onReload={onReload}
          onRetry={() => {
            void fetchPreview();
          }}
          testId="reapply-preview-error"
        />
      ) : null}
      {load.status === 'ready' ? (
        <PreviewAndConfirm
          preview={load.preview}
          view={view}
          reason={reason}
          reasonId={reasonId}
          submission={submission}
          onReason={(value) => {
            setReason(value);
            submission.clearField('reason');
          }}
          onSubmit={() => {
            void submission.submit(
              reapplyPayloadSchema,
              {
                issueKey,
                revision: load.preview.revision,
                reason,
                ...(load.preview.breachesAtOnce === null ? {} : { acceptBreach: true }),
              },
              panelClient.reapply,
              () => {
                onDone(t('result.reapplied'));
              },
            );
          }}
          onCancel={onCancel}
          onReload={onReload}
        />
      ) : null}
      {load.status === 'ready' ? null : (
        <FormButtons>
          <Button onClick={onCancel} testId="action-cancel">
            {t('common.cancel')}
          </Button>
        </FormButtons>
      )}
    </ActionForm>
  );
}

interface PreviewAndConfirmProps {
  preview: ReapplyPreview;
  view: PanelView;
  reason: string;
  reasonId: string;
  submission: ReturnType<typeof useActionSubmission>;
  onReason: (value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  onReload: () => void;
}

function PreviewAndConfirm({ preview, view, reason, reasonId, submission, onReason, onSubmit, onCancel, onReload }: PreviewAndConfirmProps) {
  const { t, instant, duration } = useI18n();
  const agentZone = view.viewer.timeZone;
  const deadlineText = (deadline: string | null) => (deadline === null ? t('reapply.noDeadline') : instant(deadline, agentZone));
  const termsText = (terms: PanelTerms | null) =>
    terms === null
      ? t('reapply.noTerms')
      : `${terms.contract.name} ${terms.contract.version.label} · ${terms.service.name} · ${
          terms.level.bespoke ? t('terms.levelBespoke', { name: terms.level.name }) : terms.level.name
        } · ${terms.priorityClass}`;
  const changedStyle = { ...valueStyle, fontWeight: token('font.weight.semibold') } as const;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}
    >
      <div data-testid="reapply-preview" data-changed={preview.changed}>
        <dl style={definitionGrid}>
          <dt style={termStyle}>{t('reapply.now')}</dt>
          <dd style={valueStyle} data-testid="reapply-current">
            <div>{termsText(preview.current.terms)}</div>
            <div style={subtleText} data-testid="reapply-current-deadline">
              {deadlineText(preview.current.deadline)}
            </div>
          </dd>
          <dt style={termStyle}>{t('reapply.after')}</dt>
          <dd style={preview.changed ? changedStyle : valueStyle} data-testid="reapply-proposed">
            <div>
              {termsText(preview.proposed.terms)}
              {preview.proposed.targetMinutes === null ? null : <> · {duration(preview.proposed.targetMinutes)}</>}
            </div>
            <div data-testid="reapply-new-deadline">{deadlineText(preview.proposed.deadline)}</div>
          </dd>
        </dl>
      </div>
      {preview.changed ? null : (
        <Notice appearance="information" testId="reapply-unchanged">
          {t('reapply.unchanged')}
        </Notice>
      )}
      {preview.proposed.terms === null ? (
        <Notice appearance="warning" testId="reapply-uncovered">
          {t('reapply.becomesUncovered')}
        </Notice>
      ) : null}
      {preview.breachesAtOnce === null ? null : (
        <Notice appearance="warning" testId="reapply-breaches">
          {t('reapply.breachesAtOnce', { duration: duration(preview.breachesAtOnce.overdueMinutes) })}
        </Notice>
      )}
      <div>
        <div style={{ font: token('font.heading.xxsmall'), marginBottom: token('space.075') }}>{t('explanation.title')}</div>
        <ExplanationList steps={preview.explanation} testId="reapply-explanation" />
      </div>
      <ReasonField id={reasonId} value={reason} error={submission.fields.reason} onChange={onReason} />
      {submission.error === null ? null : <ErrorNotice error={submission.error} onReload={onReload} onRetry={onSubmit} testId="action-error" />}
      <FormButtons>
        <Button type="submit" appearance={preview.breachesAtOnce === null ? 'primary' : 'warning'} isLoading={submission.submitting} testId="action-confirm">
          {t(preview.breachesAtOnce === null ? 'reapply.confirm' : 'reapply.confirmBreach')}
        </Button>
        <Button onClick={onCancel} isDisabled={submission.submitting} testId="action-cancel">
          {t('common.cancel')}
        </Button>
      </FormButtons>
    </form>
  );
}
