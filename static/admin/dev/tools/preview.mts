/**
 * Dev-only: builds the admin page's harness (static/admin/dev, mocked Forge host and backend) with
 * the production vite config, serves it on 127.0.0.1 and takes screenshots of every state and the
 * main flows in light and dark theme, English and Dutch, with Debian's Chromium through
 * playwright-core; a few flows also check where keyboard focus lands. Output:
 * test-results/admin-preview/*.png (git-ignored).
 *
 *   npx tsx static/admin/dev/tools/preview.mts            # all shots
 *   npx tsx static/admin/dev/tools/preview.mts editor     # only shots whose name contains "editor"
 *
 * Node-side tool with its own tsconfig (node types); never bundled.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { createViteConfig } from '../../../../scripts/build-ui.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const outDir = join(repoRoot, 'test-results', 'admin-preview');
const siteDir = join(outDir, 'site');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const demoExport = readFileSync(join(repoRoot, 'static/admin/dev/demo-database.json'), 'utf8');

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
  /** Drives the page after load (open a tab, submit, …). */
  act?: (page: Page) => Promise<void>;
  /** Scrolls this test id into view before the shot. */
  focusOn?: string;
  /** The whole page instead of the first screen. */
  fullPage?: boolean;
  /** A narrower page than the default 1280 px (Jira's admin area on a laptop with the sidebar open). */
  width?: number;
}

const ready = '[data-testid="admin-summary"], [data-testid="admin-forbidden"], [data-testid="admin-load-error"]';

/** Fails the run when focus is not where keyboard users need it. */
async function expectFocus(page: Page, testId: string, when: string): Promise<void> {
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest('[data-testid]')?.getAttribute('data-testid') ?? active?.tagName ?? null;
  });
  if (focused !== testId) throw new Error(`${when}: focus is on ${String(focused)}, expected ${testId}`);
}

async function expectText(page: Page, testId: string, pattern: RegExp, when: string): Promise<void> {
  const text = await page.getByTestId(testId).innerText();
  if (!pattern.test(text)) throw new Error(`${when}: ${testId} says "${text}", expected ${String(pattern)}`);
}

async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId(`panel-${tab}`).waitFor();
}

/** Breaks the demo document in two places the backend reports with paths. */
async function breakDocument(page: Page): Promise<void> {
  const editor = page.getByTestId('json-editor');
  const text = await editor.inputValue();
  await editor.fill(text.replace(/"effectiveFrom": "2026-01-01"/, '"effectiveFrom": "2026-13-45"').replace(/"levelId": "gold"/, '"levelId": "platinum"'));
}

