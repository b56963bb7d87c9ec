/**
 * The internal note the sweep posts when a clock turns at risk or breached, or when a promise to the
 * customer is about to lapse — in the reader's language (reader-text.ts), with instants in the
 * contract calendar's zone. A note names the instant the threshold was crossed and the share of the
 * target used then (issue 11 item 7), not when the sweep happened to notice; a target with an
 * extension reads "16 h + 1 h extension".
 *
 * Pure: no I/O.
 */
import type { ClockRecord } from '../contract/clock-record';
import type { ClockNotice } from '../domain/clock-view';
import type { ReaderText } from './reader-text';

/** What a promise note needs besides the record: the business minutes left until the promised time, now. */
export interface NoteContext {
  readonly promiseMinutesLeft?: number;
}

/** @example sweepNoteText('breached', record, textFor('nl_NL')) // 'Contract Clock: de oplosdeadline is verstreken op …' */
export function sweepNoteText(kind: ClockNotice, record: ClockRecord, reader: ReaderText, context: NoteContext = {}): string {
  const { t } = reader;
  const terms = record.terms;
  const target = record.target;
  let agreement = t('note.agreementUnknown');
  if (terms !== null && target !== null) {
    const parts = { level: target.level.name, priorityClass: target.priorityClass, target: reader.target(target.resolutionMinutes, target.extensionMinutes) };
    agreement = target.service === null ? t('note.agreement', parts) : t('note.agreementWithService', { ...parts, service: target.service.name });
  }
  const zone = terms?.calendar.timeZone ?? 'UTC';
  const when = (instant: string | null): string => (instant === null || terms === null ? t('note.deadlineUnknown') : reader.shortInstantInZone(instant, zone));
  const deadline = when(record.deadline);
  switch (kind) {
    case 'breached':
      return t('note.breached', { crossedAt: deadline, percent: 100, agreement });
    case 'at-risk':
      return t('note.atRisk', { crossedAt: when(record.atRiskAt), percent: terms?.atRiskPercent ?? 75, deadline, agreement });
    case 'promise':
      return t('note.promise', {
        expected: when(record.promise?.expectedAt ?? null),
        left: reader.duration(Math.max(0, Math.round(context.promiseMinutesLeft ?? 0))),
        deadline,
      });
  }
}
