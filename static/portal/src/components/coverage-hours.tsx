/**
 * The business hours a contract's targets count in: per calendar the weekly hours as runs of days
 * ("Mon – Fri 08:30–17:30"), the zone, and the holidays of the coming twelve months (folded).
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { CoverageCalendar } from '../../../../src/contract/portal-api';
import { Disclosure } from '../../../shared/ui/disclosure';
import { formatHolidayDate, groupWeek, weekdayName } from '../customer-words';
import { useI18n } from '../messages';

const small = { font: token('font.body.small'), color: token('color.text.subtlest') } as const;
const list = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.025') } as const;

export function CoverageHours({ calendars }: { calendars: readonly CoverageCalendar[] }) {
  const { t } = useI18n();
  if (calendars.length === 0) return null;
  return (
    <section data-testid="portal-coverage" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <Heading size="xsmall" as="h4">
        {t('coverage.heading')}
      </Heading>
      {calendars.map((calendar) => (
        <CalendarHours key={calendar.id} calendar={calendar} />
      ))}
    </section>
  );
}

function CalendarHours({ calendar }: { calendar: CoverageCalendar }) {
  const { t, locale } = useI18n();
  const days = (from: string, to: string) => (from === to ? from : `${from} – ${to}`);
  return (
    <div data-testid="portal-calendar" data-calendar-id={calendar.id} style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <strong>{calendar.name}</strong>
      <ul style={list}>
        {groupWeek(calendar.week).map((run) => (
          <li key={run.from} style={{ display: 'flex', flexWrap: 'wrap', columnGap: token('space.100') }}>
            <span style={{ minWidth: '6.5rem', color: token('color.text.subtle') }}>{days(weekdayName(run.from, locale), weekdayName(run.to, locale))}</span>
            <span>
              {run.intervals.length === 0
                ? t('coverage.closed')
                : run.intervals.length === 1 && run.intervals[0]?.[0] === '00:00' && run.intervals[0][1] === '24:00'
                  ? t('coverage.allDay')
                  : run.intervals.map(([start, end]) => `${start}–${end}`).join(', ')}
            </span>
          </li>
        ))}
      </ul>
      <span style={small}>{t('coverage.zone', { zone: calendar.timeZone })}</span>
      {calendar.holidays.length === 0 ? (
        <span style={small}>{t('coverage.holidays', { count: 0 })}</span>
      ) : (
        <Disclosure title={t('coverage.holidays', { count: calendar.holidays.length })} testId={`portal-holidays-${calendar.id}`}>
          <ul style={list}>
            {calendar.holidays.map((holiday) => (
              <li key={holiday.date} style={{ display: 'flex', flexWrap: 'wrap', columnGap: token('space.100') }}>
                <span style={{ minWidth: '6.5rem', color: token('color.text.subtle') }}>{formatHolidayDate(holiday.date, locale)}</span>
                <span>{holiday.name ?? t('coverage.holidayUnnamed')}</span>
              </li>
            ))}
          </ul>
        </Disclosure>
      )}
    </div>
  );
}
