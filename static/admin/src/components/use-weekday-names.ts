/**
 * Weekday names in the user's locale, Monday first, keyed like the calendar's `week`.
 */
import { useMemo } from 'react';
import { WEEKDAY_KEYS, type WeekdayKey } from '../../../../src/contract/calendar';
import { useI18n } from '../messages';

export function useWeekdayNames(): { key: WeekdayKey; short: string; long: string }[] {
  const { locale } = useI18n();
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday; WEEKDAY_KEYS is Monday first.
    return WEEKDAY_KEYS.map((key, index) => {
      const day = new Date(Date.UTC(2024, 0, 1 + index, 12));
      return { key, short: short.format(day), long: long.format(day) };
    });
  }, [locale]);
}
