/**
 * Dev-only: builds the panel's harness page (static/panel/dev, mocked Forge host) with the
 * production vite config, serves it on 127.0.0.1 and takes screenshots of every state and of the
 * action flows in light and dark theme, English and Dutch, with Debian's Chromium through
 * playwright-core. Output: test-results/panel-preview/*.png (git-ignored).
 *
 *   npx tsx static/panel/dev/tools/preview.mts            # all shots
 *   npx tsx static/panel/dev/tools/preview.mts at-risk    # only shots whose name contains "at-risk"
 *
 * Node-side tool with its own tsconfig (node types); never bundled.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { createViteConfig } from '../../../../scripts/build-ui.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const outDir = join(repoRoot, 'test-results', 'panel-preview');
const siteDir = join(outDir, 'site');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolvePromise({ server, origin: `http://127.0.0.1:${String(port)}` });
    });
  });
}

interface Shot {
  name: string;
  query: string;
  /** Drives the page after load (open a form, submit, …). */
  act?: (page: Page) => Promise<void>;
}

const ready = '[data-testid="panel-status"], [data-testid="panel-load-error"]';

/** Fails the run when focus is not where keyboard users need it. */
async function expectFocus(page: Page, testId: string, when: string): Promise<void> {
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest('[data-testid]')?.getAttribute('data-testid') ?? active?.tagName ?? null;
  });
  if (focused !== testId) throw new Error(`${when}: focus is on ${String(focused)}, expected ${testId}`);
}

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

async function main(): Promise<void> {
  const filter = process.argv[2];
  mkdirSync(outDir, { recursive: true });
  await build(createViteConfig('panel', { input: join(repoRoot, 'static/panel/dev/index.html'), outDir: siteDir }));
  const { server, origin } = await serve(siteDir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const problems: string[] = [];
  try {
    const shots = [...shotsFor('light'), ...shotsFor('dark')].filter((shot) => filter === undefined || shot.name.includes(filter));
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: 720, height: 600 }, deviceScaleFactor: 1 });
      page.on('pageerror', (error) => problems.push(`${shot.name}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${shot.name}: console: ${message.text()}`);
      });
      await page.goto(`${origin}/dev/index.html?${shot.query}`);
      await page.locator(ready).first().waitFor({ timeout: 15_000 });
      if (shot.act !== undefined) await shot.act(page);
      // Let Atlaskit's colour transitions (e.g. a button leaving its disabled look) finish.
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(outDir, `${shot.name}.png`), fullPage: true });
      console.log(`  ${shot.name}.png`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length > 0) {
    console.error(`Problems in the page:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
  console.log(`Screenshots in ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
