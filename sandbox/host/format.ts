/**
 * Formatting for the host pages: instants in the viewing user's time zone and locale, durations
 * ("3 h 20 m"), and the lozenge appearance of Jira statuses and contract-clock states.
 * Pure functions of their arguments (the current instant is always passed in).
 */
import { html, type SafeHtml } from './html';
import type { StatusCategory } from './view-models';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, style: 'long' | 'short' | 'time'): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${style}`;
  let found = formatters.get(id);
  if (found === undefined) {
    const options: Intl.DateTimeFormatOptions =
      style === 'long'
        ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }
        : style === 'short'
          ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
          : { hour: '2-digit', minute: '2-digit', second: '2-digit' };
    found = new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone });
    formatters.set(id, found);
  }
  return found;
}

/** The host UI is English: English date formats (en-US or en-GB), whatever the user's language. */
function safeLocale(locale: string): string {
  const tag = locale.replace('_', '-');
  if (!tag.toLowerCase().startsWith('en')) return 'en-GB';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : 'en-GB';
  } catch {
    return 'en-GB';
  }
}

export interface Viewer {
  locale: string;
  timeZone: string;
}

/** e.g. "Mon 5 Oct 2026, 09:30 CEST" */
export function formatLong(date: Date, viewer: Viewer): string {
  return formatter(viewer.locale, viewer.timeZone, 'long').format(date);
}

/** e.g. "Mon 5 Oct, 09:30" */
export function formatShort(date: Date, viewer: Viewer): string {
  return formatter(viewer.locale, viewer.timeZone, 'short').format(date);
}

/**
 * A duration as days/hours/minutes, the two largest units.
 *
 * @example formatDuration(200 * 60_000) // '3 h 20 m'
 */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} m` : `${hours} h`;
  return `${mins} m`;
}

/**
 * Wall-clock time until a deadline, for display: "in 3 h 20 m" or "2 d 4 h overdue".
 *
 * @example formatTimeLeft(new Date('2026-10-05T12:00Z'), new Date('2026-10-05T10:00Z')) // 'in 2 h'
 */
export function formatTimeLeft(deadline: Date, now: Date): string {
  const ms = deadline.getTime() - now.getTime();
  return ms >= 0 ? `in ${formatDuration(ms)}` : `${formatDuration(ms)} overdue`;
}

export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

/** Jira's status lozenge colours by status category. */
export function statusAppearance(category: StatusCategory): LozengeAppearance {
  switch (category) {
    case 'new':
      return 'default';
    case 'indeterminate':
      return 'inprogress';
    case 'done':
      return 'success';
    case 'undefined':
      return 'default';
  }
}

/**
 * Contract-clock states (src/contract/clock-record.ts: running, paused, at-risk, breached, met,
 * missed, uncovered, error) → lozenge colour and label.
 */
export function clockAppearance(state: string | null): { appearance: LozengeAppearance; label: string } {
  switch (state) {
    case 'running':
      return { appearance: 'inprogress', label: 'On track' };
    case 'at-risk':
      return { appearance: 'moved', label: 'At risk' };
    case 'breached':
      return { appearance: 'removed', label: 'Breached' };
    case 'met':
      return { appearance: 'success', label: 'Met' };
    case 'missed':
      return { appearance: 'removed', label: 'Missed' };
    case 'error':
      return { appearance: 'removed', label: 'Clock error' };
    case 'paused':
      return { appearance: 'default', label: 'Paused' };
    case 'uncovered':
      return { appearance: 'default', label: 'No contract' };
    case null:
      return { appearance: 'default', label: 'No clock' };
    default:
      return { appearance: 'new', label: state };
  }
}

export function lozenge(label: string, appearance: LozengeAppearance, bold = false): SafeHtml {
  return html`<span class="lozenge lozenge--${appearance}${bold ? ' lozenge--bold' : ''}">${label}</span>`;
}

/** Initials for an avatar. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter((p) => p.length > 0);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A stable avatar colour index (0..7) for an account. */
export function avatarHue(accountId: string): number {
  let hash = 0;
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 8;
}

export function avatar(name: string, accountId: string, size: 'small' | 'medium' = 'small'): SafeHtml {
  return html`<span class="avatar avatar--${size} avatar--hue${avatarHue(accountId)}" aria-hidden="true">${initialsOf(name)}</span>`;
}
