/**
 * The targets per priority class, as levels and bespoke terms both edit them: the note on what a
 * business day means for the calendar, then one row per class with its resolution and first-response
 * cells (the caller renders the cells: a level sets targets, bespoke terms override a level's).
 */
import type { ReactNode } from 'react';
import { PRIORITY_CLASSES, type PriorityClass } from '../../../src/contract/building-blocks';
import { useI18n } from './messages';

export function TargetsTable({
  dayMinutes,
  calendarName,
  rowKey = (cls) => cls,
  rowTestId,
  noteTestId,
  cells,
}: {
  /** The calendar's business day, in minutes (what `1d` means). */
  dayMinutes: number;
  calendarName: string | null;
  rowKey?: (cls: PriorityClass) => string;
  rowTestId?: (cls: PriorityClass) => string;
  noteTestId?: string;
  /** The resolution and first-response cells of a class. */
  cells: (cls: PriorityClass) => { resolution: ReactNode; response: ReactNode };
}) {
  const { t, duration } = useI18n();
  return (
    <>
      <p className="terms-help" data-testid={noteTestId}>
        {t('terms.target.notation', { day: duration(dayMinutes), calendar: calendarName ?? '—' })}
      </p>
      <table className="terms-table terms-targets">
        <thead>
          <tr>
            <th scope="col">{t('terms.target.class')}</th>
            <th scope="col">{t('terms.target.resolution')}</th>
            <th scope="col">{t('terms.target.response')}</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITY_CLASSES.map((cls) => {
            const { resolution, response } = cells(cls);
            return (
              <tr key={rowKey(cls)} data-testid={rowTestId?.(cls)}>
                <th scope="row">{cls}</th>
                <td>{resolution}</td>
                <td>{response}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
