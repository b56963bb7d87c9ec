/**
 * Overview of the business calendars: zone, working intervals per weekday, business hours per week
 * and the holidays (folded list).
 */
import { Fragment } from 'react';
import { token } from '@atlaskit/tokens';
import type { Holiday } from '../../../../src/contract/calendar';
import type { CalendarEntry } from '../../../../src/contract/contract-database-shape';
import { useI18n } from '../messages';
import { isAroundTheClock, weekdayHours, weeklyMinutes } from '../database-view';
import { cell, chip, headerCell, numericCell, small, smallSubtlest, subtlest, table, tableFrame } from './admin-styles';
import { OverviewSection } from './overview-section';
import { useWeekdayNames } from './use-weekday-names';

export function CalendarsSection({ calendars }: { calendars: readonly CalendarEntry[] }) {
  const { t, duration, localDate } = useI18n();
  const weekdays = useWeekdayNames();
  return (
    <OverviewSection id="calendars" title={t('admin.calendars.title')} count={calendars.length} empty={t('admin.calendars.empty')}>
      <div style={tableFrame}>
        <table style={table} data-testid="calendars-table">
          <thead>
            <tr>
              <th scope="col" style={headerCell}>
                {t('admin.calendars.name')}
              </th>
              <th scope="col" style={headerCell}>
                {t('admin.calendars.zone')}
              </th>
              {weekdays.map((day) => (
                <th key={day.key} scope="col" style={headerCell}>
                  <abbr title={day.long} style={{ textDecoration: 'none' }}>
                    {day.short}
                  </abbr>
                </th>
              ))}
              <th scope="col" style={{ ...headerCell, textAlign: 'end' }}>
                {t('admin.calendars.perWeek')}
              </th>
              <th scope="col" style={headerCell}>
                {t('admin.calendars.holidays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {calendars.map((calendar) => (
              <tr key={calendar.id} data-testid={`calendar-${calendar.id}`}>
                <th scope="row" style={{ ...cell, fontWeight: 'inherit' }}>
                  <div>{calendar.name}</div>
                  <div style={smallSubtlest}>{calendar.id}</div>
                </th>
                <td style={cell}>
                  <ZoneName zone={calendar.timeZone} />
                </td>
                {weekdayHours(calendar).map((day) => (
                  <td key={day.day} style={dayCell}>
                    {day.intervals.length === 0 ? (
                      <span style={subtlest}>{t('admin.calendars.closed')}</span>
                    ) : (
                      day.intervals.map((interval) => <div key={interval}>{interval}</div>)
                    )}
                  </td>
                ))}
                <td style={numericCell}>
                  {isAroundTheClock(calendar) ? <span style={chip}>{t('admin.calendars.aroundTheClock')}</span> : duration(weeklyMinutes(calendar))}
                </td>
                <td style={cell}>
                  <Holidays holidays={calendar.holidays ?? []} format={localDate} none={t('admin.calendars.noHolidays')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </OverviewSection>
  );
}

/** Weekday cells are many and narrow: small type, tight padding, an interval never split. */
const dayCell = { ...cell, ...small, whiteSpace: 'nowrap', paddingLeft: token('space.075'), paddingRight: token('space.075') } as const;

/** An IANA zone that may wrap after its slashes ("America/<wbr>Argentina/<wbr>Buenos_Aires"). */
function ZoneName({ zone }: { zone: string }) {
  const parts = zone.split('/');
  return (
    <span>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index === 0 ? null : (
            <>
              /<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/** A holiday as people read it: "25 Dec 2026 — Christmas Day", "every 12-25 — Christmas Day". */
function holidayText(holiday: Holiday, format: (date: string) => string, yearly: (monthDay: string) => string): string {
  const [text, name] = typeof holiday === 'string' ? [format(holiday), undefined] : 'date' in holiday ? [format(holiday.date), holiday.name] : [yearly(holiday.yearly), holiday.name];
  return name === undefined ? text : `${text} — ${name}`;
}

function Holidays({ holidays, format, none }: { holidays: readonly Holiday[]; format: (date: string) => string; none: string }) {
  const { t } = useI18n();
  if (holidays.length === 0) return <span style={subtlest}>{none}</span>;
  const yearly = (monthDay: string) => t('admin.calendars.yearly', { day: monthDay });
  return (
    <details className="admin-disclosure">
      <summary>{holidays.length}</summary>
      <ul style={{ margin: 0, paddingInlineStart: '1.2em', whiteSpace: 'nowrap' }}>
        {holidays.map((holiday, index) => (
          <li key={index}>{holidayText(holiday, format, yearly)}</li>
        ))}
      </ul>
    </details>
  );
}
