/**
 * `/` — the agent's queue, JSM-like: requests sorted by contract deadline (the `contract-clock`
 * property, or the "Contract deadline" field), with status and contract-state lozenges and the
 * wall-clock time left. Tabs: open, needs attention (at risk / breached), resolved, all.
 * Pure rendering of the rows the server selected.
 */
import { lozenge, statusAppearance } from '../format';
import { html, type SafeHtml } from '../html';
import { renderPage } from '../layout';
import type { PageChrome, RequestSummary } from '../view-models';
import { clockLozenge, deadlineCells, levelTag, priorityLabel } from './fragments';

export const queueViews = ['open', 'attention', 'resolved', 'all'] as const;
export type QueueView = (typeof queueViews)[number];

const viewLabels: Record<QueueView, string> = {
  open: 'Open requests',
  attention: 'At risk & breached',
  resolved: 'Resolved',
  all: 'All requests',
};

/**
 * Which requests a queue view shows.
 *
 * @example isInView('attention', { ...request, clock: { state: 'at-risk', … } }) // true for an open request
 */
export function isInView(view: QueueView, request: RequestSummary): boolean {
  const open = request.status.category !== 'done';
  switch (view) {
    case 'open':
      return open;
    case 'attention':
      return open && (request.clock?.state === 'at-risk' || request.clock?.state === 'breached');
    case 'resolved':
      return !open;
    case 'all':
      return true;
  }
}

/**
 * Contract deadline first (earliest on top), requests without one last, then newest first.
 * Resolved views list the most recently resolved first.
 */
export function sortForView(view: QueueView, requests: readonly RequestSummary[]): RequestSummary[] {
  const deadlineOf = (r: RequestSummary): number => (r.clock?.deadline ?? r.deadlineField)?.getTime() ?? Number.POSITIVE_INFINITY;
  if (view === 'resolved') {
    return [...requests].sort((a, b) => (b.resolved?.getTime() ?? 0) - (a.resolved?.getTime() ?? 0));
  }
  return [...requests].sort((a, b) => deadlineOf(a) - deadlineOf(b) || b.created.getTime() - a.created.getTime());
}

export interface QueuePageInput {
  chrome: PageChrome;
  view: QueueView;
  /** every request of the project; the page filters and sorts */
  requests: readonly RequestSummary[];
  /** show at most this many rows (resolved history is long) */
  limit: number;
  /** the site's other (non-service) projects, listed under the queue */
  otherProjects?: { key: string; name: string; type: string; issueKeys: string[] }[];
}

function renderRow(request: RequestSummary, chrome: PageChrome): SafeHtml {
  const cells = deadlineCells(request, chrome.now, chrome.user);
  const clock = request.clock;
  return html`<tr data-issue-key="${request.key}">
    <td class="key"><a href="/browse/${request.key}">${request.key}</a></td>
    <td class="summary"><a href="/browse/${request.key}">${request.summary}</a></td>
    <td class="customer">${request.organizations.length > 0 ? request.organizations.join(', ') : html`<span class="subtle">${request.reporter?.displayName ?? '—'}</span>`}</td>
    <td>${lozenge(request.status.name, statusAppearance(request.status.category))}</td>
    <td class="col-priority">${priorityLabel(request.priority)}</td>
    <td class="nowrap col-service">${clock?.service ?? ''} ${levelTag(clock?.level ?? null)}</td>
    <td>${clockLozenge(clock)}</td>
    <td>${cells.deadline}</td>
    <td class="num">${cells.left}</td>
  </tr>`;
}

export function renderQueuePage(input: QueuePageInput): SafeHtml {
  const { chrome, view } = input;
  const counts = Object.fromEntries(queueViews.map((v) => [v, input.requests.filter((r) => isInView(v, r)).length]));
  const rows = sortForView(view, input.requests.filter((r) => isInView(view, r)));
  const shown = rows.slice(0, input.limit);
  const body = html`
    <div class="breadcrumbs"><a href="/">Projects</a> / <a href="/">${chrome.projectName}</a> / Queues</div>
    <div class="pagehead">
      <div class="pagehead__title">
        <h1>${viewLabels[view]}</h1>
        <p class="subtle" data-testid="queue-time-note">Sorted by contract deadline — the calendar date and time Contract Clock computed from each customer's contract and its business hours. Time left here is calendar time; the business time left is in the Contract Clock panel and on the <a href="/triage">triage</a> page.</p>
      </div>
      <a class="btn" href="/portal">Raise a request</a>
    </div>
    <nav class="tabs" aria-label="Queue views">
      ${queueViews.map(
        (v) => html`<a href="/?view=${v}"${v === view ? html` aria-current="page"` : ''}>${viewLabels[v]}<span class="count">${counts[v] ?? 0}</span></a>`,
      )}
    </nav>
    ${shown.length === 0
      ? html`<div class="empty"><h2>Nothing here</h2><p>No requests match this view${view === 'attention' ? ' — every open request is on track' : ''}.</p></div>`
      : html`<div class="tablewrap"><table class="queue" data-testid="queue">
          <thead><tr>
            <th>Key</th><th>Summary</th><th>Customer</th><th>Status</th><th class="col-priority">Priority</th><th class="col-service">Service · level</th>
            <th>Contract</th><th title="A calendar date and time">Contract deadline</th><th class="num" title="Calendar time to the deadline: nights, weekends and holidays count">Time left (calendar)</th>
          </tr></thead>
          <tbody>${shown.map((r) => renderRow(r, chrome))}</tbody>
        </table></div>
        ${rows.length > shown.length ? html`<p class="subtlest">Showing ${shown.length} of ${rows.length}.</p>` : ''}`}
    ${(input.otherProjects ?? []).map(
      (project) => html`<p class="subtle" data-testid="other-project">Also on this site: <strong>${project.name}</strong> (${project.key}, a ${project.type === 'software' ? 'Jira Software' : project.type} project):
        ${project.issueKeys.map((key, index) => html`${index === 0 ? '' : ', '}<a href="/browse/${key}">${key}</a>`)} — not customer requests, so Contract Clock leaves them alone.</p>`,
    )}
  `;
  return renderPage({ chrome, body });
}
