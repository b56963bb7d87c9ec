/**
 * The emulated Jira routes in find-my-way — the router Fastify itself is built on, with the same
 * options — for requests made in the same process (in-process-fetch.ts: the demo generator and the
 * test harness make tens of thousands of Jira calls, and `inject()` would triple their cost). Over
 * HTTP the routes are Fastify's (jira-server.ts); both answer through jira-routes.ts, so a request
 * gets the same answer either way.
 */
import FindMyWay from 'find-my-way';
import { z } from 'zod';
import { EMULATED_ROUTES, type EmulatedRoute } from './jira-routes';

/** The methods a path may be asked with; those a route does not define are answered 405. */
export const JIRA_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
export const jiraMethodSchema = z.enum(JIRA_METHODS);
export type JiraMethod = z.infer<typeof jiraMethodSchema>;

/** `{issueIdOrKey}` → `:issueIdOrKey` (how Fastify and find-my-way write a path parameter) */
export function routerPath(pattern: string): string {
  return pattern.replace(/\{([^}]+)\}/g, ':$1');
}

/** Each path of the emulated routes with the methods it serves. */
export function methodsByPath(): Map<string, Set<JiraMethod>> {
  const byPath = new Map<string, Set<JiraMethod>>();
  for (const route of EMULATED_ROUTES) {
    const path = routerPath(route.pattern);
    byPath.set(path, (byPath.get(path) ?? new Set()).add(jiraMethodSchema.parse(route.method)));
  }
  return byPath;
}

export type JiraRouteMatch = { route: EmulatedRoute; params: Record<string, string> } | 'method-not-allowed' | 'not-found';

// find-my-way keeps a route's store as `store || null`: an index of 0 would come back null, so the
// index travels in an object
const storeSchema = z.object({ index: z.number().int() });

/**
 * @example createJiraRouter().match('GET', '/rest/api/3/issue/ITS-1') // { route, params: { issueIdOrKey: 'ITS-1' } }
 */
export function createJiraRouter(): { match(method: string, path: string): JiraRouteMatch } {
  const router = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  const noop = (): void => undefined;
  EMULATED_ROUTES.forEach((route, index) => {
    router.on(jiraMethodSchema.parse(route.method), routerPath(route.pattern), noop, { index });
  });
  for (const [path, defined] of methodsByPath()) {
    const others = JIRA_METHODS.filter((m) => !defined.has(m));
    if (others.length > 0) router.on(others, path, noop, { index: -1 });
  }
  return {
    match: (method, path) => {
      // a method the emulator knows no route for is not found anywhere (as Fastify answers it)
      const known = jiraMethodSchema.safeParse(method.toUpperCase());
      const found = known.success ? router.find(known.data, path) : null;
      if (found === null) return 'not-found';
      const { index } = storeSchema.parse(found.store);
      const route = EMULATED_ROUTES[index];
      if (route === undefined) return 'method-not-allowed';
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(found.params)) if (value !== undefined) params[name] = value;
      return { route, params };
    },
  };
}
