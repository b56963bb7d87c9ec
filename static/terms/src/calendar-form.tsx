/**
 * One business calendar: name, time zone (a searchable list of IANA zones with their UTC offset
 * now), the week as intervals per day (add, remove, copy to the weekdays, the "office hours" and
 * "24/7" presets) and the holidays: dated or yearly, each with a name, and an import of an
 * iCalendar (.ics) file that the backend reads with a kept parser (admin/parse-ics).
 */
import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import { WEEKDAY_KEYS, type Holiday, type WeekdayKey } from '../../../src/contract/calendar';
import { useEditor } from './editor-context';
import { TextControl, useValue } from './controls';
import { errorsAt, type Path } from './draft';
import { useI18n } from './messages';
import { termsClient } from './terms-client';

const OFFICE_HOURS: Partial<Record<WeekdayKey, [string, string][]>> = {
  mon: [['08:30', '17:30']],
  tue: [['08:30', '17:30']],
  wed: [['08:30', '17:30']],
  thu: [['08:30', '17:30']],
  fri: [['08:30', '17:30']],
};
const ALL_DAY: Partial<Record<WeekdayKey, [string, string][]>> = Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, [['00:00', '24:00']]]));

/** `UTC+01:00` for a zone now. */
function offsetOf(zone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT' ? 'UTC+00:00' : (part?.value.replace('GMT', 'UTC') ?? '');
  } catch {
    return '';
  }
}

function useWeekdays(): { key: WeekdayKey; long: string }[] {
  const { locale } = useI18n();
  return useMemo(() => {
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    return WEEKDAY_KEYS.map((key, index) => ({ key, long: long.format(new Date(Date.UTC(2024, 0, 1 + index, 12))) }));
  }, [locale]);
}

/** The IANA zones this browser knows, each with its offset now. */
function useZones(): { zone: string; offset: string }[] {
  return useMemo(() => {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
    return zones.map((zone) => ({ zone, offset: offsetOf(zone) }));
  }, []);
}

export function TimeZoneControl({ path }: { path: Path }) {
  const { t } = useI18n();
  const zones = useZones();
  const value = useValue<string>(path) ?? '';
  const listId = `zones-${path.join('-')}`;
  return (
    <div>
      <TextControl path={path} list={listId} label={t('terms.calendar.zone')} help={t('terms.calendar.zoneHelp', { offset: offsetOf(value) || '—' })} />
      <ZoneList id={listId} zones={zones} />
    </div>
  );
}

function ZoneList({ id, zones }: { id: string; zones: { zone: string; offset: string }[] }) {
  return (
    <datalist id={id}>
      {zones.map(({ zone, offset }) => (
        <option key={zone} value={zone}>
          {`${zone} (${offset})`}
        </option>
      ))}
    </datalist>
  );
}

