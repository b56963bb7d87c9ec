/**
 * The glance: state lozenge, business time left or overdue (text and coloured bar), the
 * resolution deadline in both zones, and the first-response target. Focusable (tabIndex -1) so
 * focus can land here after an action, with the state and time as its accessible name.
 *
 * Every amount of time says whether it is business time (issue 11 item 2); a deadline that passed
 * is worded in the past tense; a target with an extension reads "16 h + 1 h extension"; a promise to
 * the customer is shown instead of the stale contract deadline (item 3).
 */
import { forwardRef, useId, useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { PanelPromise, PanelTarget, PanelView } from '../../../../src/contract/panel-api';
import { lozengeAppearanceOf } from '../../../shared/clock-appearance';
import { useI18n } from '../messages';
import { describeTimeLeft, targetText } from '../clock-text';
import { nameActor } from './actor-name';
import { DeadlineLines } from './deadline-lines';
import { TargetBar } from './target-bar';

const subtle = { color: token('color.text.subtle') } as const;
const smallSubtle = { color: token('color.text.subtle'), font: token('font.body.small') } as const;
const sectionTitle = { font: token('font.heading.xxsmall'), color: token('color.text') } as const;

export const StatusSummary = forwardRef<HTMLElement, { view: PanelView }>(function StatusSummary({ view }, ref) {
  const { t, duration } = useI18n();
  const stateId = useId();
  const timeId = useId();
  const target = view.resolution;
  const timeLeft = target === null ? null : describeTimeLeft(target);
  const contractZone = view.terms?.calendar.timeZone ?? null;
  // Focus only ever arrives here programmatically (after an action); show it with the token ring.
  const [focused, setFocused] = useState(false);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={timeLeft === null ? stateId : `${stateId} ${timeId}`}
      data-testid="panel-status"
      data-state={view.state}
      onFocus={(event) => {
        if (event.target === event.currentTarget) setFocused(true);
      }}
      onBlur={(event) => {
        if (event.target === event.currentTarget) setFocused(false);
      }}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.150'),
        borderRadius: token('radius.small'),
        outline: focused ? `${token('border.width.focused')} solid ${token('color.border.focused')}` : 'none',
        outlineOffset: token('space.025'),
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
        <span id={stateId} data-testid="panel-state" data-state={view.state}>
          <Lozenge appearance={lozengeAppearanceOf(view.state)} testId="panel-state-lozenge">
            {t(`state.${view.state}`)}
          </Lozenge>
        </span>
        {timeLeft === null ? null : (
          <>
            <strong id={timeId} data-testid="panel-time-left" style={{ font: token('font.heading.medium'), color: token('color.text') }}>
              {t(timeLeft.key, { duration: duration(timeLeft.minutes) })}
            </strong>
            <span style={smallSubtle}>{t('clock.businessTime')}</span>
          </>
        )}
      </div>

      {target === null ? null : (
        <ResolutionDetails target={target} agentZone={view.viewer.timeZone} contractZone={contractZone} promise={view.promise} />
      )}
      {view.response === null ? null : <ResponseLine target={view.response} agentZone={view.viewer.timeZone} />}
    </section>
  );
});

