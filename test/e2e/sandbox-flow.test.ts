/**
 * Issue 4 §6, in a real browser through the sandbox: a customer raises a request in the portal,
 * an agent sees its contract deadline in the queue and in the real issue panel, moves the clock
 * past the deadline with the top bar's control, and sees the request breached in both places.
 *
 * Alice (Acme Logistics, Gold on e-mail: P1 within 4 business hours in Amsterdam office hours)
 * raises a "Highest" e-mail problem at the demo's "now", Monday 5 October 2026 09:30 Amsterdam, so
 * the deadline is 13:30 that day. The agent is Sanne (Amsterdam, Dutch): the panel speaks Dutch.
 * Everything is done through the UI; the sandbox is only started, and its clock is frozen.
 */
import { z } from 'zod';
import { demoNow } from '../../sandbox/demo/demo-catalogue';
import { saveScreenshot } from './support/browser';
import { actAs, listQueueDeadlines, normalizeText, openPage, readPanel, readQueueRow, waitForReloadAfter } from './support/host-pages';
import { dayMs, type E2eSandbox } from './support/sandbox';
import { useSandboxAndBrowser } from './support/session';

jest.setTimeout(90_000);

const started = useSandboxAndBrowser();

/** Gold, e-mail, P1: 4 business hours from Monday 09:30 Amsterdam (07:30Z) is 13:30 (11:30Z). */
const expectedDeadline = '2026-10-05T11:30:00.000Z';

/** The part of the app's `contract-clock` issue property the UI must agree with. */
const storedClockSchema = z.object({ state: z.string(), deadline: z.iso.datetime({ offset: true }) });

function storedClock(sbx: E2eSandbox, issueKey: string): { state: string; deadline: string } {
  const record = storedClockSchema.parse(sbx.clockRecord(issueKey));
  return { state: record.state, deadline: new Date(record.deadline).toISOString() };
}

