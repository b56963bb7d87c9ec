/**
 * Dev-only: what the apps' preview tools (static/<app>/dev/tools/preview.mts) share. Builds an
 * app's harness page (static/<app>/dev/index.html, mocked Forge host) with the production vite
 * config from scripts/build-ui.mjs, serves it on 127.0.0.1, opens each shot in Debian's Chromium
 * through playwright-core and writes test-results/<app>-preview/<shot>.png (git-ignored); a shot
 * that fails is recorded, shot as <shot>-FAILED.png, and makes the run exit with 1.
 *
 * Node-side tool with its own tsconfig (node types); never bundled. Writes only under test-results.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { createViteConfig } from '../../../../scripts/build-ui.mjs';

export type { Page } from 'playwright-core';

/** The checkout's root folder. */
export const repoRoot = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
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

export interface Shot {
  name: string;
  query: string;
  /** Drives the page after load (open a form or tab, submit, …). */
  act?: (page: Page) => Promise<void>;
  /** Scrolls this test id into view before the shot. */
  focusOn?: string;
  /** The whole page instead of the first screen; defaults to the preview's `fullPage`. */
  fullPage?: boolean;
  /** Another page width than the preview's viewport. */
  width?: number;
}

export interface PreviewOptions {
  /** Folder name under static/ whose dev/index.html is the harness page. */
  app: string;
  /** Selector of what the page shows once loaded (or failed to load). */
  ready: string;
  shots: readonly Shot[];
  viewport: { width: number; height: number };
  /** Whether shots take the whole page unless they say otherwise. */
  fullPage: boolean;
  /** Only shots whose name contains this run. */
  filter?: string | undefined;
}

/** Fails the run when focus is not where keyboard users need it. */
export async function expectFocus(page: Page, testId: string, when: string): Promise<void> {
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest('[data-testid]')?.getAttribute('data-testid') ?? active?.tagName ?? null;
  });
  if (focused !== testId) throw new Error(`${when}: focus is on ${String(focused)}, expected ${testId}`);
}

/** Fails the run when the text of a test id does not match. */
export async function expectText(page: Page, testId: string, pattern: RegExp, when: string): Promise<void> {
  const text = await page.getByTestId(testId).innerText();
  if (!pattern.test(text)) throw new Error(`${when}: ${testId} says "${text}", expected ${String(pattern)}`);
}

/** Builds, serves and shoots; sets `process.exitCode` to 1 when a shot or the page had a problem. */
export async function runPreview(options: PreviewOptions): Promise<void> {
  const { app, ready, viewport, filter } = options;
  const outDir = join(repoRoot, 'test-results', `${app}-preview`);
  mkdirSync(outDir, { recursive: true });
  await build(createViteConfig(app, { input: join(repoRoot, 'static', app, 'dev/index.html'), outDir: join(outDir, 'site') }));
  const { server, origin } = await serve(join(outDir, 'site'));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const problems: string[] = [];
  try {
    const shots = options.shots.filter((shot) => filter === undefined || shot.name.includes(filter));
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: shot.width ?? viewport.width, height: viewport.height }, deviceScaleFactor: 1, acceptDownloads: true });
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
        await page.screenshot({ path: join(outDir, `${shot.name}.png`), fullPage: shot.fullPage ?? options.fullPage });
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

/** Runs a preview as a script's main: an unexpected error is printed and exits with 1. */
export function startPreview(options: PreviewOptions): void {
  runPreview(options).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
