/**
 * Puts the Jira emulator on Fastify: every route of `EMULATED_ROUTES` is a Fastify route (Jira's
 * `{param}` patterns as Fastify's `:param`), the body is read by Fastify's JSON content-type parser
 * with Jira's 10 MB limit (a body in another content type is refused with 415, as Jira does), and
 * what the router does not serve is answered as Jira answers it (404 "null for uri", 405 for a known
 * path with another method). Three ways to use it:
 *
 * - `registerJiraApi(app, …)` mounts the API on the sandbox's own server (one port for everything);
 * - `createJiraApp(…)` is the API alone, for `app.inject()` (in-process-fetch.ts) or listening;
 * - `startJiraServer(…)` listens on 127.0.0.1 (tests drive it with jira.js and fetch).
 *
 * After every routed request, `persist` runs before the answer is sent, so a change the client is
 * told about is already durable (open-sandbox.ts writes it to SQLite). Injected faults
 * (jira-faults.ts) apply to the app's requests only. No Jira logic here: that is jira-routes.ts.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { JiraModel } from './jira-model';
import type { FaultInjector } from './jira-faults';
import { JIRA_METHODS, jiraMethodSchema, methodsByPath, routerPath } from './jira-router';
import {
  answerUnrouted,
  EMULATED_ROUTES,
  familyOf,
  handleJiraRoute,
  jiraErrorResponse,
  type EmulatedRoute,
  type JiraHttpRequest,
  type JiraHttpResponse,
} from './jira-routes';

/** Jira refuses bodies this large; so does the emulator (protects the sandbox from runaway clients). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface JiraApiOptions {
  /** the site to serve (a function: the sandbox replaces its model on reset) */
  model: () => JiraModel;
  /** runs after each routed request, before its answer is sent: makes the request's changes durable */
  persist?: (model: JiraModel) => Promise<void>;
  /** injected faults for the app's requests (SANDBOX_FAULTS) */
  faults?: FaultInjector;
}

export interface JiraApi {
  /** Answers a request under /rest/ that no route served (the owner's not-found handler calls it). */
  answerNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

function toJiraRequest(request: FastifyRequest): JiraHttpRequest {
  const params: Record<string, string> = {};
  if (typeof request.params === 'object' && request.params !== null) {
    for (const [name, value] of Object.entries(request.params)) if (typeof value === 'string') params[name] = value;
  }
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: typeof request.body === 'string' ? request.body : undefined,
    params,
  };
}

function send(reply: FastifyReply, answer: JiraHttpResponse, extraHeaders: Record<string, string> = {}): FastifyReply {
  return reply.code(answer.status).headers({ ...answer.headers, ...extraHeaders }).send(answer.status === 204 ? undefined : answer.body);
}

function isAppRequest(model: JiraModel, request: FastifyRequest): boolean {
  const authorization = request.headers.authorization;
  return typeof authorization === 'string' && authorization.trim() === `Bearer ${model.appToken}`;
}

function pathOf(request: FastifyRequest): string {
  const at = request.url.indexOf('?');
  return at < 0 ? request.url : request.url.slice(0, at);
}

/**
 * Mounts the emulated Jira APIs on `app`.
 *
 * @example const jira = registerJiraApi(app, { model: () => model }); app.setNotFoundHandler((req, reply) => jira.answerNotFound(req, reply));
 */
export function registerJiraApi(app: FastifyInstance, options: JiraApiOptions): JiraApi {
  const answerRoute = (route: EmulatedRoute) => async (request: FastifyRequest, reply: FastifyReply) => {
    const model = options.model();
    const fault = options.faults?.decide(isAppRequest(model, request)) ?? { kind: 'none' };
    if (fault.kind === 'refuse') {
      const message = fault.status === 429 ? 'Rate limit exceeded.' : 'Service unavailable.';
      return send(reply, jiraErrorResponse(route.family, fault.status, message), fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) });
    }
    let answer: JiraHttpResponse;
    try {
      answer = handleJiraRoute(model, route, toJiraRequest(request));
    } finally {
      // durable before anyone hears of it (a failed write fails the request: nothing is acknowledged)
      await options.persist?.(model);
    }
    if (fault.kind === 'lose-answer') return send(reply, jiraErrorResponse(route.family, 503, 'Service unavailable.'));
    return send(reply, answer);
  };

  void app.register((scope, _opts, done) => {
    // Jira reads JSON only; the body stays text so the route answers bad JSON in Jira's words
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_request, body, parsed) => {
      parsed(null, body);
    });
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      const family = familyOf(pathOf(request));
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, jiraErrorResponse(family, 413, 'The request body is too large.'));
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        return send(reply, jiraErrorResponse(family, 415, 'Unsupported Media Type: send the request body as application/json.'));
      }
      const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      return reply
        .code(status)
        .header('content-type', 'application/json;charset=UTF-8')
        .send(JSON.stringify({ errorMessages: [status === 500 ? `Internal server error: ${error.message}` : error.message], errors: {} }));
    });
    for (const route of EMULATED_ROUTES) {
      scope.route({ method: jiraMethodSchema.parse(route.method), url: routerPath(route.pattern), exposeHeadRoute: false, bodyLimit: MAX_BODY_BYTES, handler: answerRoute(route) });
    }
    for (const [url, defined] of methodsByPath()) {
      const others = JIRA_METHODS.filter((m) => !defined.has(m));
      scope.route({
        method: others,
        url,
        exposeHeadRoute: false,
        handler: (request, reply) => send(reply, answerUnrouted(options.model(), toJiraRequest(request), 405)),
      });
    }
    done();
  });

  return {
    answerNotFound: (request, reply) => send(reply, answerUnrouted(options.model(), toJiraRequest(request), 404)),
  };
}

/** Fastify's options for the sandbox's servers: Jira treats `//` and a trailing `/` as the path without them. */
export const fastifyOptions = {
  routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
  // keep-alive sockets would hold close() open until their timeout
  forceCloseConnections: true,
} as const;

/**
 * The emulated Jira APIs alone, not listening: for `app.inject()` or `app.listen()`.
 *
 * @example const app = createJiraApp({ model: () => model }); (await app.inject({ url: '/rest/api/3/myself' })).statusCode // 200
 */
export function createJiraApp(options: JiraApiOptions): FastifyInstance {
  const app = Fastify(fastifyOptions);
  const jira = registerJiraApi(app, options);
  app.setNotFoundHandler((request, reply) => jira.answerNotFound(request, reply));
  return app;
}

export interface JiraServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  app: FastifyInstance;
  /** stops listening and closes open connections */
  stop(): Promise<void>;
}

export interface StartJiraServerOptions {
  model: JiraModel;
  /** default 0: an ephemeral port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** the base URL `self` links use; default the server's own URL (sets model.baseUrl) */
  publicUrl?: string;
}

/**
 * Starts the emulator and resolves once it listens.
 *
 * @example const jira = await startJiraServer({ model }); await fetch(`${jira.url}/rest/api/3/myself`); await jira.stop();
 */
export async function startJiraServer(options: StartJiraServerOptions): Promise<JiraServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createJiraApp({ model: () => options.model });
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The Jira emulator did not get a TCP address.');
  const port = address.port;
  const url = `http://${host}:${port}`;
  options.model.baseUrl = options.publicUrl ?? url;
  return { url, port, app, stop: () => app.close() };
}
