/**
 * Issue 5 §6, in a real browser through the sandbox: the contract panel in each of its states — on
 * track, at risk, paused, breached, met, uncovered — each reached through the real flow (a customer
 * raises a request over the servicedeskapi, the agent transitions it with the request view's
 * buttons or acts in the panel, the clock moves through the sandbox API), and posting a message
 * with "Tell the customer" as a public reply and as an internal note.
 *
 * The agent is Tom (New York, English), so the panel shows the deadline in his zone and in the
 * contract calendar's zone (Amsterdam). Every test starts from the demo (reset) at Monday
 * 5 October 2026 09:30 Amsterdam with the clock frozen. Alice's e-mail requests fall under Acme's
 * Gold level in Amsterdam office hours (08:30–17:30 on weekdays): P1 (Highest) 4 h, P3 (Medium)
 * 16 h; the at-risk threshold is 75 % of the target.
 */
import type { Page } from 'playwright-core';
import { demoNow } from '../../sandbox/demo/demo-catalogue';
import { saveScreenshot, type E2eBrowser } from './support/browser';
import { actAs, normalizeText, openPage, openRequestPanel, panelFrame, readPanel, readQueueRow, waitForReloadAfter, type PanelSnapshot } from './support/host-pages';
import { dayMs, hourMs, priorityIds, transitionIds, type E2eSandbox, type RaiseInput } from './support/sandbox';
import { useSandboxAndBrowser } from './support/session';

jest.setTimeout(90_000);

const session = useSandboxAndBrowser();
let page: Page | null = null;

function started(): { sbx: E2eSandbox; browser: E2eBrowser; page: Page } {
  const { sbx, browser } = session();
  if (page === null) throw new Error('beforeEach did not open a page.');
  return { sbx, browser, page };
}

beforeEach(async () => {
  const { sbx, browser } = session();
  await sbx.reset();
  expect(sbx.sandbox.clock.now().toISOString()).toBe(demoNow.toISOString());
  await browser.context.clearCookies();
  await actAs(browser.context, sbx.url, sbx.users.tom);
  page = await openPage(browser.context);
});

afterEach(async () => {
  await page?.close();
  page = null;
});

const urgentEmail: RaiseInput = { requestType: 'E-mail problem', summary: 'Nobody can send mail', priorityId: priorityIds.highest };
const normalEmail: RaiseInput = { requestType: 'E-mail problem', summary: 'Calendar invites arrive twice', priorityId: priorityIds.medium };

/** Tom's view of a deadline (New York, en-US): `Tue, Oct 6, 2026, 10:30 AM America/New_York, EDT`. */
const inNewYork = (when: string): string => `${when} America/New_York, EDT`;
/** The contract calendar's view (Amsterdam); en-US names CEST by its offset. */
const inAmsterdam = (when: string): string => `${when} Europe/Amsterdam, GMT+2`;

async function openRequest(issueKey: string): Promise<PanelSnapshot> {
  const { sbx, page } = started();
  return openRequestPanel(page, sbx.url, issueKey);
}

/** Moves the clock through the sandbox API, then reloads the request view. */
async function advanceAndReload(ms: number): Promise<PanelSnapshot> {
  const { sbx, page } = started();
  await sbx.advanceClock(ms);
  await page.reload();
  return readPanel(page);
}

/** Clicks one of the request view's transition buttons (Jira REST as Tom, then reload). */
async function clickTransition(transitionId: string): Promise<PanelSnapshot> {
  const { page } = started();
  await waitForReloadAfter(page, () => page.locator(`[data-transition="${transitionId}"]`).click());
  return readPanel(page);
}

async function queueRowOf(issueKey: string, view: 'open' | 'attention' | 'resolved' = 'open') {
  const { sbx, page } = started();
  await page.goto(`${sbx.url}/?view=${view}`);
  return readQueueRow(page, issueKey);
}