function ResolutionDetails({
  target,
  agentZone,
  contractZone,
  promise,
}: {
  target: PanelTarget;
  agentZone: string;
  contractZone: string | null;
  promise: PanelPromise | null;
}) {
  const { t, duration, percent, instant } = useI18n();
  const used = t('clock.used', { percent: percent(target.percentUsed), target: targetText(t, duration, target.targetMinutes, target.extendedMinutes) });
  const passed = target.completedAt === null && target.state === 'breached';
  // The promise replaces the stale deadline while the request is open (and says how it ended once closed).
  const promiseShown = promise !== null && (target.completedAt === null || promise.state !== 'pending');
  return (
    <>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
        <TargetBar state={target.state} percentUsed={target.percentUsed} label={t('clock.barLabel')} valueText={used} testId="panel-bar" />
        <span data-testid="panel-percent-used" style={smallSubtle}>
          {used} <span style={{ color: token('color.text.subtlest') }}>({t('time.business')})</span>
        </span>
      </div>
      {promiseShown ? <PromiseDetails promise={promise} agentZone={agentZone} /> : null}
      {promiseShown && passed && target.deadline !== null ? (
        <div data-testid="deadline-stale" style={smallSubtle}>
          {t('promise.contractDeadline', { time: instant(target.deadline, agentZone) })}
        </div>
      ) : (
      <div>
        <div style={{ ...sectionTitle, marginBottom: token('space.075') }} data-testid="deadline-title" data-passed={passed}>
          {t(passed ? 'deadline.resolutionPassed' : 'deadline.resolution')}
        </div>
        {target.deadline === null ? (
          <span data-testid="deadline-paused" style={subtle}>
            {t('deadline.paused')}
          </span>
        ) : (
          <DeadlineLines deadline={target.deadline} agentZone={agentZone} contractZone={contractZone} testIdPrefix="deadline" />
        )}
        {target.completedAt === null ? null : (
          <div data-testid="deadline-completed" style={{ ...subtle, marginTop: token('space.050') }}>
            {t('deadline.completed', { time: instant(target.completedAt, agentZone) })}
          </div>
        )}
      </div>
      )}
    </>
  );
}

/** The promise to the customer: when, how much business time is left (or how it ended), who told it, the warning. */
function PromiseDetails({ promise, agentZone }: { promise: PanelPromise; agentZone: string }) {
  const { t, duration, instant } = useI18n();
  const appearance = promise.state === 'kept' ? 'success' : promise.state === 'lapsed' ? 'removed' : 'inprogress';
  let status: string;
  if (promise.state === 'kept') status = t('promise.keptText');
  else if (promise.state === 'lapsed') status = promise.businessMinutesLeft < 0 ? t('promise.passed', { duration: duration(-promise.businessMinutesLeft) }) : t('promise.passedResolved');
  else status = t('promise.left', { duration: duration(promise.businessMinutesLeft) });
  return (
    <div data-testid="panel-promise" data-state={promise.state} style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
        <span style={sectionTitle}>{t('promise.title')}</span>
        <Lozenge appearance={appearance} testId="panel-promise-state">
          {t(`promise.state.${promise.state}`)}
        </Lozenge>
      </div>
      <DeadlineLines deadline={promise.expectedAt} agentZone={agentZone} contractZone={null} testIdPrefix="promise" />
      <span data-testid="panel-promise-status" style={subtle}>
        {status}
      </span>
      <span style={smallSubtle}>
        {t('promise.madeBy', { name: nameActor(promise.by, t), time: instant(promise.madeAt, agentZone) })}{' '}
        {promise.warnedAt !== null
          ? t('promise.warned', { time: instant(promise.warnedAt, agentZone) })
          : promise.state === 'pending'
            ? t('promise.willWarn', { time: instant(promise.warnAt, agentZone) })
            : null}
      </span>
    </div>
  );
}

function ResponseLine({ target, agentZone }: { target: PanelTarget; agentZone: string }) {
  const { t, duration, instant } = useI18n();
  const left = describeTimeLeft(target);
  let when: string;
  if (target.completedAt !== null) when = t('deadline.completed', { time: instant(target.completedAt, agentZone) });
  else if (target.deadline === null) when = t('deadline.paused');
  else {
    const due = t(target.state === 'breached' ? 'deadline.wasDue' : 'deadline.due', { time: instant(target.deadline, agentZone) });
    when = `${due} · ${t(left.key, { duration: duration(left.minutes) })} (${t('time.business')})`;
  }
  return (
    <div
      data-testid="response-target"
      data-state={target.state}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}
    >
      <span style={sectionTitle}>{t('deadline.response')}</span>
      <Lozenge appearance={lozengeAppearanceOf(target.state)}>{t(`state.${target.state}`)}</Lozenge>
      <span style={subtle}>{when}</span>
    </div>
  );
}
