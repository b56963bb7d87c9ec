/**
 * `/portal` — the customer's side, like a JSM help center: pick a customer (agents and admins raise
 * on behalf of one, customers are themselves), raise a request (POST /rest/servicedeskapi/request
 * with raiseOnBehalfOf, or as the customer), and see the requests of the customer's organizations
 * with status and contract deadline. `/portal/KEY` shows one request with its public comments and
 * the app's request panel; the profile panel ("My contract") has its own page (server.ts).
 * The app's portal panels show when their bundles exist, otherwise an honest notice.
 * Pure rendering.
 */
import { avatar, formatShort, lozenge, statusAppearance } from '../format';
import { html, type SafeHtml } from '../html';
import { renderFrame, renderPage, type EmbeddedFrame } from '../layout';
import type { HostUser, NamedRef, PageChrome, RequestDetail, RequestSummary } from '../view-models';
import { deadlineCells } from './fragments';

export interface RequestTypeView {
  id: string;
  name: string;
  description: string;
}

export interface PortalPageInput {
  chrome: PageChrome;
  serviceDesk: { id: string; name: string };
  customers: readonly HostUser[];
  customer: HostUser | null;
  requestTypes: readonly RequestTypeView[];
  priorities: readonly NamedRef[];
  requests: readonly RequestSummary[];
  raisedKey: string | null;
}

function renderRequestRow(request: RequestSummary, chrome: PageChrome): SafeHtml {
  const cells = deadlineCells(request, chrome.now, chrome.user);
  return html`<tr data-issue-key="${request.key}">
    <td class="key"><a href="/portal/${request.key}">${request.key}</a></td>
    <td class="summary"><a href="/portal/${request.key}">${request.summary}</a></td>
    <td>${lozenge(request.status.name, statusAppearance(request.status.category))}</td>
    <td>${cells.deadline}</td>
    <td class="num">${cells.left}</td>
  </tr>`;
}

export function renderPortalPage(input: PortalPageInput): SafeHtml {
  const { chrome, customer } = input;
  const isCustomer = chrome.user.role === 'customer';
  const open = input.requests.filter((r) => r.status.category !== 'done');
  const closed = input.requests.filter((r) => r.status.category === 'done').slice(0, 10);
  const body = html`
    <section class="portal-hero">
      <h1>${input.serviceDesk.name} help center</h1>
      <p>${customer === null ? 'Pick a customer to raise a request for.' : `Welcome${isCustomer ? '' : ' — acting for'} ${customer.displayName}${customer.organizations.length > 0 ? ` (${customer.organizations.map((o) => o.name).join(', ')})` : ''}.`}</p>
    </section>
    ${input.raisedKey === null ? '' : html`<div class="callout" role="status" data-testid="raised">Request <a href="/portal/${input.raisedKey}">${input.raisedKey}</a> was raised. Its contract deadline appears below as soon as Contract Clock has processed it.</div>`}
    <div class="portal-grid">
      <section class="card">
        <h2>Raise a request</h2>
        ${isCustomer
          ? ''
          : html`<label class="field"><span>Customer</span>
              <select data-customer-picker name="customer" aria-label="Customer">
                ${customer === null ? html`<option value="" selected disabled>Choose a customer…</option>` : ''}
                ${input.customers.map((c) => html`<option value="${c.accountId}"${c.accountId === customer?.accountId ? html` selected` : ''}>${c.displayName}${c.organizations.length > 0 ? ` — ${c.organizations.map((o) => o.name).join(', ')}` : ' — no organization'}</option>`)}
              </select></label>`}
        ${customer === null
          ? html`<p class="subtle">Choose the customer first.</p>`
          : html`<form data-raise-request data-service-desk="${input.serviceDesk.id}">
              <input type="hidden" name="raiseOnBehalfOf" value="${customer.accountId}">
              <label class="field"><span>What can we help you with?</span>
                <select name="requestTypeId" aria-label="Request type">
                  ${input.requestTypes.map((t) => html`<option value="${t.id}" title="${t.description}">${t.name}</option>`)}
                </select></label>
              <label class="field"><span>Summary</span><input type="text" name="summary" required maxlength="255" placeholder="e.g. Outlook cannot connect"></label>
              <label class="field"><span>Description</span><textarea name="description" placeholder="What happened, since when, who is affected?"></textarea></label>
              <label class="field"><span>Impact</span>
                <select name="priority" aria-label="Priority">
                  ${input.priorities.map((p) => html`<option value="${p.id}"${p.name === 'Medium' ? html` selected` : ''}>${p.name}</option>`)}
                </select></label>
              <button class="btn btn--primary" type="submit">Send request</button>
              ${isCustomer ? '' : html`<span class="subtlest" style="margin-left:8px">Raised on behalf of ${customer.displayName} (raiseOnBehalfOf).</span>`}
            </form>`}
      </section>
      <div>
        <section class="card" style="margin-bottom:24px">
          <h2>${customer === null ? 'Requests' : 'Open requests of your organization'}</h2>
          ${open.length === 0
            ? html`<p class="subtle">No open requests.</p>`
            : html`<div class="tablewrap"><table class="queue" data-testid="portal-requests"><thead><tr><th>Reference</th><th>Summary</th><th>Status</th><th>Expected by</th><th class="num">Time left</th></tr></thead>
                <tbody>${open.map((r) => renderRequestRow(r, chrome))}</tbody></table></div>`}
          ${closed.length === 0
            ? ''
            : html`<h3 style="margin-top:16px">Recently resolved</h3>
              <div class="tablewrap"><table class="queue"><tbody>${closed.map((r) => renderRequestRow(r, chrome))}</tbody></table></div>`}
        </section>
        <section class="card">
          <h2>Your services and service levels</h2>
          <p class="subtle">The contract of your organization — services, levels, targets, business hours${isCustomer ? '' : ' (of the user you are signed in as)'} — is on your profile page.</p>
          <p><a href="/portal/profile" data-testid="portal-profile-link">My contract</a></p>
        </section>
      </div>
    </div>
  `;
  return renderPage({ chrome, body });
}

