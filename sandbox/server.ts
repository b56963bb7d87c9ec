/**
 * The sandbox's one HTTP server (node:http, 127.0.0.1): it mounts
 *
 * - `/rest/…` — the Jira emulator's REST API (Jira Cloud v3 + servicedeskapi), handled by the emulator
 * - `/`, `/browse/KEY`, `/dashboard`, `/reports`, `/issues/?jql=`, `/admin`, `/portal`, `/portal/KEY`,
 *   `/portal/profile`, `/activity` — host pages
 * - `/sandbox/frames/<resource>/…` — the Custom UI bundles, with the bridge shim injected
 * - `/sandbox/assets/…` — design tokens, host stylesheet and script
 * - `/sandbox/api/…` — the sandbox's own API: clock, current user, theme, invoke, settle, state, reset,
 *   gadget-configuration (what a gadget's edit view submitted)
 *
 * The current sandbox user is a cookie (`sandbox-user`); pages and `invoke` act as that user, and the
 * host's browser code calls `/rest/…` with that user's Basic auth. This module wires requests to the
 * services it is given; it holds no state of its own beyond the listening socket.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  /** The Jira emulator's HTTP handler for `/rest/…`. */
  handleJira(req: IncomingMessage, res: ServerResponse): void;
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
    grant(accountId: string): void;
    revoke(accountId: string): void;
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

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // a cookie we did not write; ignore it
    }
  }
  return out;
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) throw new HttpError(413, 'The request body is larger than 1 MB.');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
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

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

function sendHtml(res: ServerResponse, status: number, page: SafeHtml): void {
  send(res, status, 'text/html; charset=utf-8', page.value);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
}

const clockActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('advance'), ms: z.number().int().min(-366 * 86_400_000).max(366 * 86_400_000) }),
  // `at` (an instant) or `local` + `timeZone` (a wall time, as the host's "set time" control sends)
  z
    .object({
      action: z.literal('set'),
      at: z.iso.datetime({ offset: true }).optional(),
      local: z.string().min(16).max(19).optional(),
      timeZone: z.string().min(1).max(64).optional(),
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
    if (module.type === 'jira:adminPage') modulePages[module.key] = '/admin';
    if (module.type === 'jira:dashboardGadget') modulePages[module.key] = '/dashboard';
    if (module.type === 'jira:globalPage') modulePages[module.key] = '/reports';
    if (module.type === 'jiraServiceManagement:portalProfilePanel') modulePages[module.key] = profilePagePath;
  }

  const siteInfo = (): SiteInfo => ({ ...services.site, siteUrl: baseUrl });
  const gadgetRef = (instance: GadgetInstance) => ({ id: instance.id, dashboardId: services.dashboard.dashboardId, configuration: instance.configuration });

  /** HTTP Basic credentials (a demo user's e-mail, any token) first, as Jira takes them; then the top bar's choice. */
  const currentUser = (req: IncomingMessage): HostUser => {
    const basic = basicAuthUser(req.headers.authorization, data.listUsers());
    if (basic.kind === 'user') return basic.user;
    if (basic.kind === 'unknown') throw new HttpError(401, `You are not authenticated: ${basic.reason}`);
    const id = parseCookies(req.headers.cookie).get(userCookie);
    return (id === undefined ? null : data.findUser(id)) ?? data.defaultUser();
  };
  const currentColorMode = (req: IncomingMessage): ColorMode => {
    const parsed = colorModeSchema.safeParse(parseCookies(req.headers.cookie).get(themeCookie));
    return parsed.success ? parsed.data : 'light';
  };
  const chromeFor = (req: IncomingMessage, title: string, nav: PageChrome['nav']): PageChrome => ({
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
    layout: { autoResize: boolean; minHeight: number },
    gadget?: { instance: GadgetInstance; entryPoint: 'view' | 'edit' },
  ): { frame: EmbeddedFrame } | { notice: SafeHtml } => {
    const module = gadget === undefined ? findUiModule(modules, type) : (modules.uiModules.find((m) => m.key === gadget.instance.moduleKey) ?? null);
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

  const pageQueue = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const chrome = chromeFor(req, 'Queue', 'queue');
    if (chrome.user.role === 'customer') {
      redirect(res, '/portal');
      return;
    }
    const requested = url.searchParams.get('view');
    const view: QueueView = queueViews.find((v) => v === requested) ?? 'open';
    sendHtml(res, 200, renderQueuePage({ chrome, view, requests: data.listRequests(chrome.user), limit: 200, otherProjects: data.otherProjects() }));
  };

  const pageRequest = (req: IncomingMessage, res: ServerResponse, key: string): void => {
    const chrome = chromeFor(req, key, 'request');
    if (chrome.user.role === 'customer') {
      redirect(res, `/portal/${encodeURIComponent(key)}`);
      return;
    }
    const request = data.getRequest(key, chrome.user);
    const issue = data.issueRef(key);
    if (request === null || issue === null) {
      sendHtml(res, 404, renderMessagePage(chrome, 'Request not found', html`${key} does not exist or you do not have permission to see it.`));
      return;
    }
    chrome.title = `${request.key}: ${request.summary}`;
    const module = findUiModule(modules, 'jira:issuePanel');
    // Jira renders a module only where its display conditions hold (here: service projects)
    const panel = isDisplayed(module, issue, chrome.user)
      ? frameFor('jira:issuePanel', chrome, issue, 'Contract Clock issue panel', { autoResize: true, minHeight: 120 })
      : null;
    sendHtml(res, 200, renderRequestPage({ chrome, request, panel, panelTitle: module?.title ?? 'Contract Clock' }));
  };

  const pageAdmin = (req: IncomingMessage, res: ServerResponse): void => {
    const chrome = chromeFor(req, 'Contract Clock settings', 'admin');
    if (chrome.user.role !== 'admin') {
      sendHtml(res, 403, renderMessagePage(chrome, 'You do not have access to this page', html`Only Jira admins can open app settings. Switch to the admin user in the top bar.`));
      return;
    }
    const content = frameFor('jira:adminPage', chrome, null, 'Contract Clock settings', { autoResize: true, minHeight: 480 });
    sendHtml(
      res,
      200,
      renderSurfacePage({
        chrome,
        breadcrumbs: html`Settings / Apps / Contract Clock`,
        heading: 'Contract Clock',
        intro: 'The contract database: calendars, services, service levels and customer contracts.',
        content,
        framed: false,
      }),
    );
  };

  const pageDashboard = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const chrome = chromeFor(req, 'Dashboard', 'dashboard');
    if (chrome.user.role === 'customer') {
      redirect(res, '/portal');
      return;
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
    sendHtml(res, 200, renderDashboardPage({ chrome, dashboardName: 'Service management dashboard', gadgets, missing }));
  };

  const pageReports = (req: IncomingMessage, res: ServerResponse): void => {
    const chrome = chromeFor(req, 'Contract reviews', 'reports');
    if (chrome.user.role === 'customer') {
      redirect(res, '/portal');
      return;
    }
    const content = frameFor('jira:globalPage', chrome, null, 'Contract reviews', { autoResize: true, minHeight: 480 });
    sendHtml(
      res,
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

  const pageIssues = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const chrome = chromeFor(req, 'Search', 'issues');
    if (chrome.user.role === 'customer') {
      redirect(res, '/portal');
      return;
    }
    const jql = url.searchParams.get('jql') ?? `project = ${data.projectKey()} ORDER BY created DESC`;
    sendHtml(res, 200, renderIssuesPage({ chrome, jql, result: data.searchRequests(chrome.user, jql, 100) }));
  };

  const pagePortal = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
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
    sendHtml(
      res,
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

  const pagePortalRequest = (req: IncomingMessage, res: ServerResponse, key: string): void => {
    const chrome = chromeFor(req, key, 'portal');
    const request = data.getRequest(key, chrome.user);
    const issue = data.issueRef(key);
    if (request === null || issue === null) {
      sendHtml(res, 404, renderMessagePage(chrome, 'Request not found', html`${key} does not exist or you do not have permission to see it.`));
      return;
    }
    chrome.title = `${request.key}: ${request.summary}`;
    sendHtml(
      res,
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
  const pageProfile = (req: IncomingMessage, res: ServerResponse): void => {
    const chrome = chromeFor(req, 'My contract', 'profile');
    const content = frameFor('jiraServiceManagement:portalProfilePanel', chrome, null, 'My contract', { autoResize: true, minHeight: 160 });
    sendHtml(
      res,
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

  const pageActivity = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const chrome = chromeFor(req, 'App notifications', 'activity');
    if (chrome.user.role === 'customer') {
      redirect(res, '/portal');
      return;
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
    sendHtml(res, 200, renderActivityPage({ chrome, view, items }));
  };

  // ---------------------------------------------------------------------------------------------
  // sandbox API
  // ---------------------------------------------------------------------------------------------

  const clockState = (): { now: string; frozen: boolean } => ({ now: clock.now().toISOString(), frozen: clock.isFrozen() });

  const apiClock = async (body: unknown): Promise<unknown> => {
    const action = parseWith(clockActionSchema, body);
    switch (action.action) {
      case 'advance':
        clock.advance(action.ms);
        break;
      case 'set': {
        const at =
          action.at !== undefined ? new Date(action.at) : fromWallTimeInput(action.local ?? '', action.timeZone ?? 'UTC');
        if (at === null) throw new HttpError(400, `Invalid local: "${action.local ?? ''}" is not a wall time.`);
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
    // moving the clock runs the sweep; answer once its consequences are visible
    await services.runtime.settle();
    return clockState();
  };

  const apiInvoke = async (req: IncomingMessage, body: unknown): Promise<unknown> => {
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

  const handleApi = async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    if (name === 'state' && req.method === 'GET') {
      const user = currentUser(req);
      sendJson(res, 200, { ok: true, value: { ...clockState(), user, users: data.listUsers(), runtime: services.runtime.stats(), baseUrl } });
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, `Use POST for /sandbox/api/${name}.`);
    const body = await readJsonBody(req);
    switch (name) {
      case 'clock':
        sendJson(res, 200, { ok: true, value: await apiClock(body) });
        return;
      case 'user': {
        const { accountId } = parseWith(z.object({ accountId: z.string().min(1).max(128) }), body);
        const user = data.findUser(accountId);
        if (user === null) throw new HttpError(404, `No demo user ${accountId}.`);
        sendJson(res, 200, { ok: true, value: { user } }, { 'set-cookie': `${userCookie}=${encodeURIComponent(user.accountId)}; Path=/; SameSite=Lax` });
        return;
      }
      case 'consent': {
        // the user's answer on the "Allow access" prompt
        const { allow } = parseWith(z.object({ allow: z.boolean() }), body);
        const user = currentUser(req);
        if (allow) services.consent.grant(user.accountId);
        else services.consent.revoke(user.accountId);
        log.info('consent', `${user.displayName} ${allow ? 'allowed' : 'withdrew'} access for ${services.site.appName}`);
        sendJson(res, 200, { ok: true, value: { allowed: allow } });
        return;
      }
      case 'theme': {
        const { colorMode } = parseWith(z.object({ colorMode: colorModeSchema }), body);
        sendJson(res, 200, { ok: true, value: { colorMode } }, { 'set-cookie': `${themeCookie}=${colorMode}; Path=/; SameSite=Lax` });
        return;
      }
      case 'invoke':
        sendJson(res, 200, { ok: true, value: await apiInvoke(req, body) });
        return;
      case 'settle':
        await services.runtime.settle();
        sendJson(res, 200, { ok: true, value: services.runtime.stats() });
        return;
      case 'gadget-configuration': {
        const { gadgetId, configuration } = parseWith(
          z.object({ gadgetId: z.string().regex(/^\d+$/), configuration: z.record(z.string(), z.unknown()) }),
          body,
        );
        if (currentUser(req).role === 'customer') throw new HttpError(403, 'Customers cannot change dashboard gadgets.');
        try {
          services.dashboard.saveConfiguration(gadgetId, configuration);
        } catch (error) {
          throw new HttpError(error instanceof RangeError ? 400 : 500, error instanceof Error ? error.message : String(error));
        }
        log.info('dashboard', `gadget ${gadgetId} configured`);
        sendJson(res, 200, { ok: true, value: { gadgetId } });
        return;
      }
      case 'reset':
        if (services.reset === undefined) throw new HttpError(404, 'This sandbox does not offer a reset.');
        await services.reset();
        sendJson(res, 200, { ok: true, value: clockState() });
        return;
      default:
        throw new HttpError(404, `No sandbox API "${name}".`);
    }
  };

  // ---------------------------------------------------------------------------------------------
  // routing
  // ---------------------------------------------------------------------------------------------

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname;
    if (path.startsWith('/rest/')) {
      services.handleJira(req, res);
      return;
    }
    if (path.startsWith('/sandbox/api/')) {
      await handleApi(req, res, path.slice('/sandbox/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method ?? '?'} is not allowed here.`);
    if (path.startsWith(framesPathPrefix)) {
      const file = await readBundleFile(resourceDirs, path, url.searchParams.get('frame'));
      if (file.status === 404) send(res, 404, 'text/plain; charset=utf-8', file.message);
      else send(res, 200, file.contentType, file.body);
      return;
    }
    switch (path) {
      case tokensCssPath:
        send(res, 200, 'text/css; charset=utf-8', await loadTokensCss());
        return;
      case hostCssPath:
        send(res, 200, 'text/css; charset=utf-8', hostCss);
        return;
      case hostScriptPath:
        send(res, 200, 'text/javascript; charset=utf-8', hostClientScript);
        return;
      case '/':
        pageQueue(req, res, url);
        return;
      case '/dashboard':
        pageDashboard(req, res, url);
        return;
      case '/reports':
        pageReports(req, res);
        return;
      case '/issues':
      case '/issues/':
        pageIssues(req, res, url);
        return;
      case '/admin':
        pageAdmin(req, res);
        return;
      case '/portal':
        pagePortal(req, res, url);
        return;
      case '/activity':
        pageActivity(req, res, url);
        return;
      case profilePagePath:
        pageProfile(req, res);
        return;
      case jsmProfilePath:
        redirect(res, profilePagePath);
        return;
      case '/favicon.ico':
        res.writeHead(204);
        res.end();
        return;
    }
    const browse = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(path);
    if (browse?.[1] !== undefined) {
      pageRequest(req, res, browse[1]);
      return;
    }
    const portalRequest = /^\/portal\/([A-Z][A-Z0-9_]*-\d+)$/.exec(path);
    if (portalRequest?.[1] !== undefined) {
      pagePortalRequest(req, res, portalRequest[1]);
      return;
    }
    sendHtml(res, 404, renderMessagePage(chromeFor(req, 'Not found', 'queue'), 'Page not found', html`There is no page at ${path}.`));
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      // HttpErrors were expected and, where worth it, logged where they were raised
      if (!(error instanceof HttpError)) log.error('server', `${req.method ?? '?'} ${req.url ?? ''} failed`, { error: describeError(error) });
      if (res.headersSent) {
        res.end();
        return;
      }
      const consent = error instanceof ConsentRequired ? { consent: { appName: error.appName, scopes: error.scopes } } : {};
      sendJson(res, status, { ok: false, message, ...consent });
    });
  });

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address: AddressInfo | string | null = server.address();
          const boundPort = typeof address === 'object' && address !== null ? address.port : 0;
          baseUrl = `http://${host}:${boundPort}`;
          services.onListening?.(baseUrl);
          resolve(baseUrl);
        });
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
    baseUrl: () => baseUrl,
  };
}