it('on track: the deadline in both zones and the business time left, which counts down as the clock moves', async () => {
  const { sbx, page } = started();
  const issueKey = await sbx.raiseRequest(sbx.users.alice, normalEmail);

  const fresh = await openRequest(issueKey);
  expect(fresh).toMatchObject({
    state: 'on-track',
    stateLabel: 'On track',
    timeLeft: '16 h left',
    // 16 business hours from Monday 09:30 (8 on Monday, 8 on Tuesday from 08:30): Tuesday 16:30 in Amsterdam
    deadlineAgent: inNewYork('Tue, Oct 6, 2026, 10:30 AM'),
    deadlineContract: inAmsterdam('Tue, Oct 6, 2026, 04:30 PM'),
    uncovered: null,
    deadlinePaused: null,
  });
  expect(fresh.actions).toEqual(['action-tell', 'action-reapply', 'action-pause', 'action-extend']);
  expect(fresh.text).toContain('0% of the 16 h target used');

  const later = await advanceAndReload(2 * hourMs);
  expect(later).toMatchObject({ state: 'on-track', timeLeft: '14 h left', deadlineContract: inAmsterdam('Tue, Oct 6, 2026, 04:30 PM') });
  expect(later.text).toContain('13% of the 16 h target used');
  expect((await queueRowOf(issueKey)).clockState).toBe('running');
  await page.goto(`${sbx.url}/browse/${issueKey}`);
  await readPanel(page);
  await saveScreenshot(page, 'panel-state-on-track');
});

it('at risk: once 75 % of the target is used, the panel and the queue say so', async () => {
  const { sbx, page } = started();
  const issueKey = await sbx.raiseRequest(sbx.users.alice, urgentEmail);
  const deadline = { deadlineAgent: inNewYork('Mon, Oct 5, 2026, 07:30 AM'), deadlineContract: inAmsterdam('Mon, Oct 5, 2026, 01:30 PM') };

  expect(await openRequest(issueKey)).toMatchObject({ state: 'on-track', timeLeft: '4 h left', ...deadline });
  // 2 of 4 hours used: still on track
  expect(await advanceAndReload(2 * hourMs)).toMatchObject({ state: 'on-track', timeLeft: '2 h left' });
  // 3 of 4 hours used: at risk
  const atRisk = await advanceAndReload(hourMs);
  expect(atRisk).toMatchObject({ state: 'at-risk', stateLabel: 'At risk', timeLeft: '1 h left', ...deadline });
  expect(atRisk.text).toContain('75% of the 4 h target used');
  // the sweep noticed it once, with an internal note to the agents
  const sweepNote = page.getByTestId('comments').locator('article.comment--internal').filter({ hasText: 'this request turned at risk' });
  expect(await sweepNote.count()).toBe(1);
  expect((await queueRowOf(issueKey, 'attention')).clockState).toBe('at-risk');
  await page.goto(`${sbx.url}/browse/${issueKey}`);
  await readPanel(page);
  await saveScreenshot(page, 'panel-state-at-risk');
});

it('breached: past the deadline the panel shows the business time overdue and keeps the deadline', async () => {
  const { sbx, page } = started();
  const issueKey = await sbx.raiseRequest(sbx.users.alice, urgentEmail);
  expect((await openRequest(issueKey)).state).toBe('on-track');

  // Monday 14:30 Amsterdam: one business hour past 13:30
  const breached = await advanceAndReload(5 * hourMs);
  expect(breached).toMatchObject({
    state: 'breached',
    stateLabel: 'Breached',
    timeLeft: '1 h overdue',
    deadlineAgent: inNewYork('Mon, Oct 5, 2026, 07:30 AM'),
    deadlineContract: inAmsterdam('Mon, Oct 5, 2026, 01:30 PM'),
  });
  expect(breached.text).toContain('125% of the 4 h target used');
  // overnight the overdue time grows by business hours only (17:30 → 08:30 does not count)
  expect(await advanceAndReload(dayMs)).toMatchObject({ state: 'breached', timeLeft: '10 h overdue' });
  expect((await queueRowOf(issueKey, 'attention')).clockState).toBe('breached');
  await page.goto(`${sbx.url}/browse/${issueKey}`);
  await readPanel(page);
  await saveScreenshot(page, 'panel-state-breached');
});

