/**
 * The contexts Forge hands to a Custom UI module, rebuilt for the sandbox:
 *
 * - the *frontend* context, what `view.getContext()` returns in the frame (accountId, cloudId,
 *   siteUrl, moduleKey, localId, locale, timezone, theme, environment, license, extension)
 * - the *resolver* call, i.e. the two arguments `@forge/resolver`'s definitions function receives:
 *   `{ call: { functionKey, payload }, context }` and `{ principal: { accountId }, installContext, license }`.
 *
 * The extension part is built by the server from a small frame descriptor (module key + issue key),
 * never taken from the browser as is, just as Forge's platform (not the app's frontend) vouches for
 * the issue a panel is shown on. Pure functions; no I/O.
 */
import { z } from 'zod';
import type { HostedModuleType, UiModule } from '../runtime/manifest-modules';
import { forgeThemeState, type ColorMode } from './theme';

/** What a host page says about a frame; the server derives everything else. */
export const frameDescriptorSchema = z.object({
  moduleKey: z.string().min(1).max(200),
  issueKey: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'an issue key like HELP-12').optional(),
  /** gadget frames: view or edit entry point */
  entryPoint: z.enum(['view', 'edit']).optional(),
  /** gadget frames: which gadget of the dashboard (its saved configuration is looked up server-side) */
  gadgetId: z.string().regex(/^\d+$/).optional(),
});
export type FrameDescriptor = z.infer<typeof frameDescriptorSchema>;

export interface SiteInfo {
  cloudId: string;
  siteUrl: string;
  appId: string;
  environmentId: string;
  /** the app's display name (the consent prompt names it) */
  appName: string;
}

export interface ContextUser {
  accountId: string;
  accountType: 'atlassian' | 'customer' | 'app';
  locale: string;
  timeZone: string;
}

export interface IssueRef {
  id: string;
  key: string;
  type: string;
  typeId: string;
  project: { id: string; key: string; type: string };
  /** the JSM request type and service desk of a customer request (portal modules' context) */
  requestTypeId?: string | null;
  serviceDeskId?: string | null;
}

/**
 * The sandbox's stand-in for an active paid licence, as the frontend sees it (`view.getContext()`,
 * @forge/bridge's LicenseDetails: `active`).
 */
export const sandboxLicense = {
  active: true,
  billingPeriod: 'MONTHLY',
  ccpEntitlementId: 'sandbox-entitlement',
  ccpEntitlementSlug: 'sandbox',
  isEvaluation: false,
  subscriptionEndDate: null,
  supportEntitlementNumber: null,
  trialEndDate: null,
  type: 'commercial',
  modes: null,
} as const;

/**
 * The same licence as the backend sees it (the function's second argument, Forge's `License`:
 * `isActive`), which @forge/resolver copies into the resolver's `context.license`.
 */
export const sandboxRuntimeLicense = {
  isActive: true,
  billingPeriod: 'MONTHLY',
  ccpEntitlementId: 'sandbox-entitlement',
  ccpEntitlementSlug: 'sandbox',
  isEvaluation: false,
  subscriptionEndDate: null,
  supportEntitlementNumber: null,
  trialEndDate: null,
  type: 'commercial',
} as const;

/** `ari:cloud:jira::site/<cloudId>`, the installContext of a Jira installation. */
export function installContextOf(cloudId: string): string {
  return `ari:cloud:jira::site/${cloudId}`;
}

/** The localId Forge gives an extension instance (stable per module and, for panels, issue). */
export function localIdOf(site: SiteInfo, module: UiModule, issue: IssueRef | null): string {
  const appUuid = site.appId.split('/').pop() ?? site.appId;
  const base = `ari:cloud:ecosystem::extension/${appUuid}/${site.environmentId}/static/${module.key}`;
  return issue === null ? base : `${base}-${issue.id}`;
}

/**
 * The `extension` object for a module type, as Jira fills it in.
 *
 * @example buildExtension('jira:adminPage', null) // { type: 'jira:adminPage' }
 */
