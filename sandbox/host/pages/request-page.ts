/**
 * `/browse/KEY` — the agent's request view, JSM-like: summary and description, the real Contract
 * Clock issue panel (Custom UI bundle in an iframe, under the description where Jira places
 * `jira:issuePanel` modules), the activity (comments, public and internal, with a composer), and a
 * details column with status transitions, a priority selector, people, request type and the
 * "Contract deadline" field. Pure rendering; actions run in host-client-script.ts.
 */
import { avatar, formatLong, formatShort, lozenge, statusAppearance } from '../format';
import { html, type SafeHtml } from '../html';
import { renderFrame, renderPage, type EmbeddedFrame } from '../layout';
import type { CommentView, PageChrome, RequestDetail } from '../view-models';
import { clockLozenge, deadlineCells, levelTag } from './fragments';

export interface RequestPageInput {
  chrome: PageChrome;
  request: RequestDetail;
  /** the issue panel frame, the notice to show instead, or null when its display conditions hide it */
  panel: { frame: EmbeddedFrame } | { notice: SafeHtml } | null;
  panelTitle: string;
}

function renderComment(comment: CommentView, chrome: PageChrome): SafeHtml {
  return html`<article class="comment${comment.public ? '' : ' comment--internal'}" data-comment-id="${comment.id}">
    ${avatar(comment.author.displayName, comment.author.displayName, 'medium')}
    <div>
      <div class="comment__head">
        <span class="comment__author">${comment.author.displayName}</span>
        ${comment.author.accountType === 'app' ? lozenge('App', 'new') : ''}
        ${comment.public ? lozenge('Reply to customer', 'default') : lozenge('Internal note', 'moved')}
        <time class="subtlest" datetime="${comment.created.toISOString()}">${formatShort(comment.created, chrome.user)}</time>
      </div>
      <div class="comment__body">${comment.body}</div>
    </div>
  </article>`;
}

export function renderRequestPage(input: RequestPageInput): SafeHtml {
  const { chrome, request } = input;
  const cells = deadlineCells(request, chrome.now, chrome.user);
  const comments = [...request.comments].sort((a, b) => b.created.getTime() - a.created.getTime());
  const panel = input.panel;
  const frames = panel !== null && 'frame' in panel ? [panel.frame] : [];
  const body = html`
    <div class="breadcrumbs"><a href="/">Projects</a> / <a href="/">${request.project.name}</a> / <a href="/browse/${request.key}">${request.key}</a></div>
    <div class="request">
      <div class="request__main">
        <div class="request__summary" data-testid="summary">${request.summary}</div>
        <section class="request__section">
          <h2>Description</h2>
          <div class="description">${request.description === '' ? html`<span class="subtle">No description.</span>` : request.description}</div>
        </section>
        ${panel === null
          ? ''
          : html`<section class="request__section">
          <div class="apppanel" data-testid="issue-panel">
            <div class="apppanel__head">${input.panelTitle}<span class="subtlest">Forge app · jira:issuePanel</span></div>
            <div class="apppanel__body">${'frame' in panel ? renderFrame(panel.frame) : panel.notice}</div>
          </div>
        </section>`}
        <section class="request__section">
          <h2>Activity</h2>
          <form class="composer" data-comment-form="${request.key}">
            <div class="composer__tabs" role="radiogroup" aria-label="Comment visibility">
              <label><input type="radio" name="visibility" value="internal" checked><span>Add internal note</span></label>
              <label><input type="radio" name="visibility" value="public"><span>Reply to customer</span></label>
            </div>
            <textarea name="body" aria-label="Comment" placeholder="Type your comment…"></textarea>
            <div class="composer__actions"><button class="btn btn--primary" type="submit">Save</button></div>
          </form>
          <div class="comments" data-testid="comments">
            ${comments.length === 0 ? html`<p class="subtle">No comments yet.</p>` : comments.map((c) => renderComment(c, chrome))}
          </div>
        </section>
      </div>
      <aside class="details" aria-label="Request details">
        <div class="details__status">
          <span data-testid="status">${lozenge(request.status.name, statusAppearance(request.status.category), true)}</span>
          ${request.transitions.map(
            (t) => html`<button class="btn btn--small" type="button" data-transition="${t.id}" title="Move to ${t.to.name}">${t.name}</button>`,
          )}
        </div>
        <h3>Details</h3>
        <dl>
          <dt>Contract</dt><dd>${clockLozenge(request.clock)}</dd>
          <dt>Contract deadline</dt><dd data-testid="contract-deadline">${request.deadlineField === null ? html`<span class="subtle">None</span>` : html`<time datetime="${request.deadlineField.toISOString()}">${formatLong(request.deadlineField, chrome.user)}</time>`}</dd>
          <dt>Time left (calendar)</dt><dd>${cells.left}</dd>
          <dt>Service · level</dt><dd>${request.clock?.service ?? html`<span class="subtle">—</span>`} ${levelTag(request.clock?.level ?? null)}</dd>
          <dt>Priority</dt>
          <dd><select data-priority aria-label="Priority">
            ${request.priorities.map((p) => html`<option value="${p.id}"${p.id === request.priority?.id ? html` selected` : ''}>${p.name}</option>`)}
          </select></dd>
          <dt>Request type</dt><dd>${request.requestType?.name ?? html`<span class="subtle">None</span>`}</dd>
          <dt>Reporter</dt><dd>${request.reporter === null ? html`<span class="subtle">None</span>` : html`<span class="person">${avatar(request.reporter.displayName, request.reporter.accountId)}${request.reporter.displayName}</span>`}</dd>
          <dt>Organizations</dt><dd>${request.organizations.length === 0 ? html`<span class="subtle">None</span>` : request.organizations.join(', ')}</dd>
          <dt>Created</dt><dd>${formatShort(request.created, chrome.user)}</dd>
          ${request.resolved === null ? '' : html`<dt>Resolved</dt><dd>${formatShort(request.resolved, chrome.user)}</dd>`}
        </dl>
      </aside>
    </div>
  `;
  return renderPage({ chrome, body, frames, issueKey: request.key });
}
