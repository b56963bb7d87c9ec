/**
 * Issue 11 items 1, 2 and 9, in a real browser through the sandbox: the "Contract triage" queue page
 * at `/triage` (the app's `jiraServiceManagement:queuePage`, its real Custom UI bundle in a frame).
 * By day (the demo's "now", Monday 5 October 2026 09:30 Amsterdam) the running clocks come first,
 * least business time left first; at 22:00 (on Columbus Day, when Globex's New York office is closed
 * too) a bespoke 24x7 network outage raised a minute earlier is the first row, the only running
 * clock, above every office-hours request stopped for the night, however overdue; in Dutch
 * at 1024 px nothing scrolls sideways and the time-left and deadline columns stay visible, and at
 * 1440 px nothing is clipped. Each step saves a screenshot under test-results/screenshots/.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { saveScreenshot } from './support/browser';
import { actAs, normalizeText } from './support/host-pages';
import { dayMs, priorityIds } from './support/sandbox';
import { useFreshPageEachTest } from './support/session';

jest.setTimeout(240_000);

const started = useFreshPageEachTest();

const GROUPS = ['running', 'calendar', 'paused', 'no-clock'];

interface Row {
  key: string;
  group: string;
  state: string;
  left: number | null;
  text: string;
}

/** Opens /triage and waits until the app shows its ordered table (or fails with its error). */
async function openTriage(p: Page, baseUrl: string): Promise<FrameLocator> {
  await p.goto(`${baseUrl}/triage`);
  const frame = p.frameLocator('iframe[data-forge-frame]');
  await frame
    .locator('[data-testid="triage-root"][data-status="ready"], [data-testid="triage-error"]')
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async (error: unknown) => {
      const text = normalizeText(await frame.locator('body').innerText({ timeout: 2_000 }).catch(() => '(frame not readable)'));
      throw new Error(`The triage view did not finish loading; frame text: "${text.slice(0, 400)}"`, { cause: error });
    });
  if ((await frame.getByTestId('triage-error').count()) > 0) throw new Error(`The triage view failed: ${normalizeText(await frame.getByTestId('triage-error').innerText())}`);
  return frame;
}

async function readRows(frame: FrameLocator): Promise<Row[]> {
  const rows = frame.getByTestId('triage-row');
  const out: Row[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const left = await row.getAttribute('data-left');
    out.push({
      key: (await row.getAttribute('data-issue-key')) ?? '',
      group: (await row.getAttribute('data-group')) ?? '',
      state: (await row.getAttribute('data-state')) ?? '',
      left: left === null || left === '' ? null : Number(left),
      text: normalizeText(await row.innerText()),
    });
  }
  return out;
}

/** Groups in order, and business time left non-decreasing within each group. */
function expectTriageOrder(rows: readonly Row[]): void {
  for (let i = 1; i < rows.length; i += 1) {
    const a = rows[i - 1] as Row;
    const b = rows[i] as Row;
    const ga = GROUPS.indexOf(a.group);
    const gb = GROUPS.indexOf(b.group);
    expect(gb).toBeGreaterThanOrEqual(ga);
    if (ga === gb && a.left !== null && b.left !== null) expect(b.left).toBeGreaterThanOrEqual(a.left);
  }
}

/** The page and the app's frame both fit the viewport's width (no sideways scrolling). */
async function expectNoSidewaysScroll(p: Page, frame: FrameLocator): Promise<void> {
  const widths = (html: unknown) => {
    const el = html as { scrollWidth: number; clientWidth: number };
    return { scroll: el.scrollWidth, client: el.clientWidth };
  };
  const host = await p.locator('html').evaluate(widths);
  expect(host.scroll).toBeLessThanOrEqual(host.client);
  const inner = await frame.locator('html').evaluate(widths);
  expect(inner.scroll).toBeLessThanOrEqual(inner.client);
}

