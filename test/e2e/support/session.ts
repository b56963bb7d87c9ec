/**
 * One sandbox and one browser per test file: started together in `beforeAll` (the demo may have to
 * be generated first), closed in `afterAll`. Call `useSandboxAndBrowser()` at the top of a file and
 * read the pair through the returned getter inside tests.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './browser';
import { openPage } from './host-pages';
import { startE2eSandbox, type E2eSandbox } from './sandbox';

export interface SandboxAndBrowser {
  readonly sbx: E2eSandbox;
  readonly browser: E2eBrowser;
}

/** @example const session = useSandboxAndBrowser(); … const { sbx, browser } = session(); */
export function useSandboxAndBrowser(): () => SandboxAndBrowser {
  let sbx: E2eSandbox | null = null;
  let browser: E2eBrowser | null = null;

  beforeAll(async () => {
    // the demo may have to be generated first (tens of seconds on a busy 2-core machine)
    const [sandboxResult, browserResult] = await Promise.allSettled([startE2eSandbox(), launchBrowser()]);
    if (sandboxResult.status === 'fulfilled') sbx = sandboxResult.value;
    if (browserResult.status === 'fulfilled') browser = browserResult.value;
    if (sandboxResult.status === 'rejected') throw sandboxResult.reason;
    if (browserResult.status === 'rejected') throw browserResult.reason;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await sbx?.close();
  });

  return () => {
    if (sbx === null || browser === null) throw new Error('beforeAll did not start the sandbox and the browser.');
    return { sbx, browser };
  };
}

/**
 * One sandbox and browser per file, and before every test: the sandbox reset to its demo, no cookies,
 * `prepare` (e.g. acting as a user), then a fresh page at 1024 × 900, closed after the test.
 *
 * @example const started = useFreshPageEachTest(); … const { sbx, page } = started();
 */
export function useFreshPageEachTest(prepare?: (pair: SandboxAndBrowser) => Promise<void>): () => { sbx: E2eSandbox; page: Page } {
  const session = useSandboxAndBrowser();
  let page: Page | null = null;

  beforeEach(async () => {
    const pair = session();
    await pair.sbx.reset();
    await pair.browser.context.clearCookies();
    await prepare?.(pair);
    page = await openPage(pair.browser.context);
    await page.setViewportSize({ width: 1024, height: 900 });
  });

  afterEach(async () => {
    await page?.close();
    page = null;
  });

  return () => {
    const { sbx } = session();
    if (page === null) throw new Error('beforeEach did not open a page.');
    return { sbx, page };
  };
}