export function buildExtension(
  type: HostedModuleType,
  issue: IssueRef | null,
  entryPoint?: 'view' | 'edit',
  gadget?: GadgetRef,
  project?: ProjectRef,
): Record<string, unknown> {
  switch (type) {
    case 'jira:issuePanel':
      if (issue === null) throw new Error('An issue panel needs an issue.');
      return {
        type,
        issue: { id: issue.id, key: issue.key, type: issue.type, typeId: issue.typeId },
        project: issue.project,
        isNewToIssue: false,
      };
    case 'jiraServiceManagement:portalRequestDetailPanel':
      if (issue === null) throw new Error('A portal request panel needs a request.');
      // Forge's extension context of portal request modules: request.key, request.typeId (the request
      // type, a number) and portal.id (the service desk, a number) — manifest reference, "Extension context".
      return {
        type,
        request: { key: issue.key, ...(issue.requestTypeId == null ? {} : { typeId: Number(issue.requestTypeId) }) },
        portal: { id: Number(issue.serviceDeskId ?? issue.project.id) },
      };
    case 'jira:dashboardGadget':
      // developer.atlassian.com/platform/forge/manifest-reference/modules/jira-dashboard-gadget
      // ("Extension context"); the edit view is told apart by `entryPoint: 'edit'` (ibid.,
      // "Conditional rendering").
      return {
        type,
        gadgetConfiguration: gadget?.configuration ?? {},
        dashboard: { id: gadget?.dashboardId ?? '10000' },
        gadget: { id: gadget?.id ?? '10001' },
        ...(entryPoint === 'edit' ? { entryPoint } : {}),
      };
    case 'jiraServiceManagement:queuePage':
      // developer.atlassian.com/platform/forge/manifest-reference/modules/jira-service-management-queue-page
      // renders in a service project's queues (/jira/servicedesk/projects/{projectKey}/queues/apps/…):
      // the context names that project, as it does for the other project-scoped Jira modules.
      if (project === undefined) throw new Error('A queue page needs its service project.');
      return { type, project };
    case 'jira:globalPage':
    case 'jira:adminPage':
    case 'jiraServiceManagement:portalProfilePanel':
      return { type };
  }
}

/** A project as a Forge context names it. */
export interface ProjectRef {
  id: string;
  key: string;
  type: string;
}

/** A gadget on a dashboard and the configuration Jira saved for it. */
export interface GadgetRef {
  id: string;
  dashboardId: string;
  configuration: Record<string, unknown>;
}

export interface ContextInput {
  site: SiteInfo;
  module: UiModule;
  user: ContextUser;
  issue: IssueRef | null;
  colorMode: ColorMode;
  entryPoint?: 'view' | 'edit';
  gadget?: GadgetRef;
  /** The service project of a queue page. */
  project?: ProjectRef;
}

/** What `view.getContext()` resolves to in the frame (Forge's FullContext). */
export function buildFrontendContext(input: ContextInput): Record<string, unknown> {
  const { site, module, user, issue } = input;
  return {
    accountId: user.accountId,
    accountType: user.accountType === 'customer' ? 'customer' : 'licensed',
    cloudId: site.cloudId,
    siteUrl: site.siteUrl,
    environmentId: site.environmentId,
    environmentType: 'DEVELOPMENT',
    // one extension instance per gadget on the dashboard
    localId: `${localIdOf(site, module, issue)}${input.gadget === undefined ? '' : `-${input.gadget.id}`}`,
    moduleKey: module.key,
    locale: user.locale,
    timezone: user.timeZone,
    theme: forgeThemeState(input.colorMode),
    license: sandboxLicense,
    extension: buildExtension(module.type, issue, input.entryPoint, input.gadget, input.project),
  };
}

export interface ResolverCall {
  invocation: { call: { functionKey: string; payload: Record<string, unknown> }; context: Record<string, unknown> };
  runtime: { principal: { accountId: string }; installContext: string; license: typeof sandboxRuntimeLicense };
}

/**
 * The two arguments the resolver definitions function receives for an `invoke` from a frame.
 *
 * @example buildResolverCall(input, 'panel/get', { issueKey: 'HELP-1' }).runtime.principal.accountId
 */
export function buildResolverCall(
  input: ContextInput,
  functionKey: string,
  payload: Record<string, unknown>,
): ResolverCall {
  const frontend = buildFrontendContext(input);
  // the resolver sees the platform context (not the frontend theme) plus what the runtime adds
  const { theme: _theme, license: _license, ...context } = frontend;
  return {
    invocation: { call: { functionKey, payload }, context },
    runtime: {
      principal: { accountId: input.user.accountId },
      installContext: installContextOf(input.site.cloudId),
      license: sandboxRuntimeLicense,
    },
  };
}
