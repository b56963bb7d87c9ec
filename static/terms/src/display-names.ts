/**
 * The audit log's authors by name, looked up once per page load: the ids nobody asked about yet go
 * to `admin/display-names` in one call (batches of ADMIN_LIMITS.displayNamesMax), the answers are
 * kept for the rest of the page's life — also "Jira gave no name" — so switching tabs or saving
 * again asks nothing twice. A failed call is not kept (the next look-up tries again); meanwhile the
 * log shows the account ids.
 *
 * Pure: the resolver call is handed in, so this runs under Jest without a bridge.
 */
import { ADMIN_LIMITS, type DisplayNamesData } from '../../../src/contract/admin-api';
import type { Envelope } from '../../../src/contract/envelope';

/** `by` of an audit entry written by the app itself (a migration), not by an account. */
export const APP_AUTHOR = 'app';

export type LookUpNames = (accountIds: string[]) => Promise<Envelope<DisplayNamesData>>;

/**
 * @example const names = createDisplayNameCache(termsClient.displayNames); (await names.lookUp(['5b10…'])).get('5b10…') // 'Ada de Boer'
 */
export function createDisplayNameCache(ask: LookUpNames): { lookUp: (accountIds: readonly string[]) => Promise<ReadonlyMap<string, string>> } {
  /** An id asked about: its name, or null when Jira gave none. */
  const known = new Map<string, string | null>();
  return {
    async lookUp(accountIds) {
      const wanted = [...new Set(accountIds)].filter((id) => id !== APP_AUTHOR);
      const missing = wanted.filter((id) => !known.has(id));
      for (let from = 0; from < missing.length; from += ADMIN_LIMITS.displayNamesMax) {
        const batch = missing.slice(from, from + ADMIN_LIMITS.displayNamesMax);
        const answer = await ask(batch);
        if (!answer.ok) break;
        for (const id of batch) known.set(id, answer.data.names[id] ?? null);
      }
      const names = new Map<string, string>();
      for (const id of wanted) {
        const name = known.get(id);
        if (name !== undefined && name !== null) names.set(id, name);
      }
      return names;
    },
  };
}