it('paused: "Wait for customer" stops the clock, time left stays while the clock moves, resuming moves the deadline', async () => {
  const { sbx, page } = started();
  const issueKey = await sbx.raiseRequest(sbx.users.alice, normalEmail);
  expect(await openRequest(issueKey)).toMatchObject({ state: 'on-track', timeLeft: '16 h left' });

  const paused = await clickTransition(transitionIds.waitForCustomer);
  expect(paused).toMatchObject({
    state: 'paused',
    stateLabel: 'Paused',
    timeLeft: '16 h left',
    deadlinePaused: 'No fixed deadline while the clock is paused.',
    deadlineAgent: null,
    deadlineContract: null,
  });
  expect(normalizeText(await page.getByTestId('status').innerText())).toBe('WAITING FOR CUSTOMER');

  // a whole day waiting for the customer costs no contract time
  expect(await advanceAndReload(dayMs)).toMatchObject({ state: 'paused', timeLeft: '16 h left', deadlinePaused: 'No fixed deadline while the clock is paused.' });
  expect((await queueRowOf(issueKey)).clockState).toBe('paused');
  await page.goto(`${sbx.url}/browse/${issueKey}`);
  await readPanel(page);
  await saveScreenshot(page, 'panel-state-paused');

  // the customer answers on Tuesday 09:30: 16 business hours from then is Wednesday 16:30
  const resumed = await clickTransition(transitionIds.respondToCustomer);
  expect(resumed).toMatchObject({
    state: 'on-track',
    timeLeft: '16 h left',
    deadlineAgent: inNewYork('Wed, Oct 7, 2026, 10:30 AM'),
    deadlineContract: inAmsterdam('Wed, Oct 7, 2026, 04:30 PM'),
    deadlinePaused: null,
  });
});

it('paused by hand in the panel, with a reason kept in the pauses, and resumed from the panel', async () => {
  const { sbx, page } = started();
  const issueKey = await sbx.raiseRequest(sbx.users.alice, normalEmail);
  expect(await openRequest(issueKey)).toMatchObject({ state: 'on-track', actions: ['action-tell', 'action-reapply', 'action-pause', 'action-extend'] });
  const panel = panelFrame(page);

  await panel.getByTestId('action-pause').click();
  await panel.getByTestId('reason-input').fill('Customer asked us to wait until their supplier replies');
  await panel.getByTestId('action-confirm').click();
  await panel.getByTestId('action-result').waitFor();
  expect(normalizeText(await panel.getByTestId('action-result').innerText())).toBe('Clock paused.');
  // the panel reloads its view after the action
  await panel.locator('[data-testid="panel-state"][data-state="paused"]').waitFor();
  const paused = await readPanel(page);
  expect(paused).toMatchObject({ state: 'paused', timeLeft: '16 h left', deadlineAgent: null, actions: ['action-tell', 'action-reapply', 'action-resume', 'action-extend'] });
  await panel.getByTestId('panel-pauses').getByRole('button').first().click();
  expect(normalizeText(await panel.getByTestId('panel-pauses').innerText())).toContain('Customer asked us to wait until their supplier replies');
  await saveScreenshot(page, 'panel-state-paused-by-hand');

  expect(await advanceAndReload(2 * hourMs)).toMatchObject({ state: 'paused', timeLeft: '16 h left' });
  // the request view, rendered anew, shows the stored record paused too
  expect(await page.locator('.details [data-clock-state]').getAttribute('data-clock-state')).toBe('paused');
  await panel.getByTestId('action-resume').click();
  await panel.getByTestId('reason-input').fill('Supplier replied');
  await panel.getByTestId('action-confirm').click();
  await panel.getByTestId('action-result').waitFor();
  expect(normalizeText(await panel.getByTestId('action-result').innerText())).toBe('Clock resumed.');
  await panel.locator('[data-testid="panel-state"][data-state="on-track"]').waitFor();
  // paused Monday 09:30–11:30: 16 business hours from Monday 11:30 end on Wednesday 09:30 (was Tuesday 16:30)
  expect(await readPanel(page)).toMatchObject({
    state: 'on-track',
    timeLeft: '16 h left',
    deadlineAgent: inNewYork('Wed, Oct 7, 2026, 03:30 AM'),
    deadlineContract: inAmsterdam('Wed, Oct 7, 2026, 09:30 AM'),
  });
});

