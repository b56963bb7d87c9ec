/**
 * A trigger's `filter`, applied to a product event the way Forge applies it before invoking the
 * function (manifest reference, trigger module, "Filter reference"):
 * - `ignoreSelf: true` drops events the app itself caused — the event's `atlassianId` is the app's
 *   account (Jira's payload has no other "self" flag);
 * - `expression` is evaluated with the event as `event`; the function runs only when it is true;
 * - when the expression cannot be evaluated, `onError` decides: IGNORE_AND_LOG (default) and IGNORE
 *   drop the event, RECEIVE_AND_LOG and RECEIVE deliver it; the `_AND_LOG` variants log.
 *
 * Pure apart from the `log` callback.
 */
import { evaluateForgeExpression } from './forge-expression';
import type { TriggerFilter } from './manifest-modules';

export interface FilterDecision {
  readonly deliver: boolean;
  /** why an event was dropped or an error was tolerated; null when nothing is worth logging */
  readonly note: string | null;
  readonly level: 'info' | 'warn';
}

/**
 * @example decideDelivery({ ignoreSelf: true, onError: 'IGNORE_AND_LOG' }, event, appAccountId).deliver // false for the app's own event
 */
export function decideDelivery(filter: TriggerFilter | undefined, event: unknown, appAccountId: string): FilterDecision {
  if (filter === undefined) return { deliver: true, note: null, level: 'info' };
  const causedBy = typeof event === 'object' && event !== null && 'atlassianId' in event ? event.atlassianId : undefined;
  if (filter.ignoreSelf === true && causedBy === appAccountId) return { deliver: false, note: null, level: 'info' };
  if (filter.expression === undefined) return { deliver: true, note: null, level: 'info' };
  try {
    const pass = evaluateForgeExpression(filter.expression, { event });
    return { deliver: pass, note: null, level: 'info' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const receive = filter.onError === 'RECEIVE' || filter.onError === 'RECEIVE_AND_LOG';
    const logs = filter.onError === 'IGNORE_AND_LOG' || filter.onError === 'RECEIVE_AND_LOG';
    return { deliver: receive, note: logs ? `filter expression failed (${filter.onError}): ${reason}` : null, level: 'warn' };
  }
}
