/**
 * The browser of the e2e tests: Debian's Chromium (/usr/bin/chromium) driven by playwright-core,
 * headless, with a fresh profile under os.tmpdir() that is deleted on close. Playwright never
 * downloads a browser here: a missing Chromium fails the tests with the command that installs it
 * (.ci/run runs that command on CI). Also saves the full-page screenshots every browser test leaves
 * under test-results/screenshots/.
 *
 * Starts one Chromium process per call and removes only the profile folder it created.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Where screenshots go: the git-ignored test-results/ folder at the repository root. */
export const screenshotDir = path.resolve(__dirname, '../../../test-results/screenshots');

/**
 * Flags for a quiet, reproducible headless Chromium: no background traffic to Google, no component
 * or sync updates, no first-run UI, no QUIC. `--no-sandbox` because CI runs as root in a container.
 * `--headless` is added by Playwright (headless: true) and `--user-data-dir` comes from the
 * userDataDir argument: Playwright refuses those two as raw arguments.
 */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export interface E2eBrowser {
  /** One browser context (the persistent profile); tests open pages in it and set the user cookie. */
  context: BrowserContext;
  /** Closes Chromium and deletes its profile folder. */
  close(): Promise<void>;
}

/**
 * Throws the instruction to install Chromium when /usr/bin/chromium is missing: the browser tests
 * must fail loudly rather than skip.
 *
 * @example assertChromiumInstalled(); // throws on a machine without Debian's chromium package
 */
export function assertChromiumInstalled(executable = chromiumPath): void {
  if (!existsSync(executable)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${executable}, which is missing. ` +
        'Install it with `apt-get install -y chromium` (the .ci/run script does this on CI). ' +
        'Never let Playwright download a browser for these tests.',
    );
  }
}

/**
 * Launches headless Chromium with a fresh profile under os.tmpdir().
 *
 * @example const browser = await launchBrowser(); const page = await browser.context.newPage(); … await browser.close();
 */
export async function launchBrowser(): Promise<E2eBrowser> {
  assertChromiumInstalled();
  const profile = mkdtempSync(path.join(tmpdir(), 'contract-clock-e2e-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1600, height: 900 },
      // the host formats times in the user's zone; the browser's own zone and locale must not matter
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium (${chromiumPath}) did not start under playwright-core.`, { cause: error });
  }
  context.setDefaultTimeout(20_000);
  return {
    context,
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Saves a full-page screenshot as test-results/screenshots/<name>.png and answers its path.
 *
 * @example await saveScreenshot(page, 'panel-state-breached'); // '…/test-results/screenshots/panel-state-breached.png'
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Screenshot names are kebab-case: "${name}".`);
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Saves a screenshot of one part of a page (a section of an app in its frame) as
 * test-results/screenshots/<name>.png, at the page's width, and answers its path: readable where a
 * full-page shot of a long document is not.
 *
 * @example await savePartScreenshot(frame.getByTestId('report-section-credits'), 'commercial-credits-section-en');
 */
export async function savePartScreenshot(part: Locator, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Screenshot names are kebab-case: "${name}".`);
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await part.screenshot({ path: file });
  return file;
}
