/**
 * Pause, resume and extend: a reason (and for extend, business minutes) checked with the shared
 * payload schema, sent with the revision the panel shows, and on success handed back as a
 * message for the live region. A stale revision comes back as `conflict` with a Reload button.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import {
  extendPayloadSchema,
  PANEL_LIMITS,
  pausePayloadSchema,
  resumePayloadSchema,
  type PanelView,
} from '../../../../src/contract/panel-api';
import { useI18n } from '../messages';
import { Field } from '../../../shared/ui/field';
import { panelClient } from '../panel-client';
import { useActionSubmission } from '../use-action-submission';
import { ActionForm, FormButtons } from './action-form';
import { ErrorNotice } from './error-notice';
import { ReasonField } from './reason-field';

export type ClockAction = 'pause' | 'resume' | 'extend';

export interface ClockActionFormProps {
  action: ClockAction;
  view: PanelView;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** Minutes typed as text: digits only count; anything else is left for the schema to reject. */
function parseMinutes(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function ClockActionForm({ action, view, onDone, onCancel, onReload }: ClockActionFormProps) {
  const { t, duration } = useI18n();
  const submission = useActionSubmission();
  const [reason, setReason] = useState('');
  const [minutesText, setMinutesText] = useState('');
  const reasonId = useId();
  const minutesId = useId();
  const minutes = parseMinutes(minutesText);

  const texts = {
    pause: { title: t('pause.title'), help: t('pause.help'), confirm: t('pause.confirm') },
    resume: { title: t('resume.title'), help: t('resume.help'), confirm: t('resume.confirm') },
    extend: { title: t('extend.title'), help: t('extend.help'), confirm: t('extend.confirm') },
  }[action];

  function send(): void {
    const base = { issueKey: view.issueKey, revision: view.revision, reason };
    switch (action) {
      case 'pause':
        void submission.submit(pausePayloadSchema, base, panelClient.pause, () => {
          onDone(t('result.paused'));
        });
        return;
      case 'resume':
        void submission.submit(resumePayloadSchema, base, panelClient.resume, () => {
          onDone(t('result.resumed'));
        });
        return;
      case 'extend':
        void submission.submit(extendPayloadSchema, { ...base, minutes }, panelClient.extend, () => {
          onDone(t('result.extended', { duration: duration(minutes) }));
        });
        return;
    }
  }

  return (
    <ActionForm
      title={texts.title}
      help={texts.help}
      testId={`${action}-form`}
      initialFocusId={action === 'extend' ? minutesId : reasonId}
      onCancel={onCancel}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}
      >
        {action === 'extend' ? (
          <Field
            id={minutesId}
            name="minutes"
            label={t('extend.minutes.label')}
            error={submission.fields.minutes}
            help={Number.isInteger(minutes) && minutes > 0 ? t('extend.minutes.preview', { duration: duration(minutes) }) : undefined}
          >
            {(control) => (
              <Textfield
                {...control}
                name="minutes"
                type="number"
                inputMode="numeric"
                min={1}
                max={PANEL_LIMITS.extendMaxMinutes}
                step={1}
                width={160}
                isRequired
                value={minutesText}
                testId="extend-minutes"
                onChange={(event) => {
                  setMinutesText(event.currentTarget.value);
                  submission.clearField('minutes');
                }}
              />
            )}
          </Field>
        ) : null}
        <ReasonField
          id={reasonId}
          value={reason}
          error={submission.fields.reason}
          onChange={(value) => {
            setReason(value);
            submission.clearField('reason');
          }}
        />
        {submission.error === null ? null : <ErrorNotice error={submission.error} onReload={onReload} onRetry={send} testId="action-error" />}
        <FormButtons>
          <Button type="submit" appearance="primary" isLoading={submission.submitting} testId="action-confirm">
            {texts.confirm}
          </Button>
          <Button onClick={onCancel} isDisabled={submission.submitting} testId="action-cancel">
            {t('common.cancel')}
          </Button>
        </FormButtons>
      </form>
    </ActionForm>
  );
}