function shotsFor(theme: 'light' | 'dark'): Shot[] {
  const q = (rest: string) => `theme=${theme}&${rest}`;
  return [
    { name: `overview-${theme}-en`, query: q('scenario=found&locale=en-GB'), fullPage: true },
    { name: `overview-contracts-${theme}-nl`, query: q('scenario=found&locale=nl-NL'), focusOn: 'overview-contracts' },
    {
      name: `overview-filter-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      focusOn: 'overview-contracts',
      act: async (page) => {
        await page.getByTestId('contracts-filter').fill('zzz');
        await page.getByTestId('contracts-no-match').waitFor();
      },
    },
    { name: `narrow-${theme}-nl`, query: q('scenario=found&locale=nl-NL'), width: 760, fullPage: true },
    { name: `missing-${theme}-en`, query: q('scenario=missing&locale=en-GB') },
    { name: `invalid-${theme}-nl`, query: q('scenario=invalid&locale=nl-NL') },
    { name: `forbidden-${theme}-en`, query: q('scenario=found&locale=en-GB&failLoad=forbidden') },
    { name: `unavailable-${theme}-nl`, query: q('scenario=found&locale=nl-NL&failLoad=unavailable') },
    {
      name: `editor-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: (page) => openTab(page, 'editor'),
    },
    {
      name: `editor-valid-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: async (page) => {
        await openTab(page, 'editor');
        await page.getByTestId('validate-button').click();
        await page.locator('[data-testid="admin-result"][data-appearance="success"]').waitFor();
      },
    },
    {
      name: `editor-syntax-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: async (page) => {
        await openTab(page, 'editor');
        const editor = page.getByTestId('json-editor');
        await editor.fill((await editor.inputValue()).replace('"schemaVersion": 1,', '"schemaVersion": 1,,'));
        await page.getByTestId('save-button').click();
        await page.getByTestId('validation-error-0').click();
        await expectFocus(page, 'json-editor', 'after choosing the syntax error');
      },
    },
    {
      name: `editor-errors-${theme}-nl`,
      query: q('scenario=found&locale=nl-NL'),
      act: async (page) => {
        await openTab(page, 'editor');
        await breakDocument(page);
        await page.getByTestId('validate-button').click();
        await page.getByTestId('validation-errors').waitFor();
        await page.getByTestId('validation-error-1').focus();
        await page.keyboard.press('Enter');
        await expectFocus(page, 'json-editor', 'after choosing an error with Enter');
        const selected = await page
          .getByTestId('json-editor')
          .evaluate((element) => (element instanceof HTMLTextAreaElement ? element.value.slice(element.selectionStart, element.selectionEnd) : null));
        if (selected !== '"platinum"') throw new Error(`the error selected ${selected}, expected "platinum"`);
      },
    },
    {
      name: `save-invalid-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: async (page) => {
        await openTab(page, 'editor');
        await breakDocument(page);
        await page.getByTestId('save-button').click();
        await page.getByTestId('validation-errors').waitFor();
        await expectText(page, 'admin-result', /Nothing was saved/, 'after a failed save');
        const dirty = await page.getByTestId('editor-dirty').getAttribute('data-dirty');
        if (dirty !== 'true') throw new Error('a failed save lost the unsaved edits');
      },
    },
    {
      name: `save-ok-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: async (page) => {
        await openTab(page, 'editor');
        const editor = page.getByTestId('json-editor');
        await editor.fill((await editor.inputValue()).replace('"name": "Printing"', '"name": "Printing and scanning"'));
        await page.getByTestId('save-button').click();
        await page.locator('[data-testid="admin-result"][data-appearance="success"]').waitFor();
        await expectText(page, 'admin-result', /Contract database saved/, 'after saving');
      },
    },
    {
      name: `save-unavailable-${theme}-en`,
      query: q('scenario=found&locale=en-GB&failActions=unavailable'),
      act: async (page) => {
        await openTab(page, 'editor');
        await page.getByTestId('save-button').click();
        await page.locator('[data-testid="admin-result"][data-appearance="error"]').waitFor();
      },
    },
    {
      name: `reload-discard-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: async (page) => {
        await openTab(page, 'editor');
        await page.getByTestId('json-editor').press('End');
        await page.keyboard.type(' ');
        await page.getByTestId('reload-button').click();
        await page.getByTestId('discard-confirm').waitFor();
        await expectFocus(page, 'discard-confirm-button', 'when asked to discard');
      },
    },
    {
      name: `import-errors-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: async (page) => {
        await openTab(page, 'transfer');
        await page.getByTestId('import-text').fill('{\n  "schemaVersion": 1,\n  "calendars": [{ "id": "office", "name": "" }],\n  "levels": [{ "id": "gold" }]\n}\n');
        await page.getByTestId('import-button').click();
        await page.getByTestId('validation-errors').waitFor();
      },
    },
    {
      name: `import-ok-${theme}-nl`,
      query: q('scenario=missing&locale=nl-NL'),
      act: async (page) => {
        await page.getByTestId('status-import').click();
        await page.getByTestId('import-file').setInputFiles({ name: 'contract-database.json', mimeType: 'application/json', buffer: Buffer.from(demoExport) });
        await page.getByTestId('import-file-note').waitFor();
        await page.getByTestId('import-button').click();
        await page.locator('[data-testid="admin-result"][data-appearance="success"]').waitFor();
        await expectText(page, 'admin-status', /Opgeslagen/, 'after importing');
      },
    },
    {
      name: `export-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: async (page) => {
        await openTab(page, 'transfer');
        const download = page.waitForEvent('download');
        await page.getByTestId('export-button').click();
        const file = await download;
        if (file.suggestedFilename() !== 'contract-database-2026-10-05.json') throw new Error(`downloaded ${file.suggestedFilename()}`);
        await page.getByTestId('export-link').waitFor();
      },
    },
    {
      name: `jira-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      fullPage: true,
      act: async (page) => {
        await openTab(page, 'jira');
        await page.getByTestId('jira-service-desks').waitFor();
      },
    },
    {
      name: `rebuild-${theme}-nl`,
      query: q('scenario=found&locale=nl-NL'),
      act: async (page) => {
        await openTab(page, 'maintenance');
        await page.getByTestId('rebuild-button').click();
        await expectFocus(page, 'rebuild-confirm-button', 'when asked to confirm the rebuild');
        await page.keyboard.press('Enter');
        await page.locator('[data-testid="admin-result"][data-appearance="success"]').waitFor();
        await expectText(page, 'admin-result', /0b7c2d1e-/, 'after the rebuild');
      },
    },
    {
      name: `keyboard-tabs-${theme}-en`,
      query: q('scenario=found&locale=en-GB'),
      act: async (page) => {
        await page.getByTestId('tab-overview').focus();
        await page.keyboard.press('ArrowRight');
        await page.getByTestId('panel-editor').waitFor();
        await expectFocus(page, 'tab-editor', 'after ArrowRight in the tab list');
      },
    },
  ];
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  mkdirSync(outDir, { recursive: true });
  await build(createViteConfig('admin', { input: join(repoRoot, 'static/admin/dev/index.html'), outDir: siteDir }));
  const { server, origin } = await serve(siteDir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const problems: string[] = [];
  try {
    const shots = [...shotsFor('light'), ...shotsFor('dark')].filter((shot) => filter === undefined || shot.name.includes(filter));
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: shot.width ?? 1280, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
      page.on('pageerror', (error) => problems.push(`${shot.name}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${shot.name}: console: ${message.text()}`);
      });
      try {
        await page.goto(`${origin}/dev/index.html?${shot.query}`);
        await page.locator(ready).first().waitFor({ timeout: 15_000 });
        if (shot.act !== undefined) await shot.act(page);
        if (shot.focusOn !== undefined) await page.getByTestId(shot.focusOn).scrollIntoViewIfNeeded();
        // Let Atlaskit's colour transitions (e.g. a button leaving its disabled look) finish.
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(outDir, `${shot.name}.png`), fullPage: shot.fullPage === true });
        console.log(`  ${shot.name}.png`);
      } catch (error: unknown) {
        problems.push(`${shot.name}: ${error instanceof Error ? error.message : String(error)}`);
        await page.screenshot({ path: join(outDir, `${shot.name}-FAILED.png`), fullPage: true });
      } finally {
        await page.close();
      }
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
