/**
 * Who a host page acts as when the request carries HTTP Basic credentials, as Jira Cloud takes them
 * for its own pages and REST API: the user name is the account's e-mail address, the password an API
 * token (the sandbox accepts any token, as its REST emulator does: jira-routes.ts `authenticate`).
 * A script or a browser given `http://alice%40acme.example:x@127.0.0.1:3000/portal/profile` sees the
 * page as that user; without credentials the top bar's choice (the user cookie) applies.
 */
import type { HostUser } from './view-models';

/** The outcome of an Authorization header: no Basic credentials, a known user, or credentials naming nobody. */
export type BasicAuthOutcome = { kind: 'none' } | { kind: 'user'; user: HostUser } | { kind: 'unknown'; reason: string };

/**
 * Reads an Authorization header against the demo users.
 *
 * @example basicAuthUser('Basic ' + btoa('alice@acme.example:token'), users) // { kind: 'user', user: Alice }
 */
export function basicAuthUser(authorization: string | undefined, users: readonly HostUser[]): BasicAuthOutcome {
  if (authorization === undefined || authorization.trim() === '') return { kind: 'none' };
  const [scheme = '', credentials = ''] = authorization.trim().split(/\s+/, 2);
  // Other schemes (the app's Bearer token) are the REST API's business, never a host page's.
  if (scheme.toLowerCase() !== 'basic') return { kind: 'none' };
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return { kind: 'unknown', reason: 'The Basic credentials are not "<e-mail>:<API token>".' };
  const email = decoded.slice(0, colon).toLowerCase();
  const user = users.find((u) => u.emailAddress.toLowerCase() === email);
  return user === undefined ? { kind: 'unknown', reason: `No demo user has the e-mail address ${decoded.slice(0, colon)}.` } : { kind: 'user', user };
}
