/**
 * The frame of every host page: <head> with the design tokens and host stylesheet, the top bar
 * (brand, movable-clock controls, light/dark toggle, user switcher), the project sidebar, and the
 * page content. Also renders the registry of Custom UI frames a page embeds (read by the bridge
 * host script) and the "not built yet" notice for surfaces whose bundle does not exist.
 * Pure rendering; the server supplies every value.
 */
import { renderBridgeHostScript, tokensCssPath } from '../bridge/bridge-host-script';
import { themeHtmlAttrs } from '../bridge/theme';
import { avatar, formatLong, initialsOf } from './format';
import { html, jsonForScript, raw, type SafeHtml } from './html';
import type { PageChrome, Role } from './view-models';
import { toWallTimeInput } from './zoned-time';

export const hostCssPath = '/sandbox/assets/host.css';
export const hostScriptPath = '/sandbox/assets/host.js';

/** Forge's Custom UI iframe `sandbox` attribute (see renderFrame). */
export const FORGE_IFRAME_SANDBOX = 'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';
/** Forge's Custom UI iframe feature policy (see renderFrame). */
export const FORGE_IFRAME_ALLOW = 'camera; clipboard-write; display-capture; fullscreen; microphone';

/** One Custom UI frame embedded in a page. */
export interface EmbeddedFrame {
  frameId: string;
  src: string;
  title: string;
  descriptor: Record<string, unknown>;
  context: Record<string, unknown>;
  /** size the iframe to its content (panels); full-page modules fill the content area */
  autoResize: boolean;
  minHeight: number;
}

const icons = {
  queue: raw('<svg class="navicon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M2.5 3.5h11M2.5 8h11M2.5 12.5h7"/></svg>'),
  dashboard: raw('<svg class="navicon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><rect x="2" y="2" width="5" height="6" rx="1"/><rect x="9" y="2" width="5" height="3.5" rx="1"/><rect x="9" y="7.5" width="5" height="6.5" rx="1"/><rect x="2" y="10" width="5" height="4" rx="1"/></svg>'),
  portal: raw('<svg class="navicon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><circle cx="8" cy="8" r="6"/><path d="M2 8h12M8 2c2 2 2 10 0 12M8 2c-2 2-2 10 0 12"/></svg>'),
  activity: raw('<svg class="navicon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M3 6a5 5 0 0 1 10 0v3l1.5 2.5h-13L3 9z"/><path d="M6.5 13.5a1.5 1.5 0 0 0 3 0"/></svg>'),
  reports: raw('<svg class="navicon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M4 2.5h6l2.5 2.5v8.5H4z"/><path d="M6 8h4M6 10.5h4M6 5.5h2"/></svg>'),
  triage: raw('<svg class="navicon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M2.5 4h11M2.5 8h7M2.5 12h4"/><circle cx="12" cy="11" r="2.5"/><path d="M12 9.8V11l.8.6"/></svg>'),
  settings: raw('<svg class="navicon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><circle cx="8" cy="8" r="2.2"/><path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"/></svg>'),
  clock: raw('<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><circle cx="8" cy="8" r="6"/><path d="M8 4.5V8l2.5 1.5"/></svg>'),
  theme: raw('<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M13.5 9.5A5.5 5.5 0 1 1 6.5 2.5a4.5 4.5 0 0 0 7 7z"/></svg>'),
  logo: raw('<svg width="14" height="14" viewBox="0 0 16 16" fill="currentColor"><path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm.75 3v3.69l2.28 1.32-.75 1.3L7.25 8.56V4z"/></svg>'),
};

const roleLabel: Record<Role, string> = { admin: 'Jira admin', agent: 'Agent', customer: 'Customer' };

function navItem(href: string, label: string, icon: SafeHtml, current: boolean, count?: number): SafeHtml {
  return html`<a class="navitem" href="${href}"${current ? raw(' aria-current="page"') : ''}>${icon}<span>${label}</span>${count === undefined ? '' : html`<span class="count">${count}</span>`}</a>`;
}

