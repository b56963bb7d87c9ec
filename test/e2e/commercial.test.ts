/**
 * Issue 14 in a real browser through the sandbox, at 1024 px wide, in English and Dutch: the review
 * page's contract value, service credits and "Export credits CSV", and the notice and renewals lists
 * (review page and dashboard gadget). Each step saves a screenshot under test-results/screenshots/.
 *
 * Issue 14.5: the credits CSV downloaded in the browser is recomputed here, to the cent, from the
 * demo's `contract-clock` properties (read straight from the emulated site, not through the app) and
 * the contract database as an admin exports it (the settings page's Export button). The recomputation
 * is this file's own: the report's counting rules for which month and service a missed request counts
 * in (`issueOutcomeOf`, the rule the report and the gadget share), then the terms of that month and
 * the credit in exact integer arithmetic — Σ percent per missed request by priority class, capped, ×
 * the monthly price, rounded half to even on minor units — without the app's credit code.
 *
 * Also the panel of a request the contract does not cover (Stark's network: billable by the hour).
 *
 * The demo (sandbox/demo): "now" is Monday 5 October 2026 09:30 Amsterdam; the page opens on Q3 2026.
 * Tom is an English agent, Sanne a Dutch agent, Ada the Dutch Jira admin and Acme's account manager.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { backupSchema } from '../../src/contract/backup';
import { clockRecordSchema } from '../../src/contract/clock-record';
import { CREDITS_CSV_COLUMNS } from '../../src/contract/compliance-api';
import { contractDatabaseSchema, type ContractDatabase } from '../../src/contract/contract-database';
import { issueOutcomeOf } from '../../src/domain/compliance';
import { savePartScreenshot, saveScreenshot } from './support/browser';
import { waitForGadgetView, waitForReport } from './support/compliance-pages';
import { actAs, normalizeText, openRequestPanel, panelFrame } from './support/host-pages';
import type { E2eSandbox } from './support/sandbox';
import { useFreshPageEachTest } from './support/session';

jest.setTimeout(120_000);

const started = useFreshPageEachTest();

// ---------------------------------------------------------------------------------------------
// The recomputation (issue 14.5)

/** A percentage as an exact integer number of hundredths of a percent (`2.5` → 250). */
function hundredths(percent: number): bigint {
  const [whole = '0', fraction = ''] = String(percent).split('.');
  if (fraction.length > 2) throw new Error(`A credit percentage with more than two decimals: ${String(percent)}`);
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** `numerator / denominator` rounded half to even (both non-negative). */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** A decimal amount of the CSV (`67.50`, `500`) in minor units, exactly. */
function minorUnits(decimal: string, digits: number): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  expect(fraction.length).toBe(digits);
  return BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction === '' ? '0' : fraction);
}

interface ExpectedCredit {
  customer: string;
  service: string;
  month: string;
  missed: number;
  /** Hundredths of a percent. */
  creditPercent: bigint;
  priceMinor: bigint;
  creditMinor: bigint;
  currency: string;
}

/** The terms pricing a customer's service in a month: the first version in force that month covering it, read on the month's first day (or the version's). */
function termsOf(db: ContractDatabase, customerId: string, serviceId: string, month: string) {
  const first = `${month}-01`;
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  for (const contract of db.contracts.filter((c) => c.customer.id === customerId)) {
    const versions = contract.versions
      .filter((v) => v.effectiveFrom <= last && (v.effectiveTo === undefined || v.effectiveTo >= first))
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (const version of versions) {
      const covered = version.coveredServices.find((c) => c.serviceId === serviceId);
      if (covered === undefined) continue;
      const on = version.effectiveFrom > first ? version.effectiveFrom : first;
      const revision = db.levels
        .find((l) => l.id === covered.levelId)
        ?.revisions.filter((r) => r.effectiveFrom <= on)
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
      const rule = covered.bespoke?.credits ?? revision?.credits;
      const price = covered.bespoke?.monthlyPrice ?? revision?.monthlyPrices[serviceId];
      if (rule === undefined) return null;
      return { contract, rule, price: price ?? null, currency: contract.currency ?? db.settings.currency };
    }
  }
  return null;
}

