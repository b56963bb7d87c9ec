/**
 * The share of a target used, as a bar in the JSM SLA colour of its state. A real `progressbar`
 * for assistive technology, with the exact percentage as its text (an overdue target is > 100 %).
 */
import { token } from '@atlaskit/tokens';
import type { PanelState } from '../../../../src/contract/panel-api';
import { barColourOf, barTrackColour } from '../../../shared/clock-appearance';
import { barWidthPercent } from '../clock-text';

export interface TargetBarProps {
  state: PanelState;
  percentUsed: number;
  label: string;
  valueText: string;
  testId: string;
}

export function TargetBar({ state, percentUsed, label, valueText, testId }: TargetBarProps) {
  const width = barWidthPercent(percentUsed);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(width)}
      aria-valuetext={valueText}
      data-testid={testId}
      data-state={state}
      style={{
        height: token('space.100'),
        borderRadius: token('radius.full'),
        background: barTrackColour,
        overflow: 'hidden',
      }}
    >
      <div style={{ width: `${String(width)}%`, height: '100%', borderRadius: token('radius.full'), background: barColourOf(state) }} />
    </div>
  );
}
