/**
 * What the built Custom UI bundles carry of the message system (docs/adr/0010-icu-messages.md):
 * each app its own catalogue and the shared one, none of another app's; the catalogues as
 * pre-parsed ICU ASTs; FormatJS's formatter without its parser. Builds the bundles first when they
 * are missing or stale (under `npm test` they were just built).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findStaleBundles, runBuildUi } from '../../sandbox/ui-bundles';

jest.setTimeout(120_000);

const staticDir = path.join(__dirname, '../../static');

function bundleOf(app: string): string {
  const assets = path.join(staticDir, app, 'dist', 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(assets, file), 'utf8'))
    .join('\n');
}

beforeAll(async () => {
  if (findStaleBundles().length > 0) await runBuildUi();
});

describe.each([
  ['panel', '"tell.language"', '"admin.editor.label"'],
  ['admin', '"admin.editor.label"', '"tell.language"'],
  ['gadget', '"gadget.open.title"', '"reports.exportCsv"'],
  ['reports', '"reports.exportCsv"', '"gadget.open.title"'],
])('the %s bundle', (app, own, other) => {
  it('carries its own texts and the shared ones, not another app’s', () => {
    const code = bundleOf(app);
    expect(code).toContain(own);
    expect(code).toContain('"common.cancel"');
    expect(code).not.toContain(other);
    expect(code).not.toContain('"because.strictest"'); // the backend's catalogue stays on the backend
  });

  it('carries the catalogues as ICU ASTs and no ICU parser', () => {
    const code = bundleOf(app);
    // `[{ type: 0 (literal), value: 'Cancel' }]`, as @formatjs/icu-messageformat-parser parses it
    // (the minifier writes the JSON as an object literal with template strings)
    expect(code).toMatch(/"common\.cancel":\[\{type:0,value:`Cancel`\}\]/);
    // error names only the parser has (its no-parser stand-in has none of them)
    expect(code).not.toContain('EXPECT_ARGUMENT_CLOSING_BRACE');
    expect(code).not.toContain('MALFORMED_ARGUMENT');
  });
});