/** The credits of Q3 2026 from the records and the exported database, by customer × service × month. */
function expectedCredits(sbx: E2eSandbox, db: ContractDatabase): Map<string, ExpectedCredit> {
  const missed = new Map<string, { customerId: string; serviceId: string; month: string; byClass: Map<string, number> }>();
  for (const issue of sbx.sandbox.model().issues()) {
    const parsed = clockRecordSchema.safeParse(issue.properties['contract-clock']);
    if (!parsed.success) continue;
    const outcome = issueOutcomeOf(issue.id, parsed.data);
    if (outcome === null || outcome.outcome !== 'breached' || outcome.customerId === '~none' || outcome.serviceId === '~none') continue;
    if (outcome.month < '2026-07' || outcome.month > '2026-09') continue;
    const key = `${outcome.customerId}|${outcome.serviceId}|${outcome.month}`;
    const entry = missed.get(key) ?? { customerId: outcome.customerId, serviceId: outcome.serviceId, month: outcome.month, byClass: new Map<string, number>() };
    entry.byClass.set(outcome.priorityClass, (entry.byClass.get(outcome.priorityClass) ?? 0) + 1);
    missed.set(key, entry);
  }
  const out = new Map<string, ExpectedCredit>();
  for (const entry of missed.values()) {
    const terms = termsOf(db, entry.customerId, entry.serviceId, entry.month);
    if (terms === null || terms.price === null) continue;
    let sum = 0n;
    let count = 0;
    for (const [priorityClass, n] of entry.byClass) {
      count += n;
      const percent = (terms.rule.perMissedRequest as Record<string, number | undefined>)[priorityClass];
      if (percent !== undefined) sum += hundredths(percent) * BigInt(n);
    }
    const cap = hundredths(terms.rule.capPercent);
    const creditPercent = sum < cap ? sum : cap;
    const price = BigInt(terms.price);
    const serviceName = db.services.find((s) => s.id === entry.serviceId)?.name ?? entry.serviceId;
    const row: ExpectedCredit = {
      customer: terms.contract.customer.name,
      service: serviceName,
      month: entry.month,
      missed: count,
      creditPercent,
      priceMinor: price,
      // price × (hundredths of a percent) / 10 000
      creditMinor: divideHalfEven(price * creditPercent, 10_000n),
      currency: terms.currency,
    };
    out.set(`${row.customer}|${row.service}|${row.month}`, row);
  }
  return out;
}

/** Splits one line of the credits CSV (RFC 4180: quoted fields may hold commas). */
function csvLine(line: string): string[] {
  const fields: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (const match of line.matchAll(pattern)) {
    const raw = match[1] ?? '';
    fields.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (match[2] === '') break;
  }
  return fields;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '') };
}

