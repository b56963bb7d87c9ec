/**
 * The new expected time of a "deadline missed" reply (issue 11 item 3): in business time from now
 * ("in 6 business hours") or at a date and time (a native date-time input in the agent's Jira zone:
 * keyboard-friendly and light on the bundle). "Put this time in the message" asks the backend what
 * the choice means (`panel/preview-promise`: the instant, in the clock's calendar) and for the
 * draft naming it; the panel never works the time out itself.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { previewPromisePayloadSchema, type PanelView, type PromiseBasis } from '../../../../src/contract/panel-api';
import { Field } from '../../../shared/ui/field';
import { RadioFieldset } from '../../../shared/ui/radio-fieldset';
import { useI18n } from '../messages';
import { panelClient } from '../panel-client';
import { useActionSubmission } from '../use-action-submission';
import { ErrorNotice } from './error-notice';

/** A promised time as the reply will carry it. */
export interface PickedPromise {
  expectedAt: string;
  basis: PromiseBasis;
}

export interface PromisePickerProps {
  view: PanelView;
  onPicked: (promise: PickedPromise, draft: string) => void;
  onReload: () => void;
}

/** Hours typed as text: digits only count; anything else is left for the schema to reject. */
function parseHours(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function PromisePicker({ view, onPicked, onReload }: PromisePickerProps) {
  const { t, zone } = useI18n();
  const submission = useActionSubmission();
  const suggestion = view.drafts.missedPromise;
  const [basis, setBasis] = useState<PromiseBasis>('date-time');
  const [hoursText, setHoursText] = useState(() => (suggestion === null ? '' : String(Math.max(1, suggestion.businessHours))));
  const [local, setLocal] = useState(suggestion?.local ?? '');
  const hoursId = useId();
  const localId = useId();
  const agentZone = view.viewer.timeZone;

  function apply(): void {
    const promise = basis === 'business-time' ? { basis, hours: parseHours(hoursText) } : { basis, local, timeZone: agentZone };
    void submission.submit(previewPromisePayloadSchema, { issueKey: view.issueKey, revision: view.revision, promise }, panelClient.previewPromise, (preview) => {
      onPicked({ expectedAt: preview.expectedAt, basis }, preview.draft);
    });
  }

  return (
    <RadioFieldset
      legend={t('promise.picker.legend')}
      name="promise-basis"
      value={basis}
      options={[
        { value: 'date-time', label: t('promise.picker.date'), testId: 'promise-basis-date' },
        { value: 'business-time', label: t('promise.picker.business'), testId: 'promise-basis-business' },
      ]}
      onChange={setBasis}
      gap="space.100"
      testId="promise-picker"
    >
      {basis === 'date-time' ? (
        <Field id={localId} name="local" label={t('promise.picker.local', { zone: zone(new Date().toISOString(), agentZone) })} error={submission.fields.promise}>
          {(control) => (
            <Textfield
              {...control}
              type="datetime-local"
              name="promise-local"
              value={local}
              testId="promise-local"
              onChange={(event) => {
                setLocal(event.currentTarget.value);
                submission.clearField('promise');
              }}
            />
          )}
        </Field>
      ) : (
        <Field id={hoursId} name="hours" label={t('promise.picker.hours')} error={submission.fields.promise}>
          {(control) => (
            <Textfield
              {...control}
              type="number"
              name="promise-hours"
              min={1}
              max={720}
              step={1}
              value={hoursText}
              testId="promise-hours"
              onChange={(event) => {
                setHoursText(event.currentTarget.value);
                submission.clearField('promise');
              }}
            />
          )}
        </Field>
      )}
      {submission.error === null || submission.error.code === 'invalid-input' ? null : (
        <ErrorNotice error={submission.error} onReload={onReload} onRetry={apply} testId="promise-error" />
      )}
      <div>
        <Button appearance="default" isLoading={submission.submitting} testId="promise-apply" onClick={apply}>
          {t('promise.picker.apply')}
        </Button>
      </div>
    </RadioFieldset>
  );
}