it('met: resolved before the deadline, the panel shows the time to spare and stops counting', async () => {
  const { sbx, page } = started();
  const issueKey = await sbx.raiseRequest(sbx.users.alice, normalEmail);
  expect(await openRequest(issueKey)).toMatchObject({ state: 'on-track', timeLeft: '16 h left' });
  await sbx.advanceClock(2 * hourMs);
  const met = await clickTransition(transitionIds.resolve);
  expect(met).toMatchObject({
    state: 'met',
    stateLabel: 'Met',
    timeLeft: '14 h to spare',
    deadlineAgent: inNewYork('Tue, Oct 6, 2026, 10:30 AM'),
    deadlineContract: inAmsterdam('Tue, Oct 6, 2026, 04:30 PM'),
    deadlineCompleted: 'Completed Mon, Oct 5, 2026, 05:30 AM',
  });
  expect(normalizeText(await page.getByTestId('status').innerText())).toBe('RESOLVED');

  // a stopped clock does not move with time
  expect(await advanceAndReload(dayMs)).toMatchObject({ state: 'met', timeLeft: '14 h to spare' });
  const row = await queueRowOf(issueKey, 'resolved');
  expect(row).toMatchObject({ clockState: 'met', timeLeft: 'resolved in time' });
  await page.goto(`${sbx.url}/browse/${issueKey}`);
  await readPanel(page);
  await saveScreenshot(page, 'panel-state-met');
});

describe('uncovered', () => {
  it.each([
    {
      name: 'no contract (Hooli Labs)',
      customer: 'henk',
      why: ['Hooli Labs', 'no contract names its organization'],
      screenshot: 'panel-state-uncovered-no-contract',
    },
    {
      name: 'an expired contract (Wayne Foundation)',
      customer: 'wendy',
      why: ['Wayne Foundation 2025–2026', 'the contract has expired'],
      screenshot: 'panel-state-uncovered-expired',
    },
  ] as const)('$name: the panel says no contract covers the request; only admins get the settings link', async ({ customer, why, screenshot }) => {
    const { sbx, browser, page } = started();
    const issueKey = await sbx.raiseRequest(sbx.users[customer], { requestType: 'E-mail problem', summary: 'Mailbox almost full', priorityId: priorityIds.highest });

    const uncovered = await openRequest(issueKey);
    expect(uncovered).toMatchObject({
      state: 'uncovered',
      stateLabel: 'Not covered',
      timeLeft: null,
      deadlineAgent: null,
      deadlineContract: null,
      hasSettingsLink: false,
    });
    expect(uncovered.uncovered).toContain('No contract covers this request');
    expect(uncovered.uncovered).toContain('A Jira administrator can add a contract');
    // one way to tell the customer (the action bar's), not a second copy in the notice; it opens on
    // the not-covered draft
    const tellButtons = panelFrame(page).getByRole('button', { name: 'Tell the customer' });
    expect(await tellButtons.count()).toBe(1);
    expect(uncovered.actions).toContain('action-tell');
    await tellButtons.click();
    await panelFrame(page).getByTestId('tell-form').waitFor();
    expect(normalizeText(await panelFrame(page).getByTestId('message-body').inputValue())).toMatch(/best-effort|naar beste vermogen/);
    await panelFrame(page).getByTestId('tell-form').getByRole('button', { name: 'Cancel' }).click();
    // the explanation is open by default and says why no contract applies
    const explanation = normalizeText(await panelFrame(page).getByTestId('panel-explanation').innerText());
    for (const fragment of why) expect(explanation).toContain(fragment);
    expect(await advanceAndReload(dayMs)).toMatchObject({ state: 'uncovered', timeLeft: null });
    const row = await queueRowOf(issueKey);
    expect(row).toMatchObject({ clockState: 'uncovered', deadline: null, timeLeft: '—' });
    await page.goto(`${sbx.url}/browse/${issueKey}`);
    await readPanel(page);
    await saveScreenshot(page, screenshot);

    // the admin (Dutch) is offered the way to the settings page, and it leads there
    await actAs(browser.context, sbx.url, sbx.users.admin);
    const asAdmin = await openRequest(issueKey);
    expect(asAdmin).toMatchObject({ state: 'uncovered', stateLabel: 'Niet gedekt', hasSettingsLink: true });
    expect(await panelFrame(page).getByRole('button', { name: 'Klant informeren' }).count()).toBe(1);
    await panelFrame(page).getByTestId('settings-link').click();
    await page.waitForURL(`${sbx.url}/admin`);
  });
});

