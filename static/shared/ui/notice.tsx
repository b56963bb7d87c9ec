/**
 * A section message: coloured panel with a status icon, optional title, body and actions.
 * A light stand-in for @atlaskit/section-message, whose dismiss button pulls tooltip, popper and
 * portal code (~45 kB gzip) into a bundle that must stay under 150 kB. Colours are tokens.
 */
import type { ReactNode } from 'react';
import StatusErrorIcon from '@atlaskit/icon/core/status-error';
import StatusInformationIcon from '@atlaskit/icon/core/status-information';
import StatusSuccessIcon from '@atlaskit/icon/core/status-success';
import StatusWarningIcon from '@atlaskit/icon/core/status-warning';
import { token } from '@atlaskit/tokens';

export type NoticeAppearance = 'information' | 'warning' | 'error' | 'success';

const looks = {
  information: {
    background: token('color.background.information'),
    icon: token('color.icon.information'),
    Icon: StatusInformationIcon,
  },
  warning: { background: token('color.background.warning'), icon: token('color.icon.warning'), Icon: StatusWarningIcon },
  error: { background: token('color.background.danger'), icon: token('color.icon.danger'), Icon: StatusErrorIcon },
  success: { background: token('color.background.success'), icon: token('color.icon.success'), Icon: StatusSuccessIcon },
} as const;

export interface NoticeProps {
  appearance: NoticeAppearance;
  title?: string;
  children?: ReactNode;
  /** Buttons or links under the text. */
  actions?: ReactNode;
  testId?: string;
  /** `alert` for errors that appear after an action, `status` for results; none for static notices. */
  role?: 'alert' | 'status';
}

export function Notice({ appearance, title, children, actions, testId, role }: NoticeProps) {
  const look = looks[appearance];
  const { Icon } = look;
  return (
    <div
      role={role}
      data-testid={testId}
      data-appearance={appearance}
      style={{
        display: 'flex',
        gap: token('space.150'),
        padding: token('space.200'),
        borderRadius: token('radius.small'),
        background: look.background,
        color: token('color.text'),
      }}
    >
      <span style={{ flex: 'none', display: 'inline-flex', paddingTop: token('space.025') }}>
        <Icon label="" color={look.icon} />
      </span>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100'), minWidth: 0, flex: 1 }}>
        {title === undefined ? null : (
          <strong style={{ font: token('font.heading.xsmall'), color: token('color.text') }}>{title}</strong>
        )}
        {children === undefined ? null : <div style={{ font: token('font.body') }}>{children}</div>}
        {actions === undefined ? null : <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>{actions}</div>}
      </div>
    </div>
  );
}
