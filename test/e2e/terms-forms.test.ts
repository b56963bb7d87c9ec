/**
 * Issue 12 §11, in a real browser through the sandbox at 1024 px wide: the terms forms (the app's
 * Configure page, /admin/configure). As Ada (the Dutch Jira admin): a calendar with a split day and
 * a holiday, a new service level "Platinum" (P1 in 30m), a bespoke contract for Hooli Labs (the demo
 * customer without a contract), the preview of its deadline, the save, then a request raised by
 * Henk of Hooli Labs gets the deadline those terms give; an invalid entry per form shows its error
 * at the field and keeps Save disabled; a new version from a date; the audit log entry. In English
 * (an English admin): the level form's terms in force offered as new terms from a date, and the way
 * from the settings page to the forms. Each step saves a screenshot under test-results/screenshots/.
 *
 * The demo's "now" is Monday 5 October 2026 09:30 Amsterdam, the clock frozen: a P3 request with a
 * 3 h target in a calendar of 08:00–12:00 and 13:00–17:00 is due at 13:30.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { saveScreenshot } from './support/browser';
import { actAs, normalizeText, openRequestPanel, waitForReloadAfter } from './support/host-pages';
import { priorityIds } from './support/sandbox';
import { useFreshPageEachTest } from './support/session';

jest.setTimeout(180_000);

const started = useFreshPageEachTest();

/** Opens the forms and waits until the draft's first check answered. */
async function openForms(p: Page, baseUrl: string): Promise<FrameLocator> {
  await p.goto(`${baseUrl}/admin/configure`);
  const forms = p.frameLocator('iframe[data-forge-frame]');
  await forms.locator('[data-testid="terms-root"][data-status="ready"]').waitFor({ timeout: 60_000 });
  await settled(forms);
  return forms;
}

/** Waits until the check of the latest edit answered (the status leaves "checking"). */
async function settled(forms: FrameLocator): Promise<void> {
  // the check is debounced (500 ms): give it time to start before waiting for its answer
  await forms.locator('body').page().waitForTimeout(700);
  await forms.locator('[data-testid="check-status"][data-checking="false"]').waitFor({ timeout: 30_000 });
}

async function errorCount(forms: FrameLocator): Promise<number> {
  return Number(await forms.getByTestId('check-status').getAttribute('data-errors'));
}

