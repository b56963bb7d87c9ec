/**
 * Issue 9 §1 in a real browser: the first visit of a user who has not yet allowed Contract Clock to
 * act on her behalf. Forge's `asUser()` throws NeedsAuthenticationError; the app lets it through,
 * and the host shows Jira's "Allow access" prompt in place of the panel, naming the app's scopes.
 * Once she allows access the panel loads as it does for everyone else, and stays allowed.
 *
 * Noor (agent, Amsterdam, English) joined this week: the demo has consent for the admin and the
 * quarter's agents, not for her.
 */
import { saveScreenshot } from './support/browser';
import { actAs, normalizeText, openPage, readPanel, waitForReloadAfter } from './support/host-pages';
import { useSandboxAndBrowser } from './support/session';

jest.setTimeout(90_000);

const started = useSandboxAndBrowser();

it("first visit: Jira's Allow-access prompt instead of the panel, then the panel once allowed", async () => {
  const { sbx, browser } = started();
  const { alice, noor } = sbx.users;
  await sbx.reset();
  expect(sbx.sandbox.model().hasConsent(noor.accountId)).toBe(false);
  const issueKey = await sbx.raiseRequest(alice, { requestType: 'E-mail problem', summary: 'Shared mailbox not syncing', priorityId: '3' });

  const page = await openPage(browser.context);
  await page.setViewportSize({ width: 1024, height: 900 });
  await actAs(browser.context, sbx.url, noor);
  await page.goto(`${sbx.url}/browse/${issueKey}`);

  const prompt = page.getByTestId('consent-prompt');
  await prompt.waitFor({ timeout: 30_000 });
  const text = normalizeText(await prompt.innerText());
  expect(text).toContain('Contract Clock needs your permission');
  expect(text).toContain('read:jira-work');
  expect(await page.locator('[data-testid="issue-panel"] iframe').isVisible()).toBe(false);
  await saveScreenshot(page, 'consent-first-visit');

  await waitForReloadAfter(page, () => prompt.getByTestId('consent-allow').click());
  const panel = await readPanel(page);
  expect(panel.state).toBe('on-track');
  expect(await page.getByTestId('consent-prompt').count()).toBe(0);
  expect(sbx.sandbox.model().hasConsent(noor.accountId)).toBe(true);
  await saveScreenshot(page, 'consent-allowed-panel');

  // the consent is kept with the site: the next visit goes straight to the panel
  await page.reload();
  expect((await readPanel(page)).state).toBe('on-track');
  expect(await page.getByTestId('consent-prompt').count()).toBe(0);
});
