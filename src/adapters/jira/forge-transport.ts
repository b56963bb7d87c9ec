/**
 * Production transport of the Jira client: Forge's `requestJira`, as the app or as the invoking
 * user. Paths go through `route` with the template and parameters `jiraPath` captured, so Forge
 * escapes and checks every parameter; the query string is appended as URLSearchParams, which
 * `route` encodes in its query mode.
 *
 * What this module may not do: retry, parse bodies or log — that is the client's and retry.ts's job.
 */
import api, { getAppContext, route } from '@forge/api';
import type { APIResponse, RequestInit, Route } from '@forge/api';
import type { AppInstallation } from './app-fields';
import { queryPairs, type JiraRequest, type JiraResponse, type JiraTransport } from './jira-transport';

/**
 * The installation the current invocation runs in, from Forge's `getAppContext()` (app id,
 * environment id and type): how the client tells our custom field from another install's.
 *
 * @example createJiraClient({ transport, installation: forgeInstallation })
 */
export function forgeInstallation(): AppInstallation {
  const context = getAppContext();
  return {
    appId: context.appAri.appId,
    environmentId: context.environmentAri.environmentId,
    environmentType: context.environmentType,
  };
}

/**
 * Milliseconds the current Forge invocation has left (the retry policy's budget); undefined outside
 * an invocation.
 *
 * @example withRetry(transport, { remainingMs: forgeRemainingMs })
 */
export function forgeRemainingMs(): number | undefined {
  try {
    return getAppContext().invocationRemainingTimeInMillis();
  } catch {
    return undefined;
  }
}

/**
 * Who the calls run as. `app` sees what the app's scopes allow (triggers, sweep); `user` sees only
 * what the invoking user may see (resolvers, authorization). `accountId` impersonates that user
 * outside a user invocation and needs `allowImpersonation` on the scope.
 */
export type ForgeActor = { readonly actor: 'app' } | { readonly actor: 'user'; readonly accountId?: string };

/** The one Forge call the transport makes; injectable so tests need no Forge runtime. */
export type RequestJira = (path: Route, init?: RequestInit) => Promise<APIResponse>;

function defaultRequestJira(who: ForgeActor): RequestJira {
  // Resolved per call, not at import: asUser() needs the invocation context of the current call.
  if (who.actor === 'app') return (path, init) => api.asApp().requestJira(path, init);
  const { accountId } = who;
  return (path, init) => (accountId === undefined ? api.asUser() : api.asUser(accountId)).requestJira(path, init);
}

/** Turns the client's request into a Forge `Route`, path parameters escaped by `route` itself. */
export function toForgeRoute(request: JiraRequest): Route {
  const path = route(request.path.template, ...request.path.params);
  const entries = queryPairs(request.query);
  if (entries.length === 0) return path;
  return route`${path}?${new URLSearchParams(entries)}`;
}

function toHeaderRecord(response: APIResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return headers;
}

/**
 * @example
 * const asApp = createForgeTransport({ actor: 'app' });
 * const asUser = createForgeTransport({ actor: 'user' });
 */
export function createForgeTransport(who: ForgeActor, requestJira: RequestJira = defaultRequestJira(who)): JiraTransport {
  return async (request: JiraRequest): Promise<JiraResponse> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: RequestInit = { method: request.method, headers };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    const response = await requestJira(toForgeRoute(request), init);
    return { status: response.status, headers: toHeaderRecord(response), body: await response.text() };
  };
}