export interface PortalRequestPageInput {
  chrome: PageChrome;
  request: RequestDetail;
  canComment: boolean;
  requestPanel: { frame: EmbeddedFrame } | { notice: SafeHtml };
}

export function renderPortalRequestPage(input: PortalRequestPageInput): SafeHtml {
  const { chrome, request } = input;
  const publicComments = request.comments.filter((c) => c.public).sort((a, b) => a.created.getTime() - b.created.getTime());
  const frames = 'frame' in input.requestPanel ? [input.requestPanel.frame] : [];
  const body = html`
    <div class="breadcrumbs"><a href="/portal">Help center</a> / ${request.key}</div>
    <div class="request">
      <div class="request__main">
        <div class="request__summary">${request.summary}</div>
        <div class="description">${request.description}</div>
        <section class="request__section">
          <h2>Activity</h2>
          <div class="comments">
            ${publicComments.length === 0
              ? html`<p class="subtle">No replies yet.</p>`
              : publicComments.map(
                  (c) => html`<article class="comment">${avatar(c.author.displayName, c.author.displayName, 'medium')}<div>
                    <div class="comment__head"><span class="comment__author">${c.author.displayName}</span><time class="subtlest">${formatShort(c.created, chrome.user)}</time></div>
                    <div class="comment__body">${c.body}</div></div></article>`,
                )}
          </div>
          ${input.canComment
            ? html`<form class="composer" style="margin-top:16px" data-portal-comment="${request.key}">
                <textarea aria-label="Add a comment" placeholder="Add a comment…"></textarea>
                <div class="composer__actions"><button class="btn btn--primary" type="submit">Add</button></div></form>`
            : ''}
        </section>
      </div>
      <aside class="details">
        <div class="details__status">${lozenge(request.status.name, statusAppearance(request.status.category), true)}</div>
        <dl>
          <dt>Request type</dt><dd>${request.requestType?.name ?? '—'}</dd>
          <dt>Raised by</dt><dd>${request.reporter?.displayName ?? '—'}</dd>
          <dt>Raised</dt><dd>${formatShort(request.created, chrome.user)}</dd>
        </dl>
        <div style="padding:0 12px 12px">${'frame' in input.requestPanel ? renderFrame(input.requestPanel.frame) : input.requestPanel.notice}</div>
      </aside>
    </div>
  `;
  return renderPage({ chrome, body, frames });
}
