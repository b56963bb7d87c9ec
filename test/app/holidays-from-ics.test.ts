/**
 * Holidays from an iCalendar file (issue 12.1), read with ical.js: all-day events are named holidays
 * (one per day), a yearly repeating one a yearly holiday, timed events are skipped, and a file that is
 * no iCalendar is refused with a clear message — also through the admin resolver.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { holidaysFromIcs } from '../../src/app/holidays-from-ics';
import { calendarDefinitionSchema } from '../../src/contract/calendar';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createHarness } from './app-harness';

const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'ics', 'dutch-holidays-2027.ics'), 'utf8');

describe('holidays from an .ics file', () => {
  it('reads all-day events as named holidays, a yearly one as yearly, and skips timed events', () => {
    const read = holidaysFromIcs(text);
    expect(read).toEqual({
      ok: true,
      holidays: [
        { date: '2027-04-27', name: 'Koningsdag' },
        { date: '2026-12-25', name: 'Kerstmis' },
        { date: '2026-12-26', name: 'Kerstmis' },
        { yearly: '01-01', name: 'Nieuwjaarsdag' },
      ],
      skipped: 1,
    });
    if (!read.ok) return;
    // What it reads is what the calendar schema accepts.
    expect(calendarDefinitionSchema.safeParse({ timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] }, holidays: read.holidays }).success).toBe(true);
  });

  it('refuses a file that is not iCalendar', () => {
    expect(holidaysFromIcs('name,date\nChristmas,2026-12-25')).toMatchObject({ ok: false, message: expect.stringMatching(/not an iCalendar file/) });
  });

  it('answers admin/parse-ics for admins, and names the field of a bad file', async () => {
    const h = await createHarness();
    const definitions = createAdminResolver(h.deps);
    const invoke = (payload: unknown, accountId = h.site.users.admin.accountId) =>
      definitions({ call: { functionKey: 'admin/parse-ics', payload }, context: { moduleKey: 'm', extension: { type: 'jira:adminPage' } } }, { principal: { accountId } } as never);
    expect(await invoke({ text })).toMatchObject({ ok: true, data: { skipped: 1, holidays: expect.arrayContaining([{ yearly: '01-01', name: 'Nieuwjaarsdag' }]) } });
    expect(await invoke({ text: 'garbage' })).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { text: [expect.stringMatching(/not an iCalendar/)] } } });
    expect(await invoke({ text }, h.site.users.sanne.accountId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