it('raise in the portal → deadline in the queue and the panel → clock past the deadline → breached in both', async () => {
  const { sbx, browser } = started();
  const { alice, sanne } = sbx.users;
  expect(sbx.sandbox.clock.now().toISOString()).toBe(demoNow.toISOString());
  expect(sbx.sandbox.clock.isFrozen()).toBe(true);
  const page = await openPage(browser.context);

  // 1. Alice raises a request in the portal
  await actAs(browser.context, sbx.url, alice);
  await page.goto(`${sbx.url}/portal`);
  const form = page.locator('form[data-raise-request]');
  await form.locator('select[name="requestTypeId"]').selectOption({ label: 'E-mail problem' });
  await form.locator('input[name="summary"]').fill('Outlook cannot reach the mail server');
  await form.locator('textarea[name="description"]').fill('Since this morning nobody in the warehouse can send mail.');
  await form.locator('select[name="priority"]').selectOption({ label: 'Highest' });
  await waitForReloadAfter(page, () => form.getByRole('button', { name: 'Send request' }).click());
  const raisedText = normalizeText(await page.getByTestId('raised').innerText());
  const issueKey = /\b(ITS-\d+)\b/.exec(raisedText)?.[1];
  if (issueKey === undefined) throw new Error(`The portal did not confirm a request key: "${raisedText}"`);
  // the app's trigger stored the clock on the issue; the pages below must show exactly this deadline
  expect(storedClock(sbx, issueKey)).toEqual({ state: 'running', deadline: expectedDeadline });
  const portalRow = await readQueueRow(page, issueKey);
  expect(portalRow.text).toContain('Outlook cannot reach the mail server');
  expect(portalRow.deadline).toBe(expectedDeadline);
  expect(portalRow.timeLeft).toBe('in 4 h');
  await saveScreenshot(page, 'sandbox-flow-1-portal-raised');

  // 2. Sanne (agent) — switched to with the top bar's user switcher — sees it in the queue
  await waitForReloadAfter(page, async () => {
    await page.locator('[data-user-switch]').selectOption(sanne.accountId);
  });
  await page.getByRole('link', { name: 'All open requests' }).click();
  await page.waitForURL(`${sbx.url}/`);
  const queued = await readQueueRow(page, issueKey);
  expect(queued.clockState).toBe('running');
  expect(queued.deadline).toBe(expectedDeadline);
  expect(queued.timeLeft).toBe('in 4 h');
  expect(queued.text).toContain('Acme Logistics');
  expect(queued.text).toContain('E-mail Gold');
  // the queue is sorted by contract deadline, earliest first
  const deadlines = await listQueueDeadlines(page);
  expect(deadlines).toContain(expectedDeadline);
  expect(deadlines).toEqual([...deadlines].sort((a, b) => Date.parse(a) - Date.parse(b)));
  await saveScreenshot(page, 'sandbox-flow-2-queue-on-track');

  // 3. … and in the issue panel of the request view
  await page.locator(`tr[data-issue-key="${issueKey}"] td.key a`).click();
  await page.waitForURL(`${sbx.url}/browse/${issueKey}`);
  expect(await page.getByTestId('contract-deadline').locator('time').getAttribute('datetime')).toBe(expectedDeadline);
  const onTrack = await readPanel(page);
  expect(onTrack.state).toBe('on-track');
  expect(onTrack.stateLabel).toBe('Op schema');
  expect(onTrack.timeLeft).toBe('Nog 4 u');
  // Sanne works in the contract's zone: one line shows both
  expect(onTrack.deadlineAgent).toBe('ma 5 okt 2026, 13:30 Europe/Amsterdam, CEST');
  expect(onTrack.deadlineContract).toBeNull();
  await saveScreenshot(page, 'sandbox-flow-3-panel-on-track');

  // 4. the top bar's "+1 day" moves the clock past the deadline (Tuesday 09:30); the sweep runs at
  // every five-minute slot in between (288), and the page says how far it got while it waits
  await waitForReloadAfter(page, async () => {
    await page.locator(`[data-clock-advance="${dayMs}"]`).click();
    const progress = page.locator('[data-clock-progress]');
    await progress.filter({ hasText: / of 288 / }).waitFor({ timeout: 20_000 });
    expect(normalizeText(await progress.innerText())).toMatch(/^Running the five-minute sweep at each slot the clock passed: \d+ of 288 \(/);
    await saveScreenshot(page, 'sandbox-flow-4-clock-move-progress');
  });
  expect(sbx.sandbox.clock.now().toISOString()).toBe(new Date(demoNow.getTime() + dayMs).toISOString());
  // the notes were posted in the slot the thresholds were crossed in, not at Tuesday 09:30: at risk
  // at 75 % of the 4 h (12:30 Amsterdam, 10:30Z), breached in the slot after 13:30 (11:35Z)
  const noteTimes = (sbx.sandbox.model().findIssue(issueKey)?.comments ?? [])
    .filter((c) => c.internal && c.authorId === sbx.sandbox.model().app.accountId)
    .map((c) => new Date(c.createdMs).toISOString())
    .sort();
  expect(noteTimes).toEqual(['2026-10-05T10:30:00.000Z', '2026-10-05T11:35:00.000Z']);
  expect(storedClock(sbx, issueKey)).toEqual({ state: 'breached', deadline: expectedDeadline });
  const breached = await readPanel(page);
  expect(breached.state).toBe('breached');
  expect(breached.stateLabel).toBe('Overschreden');
  // 13:30–17:30 Monday and 08:30–09:30 Tuesday: 5 business hours overdue
  expect(breached.timeLeft).toBe('5 u te laat');
  expect(breached.deadlineAgent).toBe('ma 5 okt 2026, 13:30 Europe/Amsterdam, CEST');
  expect(await page.locator('.details [data-clock-state]').getAttribute('data-clock-state')).toBe('breached');
  // the sweep told the agents with an internal note
  const appNotes = page.locator('[data-testid="comments"] .comment--internal').filter({ hasText: 'Contract Clock' });
  expect(await appNotes.count()).toBeGreaterThan(0);
  await saveScreenshot(page, 'sandbox-flow-4-panel-breached');

  // 5. the queue shows it breached too, and lists it under "At risk & breached"
  await page.getByRole('link', { name: 'All open requests' }).click();
  await page.waitForURL(`${sbx.url}/`);
  const late = await readQueueRow(page, issueKey);
  expect(late.clockState).toBe('breached');
  expect(late.deadline).toBe(expectedDeadline);
  expect(late.timeLeft).toBe('20 h overdue');
  await page.getByRole('link', { name: /At risk & breached/ }).click();
  await page.waitForURL(`${sbx.url}/?view=attention`);
  expect((await readQueueRow(page, issueKey)).clockState).toBe('breached');
  await saveScreenshot(page, 'sandbox-flow-5-queue-breached');
  await page.close();
});