function WeekGrid({ base }: { base: Path }) {
  const { t } = useI18n();
  const editor = useEditor();
  const weekdays = useWeekdays();
  const week = useValue<Partial<Record<WeekdayKey, [string, string][]>>>([...base, 'week']) ?? {};
  const setDay = (key: WeekdayKey, intervals: [string, string][]) => { editor.update([...base, 'week'], (current) => {
      const others = Object.entries(current as Record<string, unknown>).filter(([day]) => day !== key);
      return Object.fromEntries(intervals.length === 0 ? others : [...others, [key, intervals]]);
    }); };
  return (
    <fieldset className="terms-fieldset" data-testid="calendar-week">
      <legend className="terms-legend">{t('terms.calendar.week')}</legend>
      <div className="terms-row">
        <Button onClick={() => { editor.set([...base, 'week'], structuredClone(OFFICE_HOURS)); }} testId="preset-office">
          {t('terms.calendar.presetOffice')}
        </Button>
        <Button onClick={() => { editor.set([...base, 'week'], structuredClone(ALL_DAY)); }} testId="preset-247">
          {t('terms.calendar.preset247')}
        </Button>
      </div>
      <table className="terms-table">
        <tbody>
          {weekdays.map(({ key, long }) => {
            const intervals = week[key] ?? [];
            const dayErrors = errorsAt(editor.errors, [...base, 'week', key]);
            return (
              <tr key={key} data-testid={`day-${key}`}>
                <th scope="row">{long}</th>
                <td>
                  <div className="terms-intervals">
                    {intervals.length === 0 ? <span className="terms-muted">{t('terms.calendar.closed')}</span> : null}
                    {intervals.map(([start, end], index) => {
                      const at = [...base, 'week', key, index];
                      const errors = errorsAt(editor.errors, at).concat(errorsAt(editor.errors, [...at, 0]), errorsAt(editor.errors, [...at, 1]));
                      return (
                        <span key={index} className="terms-interval">
                          <label className="terms-inline-label">
                            {t('terms.calendar.from')}
                            <input
                              className="terms-input terms-time"
                              aria-invalid={errors.length > 0}
                              aria-label={t('terms.calendar.fromOf', { day: long, n: index + 1 })}
                              value={start}
                              onChange={(event) => { setDay(key, intervals.map((pair, i) => (i === index ? [event.target.value, pair[1]] : pair))); }}
                            />
                          </label>
                          <label className="terms-inline-label">
                            {t('terms.calendar.to')}
                            <input
                              className="terms-input terms-time"
                              aria-invalid={errors.length > 0}
                              aria-label={t('terms.calendar.toOf', { day: long, n: index + 1 })}
                              value={end}
                              onChange={(event) => { setDay(key, intervals.map((pair, i) => (i === index ? [pair[0], event.target.value] : pair))); }}
                            />
                          </label>
                          <Button
                            spacing="compact"
                            appearance="subtle"
                            aria-label={t('terms.calendar.removeInterval', { day: long, n: index + 1 })}
                            onClick={() => { setDay(key, intervals.filter((_, i) => i !== index)); }}
                          >
                            {t('terms.removeShort')}
                          </Button>
                          {errors.length > 0 ? (
                            <span className="terms-error" data-testid={`field-error-${at.join('-')}`}>
                              {errors.join(' ')}
                            </span>
                          ) : null}
                        </span>
                      );
                    })}
                  </div>
                  {dayErrors.length > 0 ? (
                    <div className="terms-error" data-testid={`field-error-${[...base, 'week', key].join('-')}`}>
                      {dayErrors.join(' ')}
                    </div>
                  ) : null}
                </td>
                <td>
                  <div className="terms-row-actions">
                    <Button
                      spacing="compact"
                      onClick={() => {
                        const last = intervals[intervals.length - 1];
                        setDay(key, [...intervals, last === undefined ? ['09:00', '17:00'] : [last[1], last[1] < '23:00' ? `${String(Number(last[1].slice(0, 2)) + 1).padStart(2, '0')}${last[1].slice(2)}` : '24:00']]);
                      }}
                      testId={`add-interval-${key}`}
                    >
                      {t('terms.calendar.addInterval')}
                    </Button>
                    <Button
                      spacing="compact"
                      appearance="subtle"
                      onClick={() => {
                        for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) if (day !== key) setDay(day, structuredClone(intervals));
                      }}
                      testId={`copy-weekdays-${key}`}
                    >
                      {t('terms.calendar.copyWeekdays')}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}

type EditableHoliday = { date: string; name?: string | undefined } | { yearly: string; name?: string | undefined };

function asEditable(holiday: Holiday): EditableHoliday {
  return typeof holiday === 'string' ? { date: holiday } : holiday;
}

function Holidays({ base }: { base: Path }) {
  const { t, localDate } = useI18n();
  const editor = useEditor();
  const holidays = (useValue<Holiday[]>([...base, 'holidays']) ?? []).map(asEditable);
  const [ics, setIcs] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  // A holiday without a name is stored without the key (the schema's strict objects).
  const setAll = (next: EditableHoliday[]) => { editor.set([...base, 'holidays'], next.length === 0 ? undefined : next.map((h) => (h.name === undefined || h.name === '' ? ('date' in h ? { date: h.date } : { yearly: h.yearly }) : h))); };
  const setOne = (index: number, holiday: EditableHoliday) => { setAll(holidays.map((h, i) => (i === index ? holiday : h))); };
  async function importIcs(file: File): Promise<void> {
    const answer = await termsClient.parseIcs(await file.text());
    if (!answer.ok) {
      setIcs({ tone: 'error', text: answer.error.message });
      return;
    }
    const seen = new Set(holidays.map((h) => ('date' in h ? h.date : `yearly:${h.yearly}`)));
    const added = answer.data.holidays.map(asEditable).filter((h) => !seen.has('date' in h ? h.date : `yearly:${h.yearly}`));
    setAll([...holidays, ...added]);
    setIcs({ tone: 'ok', text: t('terms.holidays.imported', { count: added.length, skipped: answer.data.skipped }) });
  }
  return (
    <fieldset className="terms-fieldset" data-testid="calendar-holidays">
      <legend className="terms-legend">{t('terms.holidays.title')}</legend>
      {holidays.length === 0 ? <p className="terms-muted">{t('terms.holidays.none')}</p> : null}
      <table className="terms-table terms-holidays">
        {holidays.length > 0 ? (
          <thead>
            <tr>
              <th scope="col">{t('terms.holidays.kind')}</th>
              <th scope="col">{t('terms.holidays.day')}</th>
              <th scope="col">{t('terms.holidays.name')}</th>
            </tr>
          </thead>
        ) : null}
        <tbody>
          {holidays.map((holiday, index) => {
            const at = [...base, 'holidays', index];
            const yearly = 'yearly' in holiday;
            const errors = [...errorsAt(editor.errors, at), ...errorsAt(editor.errors, [...at, yearly ? 'yearly' : 'date']), ...errorsAt(editor.errors, [...at, 'name'])];
            const n = index + 1;
            return (
              <tr key={index} data-testid={`holiday-${String(index)}`}>
                <td>
                  <select
                    className="terms-input"
                    aria-label={t('terms.holidays.kindOf', { n })}
                    value={yearly ? 'yearly' : 'date'}
                    onChange={(event) => {
                      const name = holiday.name === undefined ? {} : { name: holiday.name };
                      setOne(index, event.target.value === 'yearly' ? { yearly: 'date' in holiday ? holiday.date.slice(5) : holiday.yearly, ...name } : { date: `${String(Number(editor.today.slice(0, 4)) + 1)}-${'yearly' in holiday ? holiday.yearly : '01-01'}`, ...name });
                    }}
                  >
                    <option value="date">{t('terms.holidays.once')}</option>
                    <option value="yearly">{t('terms.holidays.yearly')}</option>
                  </select>
                </td>
                <td>
                  {yearly ? (
                    <input
                      className="terms-input terms-input-short"
                      aria-label={t('terms.holidays.yearlyOf', { n })}
                      aria-invalid={errors.length > 0}
                      placeholder="MM-DD"
                      value={holiday.yearly}
                      onChange={(event) => { setOne(index, { ...holiday, yearly: event.target.value }); }}
                    />
                  ) : (
                    <input
                      type="date"
                      className="terms-input"
                      aria-label={t('terms.holidays.dateOf', { n })}
                      aria-invalid={errors.length > 0}
                      value={holiday.date}
                      onChange={(event) => { setOne(index, { ...holiday, date: event.target.value }); }}
                    />
                  )}
                  {!yearly && /^\d{4}-\d{2}-\d{2}$/.test(holiday.date) ? <div className="terms-help">{localDate(holiday.date)}</div> : null}
                </td>
                <td>
                  {/* the name and the row's remove button share the cell: at 1024 px a fourth column does not fit */}
                  <div className="terms-holiday-name">
                    <input
                      className="terms-input"
                      aria-label={t('terms.holidays.nameOf', { n })}
                      value={holiday.name ?? ''}
                      onChange={(event) => {
                        const { name: _name, ...rest } = holiday;
                        setOne(index, event.target.value === '' ? (rest) : { ...holiday, name: event.target.value });
                      }}
                    />
                    <Button spacing="compact" appearance="subtle" aria-label={t('terms.holidays.remove', { n })} onClick={() => { setAll(holidays.filter((_, i) => i !== index)); }}>
                      {t('terms.removeShort')}
                    </Button>
                  </div>
                  {errors.length > 0 ? (
                    <div className="terms-error" data-testid={`field-error-${at.join('-')}`}>
                      {errors.join(' ')}
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="terms-row">
        <Button onClick={() => { setAll([...holidays, { date: `${String(Number(editor.today.slice(0, 4)) + 1)}-01-01` }]); }} testId="add-holiday">
          {t('terms.holidays.add')}
        </Button>
        <label className="terms-file">
          {t('terms.holidays.importIcs')}
          <input
            type="file"
            accept=".ics,text/calendar"
            data-testid="import-ics"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file !== undefined) void importIcs(file);
            }}
          />
        </label>
      </div>
      {ics === null ? null : (
        <div role="status" className={ics.tone === 'ok' ? 'terms-help' : 'terms-error'} data-testid="ics-result">
          {ics.text}
        </div>
      )}
    </fieldset>
  );
}

export function CalendarForm({ index }: { index: number }) {
  const { t } = useI18n();
  const editor = useEditor();
  const calendar = editor.db.calendars[index];
  if (calendar === undefined) return null;
  const base: Path = ['calendars', index];
  const inUse = editor.locks.calendars[calendar.id]?.inUse === true;
  return (
    <section className="terms-form" aria-labelledby="calendar-heading" data-testid="calendar-form">
      <h3 id="calendar-heading">{calendar.name || t('terms.untitled')}</h3>
      {inUse ? <p className="terms-help">{t('terms.calendar.inUse')}</p> : null}
      <div className="terms-grid2">
        <TextControl path={[...base, 'name']} label={t('terms.name')} />
        <TimeZoneControl path={[...base, 'timeZone']} />
      </div>
      <WeekGrid base={base} />
      <Holidays base={base} />
    </section>
  );
}
