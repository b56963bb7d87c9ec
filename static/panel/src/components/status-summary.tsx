/**
 * The glance: state lozenge, business time left or overdue (text and coloured bar), the
 * resolution deadline in both zones, and the first-response target. Focusable (tabIndex -1) so
 * focus can land here after an action, with the state and time as its accessible name.
 */
import { forwardRef, useId, useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { PanelTarget, PanelView } from '../../../../src/contract/panel-api';
import { lozengeAppearanceOf } from '../../../shared/clock-appearance';
import { useI18n } from '../messages';
import { describeTimeLeft } from '../clock-text';
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
        <ResolutionDetails target={target} agentZone={view.viewer.timeZone} contractZone={contractZone} />
      )}
      {view.response === null ? null : <ResponseLine target={view.response} agentZone={view.viewer.timeZone} />}
    </section>
  );
});

function ResolutionDetails({ target, agentZone, contractZone }: { target: PanelTarget; agentZone: string; contractZone: string | null }) {
  const { t, duration, percent, instant } = useI18n();
  const used = t('clock.used', { percent: percent(target.percentUsed), target: duration(target.targetMinutes) });
  return (
    <>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
        <TargetBar state={target.state} percentUsed={target.percentUsed} label={t('clock.barLabel')} valueText={used} testId="panel-bar" />
        <span data-testid="panel-percent-used" style={smallSubtle}>
          {used}
          {target.extendedMinutes > 0 ? ` · ${t('clock.extended', { duration: duration(target.extendedMinutes) })}` : ''}
        </span>
      </div>
      <div>
        <div style={{ ...sectionTitle, marginBottom: token('space.075') }}>{t('deadline.resolution')}</div>
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
    </>
  );
}

function ResponseLine({ target, agentZone }: { target: PanelTarget; agentZone: string }) {
  const { t, duration, instant } = useI18n();
  const left = describeTimeLeft(target);
  let when: string;
  if (target.completedAt !== null) when = t('deadline.completed', { time: instant(target.completedAt, agentZone) });
  else if (target.deadline === null) when = t('deadline.paused');
  else when = `${t('deadline.due', { time: instant(target.deadline, agentZone) })} · ${t(left.key, { duration: duration(left.minutes) })}`;
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
