/**
 * The sandbox's one HTTP server (Fastify, 127.0.0.1): it mounts
 *
 * - `/rest/…` — the Jira emulator's REST API (Jira Cloud v3 + servicedeskapi), handled by the emulator
 * - `/`, `/triage`, `/browse/KEY`, `/dashboard`, `/reports`, `/issues/?jql=`, `/admin`, `/admin/configure`,
 *   `/portal`, `/portal/KEY`, `/portal/profile`, `/activity` — host pages
 * - `/sandbox/frames/<resource>/…` — the Custom UI bundles, with the bridge shim injected
 * - `/sandbox/assets/…` — design tokens, host stylesheet and script
 * - `/sandbox/api/…` — the sandbox's own API: clock, current user, theme, invoke, settle, state, reset,
 *   gadget-configuration (what a gadget's edit view submitted)
 *
 * The current sandbox user is the one HTTP Basic credentials name (e-mail, any token: host/basic-auth.ts),
 * else a cookie (`sandbox-user`, read and set by @fastify/cookie); pages and `invoke` act as that user, and the host's browser code calls `/rest/…` with that user's Basic
 * auth. Requests from other origins may not change anything, and state-changing requests carry JSON
 * (origin-rule.ts; the content-type parsers answer 415 to anything else). Each page or API is one
 * route registered below (`app.get('/dashboard', …)`). This module wires requests to the services it
 * is given; it holds no state of its own beyond the listening socket.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import { z } from 'zod';
import { tokensCssPath } from './bridge/bridge-host-script';
import {
  buildFrontendContext,
  buildResolverCall,
  frameDescriptorSchema,
  type ContextUser,
  type IssueRef,
  type ResolverCall,
  type SiteInfo,
} from './bridge/forge-context';
import { framesPathPrefix, frameUrl, isBundleBuilt, readBundleFile } from './bridge/serve-bundle';
import { colorModeSchema, loadTokensCss, type ColorMode } from './bridge/theme';
import type { MovableClock } from './clock';
import { hostClientScript } from './host/host-client-script';
import { hostCss } from './host/host-css';
import type { DashboardStore, GadgetInstance } from './host/dashboard-store';
import type { HostData } from './host/host-data';
import { basicAuthUser } from './host/basic-auth';
import { html, type SafeHtml } from './host/html';
import { hostCssPath, hostScriptPath, renderNotBuilt, type EmbeddedFrame } from './host/layout';
import { activityViews, renderActivityPage, type ActivityView } from './host/pages/activity-page';
import { renderDashboardPage, type DashboardGadgetView } from './host/pages/dashboard-page';
import { renderIssuesPage } from './host/pages/issues-page';
import { renderPortalPage, renderPortalRequestPage } from './host/pages/portal-page';
import { queueViews, renderQueuePage, type QueueView } from './host/pages/queue-page';
import { renderRequestPage } from './host/pages/request-page';
import { evaluateForgeExpression } from './runtime/forge-expression';
import { renderMessagePage, renderSurfacePage } from './host/pages/surface-page';
import type { ActivityItem, HostUser, PageChrome } from './host/view-models';
import { fromWallTimeInput } from './host/zoned-time';
import { familyOf, isJiraApiPath, jiraErrorResponse } from './jira/jira-routes';
import { fastifyOptions, registerJiraApi, type JiraApiOptions } from './jira/jira-server';
import { refusalOf } from './origin-rule';
import { findUiModule, type HostedModuleType, type ManifestModules, type UiModule } from './runtime/manifest-modules';
import { describeError, type SandboxLog } from './runtime/sandbox-log';

/** What the server needs from the rest of the sandbox. */
export interface SandboxServices {
  clock: MovableClock;
  modules: ManifestModules;
  data: HostData;
  /** the dashboard's gadgets and the configuration saved for each */
  dashboard: DashboardStore;
  log: SandboxLog;
  /** cloudId, appId, environmentId; siteUrl is filled in from the listening address */
  site: Omit<SiteInfo, 'siteUrl'>;
  /** The Jira emulator's API under `/rest/…`: its site, how its changes are saved, injected faults. */
  jira: JiraApiOptions;
  runtime: {
    /** Calls the resolver definitions of `module` with the call Forge would make. */
    invoke(module: UiModule, call: ResolverCall): Promise<unknown>;
    /** Resolves when delivered events, queued jobs and sweeps are all done. */
    settle(): Promise<void>;
    stats(): Record<string, unknown>;
  };
  /** Puts the demo data back (sandbox:reset without a restart); absent = not offered. */
  reset?: () => Promise<void>;
  /** The user's consent to the app acting as them (Forge's "Allow access"), kept with the site. */
  consent: {
    /** the scopes the app asks for, shown on the prompt */
    scopes: readonly string[];
    grant(accountId: string): Promise<void>;
    revoke(accountId: string): Promise<void>;
  };
  /** Called with the base URL once listening (e.g. to tell the emulator its own URL). */
  onListening?: (baseUrl: string) => void;
}

