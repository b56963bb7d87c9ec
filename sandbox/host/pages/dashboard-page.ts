/**
 * `/dashboard` — a Jira dashboard with the app's gadgets, each in its own card with a title bar and
 * an Edit action. Edit opens the gadget's edit view in place (Jira's "Edit" in the gadget menu);
 * saving there stores the configuration for that gadget only and shows its view again. Pure rendering.
 */
import { html, type SafeHtml } from '../html';
import { renderFrame, renderPage, type EmbeddedFrame } from '../layout';
import type { PageChrome } from '../view-models';

export interface DashboardGadgetView {
  gadgetId: string;
  title: string;
  editing: boolean;
  content: { frame: EmbeddedFrame } | { notice: SafeHtml };
}

export interface DashboardPageInput {
  chrome: PageChrome;
  dashboardName: string;
  gadgets: readonly DashboardGadgetView[];
  /** shown when the app has no gadget module at all */
  missing: SafeHtml | null;
}

function renderGadget(gadget: DashboardGadgetView): SafeHtml {
  return html`<section class="gadget${gadget.editing ? ' gadget--editing' : ''}" data-testid="gadget-card" data-gadget-id="${gadget.gadgetId}" data-mode="${gadget.editing ? 'edit' : 'view'}" aria-label="${gadget.title}">
    <div class="gadget__head">
      <span class="gadget__title">${gadget.title}${gadget.editing ? ' — settings' : ''}</span>
      ${gadget.editing
        ? html`<a class="btn btn--small btn--subtle" href="/dashboard" data-testid="gadget-done">Back to the dashboard</a>`
        : html`<a class="btn btn--small btn--subtle" href="/dashboard?edit=${gadget.gadgetId}" data-testid="gadget-edit-button" title="Change what this gadget shows">Edit</a>`}
    </div>
    <div class="gadget__body">${'frame' in gadget.content ? renderFrame(gadget.content.frame) : gadget.content.notice}</div>
  </section>`;
}

export function renderDashboardPage(input: DashboardPageInput): SafeHtml {
  const frames = input.gadgets.flatMap((g) => ('frame' in g.content ? [g.content.frame] : []));
  const body = html`
    <div class="breadcrumbs">Dashboards</div>
    <div class="pagehead"><div class="pagehead__title"><h1>${input.dashboardName}</h1>
      <p class="subtle">How many requests were resolved on time, per customer, service and level. Each gadget keeps its own settings: use Edit on a gadget to change them.</p></div></div>
    ${input.missing ?? html`<div class="dashboard" data-testid="dashboard">${input.gadgets.map(renderGadget)}</div>`}
  `;
  return renderPage({ chrome: input.chrome, body, frames });
}