function renderTopBar(chrome: PageChrome): SafeHtml {
  const { user } = chrome;
  const hour = 3_600_000;
  return html`<header class="topnav">
    <a class="topnav__brand" href="${user.role === 'customer' ? '/portal' : '/'}">
      <span class="topnav__logo">${icons.logo}</span>
      <span class="topnav__product">Jira Service Management</span>
      <span class="topnav__sandbox" title="A local emulation: no Atlassian site is involved">Contract Clock sandbox</span>
    </a>
    ${user.role === 'customer'
      ? ''
      : html`<nav class="topnav__links" aria-label="Jira">
          <a class="topnav__link" href="/dashboard"${chrome.nav === 'dashboard' ? raw(' aria-current="page"') : ''}>Dashboards</a>
          <a class="topnav__link topnav__link--wide" href="/issues/?jql=${encodeURIComponent('project = ' + chrome.projectKey + ' ORDER BY created DESC')}"${chrome.nav === 'issues' ? raw(' aria-current="page"') : ''}>Filters</a>
          <span class="topnav__group">Apps:</span>
          <a class="topnav__link" href="/reports" data-testid="nav-reports"${chrome.nav === 'reports' ? raw(' aria-current="page"') : ''}>Contract reviews</a>
        </nav>`}
    <span class="topnav__spacer"></span>
    <div class="clockbar" role="group" aria-label="Movable clock">
      <span class="clockbar__icon" title="Simulated time">${icons.clock}</span>
      <time class="clockbar__now" data-clock-now datetime="${chrome.now.toISOString()}">${formatLong(chrome.now, user)}</time>
      <span class="clockbar__state">${chrome.frozen ? 'paused' : 'running'}</span>
      <button class="btn btn--small btn--subtle" type="button" data-clock-advance="${hour}" title="Move the clock forward one hour">+1 h</button>
      <button class="btn btn--small btn--subtle" type="button" data-clock-advance="${24 * hour}" title="Move the clock forward one day">+1 day</button>
      <form data-clock-set>
        <input type="datetime-local" aria-label="Set the simulated time (${user.timeZone})" value="${toWallTimeInput(chrome.now, user.timeZone)}" title="Time zone: ${user.timeZone}">
        <button class="btn btn--small btn--subtle" type="submit">Set</button>
      </form>
      <button class="btn btn--small btn--subtle" type="button" data-clock-toggle="${chrome.frozen ? 'resume' : 'freeze'}" title="${chrome.frozen ? 'Let time pass again' : 'Stop time from passing'}">${chrome.frozen ? 'Resume' : 'Pause'}</button>
    </div>
    <button class="btn btn--subtle" type="button" data-theme-toggle aria-pressed="${chrome.colorMode === 'dark' ? 'true' : 'false'}" title="Light / dark theme">${icons.theme}</button>
    <label class="userswitch" title="Act as another demo user">
      ${avatar(user.displayName, user.accountId)}
      <select data-user-switch aria-label="Current user">
        ${(['admin', 'agent', 'customer'] as const).map(
          (role) => html`<optgroup label="${roleLabel[role]}s">
            ${chrome.users
              .filter((u) => u.role === role)
              .map(
                (u) =>
                  html`<option value="${u.accountId}"${u.accountId === user.accountId ? raw(' selected') : ''}>${u.displayName}${u.organizations.length > 0 ? ` — ${u.organizations.map((o) => o.name).join(', ')}` : ` (${roleLabel[role]})`}</option>`,
              )}
          </optgroup>`,
        )}
      </select>
    </label>
  </header>`;
}

function renderSidebar(chrome: PageChrome): SafeHtml {
  const { nav, user } = chrome;
  const isCustomer = user.role === 'customer';
  return html`<nav class="sidebar" aria-label="Project">
    <div class="sidebar__project">
      <span class="sidebar__project-avatar">${initialsOf(chrome.projectName)}</span>
      <span><div class="sidebar__project-name">${chrome.projectName}</div><div class="sidebar__project-type">Service project</div></span>
    </div>
    ${isCustomer
      ? ''
      : html`<div class="sidebar__heading">Queues</div>
        ${navItem('/', 'All open requests', icons.queue, nav === 'queue')}
        ${navItem('/triage', 'Contract triage', icons.triage, nav === 'triage')}
        ${navItem('/dashboard', 'Dashboard', icons.dashboard, nav === 'dashboard')}
        ${navItem('/reports', 'Contract reviews', icons.reports, nav === 'reports')}`}
    <div class="sidebar__heading">Channels</div>
    ${navItem('/portal', 'Customer portal', icons.portal, nav === 'portal')}
    ${navItem('/portal/profile', 'My contract (profile)', icons.portal, nav === 'profile')}
    ${isCustomer ? '' : navItem('/activity', 'App notifications', icons.activity, nav === 'activity')}
    ${user.role === 'admin'
      ? html`<div class="sidebar__heading">Apps</div>${navItem('/admin', 'Contract Clock settings', icons.settings, nav === 'admin')}`
      : ''}
  </nav>`;
}

