/**
 * Names who did something: the user's display name, or the app itself for automatic events.
 */
import type { Actor } from '../../../../src/contract/panel-api';
import type { PanelTranslate } from '../messages';

export function nameActor(actor: Actor, t: PanelTranslate): string {
  return actor.type === 'user' ? actor.displayName : t('actor.app');
}