describe('service credits', () => {
  it('exports the credits CSV that a recomputation from the records and the exported database equals to the cent (Dutch, as Ada)', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.admin);

    // The contract database as an admin exports it.
    await page.goto(`${sbx.url}/admin`);
    const admin = page.frameLocator('iframe[data-forge-frame]');
    await admin.getByTestId('tab-transfer').click();
    const backup = await download(page, () => admin.getByTestId('export-button').click());
    expect(backup.name).toMatch(/^contract-database-.*\.json$/);
    const db = contractDatabaseSchema.parse(backupSchema.parse(JSON.parse(backup.text)).database);

    await page.goto(`${sbx.url}/reports`);
    const frame = await waitForReport(page);
    expect(normalizeText(await frame.getByTestId('report-export-credits').innerText())).toBe('Servicecredits exporteren (CSV)');
    const credits = await download(page, () => frame.getByTestId('report-export-credits').click());
    expect(credits.name).toBe('service-credits-all-customers-2026-07-to-2026-09.csv');
    const lines = credits.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('customer,service,month,missed,credit_percent,monthly_price,credit_amount,currency');
    expect(lines[0]).toBe(CREDITS_CSV_COLUMNS.join(','));

    const expected = expectedCredits(sbx, db);
    // the demo has at least one month in which credits are due (issue 14.6)
    expect([...expected.values()].some((row) => row.creditMinor > 0n)).toBe(true);
    const column = (fields: string[], name: (typeof CREDITS_CSV_COLUMNS)[number]): string => fields[CREDITS_CSV_COLUMNS.indexOf(name)] ?? '';
    const exported = lines.slice(1).map(csvLine);
    expect(exported.map((fields) => `${column(fields, 'customer')}|${column(fields, 'service')}|${column(fields, 'month')}`).sort()).toEqual([...expected.keys()].sort());
    for (const fields of exported) {
      const want = expected.get(`${column(fields, 'customer')}|${column(fields, 'service')}|${column(fields, 'month')}`);
      if (want === undefined) throw new Error(`Unexpected credits row: ${fields.join(',')}`);
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency: want.currency }).resolvedOptions().maximumFractionDigits ?? 2;
      expect({
        month: column(fields, 'month'),
        missed: Number(column(fields, 'missed')),
        creditPercent: minorUnits(column(fields, 'credit_percent'), 2),
        price: minorUnits(column(fields, 'monthly_price'), digits),
        credit: minorUnits(column(fields, 'credit_amount'), digits),
        currency: column(fields, 'currency'),
      }).toEqual({ month: want.month, missed: want.missed, creditPercent: want.creditPercent, price: want.priceMinor, credit: want.creditMinor, currency: want.currency });
      expect(column(fields, 'month')).toMatch(/^\d{4}-\d{2}$/);
    }

    // The page shows the same rows, amounts in minor units on each cell, and says so in Dutch.
    const section = frame.getByTestId('report-section-credits');
    expect(normalizeText(await section.locator('h2').innerText())).toBe('Servicecredits');
    const onScreen = await frame.locator('[data-testid="report-credits"] tbody tr').count();
    expect(onScreen).toBe(exported.length);
    const total = [...expected.values()].filter((row) => row.currency === 'EUR').reduce((sum, row) => sum + row.creditMinor, 0n);
    expect(await frame.locator('[data-testid="report-credits-total"][data-currency="EUR"] td').getAttribute('data-amount-minor')).toBe(String(total));
    await frame.getByTestId('report-export-done').waitFor();
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'commercial-credits-nl');
    await savePartScreenshot(section, 'commercial-credits-section-nl');
  });

  it('shows credits due per service and month, and what each contract is worth, in English for Tom', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/reports`);
    const frame = await waitForReport(page);
    expect(normalizeText(await frame.getByTestId('report-export-credits').innerText())).toBe('Export credits CSV');

    // Acme's e-mail in August: Gold, late P2 requests at 5 % of the monthly price each (issue 14.6).
    const august = frame.locator('[data-testid="report-credits"] tbody tr[data-row="acme|email|2026-08"]');
    expect(await august.count()).toBe(1);
    const text = normalizeText(await august.innerText());
    expect(text).toContain('August 2026');
    expect(text).toContain('Gold');
    expect(text).toMatch(/× P2/);
    expect(text).toContain('€450.00');

    // Contract value per version, per month and per year: a year is twelve months.
    const values = frame.locator('[data-testid="report-contract-values"] tbody tr');
    expect(await values.count()).toBeGreaterThan(0);
    for (const row of await values.all()) {
      const cells = row.locator('td[data-amount-minor]');
      const monthly = Number(await cells.nth(0).getAttribute('data-amount-minor'));
      const yearly = Number(await cells.nth(1).getAttribute('data-amount-minor'));
      expect(yearly).toBe(monthly * 12);
    }
    await frame.getByTestId('report-section-contracts').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'commercial-contract-value-en');
    await frame.getByTestId('report-section-credits').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'commercial-credits-en');
    await savePartScreenshot(frame.getByTestId('report-section-credits'), 'commercial-credits-section-en');
    await savePartScreenshot(frame.getByTestId('report-contract-values'), 'commercial-contract-value-table-en');

    // The credits CSV of one customer is named after it.
    await frame.getByTestId('report-customer').selectOption({ label: 'Acme Logistics' });
    await frame.locator('[data-testid="report-title"]', { hasText: 'Acme Logistics' }).waitFor();
    await waitForReport(page);
    const credits = await download(page, () => frame.getByTestId('report-export-credits').click());
    expect(credits.name).toBe('service-credits-acme-2026-07-to-2026-09.csv');
    expect(credits.text.trimEnd().split('\r\n').slice(1).every((line) => line.startsWith('Acme Logistics,'))).toBe(true);
  });
});

describe('notice and renewals', () => {
  it('lists Acme in its notice period on the review page, with its account manager and the reminder', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/reports`);
    const frame = await waitForReport(page);
    const section = frame.getByTestId('report-section-renewals');
    expect(normalizeText(await section.locator('h2').innerText())).toBe('Notice and renewals, next 90 days');
    const acme = frame.locator('[data-testid="report-renewals"] tbody tr[data-contract="acme-2026"]');
    const text = normalizeText(await acme.innerText());
    expect(text).toContain('Acme Logistics');
    expect(text).toContain('in 26 days'); // notice by 31 October, from Monday 5 October
    expect(text).toContain('Ada de Boer');
    // the reminder (30 days before the notice date) is due from 1 October: sent by the demo's sweep, or due
    expect(['sent', 'due']).toContain(await acme.getAttribute('data-reminder'));
    // soonest first
    expect(await frame.locator('[data-testid="report-renewals"] tbody tr').first().getAttribute('data-contract')).toBe('acme-2026');
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'commercial-renewals-en');
    await savePartScreenshot(section, 'commercial-renewals-section-en');
  });

  it('shows contract value today and the renewals on the settings page’s overview, in Dutch for Ada (the admin)', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.admin);
    await page.goto(`${sbx.url}/admin`);
    const admin = page.frameLocator('iframe[data-forge-frame]');

    // Contract value of the version in force today, per month and per year (a year is twelve months).
    const values = admin.getByTestId('overview-contract-values');
    expect(normalizeText(await values.locator('h2').innerText())).toBe('Contractwaarde vandaag');
    const acmeValue = values.locator('tbody tr[data-contract="acme-2026"]');
    expect(normalizeText(await acmeValue.innerText())).toContain('Acme Logistics');
    const cells = acmeValue.locator('td[data-amount-minor]');
    const monthly = Number(await cells.nth(0).getAttribute('data-amount-minor'));
    expect(monthly).toBeGreaterThan(0);
    expect(Number(await cells.nth(1).getAttribute('data-amount-minor'))).toBe(monthly * 12);
    expect(normalizeText(await cells.nth(0).innerText())).toMatch(/^€ \d{1,3}(\.\d{3})*,\d{2}$/);
    // Wayne's contract ended in August: no version in force.
    expect(normalizeText(await values.locator('tbody tr[data-contract="wayne-2025"]').innerText())).toContain('Geen versie geldig op');

    // Acme in its notice period: notice by 31 October, with its account manager and the reminder.
    const renewals = admin.getByTestId('overview-renewals');
    expect(normalizeText(await renewals.locator('h2').innerText())).toBe('Opzegging en verlenging, komende 90 dagen');
    const acme = admin.locator('[data-testid="overview-renewals-table"] tbody tr[data-contract="acme-2026"]');
    const text = normalizeText(await acme.innerText());
    expect(text).toContain('over 26 dagen');
    expect(text).toContain('Ada de Boer');
    expect(await acme.locator('td[data-amount-minor]').getAttribute('data-amount-minor')).toBe(String(monthly));
    expect(['sent', 'due']).toContain(await acme.getAttribute('data-reminder'));
    await values.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'commercial-admin-overview-nl');
    await savePartScreenshot(values, 'commercial-admin-values-nl');
    await savePartScreenshot(renewals, 'commercial-admin-renewals-nl');
  });

  it('shows the renewals in the dashboard gadget, in Dutch for Sanne, each a link to the customer’s requests', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.sanne);
    await page.goto(`${sbx.url}/dashboard`);
    const frame = await waitForGadgetView(page, '10001');
    expect(normalizeText(await frame.locator('#gadget-renewals-heading').innerText())).toBe('Opzegging en verlenging, komende 90 dagen');
    const acme = frame.locator('[data-testid="gadget-renewals"] li[data-contract="acme-2026"]');
    const text = normalizeText(await acme.innerText());
    expect(text).toContain('opzeggen uiterlijk 31 okt 2026 (over 26 dagen)');
    expect(text).toMatch(/per maand/);
    await acme.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'commercial-gadget-renewals-nl');
    await savePartScreenshot(frame.getByTestId('gadget-renewals'), 'commercial-gadget-renewals-list-nl');

    await frame.getByTestId('gadget-renewal-acme-2026').click();
    await page.waitForURL(/\/issues\/\?jql=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('jql') ?? '')).toBe('contractCustomer = "Acme Logistics" ORDER BY created DESC');
  });

  it('shows the renewals in the gadget in English for Tom', async () => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users.tom);
    await page.goto(`${sbx.url}/dashboard`);
    const frame = await waitForGadgetView(page, '10001');
    const list = frame.getByTestId('gadget-renewals');
    expect(normalizeText(await list.locator('li[data-contract="acme-2026"]').innerText())).toContain('notice by Oct 31, 2026 (in 26 days)');
    await list.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'commercial-gadget-renewals-en');
  });
});

