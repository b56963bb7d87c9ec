/**
 * The agent's actions on the clock, as real buttons: only those the backend allows now
 * (`view.can`). The button of the open form is marked selected and `aria-expanded`.
 */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { PanelPermissions } from '../../../../src/contract/panel-api';
import { useI18n } from '../messages';
import { listAllowedActions, type PanelAction } from '../panel-actions';

export interface ActionBarProps {
  can: PanelPermissions;
  active: PanelAction | null;
  disabled: boolean;
  onOpen: (action: PanelAction, opener: HTMLElement) => void;
}

export function ActionBar({ can, active, disabled, onOpen }: ActionBarProps) {
  const { t } = useI18n();
  const labels: { readonly [A in PanelAction]: string } = {
    tell: t('actions.tell'),
    reapply: t('actions.reapply'),
    pause: t('actions.pause'),
    resume: t('actions.resume'),
    extend: t('actions.extend'),
  };
  const actions = listAllowedActions(can);
  if (actions.length === 0) return null;
  return (
    <div role="group" aria-label={t('actions.label')} data-testid="panel-actions" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
      {actions.map((action) => (
        <Button
          key={action}
          appearance={action === 'tell' ? 'primary' : 'default'}
          isSelected={active === action}
          isDisabled={disabled}
          aria-expanded={active === action}
          testId={`action-${action}`}
          onClick={(event) => {
            onOpen(action, event.currentTarget);
          }}
        >
          {labels[action]}
        </Button>
      ))}
    </div>
  );
}
