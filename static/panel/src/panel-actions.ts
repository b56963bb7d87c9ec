/**
 * The agent actions the panel offers and which backend permission (`view.can`) enables each.
 * Pure: no React, no bridge (unit-tested in test/ui).
 */
import type { PanelPermissions } from '../../../src/contract/panel-api';

export type PanelAction = 'tell' | 'reapply' | 'pause' | 'resume' | 'extend';

const permissionOf: { readonly [A in PanelAction]: keyof PanelPermissions } = {
  tell: 'postMessage',
  reapply: 'reapply',
  pause: 'pause',
  resume: 'resume',
  extend: 'extend',
};

const displayOrder: readonly PanelAction[] = ['tell', 'reapply', 'pause', 'resume', 'extend'];

/**
 * The actions to offer now, in display order.
 *
 * @example listAllowedActions({ postMessage: true, reapply: false, pause: true, resume: false, extend: true })
 * // ['tell', 'pause', 'extend']
 */
export function listAllowedActions(can: PanelPermissions): PanelAction[] {
  return displayOrder.filter((action) => can[permissionOf[action]]);
}