describe('a request the contract does not cover', () => {
  /** A Stark network request: its contract does not cover the network (reason in the record). */
  function starkNetworkRequest(sbx: E2eSandbox): string {
    for (const issue of sbx.sandbox.model().issues()) {
      const parsed = clockRecordSchema.safeParse(issue.properties['contract-clock']);
      if (!parsed.success || parsed.data.uncovered === null) continue;
      const rejected = parsed.data.uncovered.explanation.some((step) => step.kind === 'contract-rejected' && step.reason === 'service-not-covered' && step.contract.id === 'stark-basis');
      if (rejected) return issue.key;
    }
    throw new Error('The demo has no Stark network request.');
  }

  it.each([
    ['tom', 'Not covered by the contract: billable at €85.00 per hour', 'en'],
    ['sanne', 'Niet gedekt door het contract: factureerbaar tegen € 85,00 per uur', 'nl'],
  ] as const)('shows %s what it is billable at, in the agent’s language', async (agent, title, language) => {
    const { sbx, page } = started();
    await actAs(page.context(), sbx.url, sbx.users[agent]);
    const key = starkNetworkRequest(sbx);
    const panel = await openRequestPanel(page, sbx.url, key);
    expect(panel.state).toBe('uncovered');
    const notice = panelFrame(page).getByTestId('panel-uncovered');
    expect(normalizeText(await notice.innerText())).toContain(title);
    expect(normalizeText(await notice.innerText())).toContain('Stark Manufacturing — basis');
    await saveScreenshot(page, `commercial-panel-out-of-contract-${language}`);
  });
});
