/**
 * Picks a report period: a preset (this / last month, quarter, year) or a custom range of whole
 * months (compliance is counted per month). A custom range that is not a valid period (last month
 * before the first, more than 36 months) is reported under the fields and not handed on.
 */
import { useId, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { monthSpan, PERIOD_PRESETS, REPORT_PERIOD_MAX_MONTHS, reportPeriodSchema, type PeriodChoice, type PeriodPreset } from '../../../src/contract/report-period';
import { FieldError } from '../ui/field';
import type { ComplianceI18n } from './compliance-i18n';
import { MonthField, SelectField } from './select-field';

export interface PeriodPickerProps {
  i18n: ComplianceI18n;
  value: PeriodChoice;
  /** The period the choice currently means (shown as the custom range's starting point). */
  resolved: { from: string; to: string };
  /** Called with a valid choice, or null while the custom range is invalid. */
  onChange: (choice: PeriodChoice | null) => void;
  testId: string;
}

const CUSTOM = 'custom';

export function PeriodPicker({ i18n, value, resolved, onChange, testId }: PeriodPickerProps) {
  const { t } = i18n;
  const id = useId();
  const errorId = `${id}-error`;
  const [range, setRange] = useState(value.kind === 'custom' ? value.period : resolved);
  const [mode, setMode] = useState<PeriodPreset | typeof CUSTOM>(value.kind === 'preset' ? value.preset : CUSTOM);
  const parsed = reportPeriodSchema.safeParse(range);
  const invalid = mode === CUSTOM && !parsed.success;
  const complete = /^\d{4}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}$/.test(range.to);
  const message = !complete
    ? t('compliance.period.incomplete')
    : monthSpan(range.from, range.to) < 1
      ? t('compliance.period.invalid')
      : t('compliance.period.tooLong', { max: REPORT_PERIOD_MAX_MONTHS });

  const changeRange = (next: { from: string; to: string }): void => {
    setRange(next);
    const checked = reportPeriodSchema.safeParse(next);
    onChange(checked.success ? { kind: 'custom', period: checked.data } : null);
  };

  return (
    <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <SelectField
        id={`${id}-preset`}
        label={t('compliance.period')}
        value={mode}
        testId={`${testId}-preset`}
        options={[...PERIOD_PRESETS.map((preset) => ({ value: preset, label: t(`compliance.preset.${preset}`) })), { value: CUSTOM, label: t('compliance.preset.custom') }]}
        onChange={(next) => {
          const preset = PERIOD_PRESETS.find((p) => p === next);
          if (preset === undefined) {
            setMode(CUSTOM);
            changeRange(range);
          } else {
            setMode(preset);
            onChange({ kind: 'preset', preset });
          }
        }}
      />
      {mode === CUSTOM ? (
        <>
          <MonthField
            id={`${id}-from`}
            label={t('compliance.period.from')}
            value={range.from}
            invalid={invalid}
            testId={`${testId}-from`}
            {...(invalid ? { describedBy: errorId } : {})}
            onChange={(from) => {
              changeRange({ ...range, from });
            }}
          />
          <MonthField
            id={`${id}-to`}
            label={t('compliance.period.to')}
            value={range.to}
            invalid={invalid}
            testId={`${testId}-to`}
            {...(invalid ? { describedBy: errorId } : {})}
            onChange={(to) => {
              changeRange({ ...range, to });
            }}
          />
          {invalid ? (
            <div style={{ flexBasis: '100%' }}>
              <FieldError id={errorId} name="period" message={message} />
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
