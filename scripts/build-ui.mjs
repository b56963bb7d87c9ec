/**
 * `npm run build:ui`: builds every Custom UI app `static/<app>/` that has an `index.html` with vite
 * into `static/<app>/dist` (the paths manifest.yml's resources point at), prints each app's JS size
 * raw and gzipped, and fails when an app is over its gzip budget (the issue panel: 150 kB, issue 5).
 *
 * Touches only `static/<app>/dist`. Apps are built in parallel; vite/rolldown does the heavy lifting.
 * Dev-only files (e.g. `static/panel/dev/`) are not reachable from `index.html`, so never bundled.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const staticDir = join(repoRoot, 'static');
const featureGatesStandIn = join(staticDir, 'shared', 'feature-gates-off.ts');

/**
 * Gzipped JS budgets in bytes (1 kB = 1000 B, as vite prints). Apps without one are only reported.
 * @type {Readonly<Record<string, number>>}
 */
const GZIP_BUDGETS = { panel: 150_000 };

/**
 * The app folders under static/ that have an index.html (static/shared is a library, not an app).
 * @returns {Promise<string[]>}
 */
async function findApps() {
  const entries = await readdir(staticDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(staticDir, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The vite config of one app: inline, so no vite.config file has to be kept in each app folder.
 * Exported for dev tools (static/shared/dev/tools/preview-kit.mts builds the dev harness pages with it).
 *
 * @param {string} app folder name under static/
 * @param {{ input?: string, outDir?: string }} [overrides] another HTML entry / output folder
 * @returns {import('vite').InlineConfig}
 */
export function createViteConfig(app, overrides = {}) {
  const root = join(staticDir, app);
  return {
    configFile: false,
    root,
    // Forge serves a resource from an unknown path prefix: every URL in index.html must be relative.
    base: './',
    logLevel: 'warn',
    mode: 'production',
    publicDir: join(root, 'public'),
    // React 17+ automatic runtime through vite's built-in oxc transform (no React plugin needed).
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: {
      // Atlaskit asks a Statsig feature-gate client that nobody initialises in a Forge iframe; the
      // stand-in answers exactly what that uninitialised client answers, minus ~50 kB gzip.
      alias: [{ find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/, replacement: featureGatesStandIn }],
    },
    build: {
      outDir: overrides.outDir ?? join(root, 'dist'),
      emptyOutDir: true,
      // Forge's Custom UI iframe runs in current Atlassian-supported browsers.
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: overrides.input ?? join(root, 'index.html') },
    },
  };
}

/**
 * Builds one app into static/<app>/dist and measures it.
 * @param {string} app
 */
async function buildApp(app) {
  await build(createViteConfig(app));
  return measureApp(app);
}

/**
 * Lists every file under dir, recursively.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

/**
 * Raw and gzipped size of a set of files, summed (each file gzipped on its own, as served).
 * @param {readonly string[]} files
 */
async function measureFiles(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = await readFile(file);
    raw += (await stat(file)).size;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

/**
 * Sizes of the JS (every chunk counts: the iframe may load each) and CSS an app ships.
 * @param {string} app
 */
async function measureApp(app) {
  const files = await listFiles(join(staticDir, app, 'dist'));
  const jsFiles = files.filter((file) => file.endsWith('.js'));
  const js = await measureFiles(jsFiles);
  const css = await measureFiles(files.filter((file) => file.endsWith('.css')));
  return { app, files: jsFiles.map((file) => relative(repoRoot, file)), raw: js.raw, gzip: js.gzip, css };
}

/** @param {number} bytes */
function formatKb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

async function main() {
  const started = Date.now();
  const apps = await findApps();
  if (apps.length === 0) {
    console.log('build:ui: no Custom UI app (static/<app>/index.html) found.');
    return;
  }
  const results = await Promise.all(apps.map((app) => buildApp(app)));

  console.log('\nCustom UI bundles (JS):');
  /** @type {string[]} */
  const failures = [];
  for (const { app, files, raw, gzip, css } of results) {
    const budget = GZIP_BUDGETS[app];
    const budgetText = budget === undefined ? '' : `  (budget ${formatKb(budget)} gzip)`;
    console.log(
      `  ${app.padEnd(10)} ${formatKb(raw).padStart(10)} raw  ${formatKb(gzip).padStart(9)} gzip  ${files.length} file(s)${budgetText}`,
    );
    console.log(`  ${''.padEnd(10)} ${formatKb(css.raw).padStart(10)} raw  ${formatKb(css.gzip).padStart(9)} gzip  CSS (not budgeted)`);
    if (budget !== undefined && gzip > budget) failures.push(`${app}: ${formatKb(gzip)} gzip > ${formatKb(budget)}`);
  }
  console.log(`Built ${results.length} app(s) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  if (failures.length > 0) {
    console.error(`\nbuild:ui FAILED: over the gzip budget:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

// Run only when executed (`node scripts/build-ui.mjs`), not when a dev tool imports createViteConfig.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((/** @type {unknown} */ error) => {
    console.error('build:ui FAILED:', error);
    process.exitCode = 1;
  });
}