it('creates a split-day calendar, a Platinum level and a bespoke contract in forms, previews and saves them, and a request gets that deadline (nl)', async () => {
  const { sbx, page: p } = started();
  await actAs(p.context(), sbx.url, sbx.users.admin);
  let forms = await openForms(p, sbx.url);
  expect(normalizeText(await forms.locator('h1').innerText())).toBe('Contractvoorwaarden');
  expect(await errorCount(forms)).toBe(0);

  // ---- Calendar: a split day copied to the weekdays, and a named holiday
  await forms.getByTestId('add-calendars').click();
  await forms.getByLabel('Naam', { exact: true }).fill('Polder split day');
  await forms.getByLabel('maandag, periode 1: van').fill('08:00');
  await forms.getByLabel('maandag, periode 1: tot').fill('12:00');
  await forms.getByTestId('add-interval-mon').click();
  await forms.getByLabel('maandag, periode 2: van').fill('13:00');
  await forms.getByLabel('maandag, periode 2: tot').fill('17:00');
  await forms.getByTestId('copy-weekdays-mon').click();
  expect(await forms.getByTestId('day-fri').locator('input').count()).toBe(4);
  await forms.getByTestId('add-holiday').click();
  await forms.getByLabel('Feestdag 1: datum').fill('2027-01-01');
  await forms.getByLabel('Feestdag 1: naam').fill('Nieuwjaarsdag');
  // invalid: an unknown time zone is refused at its field, in Dutch, and Save stays disabled
  await forms.getByLabel('Tijdzone').fill('Mars/Olympus');
  await settled(forms);
  const zoneError = forms.locator('[data-testid$="-timeZone"][data-testid^="field-error-calendars-"]');
  await zoneError.waitFor();
  expect(await forms.getByTestId('save').isDisabled()).toBe(true);
  await saveScreenshot(p, 'terms-forms-calendar-invalid-zone');
  await forms.getByLabel('Tijdzone').fill('Europe/Amsterdam');
  await settled(forms);
  expect(await zoneError.count()).toBe(0);
  await saveScreenshot(p, 'terms-forms-calendar-split-day');

  // ---- Service level "Platinum": P1 in 30m, counted in the split-day calendar
  await forms.getByTestId('tab-levels').click();
  await forms.getByTestId('add-levels').click();
  await forms.getByLabel('Naam', { exact: true }).fill('Platinum');
  await forms.getByLabel('Kalender', { exact: true }).selectOption({ label: 'Polder split day' });
  await forms.getByLabel('P1 oplossing').fill('30m');
  await forms.getByLabel('P3 oplossing').fill('1d');
  expect(normalizeText(await forms.getByTestId('target-P3').innerText())).toMatch(/8 u|8 uur/);
  expect(normalizeText(await forms.getByTestId('business-day-note').innerText())).toContain('Polder split day');
  // invalid: a target that is no duration is refused at the field, before anything is sent
  await forms.getByLabel('P2 oplossing').fill('straks');
  await forms.locator('[data-testid$="-targets-P2-resolutionMinutes"][data-testid^="field-error-levels-"]').waitFor();
  expect(normalizeText(await forms.getByTestId('target-P2').innerText())).toContain('Typ een tijd zoals 30m, 1h 30m of 3d.');
  expect(await forms.getByTestId('save').isDisabled()).toBe(true);
  await saveScreenshot(p, 'terms-forms-level-invalid-target');
  await forms.getByLabel('P2 oplossing').fill('2h');
  await settled(forms);
  await saveScreenshot(p, 'terms-forms-level-platinum');

  // ---- A bespoke contract for Hooli Labs: Platinum on e-mail, P3 in 3h
  await forms.getByTestId('tab-contracts').click();
  await forms.getByTestId('add-contracts').click();
  await forms.getByLabel('Naam van het contract').fill('Hooli Support');
  await forms.getByLabel('Naam van de klant').fill('Hooli Labs');
  await settled(forms);
  // invalid: a customer without organizations
  await forms.locator('[data-testid$="-customer-organizationIds"][data-testid^="field-error-contracts-"]').waitFor();
  await saveScreenshot(p, 'terms-forms-contract-invalid-organizations');
  await forms.getByTestId('pick-organizations').getByLabel('Hooli Labs').check();
  const covered = forms.getByTestId('covered-0');
  await covered.getByLabel('Dienst', { exact: true }).selectOption({ label: 'E-mail' });
  await covered.getByLabel('Serviceniveau', { exact: true }).selectOption({ label: 'Platinum' });
  await forms.getByTestId('bespoke-0').check();
  await forms.getByTestId('override-P3').click();
  await forms.getByLabel('P3 oplossing').fill('3h');
  await settled(forms);
  expect(await errorCount(forms)).toBe(0);
  await saveScreenshot(p, 'terms-forms-contract-bespoke');

  // ---- Preview before saving: the deadline and the explanation trail
  await forms.getByTestId('tab-preview').click();
  await forms.getByTestId('example-contract').selectOption({ label: 'Hooli Labs — Hooli Support' });
  await forms.getByTestId('example-service').selectOption({ label: 'E-mail' });
  await forms.getByTestId('example-priority').selectOption('Medium');
  await settled(forms);
  const sentence = normalizeText(await forms.getByTestId('preview-sentence').innerText());
  expect(sentence).toContain('Hooli Labs');
  expect(sentence).toContain('13:30');
  expect(sentence).toContain('Europe/Amsterdam');
  const explanation = normalizeText(await forms.getByTestId('preview-explanation').innerText());
  expect(explanation).toContain('Platinum');
  expect(normalizeText(await forms.getByTestId('preview-changes').innerText())).toContain('Platinum');
  await saveScreenshot(p, 'terms-forms-preview');

  // ---- Save
  await forms.getByTestId('save').click();
  await forms.locator('[data-testid="save-result"][data-appearance="success"]').waitFor();
  await saveScreenshot(p, 'terms-forms-saved');

  // ---- A request raised by Henk of Hooli Labs gets the deadline those terms give
  const key = await sbx.raiseRequest(sbx.users.henk, { requestType: 'E-mail problem', summary: 'Mail stopt steeds', priorityId: priorityIds.medium });
  const panel = await openRequestPanel(p, sbx.url, key);
  expect(`${panel.deadlineAgent ?? ''} ${panel.deadlineContract ?? ''}`).toContain('13:30');
  expect(panel.text).toContain('Platinum');
  await saveScreenshot(p, 'terms-forms-request-deadline');

  // ---- The version is in force now: changing it is offered as a new version from a date
  forms = await openForms(p, sbx.url);
  await forms.getByTestId('tab-contracts').click();
  await forms.getByRole('button', { name: 'Hooli Labs — Hooli Support' }).click();
  await forms.getByTestId('new-version').waitFor();
  expect(await forms.getByTestId('version-fields').locator('input').first().isDisabled()).toBe(true);
  await forms.getByTestId('new-version').locator('input[type="date"]').fill('2026-11-01');
  await forms.getByTestId('new-version-create').click();
  await forms.getByTestId('version-2').waitFor();
  await forms.getByTestId('covered-0').getByLabel('Serviceniveau', { exact: true }).selectOption({ label: 'Gold' });
  await settled(forms);
  expect(await errorCount(forms)).toBe(0);
  await saveScreenshot(p, 'terms-forms-new-version');
  await forms.getByTestId('save').click();
  await forms.locator('[data-testid="save-result"][data-appearance="success"]').waitFor();

  // ---- The audit log: who changed what
  await forms.getByTestId('tab-history').click();
  const log = forms.getByTestId('audit-log');
  await log.waitFor();
  const entries = await log.locator(':scope > li').all();
  expect(entries.length).toBeGreaterThanOrEqual(2);
  const newest = normalizeText(await entries[0]!.innerText());
  expect(newest).toContain(sbx.users.admin.accountId);
  expect(newest).toMatch(/Hooli/);
  await saveScreenshot(p, 'terms-forms-audit-log');
});

