/**
 * People's display names for the app's views (the panel's history, the review report's extension
 * authors, the renewals' account managers), looked up as the reader — Jira decides whose names they
 * may see — in one batched look-up for all distinct account ids (⌈N / 50⌉ Jira requests, ADR 0033).
 *
 * What this module may not do: swallow Forge's consent error (ADR 0012), or keep names anywhere.
 */
import type { Logger } from './deps';
import { isJiraError, type JiraAsUser } from './jira-ports';

/**
 * The names Jira gives for `accountIds`, as the reader sees them. An id Jira gives no name for is
 * absent — and every id is, when Jira refuses or fails the look-up (logged as a warning): a name is a
 * nicety, the view is not, so callers show the account id instead. No ids, no request. Anything
 * that is not a Jira failure — Forge's consent error above all — passes through.
 *
 * @example const names = await lookUpDisplayNames(deps.jiraAsUser(accountId), ['5b10ac8d82e05b22cc7d4ef5'], deps.log);
 * names.get('5b10ac8d82e05b22cc7d4ef5') // 'Ada de Boer'
 */
export async function lookUpDisplayNames(jira: Pick<JiraAsUser, 'getUserDisplayNames'>, accountIds: Iterable<string>, log: Pick<Logger, 'warn'>): Promise<ReadonlyMap<string, string>> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return new Map();
  return jira.getUserDisplayNames(ids).catch((error: unknown) => {
    // The consent prompt is not a nicety: Forge shows it only when its error reaches it.
    if (!isJiraError(error)) throw error;
    log.warn('display names not available; account ids shown', { status: error.status ?? 0, kind: error.kind });
    return new Map<string, string>();
  });
}