/** The frames a page embeds, for the bridge host script. */
function renderFrameRegistry(frames: readonly EmbeddedFrame[]): SafeHtml {
  const registry: Record<string, unknown> = {};
  for (const frame of frames) {
    registry[frame.frameId] = { descriptor: frame.descriptor, context: frame.context, autoResize: frame.autoResize, minHeight: frame.minHeight };
  }
  return html`<script type="application/json" id="forge-frames">${jsonForScript(registry)}</script>`;
}

/** An iframe for a Custom UI frame (the bundle's index.html with the bridge shim). */
export function renderFrame(frame: EmbeddedFrame): SafeHtml {
  // Full width everywhere (an iframe's default is 300 px); panels grow with their content.
  const size = frame.autoResize ? `height:${frame.minHeight}px` : `height:calc(100vh - 180px);min-height:${frame.minHeight}px`;
  const style = `display:block;width:100%;border:0;${size}`;
  // The sandbox and feature policies Forge applies to every Custom UI iframe, which apps cannot
  // change (developer.atlassian.com/platform/forge/custom-ui/iframe): downloads need a user gesture,
  // print and alert dialogs work (allow-modals), pop-ups and top navigation do not — links go
  // through router.navigate.
  return html`<iframe data-forge-frame="${frame.frameId}" src="${frame.src}" title="${frame.title}" style="${style}" loading="eager" sandbox="${FORGE_IFRAME_SANDBOX}" allow="${FORGE_IFRAME_ALLOW}"></iframe>`;
}

/** The honest notice for a surface whose Custom UI bundle does not exist yet. */
export function renderNotBuilt(surface: string, detail: SafeHtml): SafeHtml {
  return html`<section class="notbuilt" data-testid="not-built">
    <h2>${surface}: not built yet</h2>
    <div>${detail}</div>
  </section>`;
}

export interface PageInput {
  chrome: PageChrome;
  body: SafeHtml;
  frames?: readonly EmbeddedFrame[];
  /** <body data-issue-key> for request pages */
  issueKey?: string;
}

/**
 * A complete host page.
 *
 * @example renderPage({ chrome, body: html`<h1>Queue</h1>` }).value.startsWith('<!doctype html>') // true
 */
export function renderPage(input: PageInput): SafeHtml {
  const { chrome } = input;
  const attrs = themeHtmlAttrs(chrome.colorMode);
  const frames = input.frames ?? [];
  const boot = {
    user: {
      accountId: chrome.user.accountId,
      emailAddress: chrome.user.emailAddress,
      displayName: chrome.user.displayName,
      role: chrome.user.role,
      timeZone: chrome.user.timeZone,
      locale: chrome.user.locale,
    },
    nowMs: chrome.now.getTime(),
    frozen: chrome.frozen,
    modulePages: chrome.modulePages,
  };
  return html`<!doctype html>
<html lang="en" data-theme="${attrs['data-theme']}" data-color-mode="${attrs['data-color-mode']}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${chrome.title} — Contract Clock sandbox</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='4' fill='%231868DB'/%3E%3Cpath d='M8 3.5v4.5l3 2' stroke='white' stroke-width='1.6' fill='none'/%3E%3C/svg%3E">
<link rel="stylesheet" href="${tokensCssPath}">
<link rel="stylesheet" href="${hostCssPath}">
<script>window.__sandbox = ${jsonForScript(boot)};</script>
</head>
<body${input.issueKey === undefined ? '' : html` data-issue-key="${input.issueKey}"`}>
<div class="busybar" aria-hidden="true"></div>
${renderTopBar(chrome)}
<div class="frame">
${renderSidebar(chrome)}
<main class="content" id="main">
${input.body}
</main>
</div>
${frames.length > 0 ? html`${renderFrameRegistry(frames)}${raw(renderBridgeHostScript())}` : ''}
<script src="${hostScriptPath}" defer></script>
</body>
</html>`;
}
