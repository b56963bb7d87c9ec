/**
 * A choice between a few options: a fieldset whose legend (in the field-label style) names an
 * Atlaskit RadioGroup, so screen readers read the legend as the group's name. What the choice
 * governs may follow the radios inside the same fieldset (`children`).
 * Only presentation: the caller owns the value and the message texts.
 */
import { useId, type ReactNode } from 'react';
import { RadioGroup } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import { labelStyle } from './field';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  testId: string;
}

export interface RadioFieldsetProps<V extends string> {
  legend: string;
  /** The radios' `name` (one group per form). */
  name: string;
  value: V | null;
  options: readonly RadioOption<V>[];
  /** Called with the option picked (never with a value outside `options`). */
  onChange: (value: V) => void;
  /** Space between the legend, the radios and the children. */
  gap?: 'space.050' | 'space.100';
  testId?: string;
  children?: ReactNode;
}

/**
 * @example
 * <RadioFieldset legend={t('tell.visibility.legend')} name="visibility" value={visibility}
 *   options={[{ value: 'public', label: t('tell.visibility.public'), testId: 'visibility-public' }]}
 *   onChange={setVisibility} />
 */
export function RadioFieldset<V extends string>({ legend, name, value, options, onChange, gap = 'space.050', testId, children }: RadioFieldsetProps<V>) {
  const legendId = useId();
  return (
    <fieldset
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: token(gap) }}
      {...(testId === undefined ? {} : { 'data-testid': testId })}
    >
      <legend id={legendId} style={labelStyle}>
        {legend}
      </legend>
      <RadioGroup
        name={name}
        labelId={legendId}
        value={value}
        options={options.map((option) => ({ ...option }))}
        onChange={(event) => {
          const picked = options.find((option) => option.value === event.currentTarget.value);
          if (picked !== undefined) onChange(picked.value);
        }}
      />
      {children}
    </fieldset>
  );
}
