/**
 * Issue 8 §6, in a real browser through the sandbox, at 1024 px wide: the dashboard's compliance
 * gadgets (view, dark theme, Dutch), configuring one gadget in its edit view, the open-now links into
 * the issue navigator, the "Contract reviews" page (English and Dutch, another customer), its CSV
 * download and its A4 print view, and the "last reconciled" line after an admin rebuilds. Each step
 * saves a screenshot under test-results/screenshots/.
 *
 * The numbers on screen are checked against the demo's `contract-clock` records read straight from
 * the emulated site (not through the app), so a wrong aggregate or a wrong format would fail here.
 * The demo (sandbox/demo): the previous full quarter (Q3 2026) and the start of Q4; "now" is Monday
 * 5 October 2026 09:30 Amsterdam, the clock frozen. Tom is an English agent (New York), Sanne a
 * Dutch one, Ada the (Dutch) Jira admin.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { CSV_COLUMNS } from '../../src/contract/compliance-api';
import { clockRecordSchema, type ClockRecord } from '../../src/contract/clock-record';
import { issueOutcomeOf } from '../../src/domain/compliance';
import { saveScreenshot, screenshotDir } from './support/browser';
import { readGadget, waitForGadgetView, waitForReport } from './support/compliance-pages';
import { actAs, normalizeText, waitForReloadAfter } from './support/host-pages';
import type { E2eSandbox } from './support/sandbox';
import { useFreshPageEachTest } from './support/session';

jest.setTimeout(120_000);

const started = useFreshPageEachTest();

/** The demo's records, read from the emulated site's issue properties (not through the app). */
function demoRecords(sbx: E2eSandbox): { id: string; key: string; record: ClockRecord }[] {
  return sbx.sandbox
    .model()
    .issues()
    .flatMap((issue) => {
      const parsed = clockRecordSchema.safeParse(issue.properties['contract-clock']);
      return parsed.success ? [{ id: issue.id, key: issue.key, record: parsed.data }] : [];
    });
}

/** Met and missed of the requests resolved in Q3 2026 under contract terms, by the counting rules. */
function q3Counts(sbx: E2eSandbox, levels?: readonly string[]): { met: number; missed: number } {
  let met = 0;
  let missed = 0;
  for (const { id, record } of demoRecords(sbx)) {
    const outcome = issueOutcomeOf(id, record);
    if (outcome === null || outcome.customerId === '~none' || outcome.month < '2026-07' || outcome.month > '2026-09') continue;
    if (levels !== undefined && !levels.includes(outcome.levelId)) continue;
    if (outcome.outcome === 'met') met += 1;
    else missed += 1;
  }
  return { met, missed };
}

const printLayoutSchema = z.object({ pageSize: z.string().nullable(), sections: z.array(z.string()), controls: z.string(), trendTable: z.string() });

function openCount(sbx: E2eSandbox, state: string): number {
  return demoRecords(sbx).filter(({ record }) => record.state === state).length;
}

async function setTheme(page: Page, url: string, colorMode: 'light' | 'dark'): Promise<void> {
  await page.context().addCookies([{ name: 'sandbox-theme', value: colorMode, url }]);
}