it('offers terms in force as new terms from a date, and leads from the settings page to the forms (en)', async () => {
  const { sbx, page: p } = started();
  const eve = sbx.sandbox.model().addUser({ displayName: 'Eve Admin', emailAddress: 'eve@polder-it.example', role: 'admin', timeZone: 'Europe/London', locale: 'en_GB' });
  await actAs(p.context(), sbx.url, eve);
  await p.goto(`${sbx.url}/admin`);
  // a new admin first allows the app to act on their behalf (the host's consent prompt)
  const prompt = p.getByTestId('consent-prompt');
  await prompt.waitFor({ timeout: 30_000 });
  await waitForReloadAfter(p, () => prompt.getByTestId('consent-allow').click());
  const admin = p.frameLocator('iframe[data-forge-frame]');
  await admin.getByTestId('overview-forms').waitFor({ timeout: 60_000 });
  await saveScreenshot(p, 'terms-forms-en-overview-link');
  await Promise.all([p.waitForURL(/\/admin\/configure$/), admin.getByTestId('overview-open-forms').click()]);
  const forms = p.frameLocator('iframe[data-forge-frame]');
  await forms.locator('[data-testid="terms-root"][data-status="ready"]').waitFor({ timeout: 60_000 });
  await settled(forms);
  expect(normalizeText(await forms.locator('h1').innerText())).toBe('Contract terms');
  await forms.getByTestId('tab-levels').click();
  await forms.getByRole('button', { name: 'Gold', exact: true }).click();
  // the earliest of Gold's dated terms is in force (a later one may still be editable)
  await forms.locator('[data-testid^="revision-"]').first().click();
  await forms.getByTestId('new-revision').waitFor();
  expect(normalizeText(await forms.getByTestId('new-revision').innerText())).toContain('Requests already used these terms');
  expect(normalizeText(await forms.getByTestId('business-day-note').innerText())).toContain('where a day (d) is this calendar’s business day');
  await saveScreenshot(p, 'terms-forms-en-level-in-force');
  // the service catalogue's pickers list the site's request types, components and labels by name
  await forms.getByTestId('tab-services').click();
  expect(normalizeText(await forms.getByTestId('pick-request-types').innerText())).toContain('E-mail problem');
  await saveScreenshot(p, 'terms-forms-en-services');
});
