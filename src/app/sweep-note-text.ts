/**
 * The internal note the sweep posts when a clock turns at risk or breached, in the team's working
 * language (English). Kept apart so the message library can take it over in one move.
 *
 * Pure: no I/O.
 */
import { formatInTimeZone } from 'date-fns-tz';
import type { ClockRecord } from '../contract/clock-record';
import { formatBusinessMinutes } from '../domain/resolve-terms';

/** @example sweepNoteText('breached', record) // 'Contract Clock: the resolution deadline of … has passed (…).' */
export function sweepNoteText(kind: 'at-risk' | 'breached', record: ClockRecord): string {
  const terms = record.terms;
  const target = record.target;
  const agreement =
    terms === null || target === null
      ? 'the agreement'
      : `${target.level.name}${target.service === null ? '' : `, ${target.service.name}`}, ${target.priorityClass}: ${formatBusinessMinutes(target.resolutionMinutes + target.extensionMinutes)}`;
  const deadline =
    record.deadline === null || terms === null
      ? 'unknown'
      : `${formatInTimeZone(new Date(record.deadline), terms.calendar.timeZone, 'EEE d MMM yyyy HH:mm')} (${terms.calendar.timeZone})`;
  return kind === 'breached'
    ? `Contract Clock: the resolution deadline of ${deadline} has passed (${agreement}). Tell the customer when to expect a resolution.`
    : `Contract Clock: this request is at risk — ${terms?.atRiskPercent ?? 75}% of the resolution target is used (${agreement}). Deadline: ${deadline}.`;
}