it('Tell the customer: a public reply from the expected-time draft, an internal note from the missed-deadline draft', async () => {
  const { sbx, browser, page } = started();
  const issueKey = await sbx.raiseRequest(sbx.users.alice, urgentEmail);
  // Gold P1 has a 30-minute first-response target, running until an agent replies publicly
  expect(await openRequest(issueKey)).toMatchObject({ state: 'on-track', responseState: 'on-track' });
  const panel = panelFrame(page);
  const comments = page.getByTestId('comments');

  // 1. on track: the expected-time draft, posted as a reply to the customer
  await panel.getByTestId('action-tell').click();
  await panel.getByTestId('tell-form').waitFor();
  const body = panel.getByTestId('message-body');
  // Alice reads Dutch in Jira: the draft is in her language, not in Tom's, and the form says so
  const expectedDraft = normalizeText(await body.inputValue());
  expect(expectedDraft).toMatch(/^We verwachten uw verzoek uiterlijk maandag 5 oktober 2026 om 13:30 \(Europe\/Amsterdam\) op te lossen, zoals afgesproken in uw Gold E-mail-overeenkomst\.$/);
  expect(normalizeText(await panel.getByTestId('tell-language').innerText())).toBe('Written in Dutch, the customer’s language.');
  await saveScreenshot(page, 'panel-tell-draft-customer-language');
  const reply = `${expectedDraft} We are on it — Tom.`;
  await body.fill(reply);
  expect(await panel.getByTestId('visibility-public--radio-input').isChecked()).toBe(true);
  await panel.getByTestId('message-review').click();
  expect(await panel.getByTestId('tell-confirm').getAttribute('data-visibility')).toBe('public');
  expect(normalizeText(await panel.getByTestId('tell-preview').innerText())).toBe(reply);
  await panel.getByTestId('message-confirm').click();
  await panel.getByTestId('action-result').waitFor();
  expect(normalizeText(await panel.getByTestId('action-result').innerText())).toBe('Reply posted to the customer.');
  await saveScreenshot(page, 'panel-tell-public-posted');

  await page.reload();
  // the public reply was the first response (the comment trigger recorded it)
  expect(await readPanel(page)).toMatchObject({ state: 'on-track', responseState: 'met' });
  const publicComment = comments.locator('article.comment').filter({ hasText: 'We are on it — Tom.' });
  expect(await publicComment.count()).toBe(1);
  expect(await publicComment.getAttribute('class')).not.toContain('comment--internal');
  expect(normalizeText(await publicComment.innerText())).toMatch(/reply to customer/i);

  // 2. past the deadline: the missed-deadline draft, posted as an internal note
  const breached = await advanceAndReload(5 * hourMs);
  expect(breached.state).toBe('breached');
  await panel.getByTestId('action-tell').click();
  await panel.getByTestId('tell-form').waitFor();
  const missedDraft = normalizeText(await body.inputValue());
  expect(missedDraft).toMatch(/^Het spijt ons: we lossen uw verzoek niet uiterlijk maandag 5 oktober 2026 om 13:30 \(Europe\/Amsterdam\) op/);
  const note = `${missedDraft} Internal: escalate to the mail team.`;
  await body.fill(note);
  await panel.getByTestId('visibility-internal--radio-label').click();
  await panel.getByTestId('message-review').click();
  expect(await panel.getByTestId('tell-confirm').getAttribute('data-visibility')).toBe('internal');
  await panel.getByTestId('message-confirm').click();
  await panel.getByTestId('action-result').waitFor();
  expect(normalizeText(await panel.getByTestId('action-result').innerText())).toBe('Internal note added.');

  await page.reload();
  await readPanel(page);
  const internalComment = comments.locator('article.comment').filter({ hasText: 'escalate to the mail team' });
  expect(await internalComment.count()).toBe(1);
  expect(await internalComment.getAttribute('class')).toContain('comment--internal');
  expect(normalizeText(await internalComment.innerText())).toMatch(/internal note/i);
  await saveScreenshot(page, 'panel-tell-comments');

  // the customer sees the reply in the portal, not the note
  await actAs(browser.context, sbx.url, sbx.users.alice);
  await page.goto(`${sbx.url}/portal/${issueKey}`);
  const portalText = normalizeText(await page.locator('.request__main').innerText());
  expect(portalText).toContain('We are on it — Tom.');
  expect(portalText).not.toContain('escalate to the mail team');
  await saveScreenshot(page, 'panel-tell-portal');
});
