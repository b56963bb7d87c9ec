/**
 * Why these terms apply (design §3): the chain customer → contract → service → level → priority →
 * target → calendar, each step with the reason the backend recorded.
 */
import type { ExplanationStep } from '../../../../src/contract/panel-api';
import { useI18n } from '../messages';
import { definitionGrid, subtleText, termStyle, valueStyle } from './detail-styles';

export function ExplanationList({ steps, testId = 'explanation-list' }: { steps: readonly ExplanationStep[]; testId?: string }) {
  const { t } = useI18n();
  if (steps.length === 0) return <p style={{ ...subtleText, margin: 0 }}>{t('explanation.empty')}</p>;
  return (
    <dl style={definitionGrid} data-testid={testId}>
      {steps.map((step, index) => (
        <div key={`${step.kind}-${String(index)}`} style={{ display: 'contents' }}>
          <dt style={termStyle}>{t(`explanation.kind.${step.kind}`)}</dt>
          <dd style={valueStyle} data-testid={`explanation-step-${step.kind}`}>
            {step.value}
            {step.because === null ? null : <span style={subtleText}> — {step.because}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
