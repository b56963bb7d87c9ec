/**
 * Names who did something: the user's display name, or the app itself for automatic events.
 */
import type { Actor } from '../../../../src/contract/panel-api';
import type { Translate } from '../../../shared/i18n';

export function nameActor(actor: Actor, t: Translate): string {
  return actor.type === 'user' ? actor.displayName : t('actor.app');
}
