/**
 * `/issues/?jql=…` — Jira's issue navigator (the URL Jira Cloud uses for a JQL search): the query in
 * an editable box, the requests it finds for the current user (the emulator's JQL, with the app's
 * indexed property aliases such as `contractState`), and Jira's error message for a query it
 * rejects. The gadget's "open now" counts link here. Pure rendering.
 */
import { lozenge, statusAppearance } from '../format';
import { html, type SafeHtml } from '../html';
import { renderPage } from '../layout';
import type { PageChrome, RequestSummary } from '../view-models';
import { clockLozenge, deadlineCells, levelTag } from './fragments';

export interface IssuesPageInput {
  chrome: PageChrome;
  jql: string;
  result: { requests: RequestSummary[]; total: number } | { error: string };
}

export function renderIssuesPage(input: IssuesPageInput): SafeHtml {
  const { chrome, result } = input;
  const body = html`
    <div class="breadcrumbs">Filters / Search work items</div>
    <div class="pagehead"><div class="pagehead__title"><h1>Search</h1><p class="subtle">Jira's issue navigator: JQL, including the Contract Clock fields (contractState, contractCustomer, contractService, contractLevel, contractDeadline).</p></div></div>
    <form class="jqlform" method="get" action="/issues/">
      <textarea name="jql" aria-label="JQL query" data-testid="jql-input">${input.jql}</textarea>
      <button class="btn btn--primary" type="submit">Search</button>
    </form>
    ${'error' in result
      ? html`<div class="callout callout--danger" role="alert" data-testid="jql-error">${result.error}</div>`
      : html`<p class="subtle" data-testid="jql-total">${result.total} ${result.total === 1 ? 'work item' : 'work items'}${result.total > result.requests.length ? ` (showing the first ${result.requests.length})` : ''}</p>
        ${result.requests.length === 0
          ? html`<div class="empty"><h2>No work items found</h2><p>No request matches this search, or you may not see the ones that do.</p></div>`
          : html`<div class="tablewrap"><table class="queue" data-testid="jql-results">
              <thead><tr><th>Key</th><th>Summary</th><th>Customer</th><th>Status</th><th>Service · level</th><th>Contract</th><th title="A calendar date and time">Contract deadline</th><th class="num" title="Calendar time to the deadline: nights, weekends and holidays count">Time left (calendar)</th></tr></thead>
              <tbody>${result.requests.map((request) => {
                const cells = deadlineCells(request, chrome.now, chrome.user);
                return html`<tr data-issue-key="${request.key}">
                  <td class="key"><a href="/browse/${request.key}">${request.key}</a></td>
                  <td class="summary"><a href="/browse/${request.key}">${request.summary}</a></td>
                  <td class="customer">${request.organizations.join(', ')}</td>
                  <td>${lozenge(request.status.name, statusAppearance(request.status.category))}</td>
                  <td class="nowrap">${request.clock?.service ?? ''} ${levelTag(request.clock?.level ?? null)}</td>
                  <td>${clockLozenge(request.clock)}</td>
                  <td>${cells.deadline}</td>
                  <td class="num">${cells.left}</td>
                </tr>`;
              })}</tbody>
            </table></div>`}`}
  `;
  return renderPage({ chrome, body });
}
