/**
 * `npm run build:ui`: builds every Custom UI app `static/<app>/` that has an `index.html` with vite
 * into `static/<app>/dist` (the paths manifest.yml's resources point at), prints each app's JS size
 * raw and gzipped, and fails when any app is over the gzip budget (150 kB of JS per app, issue 5
 * and issue 8).
 *
 * Message catalogues (src/i18n/catalogues/*.ts) are compiled to ICU message ASTs while bundling, so
 * the apps ship FormatJS's formatter without its parser (docs/adr/0010-icu-messages.md).
 *
 * Touches only `static/<app>/dist`. Apps are built in parallel; vite/rolldown does the heavy lifting.
 * Dev-only files (e.g. `static/panel/dev/`) are not reachable from `index.html`, so never bundled.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import ts from 'typescript';
import { parse as parseIcu } from '@formatjs/icu-messageformat-parser';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const staticDir = join(repoRoot, 'static');
const featureGatesStandIn = join(staticDir, 'shared', 'feature-gates-off.ts');

/** The gzipped JS budget of every app, in bytes (1 kB = 1000 B, as vite prints). */
const GZIP_BUDGET = 150_000;

const forgeEnsureLocale = join(repoRoot, 'node_modules', '@forge', 'i18n', 'out', 'ensureLocale.js');
const catalogueDir = join(repoRoot, 'src', 'i18n', 'catalogues');
const icuParserNoParser = fileURLToPath(import.meta.resolve('@formatjs/icu-messageformat-parser/no-parser.js'));

/**
 * Compiles a catalogue module's source (`export const xEn = { key: 'ICU text', … }`) to a module
 * exporting the same objects with each text replaced by its parsed AST — what `intl-messageformat`
 * takes instead of a string. A text that does not parse fails the build, naming the key.
 *
 * @param {string} source TypeScript source of a data-only catalogue module
 * @param {string} id its file path, for errors
 * @returns {Promise<string>} JavaScript module source
 */
export async function compileCatalogue(source, id) {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  if (/^\s*import\s/m.test(js)) throw new Error(`${id}: a catalogue is data only; it may not import anything at run time.`);
  /** @type {Record<string, unknown>} */
  const exports = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
  const out = [];
  for (const [name, catalogue] of Object.entries(exports)) {
    if (typeof catalogue !== 'object' || catalogue === null) throw new Error(`${id}: export ${name} is not a catalogue object.`);
    /** @type {Record<string, unknown>} */
    const compiled = {};
    for (const [key, text] of Object.entries(catalogue)) {
      if (typeof text !== 'string') throw new Error(`${id}: ${name}['${key}'] is not a text.`);
      try {
        compiled[key] = parseIcu(text, { ignoreTag: true });
      } catch (error) {
        throw new Error(`${id}: ${name}['${key}'] is not a valid ICU message: ${String(error)}`, { cause: error });
      }
    }
    out.push(`export const ${name} = ${JSON.stringify(compiled)};`);
  }
  return out.join('\n');
}

/**
 * The vite plugin that compiles catalogue modules to ASTs (see compileCatalogue).
 * @returns {import('vite').Plugin}
 */
function icuCataloguePlugin() {
  return {
    name: 'contract-clock:icu-catalogues',
    enforce: 'pre',
    async load(id) {
      const file = id.split('?')[0] ?? id;
      if (!file.startsWith(catalogueDir) || !file.endsWith('.ts')) return null;
      return { code: await compileCatalogue(await readFile(file, 'utf8'), file), moduleType: 'js' };
    },
  };
}

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
    // `development: false` always: a build started from Jest inherits NODE_ENV=test, and the JSX
    // transform would then emit jsxDEV calls that React's production runtime does not have.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [icuCataloguePlugin()],
    resolve: {
      alias: [
        // Atlaskit asks a Statsig feature-gate client that nobody initialises in a Forge iframe; the
        // stand-in answers exactly what that uninitialised client answers, minus ~50 kB gzip.
        { find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/, replacement: featureGatesStandIn },
        // @forge/bridge's getContext needs only `ensureLocale` of @forge/i18n, whose CommonJS index
        // would bring its whole translator and lodash/get (~4 kB gzip): take that one file.
        { find: /^@forge\/i18n$/, replacement: forgeEnsureLocale },
        // The catalogues arrive as ASTs (icuCataloguePlugin): the ICU parser (~7 kB gzip) stays out.
        { find: /^@formatjs\/icu-messageformat-parser$/, replacement: icuParserNoParser },
      ],
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
  // The bundles are production builds whoever starts them: Jest (the e2e setup) runs with
  // NODE_ENV=test, which vite and some Atlaskit packages would otherwise read as "development".
  process.env.NODE_ENV = 'production';
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
    console.log(
      `  ${app.padEnd(10)} ${formatKb(raw).padStart(10)} raw  ${formatKb(gzip).padStart(9)} gzip  ${files.length} file(s)  (budget ${formatKb(GZIP_BUDGET)} gzip)`,
    );
    console.log(`  ${''.padEnd(10)} ${formatKb(css.raw).padStart(10)} raw  ${formatKb(css.gzip).padStart(9)} gzip  CSS (not budgeted)`);
    if (gzip > GZIP_BUDGET) failures.push(`${app}: ${formatKb(gzip)} gzip > ${formatKb(GZIP_BUDGET)}`);
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
