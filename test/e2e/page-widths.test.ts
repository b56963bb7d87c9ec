/**
 * Issue 11 item 8, in a real browser: every page of the sandbox works at 1024 px wide without
 * sideways scrolling — the queue's deadline and state columns stay in view — and nothing is cut off
 * at 1440 px. A new user opens the sandbox as the demo admin (no cookie), as the README says.
 * Screenshots of each page at 1024 px under test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { saveScreenshot } from './support/browser';
import { normalizeText, openPage } from './support/host-pages';
import { useSandboxAndBrowser } from './support/session';

jest.setTimeout(240_000);

const session = useSandboxAndBrowser();
let page: Page | null = null;

beforeAll(async () => {
  const { sbx } = session();
  await sbx.reset();
});

beforeEach(async () => {
  const { browser } = session();
  await browser.context.clearCookies();
  page = await openPage(browser.context);
});

afterEach(async () => {
  await page?.close();
  page = null;
});

function current(): Page {
  if (page === null) throw new Error('beforeEach did not open a page.');
  return page;
}

/** Elements sticking out to the right of the viewport (none on a page without sideways scrolling). */
async function overflow(p: Page, width: number): Promise<string[]> {
  const scroll = await p.locator('html').evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
  if (scroll <= width) return [];
  return p.evaluate(
    `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${width} + 1).slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '') + ' → ' + Math.round(e.getBoundingClientRect().right) + ' px')`,
  );
}

const PAGES = [
  ['queue', '/'],
  ['triage', '/triage'],
  ['request', '/browse/ITS-300'],
  ['dashboard', '/dashboard'],
  ['reports', '/reports'],
  ['issues', '/issues/?jql=project%20%3D%20ITS%20ORDER%20BY%20created%20DESC'],
  ['admin', '/admin'],
  ['portal', '/portal'],
  ['activity', '/activity'],
] as const;

it('opens as the demo admin', async () => {
  const { sbx } = session();
  const p = current();
  await p.goto(`${sbx.url}/`);
  expect(normalizeText(await p.locator('.userswitch select option:checked').innerText())).toMatch(/admin/i);
});

it.each(PAGES)('the %s page (%s) fits 1024 px and 1440 px without sideways scrolling', async (name, path) => {
  const { sbx } = session();
  const p = current();
  for (const width of [1024, 1440]) {
    await p.setViewportSize({ width, height: 900 });
    await p.goto(`${sbx.url}${path}`);
    await p.waitForLoadState('networkidle');
    expect(await overflow(p, width)).toEqual([]);
    if (width === 1024) await saveScreenshot(p, `width-1024-${name}`);
  }
});

it('keeps the queue’s deadline and state columns in view at 1024 px', async () => {
  const { sbx } = session();
  const p = current();
  await p.setViewportSize({ width: 1024, height: 900 });
  await p.goto(`${sbx.url}/`);
  const headers = p.locator('table thead th');
  const texts = (await headers.allInnerTexts()).map(normalizeText);
  const columns = texts.filter((t) => /deadline|state|status|time left/i.test(t));
  expect(columns.length).toBeGreaterThan(0);
  for (const text of columns) {
    const box = await headers.filter({ hasText: text }).first().boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1024);
  }
});
