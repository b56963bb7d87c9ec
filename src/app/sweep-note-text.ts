/**
 * The internal note the sweep posts when a clock turns at risk or breached, in the reader's language
 * (reader-text.ts), with the deadline in the contract calendar's zone.
 *
 * Pure: no I/O.
 */
import type { ClockRecord } from '../contract/clock-record';
import type { ReaderText } from './reader-text';

/** @example sweepNoteText('breached', record, textFor('nl_NL')) // 'Contract Clock: de oplosdeadline van … is verstreken (…). …' */
export function sweepNoteText(kind: 'at-risk' | 'breached', record: ClockRecord, reader: ReaderText): string {
  const { t } = reader;
  const terms = record.terms;
  const target = record.target;
  let agreement = t('note.agreementUnknown');
  if (terms !== null && target !== null) {
    const parts = { level: target.level.name, priorityClass: target.priorityClass, target: reader.duration(target.resolutionMinutes + target.extensionMinutes) };
    agreement = target.service === null ? t('note.agreement', parts) : t('note.agreementWithService', { ...parts, service: target.service.name });
  }
  const deadline = record.deadline === null || terms === null ? t('note.deadlineUnknown') : reader.shortInstantInZone(record.deadline, terms.calendar.timeZone);
  return kind === 'breached'
    ? t('note.breached', { deadline, agreement })
    : t('note.atRisk', { percent: terms?.atRiskPercent ?? 75, deadline, agreement });
}
