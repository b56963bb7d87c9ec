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
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { launchBrowser, saveScreenshot } from './support/browser';
import { actAs, normalizeText, openPage, openRequestPanel, waitForReloadAfter } from './support/host-pages';
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

/** The forms' frame itself, to ask it which element has the keyboard focus. */
async function formsFrame(p: Page): Promise<Frame> {
  const frame = await (await p.locator('iframe[data-forge-frame]').elementHandle()).contentFrame();
  if (frame === null) throw new Error('the forms frame is not there');
  return frame;
}

const focusSchema = z.object({ inFrame: z.boolean(), testId: z.string().nullable(), label: z.string().nullable(), text: z.string(), focusVisible: z.boolean() });
type Focus = z.infer<typeof focusSchema>;

/** Evaluated in the frame (a string: the tests compile without the DOM's types). */
const readFocus = `(() => {
  const el = document.activeElement;
  if (el === null || el === document.body) return { inFrame: false, testId: null, label: null, text: '', focusVisible: false };
  const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? null;
  return { inFrame: true, testId: el.getAttribute('data-testid'), label: label === null || label === undefined ? null : label.trim(), text: (el.textContent ?? '').trim(), focusVisible: el.matches(':focus-visible') };
})()`;

/** The focused element of the frame: its test id, its label, its text and whether its focus ring shows. */
async function focused(frame: Frame): Promise<Focus> {
  return focusSchema.parse(await frame.evaluate(readFocus));
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element is the one wanted, at most `max`
 * times; every element passed on the way must show its focus ring. Answers the elements passed.
 */
async function tabTo(p: Page, frame: Frame, wanted: (f: Focus) => boolean, options: { back?: boolean; max?: number } = {}): Promise<Focus[]> {
  const passed: Focus[] = [];
  for (let i = 0; i < (options.max ?? 80); i++) {
    await p.keyboard.press(options.back === true ? 'Shift+Tab' : 'Tab');
    const now = await focused(frame);
    passed.push(now);
    // a focus ring on every control reached by keyboard (outside the frame is the host's page)
    if (now.inFrame) expect(now).toEqual({ ...now, focusVisible: true });
    if (wanted(now)) return passed;
  }
  throw new Error(`Tab never reached the element wanted; passed: ${passed.map((f) => f.testId ?? f.label ?? f.text).join(' → ')}`);
}

/** The legends of the frame's fieldsets that scroll sideways (their content does not fit). */
async function overflowingFieldsets(frame: Frame): Promise<string[]> {
  return z
    .array(z.string())
    .parse(await frame.evaluate('[...document.querySelectorAll("fieldset")].filter((f) => f.scrollWidth > f.clientWidth + 1).map((f) => f.querySelector("legend")?.textContent ?? "?")'));
}

/**
 * The form controls of the frame without an accessible name (no aria-label, no aria-labelledby, no
 * label with text; a button without text), as `tag#n` with their type: issue 12 §10 wants none.
 */
async function unnamedControls(frame: Frame): Promise<string[]> {
  return z.array(z.string()).parse(
    await frame.evaluate(`[...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => el.type !== 'hidden')
      .filter((el) => {
        const aria = (el.getAttribute('aria-label') ?? '').trim() !== '' || el.hasAttribute('aria-labelledby');
        const labelled = [...(el.labels ?? [])].some((l) => l.textContent.trim() !== '');
        const text = el.tagName === 'BUTTON' && el.textContent.trim() !== '';
        return !(aria || labelled || text);
      })
      .map((el, i) => el.tagName.toLowerCase() + '#' + i + ':' + (el.getAttribute('type') ?? '') + ':' + (el.getAttribute('data-testid') ?? ''))`),
  );
}

/** No error stands: the list of all errors is absent (its text is the failure message otherwise). */
async function expectNoErrors(forms: FrameLocator): Promise<void> {
  const all = forms.getByTestId('all-errors');
  expect((await all.count()) === 0 ? '' : normalizeText(await all.innerText())).toBe('');
  expect(await errorCount(forms)).toBe(0);
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
  const previewChanges = normalizeText(await forms.getByTestId('preview-changes').innerText());
  expect(previewChanges).toContain('Platinum');
  // what would change, in Dutch like the rest of the page (ADR 0035)
  expect(previewChanges).toContain("Serviceniveau 'Platinum'");
  expect(previewChanges).toContain('toegevoegd');
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
  // who saved, by display name (Jira's user/bulk), not by account id
  expect(newest).toContain('Ada de Boer');
  expect(newest).not.toContain(sbx.users.admin.accountId);
  expect(await entries[0]!.getAttribute('data-by')).toBe(sbx.users.admin.accountId);
  expect(newest).toMatch(/Hooli/);
  // the change lines in Dutch for a Dutch admin, though stored in English (ADR 0035)
  expect(newest).toMatch(/Contract 'Hooli Support': versie \d+ toegevoegd vanaf 2026-11-01/);
  expect(newest).not.toMatch(/ added from /);
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

it('works by keyboard alone in the dark theme: tabs, moving a service up and down, an invalid service name, a picker, a new calendar with a Saturday interval, a save (nl)', async () => {
  const { sbx, page: p } = started();
  await actAs(p.context(), sbx.url, sbx.users.admin);
  await p.context().addCookies([{ name: 'sandbox-theme', value: 'dark', url: sbx.url }]);
  const forms = await openForms(p, sbx.url);
  const frame = await formsFrame(p);
  expect(await frame.evaluate('document.documentElement.getAttribute("data-color-mode")')).toBe('dark');
  // at 1024 px the week grid and the holidays fit their fieldsets (no sideways scrolling)
  expect(await overflowingFieldsets(frame)).toEqual([]);
  expect(await unnamedControls(frame)).toEqual([]);
  await saveScreenshot(p, 'terms-forms-dark-calendars');

  // Into the tabs (the host's own controls come before the frame), then arrows between tabs
  await forms.getByTestId('tab-calendars').focus();
  await p.keyboard.press('ArrowRight');
  expect(await focused(frame)).toMatchObject({ testId: 'tab-services', focusVisible: true });
  expect(await forms.getByTestId('tab-services').getAttribute('aria-selected')).toBe('true');
  const names = await forms.locator('[data-testid^="item-services-"]').allInnerTexts();
  expect(names.length).toBeGreaterThanOrEqual(3);
  const second = normalizeText(names[1]!);

  // The second service chosen from the list with Enter, then moved up with the keyboard
  await tabTo(p, frame, (f) => f.testId === 'item-services-1');
  await p.keyboard.press('Enter');
  await tabTo(p, frame, (f) => f.testId === 'service-up');
  await p.keyboard.press('Enter');
  expect(normalizeText(await forms.getByTestId('service-position').innerText())).toBe(`Plaats 1 van ${String(names.length)} in de catalogus`);
  expect(normalizeText(await forms.getByTestId('item-services-0').innerText())).toBe(second);
  // at the top "Omhoog" is disabled: the focus went to "Omlaag" instead of being lost
  expect(await focused(frame)).toMatchObject({ testId: 'service-down', focusVisible: true });
  await p.keyboard.press('Enter');
  expect(normalizeText(await forms.getByTestId('service-position').innerText())).toBe(`Plaats 2 van ${String(names.length)} in de catalogus`);
  expect(await focused(frame)).toMatchObject({ testId: 'service-down' });
  await p.keyboard.press('Shift+Tab');
  expect(await focused(frame)).toMatchObject({ testId: 'service-up' });
  await p.keyboard.press('Enter');
  expect(normalizeText(await forms.getByTestId('item-services-0').innerText())).toBe(second);

  // Invalid: a service without a name is refused at its field, and Save stays disabled
  await tabTo(p, frame, (f) => f.label === 'Naam');
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.press('Backspace');
  await settled(forms);
  const nameError = forms.getByTestId('field-error-services-0-name');
  await nameError.waitFor();
  expect(normalizeText(await nameError.innerText()).length).toBeGreaterThan(0);
  expect(await forms.getByTestId('save').isDisabled()).toBe(true);
  await saveScreenshot(p, 'terms-forms-dark-service-invalid-name');
  await p.keyboard.type(`${second} (eerst)`);
  await tabTo(p, frame, (f) => f.label === 'Omschrijving');
  await p.keyboard.type('Komt als eerste aan de beurt');
  // a picker's checkbox, ticked with the space bar
  await tabTo(p, frame, (f) => f.label === 'portal');
  await p.keyboard.press('Space');
  expect(await forms.getByTestId('pick-labels').getByLabel('portal', { exact: true }).isChecked()).toBe(true);
  await settled(forms);
  expect(await nameError.count()).toBe(0);
  expect(await errorCount(forms)).toBe(0);
  expect(await unnamedControls(frame)).toEqual([]);
  await saveScreenshot(p, 'terms-forms-dark-services');

  // Back to the tabs, to the calendars: a new calendar, named, with a Saturday interval added and
  // typed by keyboard (the calendars in use keep their week: the forms say so at the field)
  await tabTo(p, frame, (f) => f.testId === 'tab-services', { back: true });
  await p.keyboard.press('ArrowLeft');
  expect(await focused(frame)).toMatchObject({ testId: 'tab-calendars' });
  await tabTo(p, frame, (f) => f.testId === 'add-calendars');
  await p.keyboard.press('Enter');
  await tabTo(p, frame, (f) => f.label === 'Naam');
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type('Weekenddienst');
  await tabTo(p, frame, (f) => f.testId === 'add-interval-sat');
  await p.keyboard.press('Enter');
  await tabTo(p, frame, (f) => f.label === 'zaterdag, periode 1: van', { back: true });
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type('10:00');
  await p.keyboard.press('Tab');
  expect(await focused(frame)).toMatchObject({ label: 'zaterdag, periode 1: tot', focusVisible: true });
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.type('14:00');
  await settled(forms);
  await expectNoErrors(forms);
  expect(await overflowingFieldsets(frame)).toEqual([]);
  await saveScreenshot(p, 'terms-forms-dark-calendar-keyboard');

  // Save by keyboard: back through the form to the save bar
  await tabTo(p, frame, (f) => f.testId === 'save', { back: true });
  await p.keyboard.press('Enter');
  await forms.locator('[data-testid="save-result"][data-appearance="success"]').waitFor();
  await saveScreenshot(p, 'terms-forms-dark-saved');

  // The other forms in the dark theme, reached with the arrow keys
  for (const tab of ['levels', 'contracts', 'preview', 'history'] as const) {
    await forms.getByTestId('tab-services').focus();
    while ((await focused(frame)).testId !== `tab-${tab}`) await p.keyboard.press('ArrowRight');
    await forms.getByTestId(`panel-${tab}`).waitFor();
    if (tab === 'history') await forms.getByTestId('audit-log').waitFor();
    expect(await overflowingFieldsets(frame)).toEqual([]);
    expect(await unnamedControls(frame)).toEqual([]);
    await saveScreenshot(p, `terms-forms-dark-${tab}`);
  }

  // What was saved: the Saturday interval; the moved service first, with its new name, description and label
  const reopened = await openForms(p, sbx.url);
  await reopened.getByRole('button', { name: 'Weekenddienst', exact: true }).click();
  expect(await reopened.getByLabel('zaterdag, periode 1: van').inputValue()).toBe('10:00');
  expect(await reopened.getByLabel('zaterdag, periode 1: tot').inputValue()).toBe('14:00');
  await reopened.getByTestId('tab-services').click();
  expect(normalizeText(await reopened.getByTestId('item-services-0').innerText())).toBe(`${second} (eerst)`);
  expect(await reopened.getByLabel('Omschrijving').inputValue()).toBe('Komt als eerste aan de beurt');
  expect(await reopened.getByTestId('pick-labels').getByLabel('portal', { exact: true }).isChecked()).toBe(true);
});

it("refuses a save that lost the race with another admin's save, naming them, and overwrites nothing", async () => {
  const { sbx, page: ada } = started();
  const eve = sbx.sandbox.model().addUser({ displayName: 'Eve Admin', emailAddress: 'eve@polder-it.example', role: 'admin', timeZone: 'Europe/London', locale: 'en_GB' });
  sbx.sandbox.model().grantConsent(eve.accountId);
  // Eve in a browser of her own: another profile, another session cookie
  const other = await launchBrowser();
  try {
    const evePage = await openPage(other.context);
    await evePage.setViewportSize({ width: 1024, height: 900 });
    await actAs(other.context, sbx.url, eve);
    await actAs(ada.context(), sbx.url, sbx.users.admin);
    const adaForms = await openForms(ada, sbx.url);
    const eveForms = await openForms(evePage, sbx.url);
    const original = await adaForms.getByLabel('Naam', { exact: true }).inputValue();

    // Both change the first calendar's name; Eve saves first
    await adaForms.getByLabel('Naam', { exact: true }).fill('Kantooruren (Ada)');
    await eveForms.getByLabel('Name', { exact: true }).fill('Office hours (Eve)');
    await settled(adaForms);
    await settled(eveForms);
    await eveForms.getByTestId('save').click();
    await eveForms.locator('[data-testid="save-result"][data-appearance="success"]').waitFor();

    // Ada's save is refused: a warning naming Eve, nothing saved
    await adaForms.getByTestId('save').click();
    const refusal = adaForms.locator('[data-testid="save-result"][data-appearance="warning"]');
    await refusal.waitFor();
    const message = normalizeText(await refusal.innerText());
    expect(message).toContain('Niet opgeslagen');
    expect(message).toContain('Een andere beheerder (Eve Admin) heeft de contractdatabase opgeslagen');
    // when, as Ada reads a time (her zone, Dutch), not an ISO instant
    expect(message).toMatch(/opgeslagen op (ma|di|wo|do|vr|za|zo) \d{1,2} [a-z]{3} 2026,? \d\d:\d\d \(revisie \d+\)/);
    expect(message).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(message).toContain('Er is niets opgeslagen');
    expect(await adaForms.getByLabel('Naam', { exact: true }).inputValue()).toBe('Kantooruren (Ada)');
    await saveScreenshot(ada, 'terms-forms-lost-race-refused');

    // Nothing overwritten: a fresh page shows Eve's name, and the log has Eve's save as the newest, by name
    const fresh = await openForms(ada, sbx.url);
    expect(await fresh.getByLabel('Naam', { exact: true }).inputValue()).toBe('Office hours (Eve)');
    await fresh.getByTestId('tab-history').click();
    const newest = fresh.getByTestId('audit-log').locator(':scope > li').first();
    await newest.waitFor();
    const entry = normalizeText(await newest.innerText());
    expect(entry).toContain('Eve Admin');
    expect(entry).toContain('Office hours (Eve)');
    expect(entry).not.toContain('Kantooruren (Ada)');
    expect(entry).toContain(original);
    await saveScreenshot(ada, 'terms-forms-lost-race-audit-log');
  } finally {
    await other.close();
  }
});

it('previews the re-apply to open requests — how many change and how their deadlines move — before it is confirmed (nl)', async () => {
  const { sbx, page: p } = started();
  await actAs(p.context(), sbx.url, sbx.users.admin);
  // Alice's P3 e-mail request under Gold (16 business hours): due Tuesday 6 October 16:30
  const key = await sbx.raiseRequest(sbx.users.alice, { requestType: 'E-mail problem', summary: 'Postvak vol', priorityId: priorityIds.medium });
  const recordSchema = z.object({ deadline: z.string() });
  expect(recordSchema.parse(sbx.clockRecord(key)).deadline).toBe('2026-10-06T14:30:00.000Z');

  // The office turns out to be closed on Tuesday: a holiday in Amsterdam office hours, saved
  const forms = await openForms(p, sbx.url);
  await forms.getByRole('button', { name: 'Amsterdam office hours', exact: true }).click();
  await forms.getByTestId('add-holiday').click();
  await forms.getByLabel(/^Feestdag \d+: datum$/).last().fill('2026-10-06');
  await forms.getByLabel(/^Feestdag \d+: naam$/).last().fill('Bedrijfsdag');
  await settled(forms);
  expect(await errorCount(forms)).toBe(0);
  await forms.getByTestId('save').click();
  await forms.locator('[data-testid="save-result"][data-appearance="success"]').waitFor();

  // The preview: how many open requests change, which way, and each request's deadline now and then
  await forms.getByTestId('tab-preview').click();
  const reapply = forms.getByTestId('reapply');
  await reapply.getByTestId('reapply-preview').click();
  await reapply.locator('[data-testid="reapply-status"][data-status="done"]').waitFor({ timeout: 60_000 });
  const figures = normalizeText(await reapply.getByTestId('reapply-figures').innerText());
  const counted = /(\d+) open verzoeken bekeken: (\d+) krijg(?:t|en) andere voorwaarden — (\d+) deadlines? later, (\d+) eerder, (\d+) met dezelfde deadline/.exec(figures);
  expect(counted).not.toBeNull();
  const [scanned, changed, later, earlier, same] = (counted ?? []).slice(1).map(Number) as [number, number, number, number, number];
  expect(changed).toBeGreaterThanOrEqual(1);
  expect(changed).toBeLessThanOrEqual(scanned);
  expect(later).toBeGreaterThanOrEqual(1); // Alice's request at least
  expect(earlier).toBe(0); // a holiday only pushes deadlines later
  expect(later + earlier + same).toBe(changed);
  expect(figures).toMatch(/Hooguit \d+ (u|dag|dagen) later\./);
  // a request whose terms change but whose deadline does not (it passed before the holiday) says so
  if (same > 0) expect(await reapply.getByTestId('reapply-figures').locator('td', { hasText: 'ongewijzigd' }).count()).toBeGreaterThanOrEqual(1);
  const row = reapply.locator('tr', { hasText: key });
  const cells = (await row.locator('td').allInnerTexts()).map(normalizeText);
  expect(cells[0]).toBe(key);
  expect(cells[1]).toMatch(/6 okt.* 16:30/);
  expect(cells[2]).toMatch(/7 okt.* 16:30/);
  // nothing changed yet: the preview writes nothing
  expect(recordSchema.parse(sbx.clockRecord(key)).deadline).toBe('2026-10-06T14:30:00.000Z');
  await saveScreenshot(p, 'terms-forms-reapply-preview');

  // Confirmed with a reason: the request's deadline moves as previewed
  const confirm = reapply.getByTestId('reapply-confirm');
  expect(await confirm.isDisabled()).toBe(true);
  await reapply.getByTestId('reapply-reason').fill('Bedrijfsdag op 6 oktober');
  expect(normalizeText(await confirm.innerText())).toBe(`Opnieuw toepassen op ${String(changed)} verzoek${changed === 1 ? '' : 'en'}`);
  await confirm.click();
  const applied = reapply.locator('[data-testid="reapply-applied"][data-status="done"]');
  await applied.waitFor({ timeout: 60_000 });
  expect(normalizeText(await applied.innerText())).toBe(`Opnieuw toegepast op ${String(changed)} verzoek${changed === 1 ? '' : 'en'}.`);
  expect(recordSchema.parse(sbx.clockRecord(key)).deadline).toBe('2026-10-07T14:30:00.000Z');
  await saveScreenshot(p, 'terms-forms-reapply-applied');
});
