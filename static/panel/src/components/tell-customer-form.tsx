/**
 * "Tell the customer" (issue 5 §2): pick the expected-time, the missed-deadline or the not-covered
 * draft the backend composed in the customer's language (the form says which, and whether it is
 * the customer's or, when Jira hides it, the agent's), edit it, choose public reply or internal
 * note, review, confirm, post. The message goes to `panel/post-message` with the shown revision.
 *
 * A missed-deadline reply names a new expected time: the agent picks it (PromisePicker) and the
 * reply carries it as a promise, which the backend records once the reply is posted (issue 11 item 3).
 */
import { useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import {
  PANEL_LIMITS,
  postMessagePayloadSchema,
  type MessageVisibility,
  type PanelView,
  type PostMessagePayload,
} from '../../../../src/contract/panel-api';
import { useI18n } from '../messages';
import { Field } from '../../../shared/ui/field';
import { RadioFieldset } from '../../../shared/ui/radio-fieldset';
import { Notice } from '../../../shared/ui/notice';
import { DRAFT_KINDS, pickDefaultDraft, type DraftKind } from '../clock-text';
import { PromisePicker, type PickedPromise } from './promise-picker';
import { panelClient } from '../panel-client';
import { useActionSubmission } from '../use-action-submission';
import { ActionForm, FormButtons } from './action-form';
import { ErrorNotice } from './error-notice';

export interface TellCustomerFormProps {
  view: PanelView;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

const draftLabels = { expected: 'tell.draft.expected', missed: 'tell.draft.missed', uncovered: 'tell.draft.uncovered' } as const;

export function TellCustomerForm({ view, onDone, onCancel, onReload }: TellCustomerFormProps) {
  const { t, instant } = useI18n();
  const submission = useActionSubmission();
  const { drafts } = view;
  const [draftKind, setDraftKind] = useState<DraftKind | null>(() => pickDefaultDraft(view.state, drafts));
  const [body, setBody] = useState(() => (draftKind === null ? '' : (drafts[draftKind] ?? '')));
  const [visibility, setVisibility] = useState<MessageVisibility>('public');
  const suggested: PickedPromise | null = drafts.missedPromise === null ? null : { expectedAt: drafts.missedPromise.expectedAt, basis: 'date-time' };
  const [promise, setPromise] = useState<PickedPromise | null>(suggested);
  const tracksPromise = draftKind === 'missed' && view.can.promise && promise !== null;
  const agentZone = view.viewer.timeZone;
  const [reviewed, setReviewed] = useState<PostMessagePayload | null>(null);
  const bodyId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);

  const availableDrafts = DRAFT_KINDS.filter((kind) => drafts[kind] !== null);
  const [pickedDraft, setPickedDraft] = useState<string | null>(null);
  const selectedDraft = draftKind === null ? null : draftKind === 'missed' && pickedDraft !== null ? pickedDraft : drafts[draftKind];

  function review(): void {
    const payload = submission.validate(postMessagePayloadSchema, {
      issueKey: view.issueKey,
      body,
      visibility,
      revision: view.revision,
      ...(tracksPromise && visibility === 'public' ? { promise } : {}),
    });
    if (payload === null) return;
    setReviewed(payload);
    // Focus the decision the agent has to make next.
    requestAnimationFrame(() => confirmButton.current?.focus());
  }

  function backToEditing(): void {
    setReviewed(null);
    requestAnimationFrame(() => document.getElementById(bodyId)?.focus());
  }

  async function post(payload: PostMessagePayload): Promise<void> {
    const answer = await submission.submit(postMessagePayloadSchema, payload, panelClient.postMessage, (result) => {
      if (result.promised !== null) onDone(t('result.promised', { time: instant(result.promised, agentZone) }));
      else onDone(t(result.visibility === 'public' ? 'result.posted.public' : 'result.posted.internal'));
    });
    // Field errors belong next to the fields, which only the editing step shows.
    if (answer !== null && !answer.ok && answer.error.code === 'invalid-input') setReviewed(null);
  }

  if (reviewed !== null) {
    const isPublic = reviewed.visibility === 'public';
    return (
      <ActionForm title={t('tell.title')} testId="tell-form" onCancel={backToEditing}>
        <div data-testid="tell-confirm" data-visibility={reviewed.visibility}>
          <Notice appearance={isPublic ? 'warning' : 'information'}>{t(isPublic ? 'tell.confirm.public' : 'tell.confirm.internal')}</Notice>
        </div>
        {reviewed.promise === undefined ? null : (
          <div data-testid="tell-confirm-promise">
            <Notice appearance="information">{t('tell.confirm.promise', { time: instant(reviewed.promise.expectedAt, agentZone) })}</Notice>
          </div>
        )}
        <blockquote
          data-testid="tell-preview"
          style={{
            margin: 0,
            padding: token('space.150'),
            borderLeft: `${token('border.width.selected')} solid ${token('color.border.bold')}`,
            background: token('color.background.neutral.subtle.hovered'),
            whiteSpace: 'pre-wrap',
            quotes: 'none',
            overflowWrap: 'anywhere',
            color: token('color.text'),
          }}
        >
          {reviewed.body}
        </blockquote>
        {submission.error === null ? null : (
          <ErrorNotice
            error={submission.error}
            onReload={onReload}
            onRetry={() => {
              void post(reviewed);
            }}
            testId="action-error"
          />
        )}
        <FormButtons>
          <Button
            ref={confirmButton}
            appearance="primary"
            isLoading={submission.submitting}
            testId="message-confirm"
            onClick={() => {
              void post(reviewed);
            }}
          >
            {t(isPublic ? 'tell.confirm.postPublic' : 'tell.confirm.postInternal')}
          </Button>
          <Button onClick={backToEditing} isDisabled={submission.submitting} testId="message-back">
            {t('tell.back')}
          </Button>
        </FormButtons>
      </ActionForm>
    );
  }

  return (
    <ActionForm title={t('tell.title')} testId="tell-form" initialFocusId={bodyId} onCancel={onCancel}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          review();
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}
      >
        {availableDrafts.length === 0 ? (
          <Notice appearance="information" testId="tell-no-drafts">
            {t('tell.noDrafts')}
          </Notice>
        ) : null}
        {availableDrafts.length > 1 ? (
          <RadioFieldset
            legend={t('tell.draft.legend')}
            name="draft"
            value={draftKind}
            options={availableDrafts.map((kind) => ({
              value: kind,
              label: t(draftLabels[kind]),
              testId: `draft-${kind}`,
            }))}
            onChange={(kind) => {
              setDraftKind(kind);
              setBody((kind === 'missed' ? pickedDraft : null) ?? drafts[kind] ?? '');
              submission.clearField('body');
            }}
          />
        ) : null}
        {draftKind === 'missed' && view.can.promise ? (
          <PromisePicker
            view={view}
            onReload={onReload}
            onPicked={(picked, draft) => {
              setPromise(picked);
              setPickedDraft(draft);
              setBody(draft);
              submission.clearField('body');
            }}
          />
        ) : null}
        <Field
          id={bodyId}
          name="body"
          label={t('tell.body.label')}
          error={submission.fields.body}
          help={
            <>
              {availableDrafts.length === 0 ? null : (
                <span data-testid="tell-language" data-language={drafts.language} data-language-of={drafts.languageOf}>
                  {t('tell.language', { source: drafts.languageOf, language: drafts.language })}{' '}
                </span>
              )}
              {`${t('tell.body.help')} ${t('common.characters', { count: body.length, max: PANEL_LIMITS.messageMaxLength })}`}
            </>
          }
        >
          {(control) => (
            <TextArea
              {...control}
              name="body"
              value={body}
              minimumRows={8}
              resize="vertical"
              isRequired
              testId="message-body"
              onChange={(event) => {
                setBody(event.currentTarget.value);
                submission.clearField('body');
              }}
            />
          )}
        </Field>
        {selectedDraft !== null && selectedDraft !== body ? (
          <div>
            <Button
              appearance="subtle"
              spacing="compact"
              testId="message-restore"
              onClick={() => {
                setBody(selectedDraft);
              }}
            >
              {t('tell.restore')}
            </Button>
          </div>
        ) : null}
        <RadioFieldset
          legend={t('tell.visibility.legend')}
          name="visibility"
          value={visibility}
          options={[
            { value: 'public', label: t('tell.visibility.public'), testId: 'visibility-public' },
            { value: 'internal', label: t('tell.visibility.internal'), testId: 'visibility-internal' },
          ]}
          onChange={setVisibility}
        />
        {tracksPromise ? (
          <div data-testid="promise-tracked" data-tracked={visibility === 'public'}>
            <Notice appearance="information">
              {visibility === 'public' ? t('promise.picker.tracked', { time: instant(promise.expectedAt, agentZone) }) : t('promise.picker.internal')}
            </Notice>
          </div>
        ) : null}
        {submission.error === null ? null : <ErrorNotice error={submission.error} onReload={onReload} testId="action-error" />}
        <FormButtons>
          <Button type="submit" appearance="primary" testId="message-review">
            {t('tell.review')}
          </Button>
          <Button onClick={onCancel} testId="action-cancel">
            {t('common.cancel')}
          </Button>
        </FormButtons>
      </form>
    </ActionForm>
  );
}
