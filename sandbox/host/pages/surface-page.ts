/**
 * Pages that host one Custom UI module full-width — `/admin` (jira:adminPage) and `/reports`
 * (jira:globalPage, its title above it as Jira shows it) — or say honestly that it is not built yet; and the plain message page
 * (no permission, not found). Pure rendering.
 */
import { html, type SafeHtml } from '../html';
import { renderFrame, renderPage, type EmbeddedFrame } from '../layout';
import type { PageChrome } from '../view-models';

export interface SurfacePageInput {
  chrome: PageChrome;
  breadcrumbs: SafeHtml;
  heading: string;
  intro: string;
  content: { frame: EmbeddedFrame } | { notice: SafeHtml };
  /** gadgets sit in a card on the dashboard; admin pages fill the content area */
  framed: boolean;
}

export function renderSurfacePage(input: SurfacePageInput): SafeHtml {
  const { chrome, content } = input;
  const frames = 'frame' in content ? [content.frame] : [];
  const inner = 'frame' in content ? renderFrame(content.frame) : content.notice;
  const body = html`
    <div class="breadcrumbs">${input.breadcrumbs}</div>
    <div class="pagehead"><div class="pagehead__title"><h1>${input.heading}</h1>${input.intro === '' ? '' : html`<p class="subtle">${input.intro}</p>`}</div></div>
    ${input.framed && 'frame' in content ? html`<div class="apppanel">${inner}</div>` : inner}
  `;
  return renderPage({ chrome, body, frames });
}

export function renderMessagePage(chrome: PageChrome, heading: string, message: SafeHtml): SafeHtml {
  return renderPage({
    chrome,
    body: html`<div class="empty" data-testid="message"><h2>${heading}</h2><p>${message}</p><p><a href="${chrome.user.role === 'customer' ? '/portal' : '/'}">Go back</a></p></div>`,
  });
}
