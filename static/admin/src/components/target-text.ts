/**
 * Words a target ("4 h", "4 h, first response 30 min") with the user's duration format.
 */
import type { Target } from '../../../../src/contract/contract-database-shape';
import type { AdminI18n } from '../messages';

export function describeTarget({ t, duration }: Pick<AdminI18n, 't' | 'duration'>, target: Target): string {
  const resolution = duration(target.resolutionMinutes);
  return target.responseMinutes === undefined
    ? resolution
    : t('admin.target.withResponse', { resolution, response: duration(target.responseMinutes) });
}
