/**
 * A labelled form field: visible label, the control, a help line and the error message right
 * under the control, wired with `aria-describedby` / `aria-invalid` so screen readers read them.
 * The control is passed as a render function that receives those attributes.
 */
import type { ReactNode } from 'react';
import StatusErrorIcon from '@atlaskit/icon/core/status-error';
import { token } from '@atlaskit/tokens';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  isInvalid: boolean;
}

export interface FieldProps {
  /** The control's id; help and error ids derive from it. */
  id: string;
  /** A short field name for test ids: `field-error-<name>`. */
  name: string;
  label: string;
  help?: ReactNode;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

export const labelStyle = {
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
} as const;

export function Field({ id, name, label, help, error, children }: FieldProps) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help === undefined ? null : helpId, error === undefined ? null : errorId]
    .filter((part) => part !== null)
    .join(' ');
  const control: ControlProps =
    describedBy === '' ? { id, isInvalid: error !== undefined } : { id, 'aria-describedby': describedBy, isInvalid: error !== undefined };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <label htmlFor={id} style={labelStyle}>
        {label}
      </label>
      {children(control)}
      {error === undefined ? null : <FieldError id={errorId} name={name} message={error} />}
      {help === undefined ? null : (
        <div id={helpId} style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
          {help}
        </div>
      )}
    </div>
  );
}

/** The red message under a field (also used under radio groups). */
export function FieldError({ id, name, message }: { id: string; name: string; message: string }) {
  return (
    <div
      id={id}
      data-testid={`field-error-${name}`}
      style={{ display: 'flex', alignItems: 'center', gap: token('space.050'), font: token('font.body.small'), color: token('color.text.danger') }}
    >
      <StatusErrorIcon label="" color={token('color.icon.danger')} size="small" />
      <span>{message}</span>
    </div>
  );
}
