/**
 * Small pieces shared by the host pages: priority icons, contract-clock lozenge and deadline cells,
 * level tags. Pure rendering.
 */
import { clockAppearance, formatShort, formatTimeLeft, lozenge, type Viewer } from '../format';
import { html, raw, type SafeHtml } from '../html';
import type { ContractClockView, NamedRef, RequestSummary } from '../view-models';

const priorityIcons: Record<string, SafeHtml> = {
  highest: raw('<svg viewBox="0 0 16 16"><path d="M3.5 9.5 8 5l4.5 4.5M3.5 13 8 8.5l4.5 4.5" fill="none" stroke="#C9372C" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>'),
  high: raw('<svg viewBox="0 0 16 16"><path d="M3.5 10.5 8 6l4.5 4.5" fill="none" stroke="#E2483D" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>'),
  medium: raw('<svg viewBox="0 0 16 16"><path d="M3.5 6.5h9M3.5 10h9" fill="none" stroke="#E06C00" stroke-width="1.8" stroke-linecap="round"/></svg>'),
  low: raw('<svg viewBox="0 0 16 16"><path d="M3.5 6 8 10.5 12.5 6" fill="none" stroke="#357DE8" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>'),
  lowest: raw('<svg viewBox="0 0 16 16"><path d="M3.5 3 8 7.5 12.5 3M3.5 7 8 11.5 12.5 7" fill="none" stroke="#357DE8" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>'),
};

export function priorityLabel(priority: NamedRef | null): SafeHtml {
  if (priority === null) return html`<span class="subtle">None</span>`;
  const icon = priorityIcons[priority.name.toLowerCase()] ?? priorityIcons.medium;
  return html`<span class="priority">${icon ?? ''}<span>${priority.name}</span></span>`;
}

export function clockLozenge(clock: ContractClockView | null): SafeHtml {
  const { appearance, label } = clockAppearance(clock?.state ?? null);
  return html`<span data-clock-state="${clock?.state ?? 'none'}">${lozenge(label, appearance, clock?.state === 'breached')}</span>`;
}

/** "Gold", "Silver", "Bronze" get their colours; anything else (bespoke terms) its own. */
export function levelTag(level: string | null): SafeHtml {
  if (level === null) return html``;
  const known = ['gold', 'silver', 'bronze'];
  const lower = level.toLowerCase();
  const variant = known.find((k) => lower.includes(k)) ?? 'bespoke';
  return html`<span class="tag tag--${variant}">${level}</span>`;
}

/** The deadline as shown in a queue: the instant, and live wall-clock time left while the clock runs. */
export function deadlineCells(request: RequestSummary, now: Date, viewer: Viewer): { deadline: SafeHtml; left: SafeHtml } {
  const deadline = request.clock?.deadline ?? request.deadlineField;
  if (deadline === null) return { deadline: html`<span class="subtle">—</span>`, left: html`<span class="subtle">—</span>` };
  const state = request.clock?.state ?? null;
  const stopped = request.resolved !== null || state === 'met' || state === 'missed';
  const deadlineHtml = html`<time datetime="${deadline.toISOString()}" class="nowrap">${formatShort(deadline, viewer)}</time>`;
  if (stopped) {
    return { deadline: deadlineHtml, left: html`<span class="timeleft timeleft--done">${state === 'met' ? 'resolved in time' : state === 'missed' ? 'resolved late' : 'resolved'}</span>` };
  }
  if (state === 'paused') {
    return { deadline: deadlineHtml, left: html`<span class="timeleft timeleft--done">paused</span>` };
  }
  const ms = deadline.getTime() - now.getTime();
  const tone = ms < 0 ? ' timeleft--late' : ms < 4 * 3_600_000 ? ' timeleft--soon' : '';
  return {
    deadline: deadlineHtml,
    left: html`<span class="timeleft${tone}" data-deadline="${deadline.getTime()}">${formatTimeLeft(deadline, now)}</span>`,
  };
}
