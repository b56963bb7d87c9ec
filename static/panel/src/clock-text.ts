/**
 * Chooses how the panel words a target's business time (left, overdue, to spare, breached by) and
 * which "tell the customer" draft to offer first. Decisions about wording only: the minutes and
 * states come from the backend's view model; nothing here computes time.
 *
 * Pure: no React, no bridge (unit-tested in test/ui).
 */
import type { PanelDrafts, PanelState, PanelTarget } from '../../../src/contract/panel-api';

export type TimeLeftMessageKey = 'clock.left' | 'clock.overdue' | 'clock.spare' | 'clock.late';

/**
 * The catalogue key and the (unsigned) minutes to word a target's time with. The state itself is
 * on the lozenge beside it, so the words only say how much time and which way: a running or
 * paused clock has time left or is overdue; a stopped one had time to spare or was late.
 *
 * @example describeTimeLeft({ state: 'breached', businessMinutesLeft: -95, completedAt: null, … })
 * // { key: 'clock.overdue', minutes: 95 }
 */
export function describeTimeLeft(
  target: Pick<PanelTarget, 'state' | 'businessMinutesLeft' | 'completedAt'>,
): { key: TimeLeftMessageKey; minutes: number } {
  const left = target.businessMinutesLeft;
  const minutes = Math.abs(left);
  switch (target.state) {
    case 'met':
      return { key: 'clock.spare', minutes };
    case 'breached':
      return { key: target.completedAt === null ? 'clock.overdue' : 'clock.late', minutes };
    case 'paused':
    case 'on-track':
    case 'at-risk':
      return { key: left < 0 ? 'clock.overdue' : 'clock.left', minutes };
  }
}

/** The drafts "tell the customer" offers. */
export const DRAFT_KINDS = ['expected', 'missed', 'uncovered'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/**
 * The draft to preselect: the honest "missed" one when the deadline is at risk or gone, otherwise
 * the "expected" one; the "not covered" one for a request without a contract; whichever exists when
 * only one does; null when there is nothing to tell.
 *
 * @example pickDefaultDraft('at-risk', { expected: 'We expect…', missed: 'Unfortunately…', … }) // 'missed'
 */
export function pickDefaultDraft(state: PanelState, drafts: PanelDrafts): DraftKind | null {
  const preferMissed = state === 'at-risk' || state === 'breached';
  const order: DraftKind[] = preferMissed ? ['missed', 'expected', 'uncovered'] : ['expected', 'missed', 'uncovered'];
  return order.find((kind) => drafts[kind] !== null) ?? null;
}

/**
 * Width of the bar in percent: the share of the target used, capped to the bar (an overdue
 * target shows a full bar; the text says by how much).
 *
 * @example barWidthPercent(140) // 100
 */
export function barWidthPercent(percentUsed: number): number {
  if (!Number.isFinite(percentUsed) || percentUsed <= 0) return 0;
  return Math.min(100, percentUsed);
}

/**
 * A target in words, extensions named apart (issue 11 item 5): `16 h + 1 h extension`, never a
 * changed `17 h` target; just `16 h` without an extension.
 *
 * @example targetText(t, duration, 1020, 60) // '16 h + 1 h extension'
 */
export function targetText(
  t: (key: 'duration.withExtension', values: { target: string; extension: string }) => string,
  duration: (minutes: number) => string,
  targetMinutes: number,
  extendedMinutes: number,
): string {
  if (extendedMinutes <= 0) return duration(targetMinutes);
  return t('duration.withExtension', { target: duration(targetMinutes - extendedMinutes), extension: duration(extendedMinutes) });
}
