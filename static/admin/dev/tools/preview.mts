/**
 * Dev-only: builds the admin page's harness (static/admin/dev, mocked Forge host and backend) with
 * the production vite config, serves it on 127.0.0.1 and takes screenshots of every state and the
 * main flows in light and dark theme, English and Dutch, with Debian's Chromium through
 * playwright-core (static/shared/dev/tools/preview-kit.mts does the building, serving and
 * shooting); a few flows also check where keyboard focus lands. Output:
 * test-results/admin-preview/*.png (git-ignored).
 *
 *   npx tsx static/admin/dev/tools/preview.mts            # all shots
 *   npx tsx static/admin/dev/tools/preview.mts editor     # only shots whose name contains "editor"
 *
 * Node-side tool with its own tsconfig (node types); never bundled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFocus, expectText, repoRoot, startPreview, type Page, type Shot } from '../../../shared/dev/tools/preview-kit.mjs';

const demoExport = readFileSync(join(repoRoot, 'static/admin/dev/demo-database.json'), 'utf8');

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

startPreview({
  app: 'admin',
  ready: '[data-testid="admin-summary"], [data-testid="admin-forbidden"], [data-testid="admin-load-error"]',
  shots: [...shotsFor('light'), ...shotsFor('dark')],
  // Jira's admin area on a wide screen; shots that need it set a narrower width.
  viewport: { width: 1280, height: 900 },
  fullPage: false,
  filter: process.argv[2],
});
