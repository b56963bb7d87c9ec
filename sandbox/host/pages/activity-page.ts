/**
 * `/activity` — what the app did that a real site would show in scattered places: the internal
 * notes and replies the app posted (at-risk and breach warnings), the notifications it sent, and
 * the sandbox runtime's log (events delivered, sweeps, failures). Pure rendering.
 */
import { formatShort, lozenge, type LozengeAppearance } from '../format';
import { html, type SafeHtml } from '../html';
import { renderPage } from '../layout';
import type { ActivityItem, PageChrome } from '../view-models';

export const activityViews = ['app', 'log'] as const;
/** The page lists this many of the newest items. */
export const activityPageSize = 100;
export type ActivityView = (typeof activityViews)[number];

const kindLabel: Record<ActivityItem['kind'], [string, LozengeAppearance]> = {
  'internal-comment': ['Internal note', 'moved'],
  'public-comment': ['Reply', 'inprogress'],
  notification: ['Notification', 'new'],
  log: ['Log', 'default'],
};

export interface ActivityPageInput {
  chrome: PageChrome;
  view: ActivityView;
  items: readonly ActivityItem[];
}

export function renderActivityPage(input: ActivityPageInput): SafeHtml {
  const { chrome, view } = input;
  const sorted = [...input.items].sort((a, b) => b.at.getTime() - a.at.getTime());
  const items = sorted.slice(0, activityPageSize);
  const body = html`
    <div class="breadcrumbs"><a href="/">Projects</a> / <a href="/">${chrome.projectName}</a> / App notifications</div>
    <div class="pagehead"><div class="pagehead__title"><h1>What Contract Clock sent</h1>
      <p class="subtle">Internal notes, replies and notifications the app posted, newest first — and the sandbox runtime's log.</p></div></div>
    <nav class="tabs">
      <a href="/activity?view=app"${view === 'app' ? html` aria-current="page"` : ''}>Comments &amp; notifications</a>
      <a href="/activity?view=log"${view === 'log' ? html` aria-current="page"` : ''}>Runtime log</a>
    </nav>
    ${items.length === 0
      ? html`<div class="empty"><h2>Nothing yet</h2><p>${view === 'app' ? 'Move the clock forward until a request gets at risk or breached.' : 'The runtime has not logged anything yet.'}</p></div>`
      : html`<ul class="activity" data-testid="activity">
          ${items.map((item) => {
            const [label, appearance] = kindLabel[item.kind];
            const levelTone: LozengeAppearance = item.level === 'error' ? 'removed' : item.level === 'warn' ? 'moved' : appearance;
            return html`<li>
              <time class="subtle" datetime="${item.at.toISOString()}">${formatShort(item.at, chrome.user)}</time>
              <span>${lozenge(item.kind === 'log' ? (item.level ?? 'info') : label, levelTone)}</span>
              <div>
                <div>${item.issueKey === null ? '' : html`<a href="/browse/${item.issueKey}">${item.issueKey}</a> · `}<strong>${item.title}</strong></div>
                ${item.body === '' ? '' : html`<div class="body">${item.body}</div>`}
              </div>
            </li>`;
          })}
        </ul>
        ${sorted.length > items.length ? html`<p class="subtlest">Showing the newest ${items.length} of ${sorted.length}.</p>` : ''}`}
  `;
  return renderPage({ chrome, body });
}