export interface SandboxServer {
  server: Server;
  /** Starts listening; resolves with the base URL (`http://127.0.0.1:3000`). */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
  baseUrl(): string;
}

export const userCookie = 'sandbox-user';
/** The portal's profile page ("My contract"), and JSM's own path of it, which the app links to. */
const profilePagePath = '/portal/profile';
const jsmProfilePath = '/servicedesk/customer/user/profile';
export const themeCookie = 'sandbox-theme';
/** The sandbox API's requests are small; Jira's routes have their own limit (jira-server.ts). */
const maxBodyBytes = 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The name of @forge/api's NeedsAuthenticationError (a user who has not allowed the app yet). */
const NEEDS_AUTHENTICATION_ERR = 'NEEDS_AUTHENTICATION_ERR';

/** An invoke that needs the user's consent first: the host shows the "Allow access" prompt. */
class ConsentRequired extends HttpError {
  constructor(
    readonly appName: string,
    readonly scopes: readonly string[],
  ) {
    super(401, `${appName} needs your permission to act on your behalf.`);
  }
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.');
    throw new HttpError(400, `Invalid ${where}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

/**
 * The sandbox process's memory, in MB (the soak script's per-request figures). In a process started
 * with `--expose-gc` (the soak's) garbage is collected first, so the heap figure is what is live.
 */
function memoryFigures(): { rssMb: number; heapUsedMb: number } {
  const exposed = z.function().safeParse(Reflect.get(globalThis, 'gc'));
  if (exposed.success) exposed.data();
  const usage = process.memoryUsage();
  return { rssMb: Math.round(usage.rss / 1e5) / 10, heapUsedMb: Math.round(usage.heapUsed / 1e5) / 10 };
}

function sendHtml(reply: FastifyReply, status: number, page: SafeHtml): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.value);
}

function sendText(reply: FastifyReply, status: number, contentType: string, body: string | Buffer): FastifyReply {
  return reply.code(status).type(contentType).send(body);
}

/**
 * `settle` (default true): answer once the sweep the move runs, and everything it set in motion, is
 * done; `false` answers at once, so a load test keeps events in flight across clock moves.
 */
const settleSchema = z.boolean().optional();
const clockActionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('advance'),
    ms: z.number().int().min(-366 * 86_400_000).max(366 * 86_400_000),
    settle: settleSchema,
    /** Moving the clock back undoes nothing the app did; without this the request is refused (409). */
    confirmBackwards: z.boolean().optional(),
  }),
  // `at` (an instant) or `local` + `timeZone` (a wall time, as the host's "set time" control sends)
  z
    .object({
      action: z.literal('set'),
      at: z.iso.datetime({ offset: true }).optional(),
      local: z.string().min(16).max(19).optional(),
      timeZone: z.string().min(1).max(64).optional(),
      settle: settleSchema,
      /** Moving the clock back undoes nothing the app did; without this the request is refused (409). */
      confirmBackwards: z.boolean().optional(),
    })
    .refine((v) => v.at !== undefined || (v.local !== undefined && v.timeZone !== undefined), {
      error: 'give either at, or local and timeZone',
      path: ['at'],
    }),
  z.object({ action: z.literal('freeze') }),
  z.object({ action: z.literal('resume') }),
]);

const invokeSchema = z.object({
  frame: frameDescriptorSchema,
  functionKey: z.string().min(1).max(200),
  payload: z.record(z.string(), z.unknown()).default({}),
});

/**
 * @example
 * const sandbox = createSandboxServer(services);
 * const url = await sandbox.listen(3000); // 'http://127.0.0.1:3000'
 */
export function createSandboxServer(services: SandboxServices): SandboxServer {
  const { clock, modules, data, log } = services;
  let baseUrl = '';
  let frameSerial = 0;
  const resourceDirs = new Map(modules.uiModules.map((m) => [m.resource, m.resourceDir]));
  const modulePages: Record<string, string> = {};
  for (const module of modules.uiModules) {
    if (module.type === 'jira:adminPage') modulePages[module.key] = module.useAsConfig ? '/admin/configure' : '/admin';
    if (module.type === 'jira:dashboardGadget') modulePages[module.key] = '/dashboard';
    if (module.type === 'jira:globalPage') modulePages[module.key] = '/reports';
    if (module.type === 'jiraServiceManagement:queuePage') modulePages[module.key] = '/triage';
    if (module.type === 'jiraServiceManagement:portalProfilePanel') modulePages[module.key] = profilePagePath;
  }

  const siteInfo = (): SiteInfo => ({ ...services.site, siteUrl: baseUrl });
  const gadgetRef = (instance: GadgetInstance) => ({ id: instance.id, dashboardId: services.dashboard.dashboardId, configuration: instance.configuration });

  /** HTTP Basic credentials (a demo user's e-mail, any token) first, as Jira takes them; then the top bar's choice. */
  const currentUser = (req: FastifyRequest): HostUser => {
    const basic = basicAuthUser(req.headers.authorization, data.listUsers());
    if (basic.kind === 'user') return basic.user;
    if (basic.kind === 'unknown') throw new HttpError(401, `You are not authenticated: ${basic.reason}`);
    const id = req.cookies[userCookie];
    return (id === undefined ? null : data.findUser(id)) ?? data.defaultUser();
  };
  const currentColorMode = (req: FastifyRequest): ColorMode => {
    const parsed = colorModeSchema.safeParse(req.cookies[themeCookie]);
    return parsed.success ? parsed.data : 'light';
  };
  const chromeFor = (req: FastifyRequest, title: string, nav: PageChrome['nav']): PageChrome => ({
    title,
    nav,
    now: clock.now(),
    frozen: clock.isFrozen(),
    user: currentUser(req),
    users: data.listUsers(),
    colorMode: currentColorMode(req),
    projectName: data.projectName(),
    projectKey: data.projectKey(),
    modulePages,
  });
  const contextUser = (user: HostUser): ContextUser => ({
    accountId: user.accountId,
    accountType: user.accountType,
    locale: user.locale,
    timeZone: user.timeZone,
  });

  /** A frame for a module, or the honest notice when the module or its bundle does not exist. */
  const frameFor = (
    type: HostedModuleType,
    chrome: PageChrome,
    issue: IssueRef | null,
    surface: string,
    layout: { autoResize: boolean; minHeight: number; config?: boolean },
    gadget?: { instance: GadgetInstance; entryPoint: 'view' | 'edit' },
  ): { frame: EmbeddedFrame } | { notice: SafeHtml } => {
    const module =
      gadget === undefined
        ? findUiModule(modules, type, { config: layout.config ?? false })
        : (modules.uiModules.find((m) => m.key === gadget.instance.moduleKey) ?? null);
    if (module === null) {
      return {
        notice: renderNotBuilt(
          surface,
          html`manifest.yml declares no <code>${type}</code> module yet. It appears here once the app ships it.`,
        ),
      };
    }
    if (chrome.user.role === 'customer' && !module.unlicensedAccess.includes('customer')) {
      // Forge runs a module for customers only when the manifest opts in (`unlicensedAccess`)
      return { notice: renderNotBuilt(surface, html`Forge does not run <code>${module.key}</code> for customers: its manifest entry has no <code>unlicensedAccess: [customer]</code>.`) };
    }
    if (!isBundleBuilt(module.resourceDir)) {
      return {
        notice: renderNotBuilt(
          surface,
          html`The <code>${module.key}</code> module is declared, but its Custom UI bundle (<code>${module.resourceDir.replace(process.cwd() + '/', '')}</code>) does not exist yet. Run <code>npm run build:ui</code> once the app's sources are in <code>static/${module.resource}/</code>.`,
        ),
      };
    }
    frameSerial += 1;
    const frameId = `frame-${frameSerial}`;
    const descriptor = {
      moduleKey: module.key,
      ...(issue === null ? {} : { issueKey: issue.key }),
      ...(gadget === undefined ? {} : { gadgetId: gadget.instance.id, entryPoint: gadget.entryPoint }),
    };
    const context = buildFrontendContext({
      site: siteInfo(),
      module,
      user: contextUser(chrome.user),
      issue,
      colorMode: chrome.colorMode,
      ...(gadget === undefined ? {} : { entryPoint: gadget.entryPoint, gadget: gadgetRef(gadget.instance) }),
      ...(module.type === 'jiraServiceManagement:queuePage' ? { project: data.projectRef() } : {}),
    });
    return {
      frame: {
        frameId,
        src: frameUrl(module.resource, frameId),
        title: module.title,
        descriptor,
        context,
        autoResize: layout.autoResize,
        minHeight: layout.minHeight,
      },
    };
  };

  /**
   * Whether Jira shows a module on this issue: its `displayConditions.jiraExpression`, evaluated with
   * the issue's `project`, `issue` and `user`. An expression that fails hides the module (and is logged).
   */
  const isDisplayed = (module: UiModule | null, issue: IssueRef, user: HostUser): boolean => {
    if (module?.displayCondition == null) return true;
    try {
      return evaluateForgeExpression(module.displayCondition, {
        project: { id: issue.project.id, key: issue.project.key, projectTypeKey: issue.project.type },
        issue: { id: issue.id, key: issue.key, issueType: { id: issue.typeId, name: issue.type } },
        user: { accountId: user.accountId },
      });
    } catch (error) {
      log.warn('host', `${module.key}: display condition failed, module hidden`, { error: describeError(error) });
      return false;
    }
  };

  // ---------------------------------------------------------------------------------------------
  // pages
  // ---------------------------------------------------------------------------------------------

  const pageQueue = (req: FastifyRequest, reply: FastifyReply, url: URL): FastifyReply => {
    const chrome = chromeFor(req, 'Queue', 'queue');
    if (chrome.user.role === 'customer') {
      return reply.redirect('/portal');
    }
    const requested = url.searchParams.get('view');
    const view: QueueView = queueViews.find((v) => v === requested) ?? 'open';
    return sendHtml(reply, 200, renderQueuePage({ chrome, view, requests: data.listRequests(chrome.user), limit: 200, otherProjects: data.otherProjects() }));
  };

  const pageRequest = (req: FastifyRequest, reply: FastifyReply, key: string): FastifyReply => {
    const chrome = chromeFor(req, key, 'request');
    if (chrome.user.role === 'customer') {
      return reply.redirect(`/portal/${encodeURIComponent(key)}`);
    }
    const request = data.getRequest(key, chrome.user);
    const issue = data.issueRef(key);
    if (request === null || issue === null) {
      return sendHtml(reply, 404, renderMessagePage(chrome, 'Request not found', html`${key} does not exist or you do not have permission to see it.`));
    }
    chrome.title = `${request.key}: ${request.summary}`;
    const module = findUiModule(modules, 'jira:issuePanel');
    // Jira renders a module only where its display conditions hold (here: service projects)
    const panel = isDisplayed(module, issue, chrome.user)
      ? frameFor('jira:issuePanel', chrome, issue, 'Contract Clock issue panel', { autoResize: true, minHeight: 120 })
      : null;
    return sendHtml(reply, 200, renderRequestPage({ chrome, request, panel, panelTitle: module?.title ?? 'Contract Clock' }));
  };

  /**
   * The app's admin page (the sidebar entry, /admin) or its Configure page (`useAsConfig`, the
   * Configure button in Manage apps, /admin/configure): Jira's /jira/settings/apps/[configure/]{appId}/{envId}.
   */
  const pageAdmin = (req: FastifyRequest, reply: FastifyReply, config: boolean): FastifyReply => {
    const chrome = chromeFor(req, 'Contract Clock settings', 'admin');
    if (chrome.user.role !== 'admin') {
      return sendHtml(reply, 403, renderMessagePage(chrome, 'You do not have access to this page', html`Only Jira admins can open app settings. Switch to the admin user in the top bar.`));
    }
    const content = frameFor('jira:adminPage', chrome, null, 'Contract Clock settings', { autoResize: true, minHeight: 480, config });
    return sendHtml(
      reply,
      200,
      renderSurfacePage({
        chrome,
        breadcrumbs: config
          ? html`Settings / Apps / <a href="/admin">Contract Clock</a> / Configure`
          : html`Settings / Apps / Contract Clock · <a href="/admin/configure">Configure</a>`,
        heading: config ? 'Contract Clock terms' : 'Contract Clock',
        intro: config
          ? 'Calendars, services, service levels and contracts in forms (the app’s Configure page in Manage apps).'
          : 'The contract database: calendars, services, service levels and customer contracts.',
        content,
        framed: false,
      }),
    );
  };

  const pageDashboard = (req: FastifyRequest, reply: FastifyReply, url: URL): FastifyReply => {
    const chrome = chromeFor(req, 'Dashboard', 'dashboard');
    if (chrome.user.role === 'customer') {
      return reply.redirect('/portal');
    }
    const editing = url.searchParams.get('edit');
    const module = findUiModule(modules, 'jira:dashboardGadget');
    const gadgets: DashboardGadgetView[] = services.dashboard.list().map((instance) => {
      const entryPoint = instance.id === editing ? ('edit' as const) : ('view' as const);
      return {
        gadgetId: instance.id,
        title: modules.uiModules.find((m) => m.key === instance.moduleKey)?.title ?? instance.moduleKey,
        editing: entryPoint === 'edit',
        content: frameFor('jira:dashboardGadget', chrome, null, 'Contract compliance gadget', { autoResize: true, minHeight: 240 }, { instance, entryPoint }),
      };
    });
    const missing =
      module === null
        ? renderNotBuilt('Contract compliance gadget', html`manifest.yml declares no <code>jira:dashboardGadget</code> module yet. It appears here once the app ships it.`)
        : null;
    return sendHtml(reply, 200, renderDashboardPage({ chrome, dashboardName: 'Service management dashboard', gadgets, missing }));
  };

  /** The triage view: the app's `jiraServiceManagement:queuePage`, in the service project's queues. */
  const pageTriage = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const chrome = chromeFor(req, 'Contract triage', 'triage');
    if (chrome.user.role === 'customer') {
      return reply.redirect('/portal');
    }
    const content = frameFor('jiraServiceManagement:queuePage', chrome, null, 'Contract triage', { autoResize: true, minHeight: 480 });
    return sendHtml(
      reply,
      200,
      renderSurfacePage({
        chrome,
        breadcrumbs: html`Projects / ${chrome.projectName} / Queues / Apps`,
        heading: 'Contract triage',
        intro: '',
        content,
        framed: false,
      }),
    );
  };

  const pageReports = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const chrome = chromeFor(req, 'Contract reviews', 'reports');
    if (chrome.user.role === 'customer') {
      return reply.redirect('/portal');
    }
    const content = frameFor('jira:globalPage', chrome, null, 'Contract reviews', { autoResize: true, minHeight: 480 });
    return sendHtml(
      reply,
      200,
      renderSurfacePage({
        chrome,
        breadcrumbs: html`Apps / Contract Clock`,
        heading: 'Contract reviews',
        intro: '',
        content,
        framed: false,
      }),
    );
  };

  const pageIssues = (req: FastifyRequest, reply: FastifyReply, url: URL): FastifyReply => {
    const chrome = chromeFor(req, 'Search', 'issues');
    if (chrome.user.role === 'customer') {
      return reply.redirect('/portal');
    }
    const jql = url.searchParams.get('jql') ?? `project = ${data.projectKey()} ORDER BY created DESC`;
    return sendHtml(reply, 200, renderIssuesPage({ chrome, jql, result: data.searchRequests(chrome.user, jql, 100) }));
  };

  const pagePortal = (req: FastifyRequest, reply: FastifyReply, url: URL): FastifyReply => {
    const chrome = chromeFor(req, 'Help center', 'portal');
    const customers = data.listUsers().filter((u) => u.role === 'customer');
    const picked = url.searchParams.get('customer');
    const customer =
      chrome.user.role === 'customer' ? chrome.user : (customers.find((c) => c.accountId === picked) ?? customers[0] ?? null);
    const desk = data.serviceDesk();
    const orgNames = new Set(customer?.organizations.map((o) => o.name) ?? []);
    const requests =
      customer === null
        ? []
        : data
            .listRequests(customer)
            .filter((r) => r.reporter?.accountId === customer.accountId || r.organizations.some((o) => orgNames.has(o)))
            .sort((a, b) => b.created.getTime() - a.created.getTime());
    return sendHtml(
      reply,
      200,
      renderPortalPage({
        chrome,
        serviceDesk: { id: desk.id, name: desk.name },
        customers,
        customer,
        requestTypes: desk.requestTypes,
        priorities: data.priorities(),
        requests,
        raisedKey: url.searchParams.get('raised') || null,
      }),
    );
  };

  const pagePortalRequest = (req: FastifyRequest, reply: FastifyReply, key: string): FastifyReply => {
    const chrome = chromeFor(req, key, 'portal');
    const request = data.getRequest(key, chrome.user);
    const issue = data.issueRef(key);
    if (request === null || issue === null) {
      return sendHtml(reply, 404, renderMessagePage(chrome, 'Request not found', html`${key} does not exist or you do not have permission to see it.`));
    }
    chrome.title = `${request.key}: ${request.summary}`;
    return sendHtml(
      reply,
      200,
      renderPortalRequestPage({
        chrome,
        request,
        canComment: chrome.user.role === 'customer',
        requestPanel: frameFor('jiraServiceManagement:portalRequestDetailPanel', chrome, issue, 'Your agreement', { autoResize: true, minHeight: 80 }),
      }),
    );
  };

  /** The portal's profile page: JSM shows the app's profile panel ("My contract") there. */
  const pageProfile = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const chrome = chromeFor(req, 'My contract', 'profile');
    const content = frameFor('jiraServiceManagement:portalProfilePanel', chrome, null, 'My contract', { autoResize: true, minHeight: 160 });
    return sendHtml(
      reply,
      200,
      renderSurfacePage({
        chrome,
        breadcrumbs: html`<a href="/portal">Help center</a> / Profile`,
        heading: chrome.user.displayName,
        intro: `Your profile${chrome.user.organizations.length > 0 ? ` · ${chrome.user.organizations.map((o) => o.name).join(', ')}` : ''}`,
        content,
        framed: true,
      }),
    );
  };

  const pageActivity = (req: FastifyRequest, reply: FastifyReply, url: URL): FastifyReply => {
    const chrome = chromeFor(req, 'App notifications', 'activity');
    if (chrome.user.role === 'customer') {
      return reply.redirect('/portal');
    }
    const requested = url.searchParams.get('view');
    const view: ActivityView = activityViews.find((v) => v === requested) ?? 'app';
    const items: ActivityItem[] =
      view === 'app'
        ? data.appActivity()
        : log.recent().map((entry) => ({
            at: new Date(entry.at),
            kind: 'log',
            issueKey: null,
            title: `[${entry.source}] ${entry.message}`,
            body: entry.data === undefined ? '' : JSON.stringify(entry.data),
            level: entry.level,
          }));
    return sendHtml(reply, 200, renderActivityPage({ chrome, view, items }));
  };

  // ---------------------------------------------------------------------------------------------
  // sandbox API
  // ---------------------------------------------------------------------------------------------

  const clockState = (): { now: string; frozen: boolean } => ({ now: clock.now().toISOString(), frozen: clock.isFrozen() });

  /** Setting the clock back asks first (issue 11 item 8): 409 until the request says `confirmBackwards`. */
  const backwardsRefusal = (at: Date): HttpError =>
    new HttpError(
      409,
      `This sets the clock back from ${clock.now().toISOString()} to ${at.toISOString()}. Notes, notifications and breaches already recorded stay; requests keep their history. Set it back anyway?`,
    );

  const apiClock = async (body: unknown): Promise<unknown> => {
    const action = parseWith(clockActionSchema, body);
    switch (action.action) {
      case 'advance':
        if (action.ms < 0 && action.confirmBackwards !== true) throw backwardsRefusal(new Date(clock.now().getTime() + action.ms));
        clock.advance(action.ms);
        break;
      case 'set': {
        const at =
          action.at !== undefined ? new Date(action.at) : fromWallTimeInput(action.local ?? '', action.timeZone ?? 'UTC');
        if (at === null) throw new HttpError(400, `Invalid local: "${action.local ?? ''}" is not a wall time.`);
        if (at.getTime() < clock.now().getTime() && action.confirmBackwards !== true) throw backwardsRefusal(at);
        clock.set(at);
        break;
      }
      case 'freeze':
        clock.freeze();
        break;
      case 'resume':
        clock.resume();
        break;
    }
    log.info('clock', `clock ${action.action}`, clockState());
    // moving the clock runs the sweep; answer once its consequences are visible (unless asked not to)
    if (!('settle' in action) || action.settle !== false) await services.runtime.settle();
    return clockState();
  };

  const apiInvoke = async (req: FastifyRequest, body: unknown): Promise<unknown> => {
    const input = parseWith(invokeSchema, body);
    const module = modules.uiModules.find((m) => m.key === input.frame.moduleKey);
    if (module === undefined) throw new HttpError(404, `manifest.yml has no UI module "${input.frame.moduleKey}".`);
    const needsIssue = module.type === 'jira:issuePanel' || module.type === 'jiraServiceManagement:portalRequestDetailPanel';
    let issue: IssueRef | null = null;
    if (needsIssue) {
      if (input.frame.issueKey === undefined) throw new HttpError(400, `Invalid frame.issueKey: ${module.type} frames need one.`);
      issue = data.issueRef(input.frame.issueKey);
      if (issue === null) throw new HttpError(404, `Issue ${input.frame.issueKey} does not exist.`);
    }
    let gadget: GadgetInstance | null = null;
    if (module.type === 'jira:dashboardGadget') {
      // the platform, not the frame, vouches for which gadget and which configuration
      gadget = input.frame.gadgetId === undefined ? null : services.dashboard.find(input.frame.gadgetId);
      if (gadget === null || gadget.moduleKey !== module.key) throw new HttpError(404, `The dashboard has no gadget ${input.frame.gadgetId ?? '(none)'} of ${module.key}.`);
    }
    const user = currentUser(req);
    if (user.role === 'customer' && !module.unlicensedAccess.includes('customer')) {
      throw new HttpError(403, `Forge does not run ${module.key} for customers (no unlicensedAccess).`);
    }
    const call = buildResolverCall(
      {
        site: siteInfo(),
        module,
        user: contextUser(user),
        issue,
        colorMode: currentColorMode(req),
        ...(input.frame.entryPoint === undefined ? {} : { entryPoint: input.frame.entryPoint }),
        ...(gadget === null ? {} : { gadget: gadgetRef(gadget) }),
        ...(module.type === 'jiraServiceManagement:queuePage' ? { project: data.projectRef() } : {}),
      },
      input.functionKey,
      input.payload,
    );
    try {
      return await services.runtime.invoke(module, call);
    } catch (error) {
      if (error instanceof Error && error.name === NEEDS_AUTHENTICATION_ERR) {
        // Forge answers this error with its consent screen in place of the app (see bridge-host-script.ts)
        log.info('invoke', `${module.key} → ${input.functionKey}: ${user.displayName} has not allowed access yet`);
        throw new ConsentRequired(services.site.appName, services.consent.scopes);
      }
      log.error('invoke', `${module.key} → ${input.functionKey} threw`, { error: describeError(error) });
      // Forge answers the frontend with a generic error when a resolver throws
      throw new HttpError(500, `There was an error invoking the function - ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /** The sandbox API's answers: `{ ok: true, value }`. */
  const answer = (reply: FastifyReply, value: unknown): FastifyReply => reply.code(200).send({ ok: true, value });
  const cookieOptions = { path: '/', sameSite: 'lax' } as const;

  // ---------------------------------------------------------------------------------------------
  // the server
  // ---------------------------------------------------------------------------------------------

  const app: FastifyInstance = Fastify(fastifyOptions);
  void app.register(fastifyCookie);

  // another site's page may not use the sandbox (origin-rule.ts); refused before the body is read
  app.addHook('onRequest', (request, reply, done) => {
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const refusal = refusalOf(
      {
        method: request.method,
        host: request.headers.host,
        origin: request.headers.origin,
        secFetchSite: typeof request.headers['sec-fetch-site'] === 'string' ? request.headers['sec-fetch-site'] : undefined,
      },
      port,
    );
    if (refusal === null) {
      done();
      return;
    }
    log.warn('server', `refused ${request.method} ${request.url}: ${refusal}`);
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/rest/')) {
      const refused = jiraErrorResponse(familyOf(path), 403, `XSRF check failed. ${refusal}`);
      void reply.code(403).headers(refused.headers).send(refused.body);
    } else {
      void reply.code(403).send({ ok: false, message: refusal });
    }
  });
  // While the scheduler walks through the sweep slots a clock move crossed, the clock reads each
  // slot's instant in turn (sweep-scheduler.ts). What a person does meanwhile — a REST write, a
  // panel action, another clock move — happens at the new time, after the walk, not at a slot in
  // the past; the app's own calls (its bearer token) are the walk and go through. Reads go through.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && authorization.trim() === `Bearer ${services.jira.model().appToken}`) return;
    while (clock.isStepping()) await clock.whenSteady();
  });
  // every answer of the sandbox itself is live data: never cached (Jira's answers keep Jira's headers)
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.url.startsWith('/rest/')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  const jira = registerJiraApi(app, services.jira);

  // the sandbox API: JSON in (an empty body is `{}`), `{ ok, value | message }` out
  void app.register((api, _opts, done) => {
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: maxBodyBytes }, (_request, text, parsed) => {
      const body = typeof text === 'string' ? text : text.toString('utf8');
      if (body.trim() === '') {
        parsed(null, {});
        return;
      }
      try {
        parsed(null, JSON.parse(body));
      } catch {
        parsed(new HttpError(400, 'The request body is not valid JSON.'), undefined);
      }
    });
    api.get('/sandbox/api/state', (req, reply) =>
      answer(reply, { ...clockState(), user: currentUser(req), users: data.listUsers(), runtime: services.runtime.stats(), memory: memoryFigures(), baseUrl }),
    );
    api.post('/sandbox/api/clock', async (req, reply) => answer(reply, await apiClock(req.body)));
    api.post('/sandbox/api/user', (req, reply) => {
      const { accountId } = parseWith(z.object({ accountId: z.string().min(1).max(128) }), req.body);
      const user = data.findUser(accountId);
      if (user === null) throw new HttpError(404, `No demo user ${accountId}.`);
      return answer(reply.setCookie(userCookie, user.accountId, cookieOptions), { user });
    });
    api.post('/sandbox/api/consent', async (req, reply) => {
      // the user's answer on the "Allow access" prompt
      const { allow } = parseWith(z.object({ allow: z.boolean() }), req.body);
      const user = currentUser(req);
      if (allow) await services.consent.grant(user.accountId);
      else await services.consent.revoke(user.accountId);
      log.info('consent', `${user.displayName} ${allow ? 'allowed' : 'withdrew'} access for ${services.site.appName}`);
      return answer(reply, { allowed: allow });
    });
    api.post('/sandbox/api/theme', (req, reply) => {
      const { colorMode } = parseWith(z.object({ colorMode: colorModeSchema }), req.body);
      return answer(reply.setCookie(themeCookie, colorMode, cookieOptions), { colorMode });
    });
    api.post('/sandbox/api/invoke', async (req, reply) => answer(reply, await apiInvoke(req, req.body)));
    api.post('/sandbox/api/settle', async (_req, reply) => {
      await services.runtime.settle();
      return answer(reply, services.runtime.stats());
    });
    api.post('/sandbox/api/gadget-configuration', (req, reply) => {
      const { gadgetId, configuration } = parseWith(
        z.object({ gadgetId: z.string().regex(/^\d+$/), configuration: z.record(z.string(), z.unknown()) }),
        req.body,
      );
      if (currentUser(req).role === 'customer') throw new HttpError(403, 'Customers cannot change dashboard gadgets.');
      try {
        services.dashboard.saveConfiguration(gadgetId, configuration);
      } catch (error) {
        throw new HttpError(error instanceof RangeError ? 400 : 500, error instanceof Error ? error.message : String(error));
      }
      log.info('dashboard', `gadget ${gadgetId} configured`);
      return answer(reply, { gadgetId });
    });
    api.post('/sandbox/api/reset', async (_req, reply) => {
      if (services.reset === undefined) throw new HttpError(404, 'This sandbox does not offer a reset.');
      await services.reset();
      return answer(reply, clockState());
    });
    done();
  });

  // static assets and Custom UI bundles
  app.get(`${framesPathPrefix}*`, async (req, reply) => {
    const url = new URL(req.url, 'http://sandbox.local');
    const file = await readBundleFile(resourceDirs, url.pathname, url.searchParams.get('frame'));
    return file.status === 404 ? sendText(reply, 404, 'text/plain; charset=utf-8', file.message) : sendText(reply, 200, file.contentType, file.body);
  });
  app.get(tokensCssPath, async (_req, reply) => sendText(reply, 200, 'text/css; charset=utf-8', await loadTokensCss()));
  app.get(hostCssPath, (_req, reply) => sendText(reply, 200, 'text/css; charset=utf-8', hostCss));
  app.get(hostScriptPath, (_req, reply) => sendText(reply, 200, 'text/javascript; charset=utf-8', hostClientScript));
  app.get('/favicon.ico', (_req, reply) => reply.code(204).send());

  // host pages
  const urlOf = (req: FastifyRequest): URL => new URL(req.url, 'http://sandbox.local');
  const keyParam = (req: FastifyRequest): string => z.object({ key: z.string() }).parse(req.params).key;
  const issueKey = /^[A-Z][A-Z0-9_]*-\d+$/;
  app.get('/', (req, reply) => pageQueue(req, reply, urlOf(req)));
  app.get('/dashboard', (req, reply) => pageDashboard(req, reply, urlOf(req)));
  app.get('/reports', (req, reply) => pageReports(req, reply));
  app.get('/triage', (req, reply) => pageTriage(req, reply));
  // `/issues/?jql=` as Jira links it (the router ignores the trailing slash)
  app.get('/issues', (req, reply) => pageIssues(req, reply, urlOf(req)));
  app.get('/admin', (req, reply) => pageAdmin(req, reply, false));
  app.get('/admin/configure', (req, reply) => pageAdmin(req, reply, true));
  app.get('/portal', (req, reply) => pagePortal(req, reply, urlOf(req)));
  app.get('/activity', (req, reply) => pageActivity(req, reply, urlOf(req)));
  // a static route: find-my-way picks it before `/portal/:key`
  app.get(profilePagePath, (req, reply) => pageProfile(req, reply));
  app.get(jsmProfilePath, (_req, reply) => reply.redirect(profilePagePath));
  app.get('/browse/:key', (req, reply) => (issueKey.test(keyParam(req)) ? pageRequest(req, reply, keyParam(req)) : pageNotFound(req, reply)));
  app.get('/portal/:key', (req, reply) => (issueKey.test(keyParam(req)) ? pagePortalRequest(req, reply, keyParam(req)) : pageNotFound(req, reply)));

  const pageNotFound = (req: FastifyRequest, reply: FastifyReply): FastifyReply =>
    sendHtml(reply, 404, renderMessagePage(chromeFor(req, 'Not found', 'queue'), 'Page not found', html`There is no page at ${urlOf(req).pathname}.`));

  app.setNotFoundHandler((req, reply) => {
    const path = urlOf(req).pathname;
    if (path.startsWith('/rest/')) return jira.answerNotFound(req, reply);
    if (path.startsWith('/sandbox/api/')) {
      const name = path.slice('/sandbox/api/'.length);
      if (req.method !== 'POST') throw new HttpError(405, `Use POST for /sandbox/api/${name}.`);
      throw new HttpError(404, `No sandbox API "${name}".`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method} is not allowed here.`);
    return pageNotFound(req, reply);
  });

  app.setErrorHandler((error: FastifyError | HttpError, req, reply) => {
    const status =
      error instanceof HttpError
        ? error.status
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 415
          : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 413
            : (error.statusCode ?? 500);
    const message =
      status === 415
        ? 'The sandbox API takes JSON: send Content-Type: application/json.'
        : status === 413
          ? 'The request body is larger than 1 MB.'
          : error.message;
    // HttpErrors were expected and, where worth it, logged where they were raised
    if (status >= 500) log.error('server', `${req.method} ${req.url} failed`, { error: describeError(error) });
    if (isJiraApiPath(urlOf(req).pathname)) {
      return reply.code(status).type('application/json;charset=UTF-8').send(JSON.stringify({ errorMessages: [message], errors: {} }));
    }
    const consent = error instanceof ConsentRequired ? { consent: { appName: error.appName, scopes: error.scopes } } : {};
    return reply.code(status).send({ ok: false, message, ...consent });
  });

  return {
    server: app.server,
    listen: async (port, host = '127.0.0.1') => {
      await app.listen({ port, host });
      const address = app.server.address();
      const boundPort = typeof address === 'object' && address !== null ? address.port : 0;
      baseUrl = `http://${host}:${boundPort}`;
      services.onListening?.(baseUrl);
      return baseUrl;
    },
    close: () => app.close(),
    baseUrl: () => baseUrl,
  };
}
