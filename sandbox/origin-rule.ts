/**
 * Who may talk to the sandbox. It listens on 127.0.0.1, but any web page the developer visits can
 * make the browser send requests there; so, for the sandbox's API and the emulated Jira REST API:
 *
 * - the `Host` must be the sandbox's own (127.0.0.1, localhost or [::1] with its port): a page of
 *   another site whose name was made to resolve to 127.0.0.1 (DNS rebinding) is refused, reads too;
 * - a state-changing request (any method but GET, HEAD, OPTIONS) that a browser marks as coming from
 *   a page — an `Origin` header, or `Sec-Fetch-Site` — must come from the sandbox's own origin
 *   (`Origin: null`, from a sandboxed frame or a file, is refused too). Clients that are not browsers
 *   (jira.js, curl with Basic auth) send neither header and pass.
 *
 * That a state-changing request's body is JSON is enforced where it is read (Fastify's content-type
 * parsers, 415 otherwise): a browser cannot send JSON to another origin without CORS, which the
 * sandbox never grants. See the Fetch standard ("CORS-safelisted request-header") and OWASP's
 * "Cross-Site Request Forgery Prevention Cheat Sheet" (verifying origin with standard headers).
 *
 * Pure decisions; server.ts applies them.
 */

export interface RequestOrigin {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Host values under which the sandbox on `port` is its own. */
export function ownHosts(port: number): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  return port === 80 ? [...names, ...names.map((n) => `${n}:80`)] : names.map((n) => `${n}:${port}`);
}

/**
 * Why the request is refused (a sentence for the answer), or null when it may pass.
 *
 * @example refusalOf({ method: 'POST', host: '127.0.0.1:3000', origin: 'https://evil.example', secFetchSite: 'cross-site' }, 3000)
 * // 'Cross-origin requests may not change the sandbox (Origin https://evil.example).'
 */
export function refusalOf(request: RequestOrigin, port: number): string | null {
  const hosts = ownHosts(port);
  const host = request.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) {
    return `The sandbox answers only as ${hosts[0] ?? '127.0.0.1'} (Host ${request.host ?? 'missing'}).`;
  }
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (request.origin !== undefined && request.origin.toLowerCase() !== `http://${host}`) {
    return `Cross-origin requests may not change the sandbox (Origin ${request.origin}).`;
  }
  const site = request.secFetchSite?.toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `Cross-site requests may not change the sandbox (Sec-Fetch-Site ${site}).`;
  }
  return null;
}
