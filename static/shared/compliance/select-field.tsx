/**
 * A labelled native `<select>`, styled like an Atlaskit field with design tokens: keyboard and screen
 * reader behaviour come from the browser, and the bundle stays small (Atlaskit's select brings
 * react-select and popper). Used by the gadget's edit view and the report's pickers.
 */
import { token } from '@atlaskit/tokens';
import { labelStyle } from '../ui/field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  testId: string;
  describedBy?: string;
  disabled?: boolean;
}

export const controlStyle = {
  font: token('font.body'),
  color: token('color.text'),
  background: token('color.background.input'),
  border: `1px solid ${token('color.border.input')}`,
  borderRadius: token('radius.small'),
  padding: `${token('space.075')} ${token('space.100')}`,
  minHeight: 36,
  minWidth: 0,
} as const;

export function SelectField({ id, label, value, options, onChange, testId, describedBy, disabled = false }: SelectFieldProps) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), minWidth: 0 }}>
      <label htmlFor={id} style={labelStyle}>
        {label}
      </label>
      <select
        id={id}
        className="cc-control"
        data-testid={testId}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        style={controlStyle}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface MonthFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  invalid: boolean;
  describedBy?: string;
}

/** A `YYYY-MM` month input (native month picker where the browser has one). */
export function MonthField({ id, label, value, onChange, testId, invalid, describedBy }: MonthFieldProps) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <label htmlFor={id} style={labelStyle}>
        {label}
      </label>
      <input
        id={id}
        type="month"
        className="cc-control"
        data-testid={testId}
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        pattern="[0-9]{4}-[0-9]{2}"
        onChange={(event) => {
          onChange(event.target.value);
        }}
        style={{ ...controlStyle, borderColor: invalid ? token('color.border.danger') : token('color.border.input') }}
      />
    </div>
  );
}
