/**
 * Dev-only: builds the panel's harness page (static/panel/dev, mocked Forge host) with the
 * production vite config, serves it on 127.0.0.1 and takes screenshots of every state and of the
 * action flows in light and dark theme, English and Dutch, with Debian's Chromium through
 * playwright-core (static/shared/dev/tools/preview-kit.mts does the building, serving and
 * shooting). Output: test-results/panel-preview/*.png (git-ignored).
 *
 *   npx tsx static/panel/dev/tools/preview.mts            # all shots
 *   npx tsx static/panel/dev/tools/preview.mts at-risk    # only shots whose name contains "at-risk"
 *
 * Node-side tool with its own tsconfig (node types); never bundled.
 */
import { expectFocus, startPreview, type Page, type Shot } from '../../../shared/dev/tools/preview-kit.mjs';

async function openAction(page: Page, action: string): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId(`${action === 'tell' ? 'tell' : action}-form`).waitFor();
}

function shotsFor(theme: 'light' | 'dark'): Shot[] {
  const q = (rest: string) => `theme=${theme}&${rest}`;
  const states: Shot[] = [
    { name: `on-track-${theme}-en`, query: q('scenario=on-track&locale=en-GB') },
    { name: `at-risk-${theme}-en`, query: q('scenario=at-risk&locale=en-GB') },
    { name: `breached-${theme}-en`, query: q('scenario=breached&locale=en-GB') },
    { name: `paused-${theme}-nl`, query: q('scenario=paused&locale=nl-NL') },
    { name: `met-${theme}-en`, query: q('scenario=met&locale=en-US&agentZone=America/New_York') },
    { name: `uncovered-${theme}-en-admin`, query: q('scenario=uncovered&locale=en-GB&admin=1') },
    { name: `error-${theme}-en`, query: q('scenario=error&locale=en-GB') },
  ];
  const flows: Shot[] = [
    {
      name: `tell-form-${theme}-en`,
      query: q('scenario=at-risk&locale=en-GB'),
      act: (page) => openAction(page, 'tell'),
    },
    {
      name: `tell-confirm-${theme}-en`,
      query: q('scenario=at-risk&locale=en-GB'),
      act: async (page) => {
        await openAction(page, 'tell');
        await page.getByTestId('message-review').click();
        await page.getByTestId('tell-confirm').waitFor();
      },
    },
    {
      name: `tell-posted-${theme}-en`,
      query: q('scenario=at-risk&locale=en-GB'),
      act: async (page) => {
        await openAction(page, 'tell');
        await page.getByTestId('message-review').click();
        await page.getByTestId('message-confirm').click();
        await page.getByTestId('action-result').waitFor();
        await page.locator('[data-testid="panel-refreshing"]').waitFor({ state: 'detached' });
      },
    },
    {
      name: `reapply-preview-${theme}-nl`,
      query: q('scenario=on-track&locale=nl-NL'),
      act: async (page) => {
        await openAction(page, 'reapply');
        await page.getByTestId('reapply-preview').waitFor();
      },
    },
    {
      name: `extend-invalid-${theme}-en`,
      query: q('scenario=breached&locale=en-GB'),
      act: async (page) => {
        await openAction(page, 'extend');
        await page.getByTestId('extend-minutes').fill('0');
        await page.getByTestId('action-confirm').click();
        await page.getByTestId('field-error-minutes').waitFor();
      },
    },
    {
      name: `pause-conflict-${theme}-en`,
      query: q('scenario=on-track&locale=en-GB&failActions=conflict'),
      act: async (page) => {
        await openAction(page, 'pause');
        await page.getByTestId('reason-input').fill('Waiting for the on-site engineer');
        await page.getByTestId('action-confirm').click();
        await page.getByTestId('conflict-reload').waitFor();
      },
    },
    {
      name: `keyboard-${theme}-en`,
      query: q('scenario=on-track&locale=en-GB'),
      act: async (page) => {
        await page.getByTestId('action-pause').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('pause-form').waitFor();
        await expectFocus(page, 'reason-input', 'after opening with Enter');
        await page.keyboard.press('Escape');
        await page.getByTestId('pause-form').waitFor({ state: 'detached' });
        await expectFocus(page, 'action-pause', 'after Escape');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Waiting for the on-site engineer');
        await page.keyboard.press('Tab');
        await expectFocus(page, 'action-confirm', 'after Tab from the reason');
        await page.keyboard.press('Enter');
        await page.getByTestId('action-result').waitFor();
        await expectFocus(page, 'panel-status', 'after the action');
        await page.locator('[data-testid="panel-refreshing"]').waitFor({ state: 'detached' });
        const state = await page.getByTestId('panel-status').getAttribute('data-state');
        if (state !== 'paused') throw new Error(`after pausing the panel shows ${String(state)}`);
      },
    },
    {
      name: `details-open-${theme}-en`,
      query: q('scenario=paused&locale=en-GB'),
      act: async (page) => {
        for (const section of ['explanation', 'pauses', 'history']) await page.getByTestId(`panel-${section}-toggle`).click();
        await page.getByTestId('history-list').waitFor();
      },
    },
    {
      name: `load-error-${theme}-nl`,
      query: q('scenario=on-track&locale=nl-NL&failLoad=forbidden'),
    },
  ];
  return [...states, ...flows];
}

startPreview({
  app: 'panel',
  ready: '[data-testid="panel-status"], [data-testid="panel-load-error"]',
  shots: [...shotsFor('light'), ...shotsFor('dark')],
  viewport: { width: 720, height: 600 },
  fullPage: true,
  filter: process.argv[2],
});