describe('the dashboard gadget', () => {
  it('shows the last quarter for every customer: on time, Gold agreements, open now, worst breaches, the trend', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/`);
    await page.getByRole('link', { name: 'Dashboards' }).click();
    await page.waitForURL(`${sbx.url}/dashboard`);
    const gadget = await readGadget(page, '10001');
    const { met, missed } = q3Counts(sbx);
    expect(gadget.scope).toBe('All customers — Q3 2026');
    expect(gadget.onTime).toBe(`${((met / (met + missed)) * 100).toFixed(1)}%`);
    const gold = q3Counts(sbx, ['gold', 'gold-ny']);
    expect(gold.missed).toBeGreaterThan(0);
    // at least one customer's Gold agreement was not met in the demo quarter
    expect(gadget.gold).toBe(`No (${gold.missed} missed)`);
    expect(gadget.customers.some((row) => row.includes('No ('))).toBe(true);
    expect(gadget.open).toEqual({
      running: openCount(sbx, 'running'),
      paused: openCount(sbx, 'paused'),
      'at-risk': openCount(sbx, 'at-risk'),
      breached: openCount(sbx, 'breached'),
    });
    expect(gadget.worstBreaches).toHaveLength(5);
    const frame = await waitForGadgetView(page, '10001');
    expect(await frame.getByTestId('gadget-trend-bar').count()).toBe(6); // resolution and response, 3 months
    // the accessible alternative: the same trend as a table
    await frame.getByTestId('gadget-trend-toggle').click();
    await expect(frame.getByTestId('gadget-trend-table').locator('tbody tr').count()).resolves.toBe(3);
    await frame.getByTestId('gadget-breakdown-priorityClass').click();
    expect(normalizeText(await frame.getByTestId('gadget-breakdown').innerText())).toContain('P1');
    // the second gadget keeps its own settings: Acme, this quarter
    expect((await readGadget(page, '10002')).scope).toBe('Acme Logistics — Q4 2026');
    await saveScreenshot(page, 'compliance-gadget-en');
  });

  it('opens the matching JQL search in the issue navigator from an open-now count', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/dashboard`);
    const frame = await waitForGadgetView(page, '10001');
    const breached = openCount(sbx, 'breached');
    await frame.getByTestId('gadget-open-breached').click();
    await page.waitForURL(/\/issues\/\?jql=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('jql') ?? '')).toBe('contractState = "breached" ORDER BY contractDeadline ASC');
    expect(normalizeText(await page.getByTestId('jql-total').innerText())).toBe(`${breached} ${breached === 1 ? 'work item' : 'work items'}`);
    await saveScreenshot(page, 'compliance-issue-navigator');
    // and a worst breach opens its request
    await page.goto(`${sbx.url}/dashboard`);
    const again = await waitForGadgetView(page, '10001');
    const first = again.locator('[data-testid="gadget-worst"] li').first();
    const key = (await first.getAttribute('data-issue-key')) ?? '';
    await first.getByRole('link', { name: key }).click();
    await page.waitForURL(`${sbx.url}/browse/${key}`);
  });

  it('speaks Dutch to Sanne, in the dark theme', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.sanne);
    await setTheme(page, sbx.url, 'dark');
    await page.goto(`${sbx.url}/dashboard`);
    const gadget = await readGadget(page, '10001');
    expect(gadget.scope).toBe('Alle klanten — K3 2026');
    expect(gadget.text).toContain('Alle Gold-afspraken gehaald');
    expect(gadget.text).toContain('Nu open');
    expect(gadget.onTime).toMatch(/^\d{2},\d%$/);
    expect(await page.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await saveScreenshot(page, 'compliance-gadget-nl-dark');
  });

  it('is configured per gadget in its edit view: another customer and period, saved for that gadget only', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/dashboard`);
    await waitForGadgetView(page, '10001');
    await page.locator('[data-gadget-id="10001"]').getByTestId('gadget-edit-button').click();
    await page.waitForURL(`${sbx.url}/dashboard?edit=10001`);
    const edit = page.frameLocator('[data-gadget-id="10001"] iframe');
    await edit.getByTestId('gadget-edit').waitFor();
    await edit.getByTestId('gadget-edit-customer').selectOption({ label: 'Globex Retail' });
    await edit.getByTestId('gadget-edit-period-preset').selectOption('custom');
    await edit.getByTestId('gadget-edit-period-from').fill('2026-09');
    await edit.getByTestId('gadget-edit-period-to').fill('2026-07');
    await expect(edit.getByTestId('field-error-period').innerText()).resolves.toContain('before the first month');
    expect(await edit.getByTestId('gadget-edit-save').isDisabled()).toBe(true);
    await edit.getByTestId('gadget-edit-period-from').fill('2026-08');
    await edit.getByTestId('gadget-edit-period-to').fill('2026-09');
    await edit.getByTestId('gadget-edit-level').selectOption({ label: 'Gold (New York)' });
    await saveScreenshot(page, 'compliance-gadget-edit');
    await waitForReloadAfter(page, () => edit.getByTestId('gadget-edit-save').click());
    expect(page.url()).toBe(`${sbx.url}/dashboard`);
    const configured = await readGadget(page, '10001');
    expect(configured.scope).toBe('Globex Retail · Gold (New York) — Aug 2026 – Sep 2026');
    expect(configured.customers).toHaveLength(1);
    expect(configured.customers[0]).toContain('Globex Retail');
    expect((await readGadget(page, '10002')).scope).toBe('Acme Logistics — Q4 2026');
    await saveScreenshot(page, 'compliance-gadget-configured');
    // the configuration is Jira's, per gadget: it survives a reload
    await page.reload();
    expect((await readGadget(page, '10001')).scope).toBe('Globex Retail · Gold (New York) — Aug 2026 – Sep 2026');
  });

  it('says clearly when nothing was resolved in its period', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    // as the edit view would save it: a year before the demo's history
    const saved = await fetch(`${sbx.url}/sandbox/api/gadget-configuration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(sbx.users.tom.accountId)}` },
      body: JSON.stringify({ gadgetId: '10002', configuration: { customerId: 'acme', period: { kind: 'preset', preset: 'last-year' } } }),
    });
    expect(saved.status).toBe(200);
    await page.goto(`${sbx.url}/dashboard`);
    const frame = await waitForGadgetView(page, '10002');
    expect(normalizeText(await frame.getByTestId('gadget-empty').innerText())).toContain('No requests resolved in 2025');
    expect(await frame.getByTestId('gadget-customers').count()).toBe(0);
    await saveScreenshot(page, 'compliance-gadget-empty');
  });
});

describe('the review report', () => {
  it('opens from the top navigation on the last full quarter for every customer, and narrows to one', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/`);
    await page.getByTestId('nav-reports').click();
    await page.waitForURL(`${sbx.url}/reports`);
    const frame = await waitForReport(page);
    expect(normalizeText(await frame.getByTestId('report-title').innerText())).toBe('Contract review: All customers, Q3 2026');
    for (const section of ['summary', 'levels', 'contracts', 'volume', 'trend', 'missed', 'uncovered']) {
      expect(await frame.getByTestId(`report-section-${section}`).count()).toBe(1);
    }
    const { met, missed } = q3Counts(sbx);
    expect(normalizeText(await frame.getByTestId('report-on-time-value').innerText())).toBe(`${((met / (met + missed)) * 100).toFixed(1)}%`);
    expect(await frame.locator('[data-testid="report-missed"] tbody tr').count()).toBe(missed);
    // the bespoke contract is marked
    expect(await frame.getByTestId('report-contract-umbrella-maatwerk').getByTestId('bespoke-mark').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'compliance-report-en');

    await frame.getByTestId('report-customer').selectOption({ label: 'Acme Logistics' });
    await frame.locator('[data-testid="report-title"]', { hasText: 'Acme Logistics' }).waitFor();
    await waitForReport(page);
    expect(await frame.getByTestId('report-section-uncovered').count()).toBe(0);
    expect(await frame.locator('.cc-report-contract').count()).toBe(1);
    expect(await frame.getByTestId('report-contract-acme-2026').count()).toBe(1);
    await frame.getByTestId('report-period-preset').selectOption('this-year');
    await frame.locator('[data-testid="report-title"]', { hasText: '2026' }).waitFor();
    expect(normalizeText(await frame.getByTestId('report-title').innerText())).toBe('Contract review: Acme Logistics, 2026');
  });

  it('reads in Dutch for Sanne', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.sanne);
    await page.goto(`${sbx.url}/reports`);
    const frame = await waitForReport(page);
    expect(normalizeText(await frame.getByTestId('report-title').innerText())).toBe('Contractreview: Alle klanten, K3 2026');
    expect(normalizeText(await frame.getByTestId('report-export-csv').innerText())).toBe('CSV exporteren');
    expect(normalizeText(await frame.getByTestId('report-section-missed').innerText())).toContain('Gemiste verzoeken');
    await saveScreenshot(page, 'compliance-report-nl');
  });

  it('downloads the CSV with the issue’s columns, one row per customer × service × level × priority class', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/reports`);
    const frame = await waitForReport(page);
    const rowsOnScreen = await frame.locator('[data-testid="report-volume"] tbody tr').count();
    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByTestId('report-export-csv').click()]);
    expect(download.suggestedFilename()).toBe('contract-review-all-customers-2026-07-to-2026-09.csv');
    const file = await download.path();
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(rowsOnScreen + 1);
    const { met, missed } = q3Counts(sbx);
    const columns = (line: string) => line.split(',');
    const index = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const sum = (name: (typeof CSV_COLUMNS)[number]) => lines.slice(1).reduce((total, line) => total + Number(columns(line)[index(name)]), 0);
    expect([sum('met'), sum('missed'), sum('resolved')]).toEqual([met, missed, met + missed]);
    expect(lines.slice(1).every((line) => columns(line)[index('period_start')] === '2026-07-01' && columns(line)[index('period_end')] === '2026-09-30')).toBe(true);
    await frame.getByTestId('report-export-done').waitFor();
    await saveScreenshot(page, 'compliance-report-csv-exported');
  });

  it('prints on A4: the Print button opens the print dialog, sections start a page, controls stay off paper', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/reports`);
    const frame = await waitForReport(page);
    const app = page.frames().find((f) => f.url().includes('/sandbox/frames/reports/'));
    if (app === undefined) throw new Error('The review page frame is not on the page.');
    // Browser code as text: the tests are type-checked without the DOM library.
    await app.evaluate('window.printed = 0; window.print = () => { window.printed += 1; };');
    await frame.getByTestId('report-print').click();
    expect(await app.evaluate('window.printed')).toBe(1);

    await page.emulateMedia({ media: 'print' });
    const layout = printLayoutSchema.parse(
      await app.evaluate(`(() => {
        const pageRule = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).find((rule) => rule instanceof CSSPageRule);
        const display = (selector) => getComputedStyle(document.querySelector(selector)).display;
        return {
          pageSize: pageRule === undefined ? null : pageRule.style.getPropertyValue('size'),
          sections: [...document.querySelectorAll('.cc-report-section')].map((s) => getComputedStyle(s).breakBefore),
          controls: display('header.cc-no-print'),
          trendTable: display('[data-testid="report-trend-table"]'),
        };
      })()`),
    );
    expect(layout.pageSize?.toUpperCase()).toBe('A4');
    expect(layout.sections[0]).toBe('auto');
    expect(layout.sections.slice(1).every((value) => value === 'page')).toBe(true);
    expect(layout.controls).toBe('none');
    expect(layout.trendTable).toBe('table');
    await saveScreenshot(page, 'compliance-report-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: path.join(screenshotDir, '..', 'compliance-report.pdf') });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(5);
    await page.emulateMedia({ media: 'screen' });
  });

  it('says when the figures were last reconciled, after an admin rebuilds them', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.admin);
    await page.goto(`${sbx.url}/reports`);
    let frame = await waitForReport(page);
    // the demo's history was reconciled once when it was generated (the sweep starts a reconciliation
    // when an install has nothing of the old storage format left), at the start of the quarter
    const before = normalizeText(await frame.getByTestId('report-reconciled').innerText());
    expect(before).toMatch(/^Cijfers laatst afgestemd met de verzoeken op .* jul 2026/);
    await page.goto(`${sbx.url}/admin`);
    const admin = page.frameLocator('iframe[data-forge-frame]');
    await admin.getByTestId('tab-maintenance').click();
    await admin.getByTestId('rebuild-button').click();
    await admin.getByTestId('rebuild-confirm-button').click();
    await admin.locator('[data-testid="admin-maintenance"] [data-testid="admin-result"][data-appearance]').waitFor();
    await fetch(`${sbx.url}/sandbox/api/settle`, { method: 'POST' });
    await page.goto(`${sbx.url}/reports`);
    frame = await waitForReport(page);
    // now: the demo's "today", 5 October 2026
    expect(normalizeText(await frame.getByTestId('report-reconciled').innerText())).toMatch(/^Cijfers laatst afgestemd met de verzoeken op .* okt 2026/);
    // the rebuild reconciles to exactly the same figures
    const { met, missed } = q3Counts(sbx);
    expect(normalizeText(await frame.getByTestId('report-on-time-value').innerText())).toBe(`${((met / (met + missed)) * 100).toFixed(1).replace('.', ',')}%`);
    await saveScreenshot(page, 'compliance-report-reconciled');
  });
});