describe('the triage view in the sandbox (issue 11 items 1, 2, 9)', () => {
  it('by day lists running clocks first, least business time left first, and filters by customer', async () => {
    const { sbx, page: p } = started();
    await actAs(p.context(), sbx.url, sbx.users.tom);
    const frame = await openTriage(p, sbx.url);
    const rows = await readRows(frame);
    expect(rows.length).toBeGreaterThan(3);
    expectTriageOrder(rows);
    expect(rows[0]?.group).toBe('running');
    // the headings say which kind of time each column shows (item 2)
    const head = normalizeText(await frame.locator('thead').innerText());
    expect(head).toContain('Time left');
    expect(head).toContain('business time');
    expect(head).toContain('calendar time, America/New_York');
    await saveScreenshot(p, 'triage-day-en');

    await frame.getByTestId('triage-filter-customer').selectOption({ label: 'Acme Logistics' });
    await frame.locator('[data-testid="triage-root"][data-status="ready"]').waitFor();
    const acme = await readRows(frame);
    expect(acme.length).toBeGreaterThan(0);
    expect(acme.length).toBeLessThan(rows.length);
    for (const row of acme) expect(row.text).toContain('Acme Logistics');
    const jql = await frame.getByTestId('triage-jql').getAttribute('href');
    expect(decodeURIComponent(jql ?? '')).toContain('contractCustomer = "Acme Logistics"');
  });

  it('at 22:00 the running 24x7 outage is the first row, above every office-hours request stopped for the night', async () => {
    const { sbx, page: p } = started();
    // Monday 12 October 2026, 21:59 in Amsterdam: a week and 12 h 29 min after the demo's "now" (the
    // sweep runs at every five-minute slot in between). It is Columbus Day, a holiday of Globex's New
    // York office, so at 22:00 in Amsterdam (16:00 in New York) no office-hours clock counts: the
    // outage is the only running clock, as in the issue. (On an ordinary weekday a breached Globex
    // request running in New York office hours would rightly come first: breached-and-running is
    // on top.)
    await sbx.advanceClock(7 * dayMs + (12 * 60 + 29) * 60_000);
    const outage = await sbx.raiseRequest(sbx.users.uma, { requestType: 'Network problem', summary: 'Night clinic network down', priorityId: priorityIds.highest });
    const now = await sbx.advanceClock(60_000);
    expect(now.toISOString()).toBe('2026-10-12T20:00:00.000Z');
    await actAs(p.context(), sbx.url, sbx.users.tom);
    const frame = await openTriage(p, sbx.url);
    const rows = await readRows(frame);
    expectTriageOrder(rows);
    expect(rows[0]).toMatchObject({ key: outage, group: 'running', state: 'on-track', left: 14 });
    expect(rows.filter((r) => r.group === 'running').map((r) => r.key)).toEqual([outage]);
    expect(rows[0]?.text).toContain('Umbrella Health');
    expect(rows[0]?.text).toContain('14 min left');
    await expect(frame.getByTestId(`triage-24x7-${outage}`).isVisible()).resolves.toBe(true);
    await expect(frame.getByTestId(`triage-bespoke-${outage}`).isVisible()).resolves.toBe(true);
    // the office-hours requests wait for the morning (Amsterdam) or the day after the holiday (New
    // York), however overdue they are
    const stopped = rows.filter((r) => r.group === 'calendar');
    expect(stopped.length).toBeGreaterThan(1);
    expect(stopped.some((r) => r.state === 'breached')).toBe(true);
    expect(stopped.some((r) => r.text.includes('Globex'))).toBe(true);
    for (const row of stopped) expect(row.text).toContain('Counts again');
    await saveScreenshot(p, 'triage-night-22h');
  });

  it('in Dutch at 1024 px nothing scrolls sideways and the time-left and deadline columns stay visible; at 1440 px nothing is clipped', async () => {
    const { sbx, page: p } = started();
    await actAs(p.context(), sbx.url, sbx.users.sanne);
    const frame = await openTriage(p, sbx.url);
    const head = normalizeText(await frame.locator('thead').innerText());
    expect(head).toContain('Resterende tijd');
    expect(head).toContain('kantoortijd');
    expect(head).toContain('kalendertijd');
    await expectNoSidewaysScroll(p, frame);
    for (const column of ['Resterende tijd', 'Eerste reactie uiterlijk', 'Oplossing uiterlijk']) {
      const box = await frame.locator('th', { hasText: column }).boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1024);
    }
    const rows = await readRows(frame);
    expect(rows.length).toBeGreaterThan(3);
    await saveScreenshot(p, 'triage-1024-nl');

    await p.setViewportSize({ width: 1440, height: 900 });
    await expectNoSidewaysScroll(p, frame);
    const clipped = await frame.locator('td, th').evaluateAll((cells) => (cells as unknown as { scrollWidth: number; clientWidth: number }[]).filter((c) => c.scrollWidth > c.clientWidth + 1).length);
    expect(clipped).toBe(0);
    await saveScreenshot(p, 'triage-1440-nl');
  });
});
