/**
 * Every message catalogue (src/i18n/catalogues/<name>.<language>.ts, found by file name, so a new
 * app's pair is checked without touching this test): English and Dutch define exactly the same keys,
 * each text parses as ICU MessageFormat, both languages use the same ICU arguments of the same kind
 * per key, and plural texts have an `other` case. Then what each surface words: every backend value
 * (states, error codes, history and explanation kinds, uncovered reasons, problems) has a text, and
 * every admin text is used by the admin page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isStructurallySame, parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { adminGetDataSchema } from '../../src/contract/admin-api';
import { clockErrorReasonSchema, uncoveredReasonSchema } from '../../src/contract/clock-record';
import { MESSAGE_TEMPLATE_KINDS } from '../../src/contract/contract-database';
import { errorCodeSchema } from '../../src/contract/envelope';
import { explanationStepKindSchema, historyKindSchema, panelStateSchema, targetStateSchema } from '../../src/contract/panel-api';
import { PERIOD_PRESETS } from '../../src/contract/report-period';
import { contractCardSchema, notCoveredReasonSchema } from '../../src/contract/portal-api';
import { LANGUAGES } from '../../src/i18n/messages';

const catalogueDir = join(__dirname, '../../src/i18n/catalogues');

/** name → language → the catalogue object the module exports. */
function loadCatalogues(): Map<string, Map<string, Readonly<Record<string, string>>>> {
  const out = new Map<string, Map<string, Readonly<Record<string, string>>>>();
  for (const file of readdirSync(catalogueDir).sort()) {
    const match = /^([a-z-]+)\.([a-z]{2})\.ts$/.exec(file);
    if (match === null) throw new Error(`${file}: catalogue files are named <name>.<language>.ts`);
    const [, name = '', language = ''] = match;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each catalogue module, found by its file name
    const exports: Record<string, unknown> = require(join(catalogueDir, file));
    const values = Object.values(exports);
    const catalogue = values[0];
    if (values.length !== 1 || typeof catalogue !== 'object' || catalogue === null) throw new Error(`${file}: export exactly one catalogue object`);
    const texts: Record<string, string> = {};
    for (const [key, text] of Object.entries(catalogue)) {
      if (typeof text !== 'string') throw new Error(`${file}: '${key}' is not a text`);
      texts[key] = text;
    }
    const languages = out.get(name) ?? new Map<string, Readonly<Record<string, string>>>();
    languages.set(language, texts);
    out.set(name, languages);
  }
  return out;
}

const catalogues = loadCatalogues();
const names = [...catalogues.keys()];

function textsOf(name: string, language: string): Readonly<Record<string, string>> {
  const texts = catalogues.get(name)?.get(language);
  if (texts === undefined) throw new Error(`No ${language} catalogue '${name}'.`);
  return texts;
}

function parseText(text: string): MessageFormatElement[] {
  return parse(text, { ignoreTag: true, requiresOtherClause: true });
}

/** The ICU arguments of a text with their kind, nested ones included: `count:plural`, `name:argument`. */
function argumentsOf(elements: readonly MessageFormatElement[]): string[] {
  const out = new Set<string>();
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      for (const argument of argumentsOf(element.children)) out.add(argument);
      continue;
    }
    out.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) for (const argument of argumentsOf(option.value)) out.add(argument);
    }
  }
  return [...out].sort();
}

describe('message catalogues', () => {
  it('are the shared, panel, admin and backend ones (more may be added)', () => {
    expect(names).toEqual(expect.arrayContaining(['common', 'panel', 'admin', 'clock']));
  });

  describe.each(names)('%s', (name) => {
    const english = textsOf(name, 'en');

    it('exists in every language, with exactly the English keys', () => {
      expect([...(catalogues.get(name)?.keys() ?? [])].sort()).toEqual([...LANGUAGES].sort());
      for (const language of LANGUAGES) expect(Object.keys(textsOf(name, language)).sort()).toEqual(Object.keys(english).sort());
    });

    it.each(LANGUAGES)('%s: every text is filled in, trimmed and parses as ICU MessageFormat', (language) => {
      for (const [key, text] of Object.entries(textsOf(name, language))) {
        expect({ key, trimmed: text.trim() === text && text !== '' }).toEqual({ key, trimmed: true });
        expect(() => parseText(text)).not.toThrow();
      }
    });

    it('uses the same ICU arguments of the same kinds in every language', () => {
      for (const [key, text] of Object.entries(english)) {
        const source = parseText(text);
        for (const language of LANGUAGES) {
          const translated = parseText(textsOf(name, language)[key] ?? '');
          expect({ key, language, args: argumentsOf(translated) }).toEqual({ key, language, args: argumentsOf(source) });
          expect({ key, language, same: isStructurallySame(source, translated).success }).toEqual({ key, language, same: true });
        }
      }
    });

    it('has no quote that swallows a placeholder (an ASCII apostrophe before a brace is ICU quoting)', () => {
      for (const language of LANGUAGES) {
        for (const [key, text] of Object.entries(textsOf(name, language))) {
          const lone = text.replace(/''/g, '').match(/'[{}#]/g) ?? [];
          expect({ key, lone }).toEqual({ key, lone: [] });
        }
      }
    });

    it('is really translated: most Dutch texts differ from the English ones', () => {
      const dutch = textsOf(name, 'nl');
      const keys = Object.keys(english);
      const same = keys.filter((key) => english[key] === dutch[key]);
      // Product names, units and patterns like `{from} → {to}` are the same in both languages.
      expect(same.length).toBeLessThan(Math.max(4, keys.length / 4));
    });
  });
});

describe('what each surface words', () => {
  const has = (name: string, keys: readonly string[]) => keys.filter((key) => LANGUAGES.some((language) => textsOf(name, language)[key] === undefined));

  it.each<[string, string, readonly string[], (value: string) => string]>([
    ['panel', 'panel states', panelStateSchema.options, (value) => `state.${value}`],
    ['panel', 'target states', targetStateSchema.options, (value) => `state.${value}`],
    ['panel', 'error codes', errorCodeSchema.options, (value) => `error.${value}`],
    ['panel', 'history kinds', historyKindSchema.options, (value) => `history.kind.${value}`],
    ['panel', 'explanation steps', explanationStepKindSchema.options, (value) => `explanation.kind.${value}`],
    ['admin', 'error codes', errorCodeSchema.options, (value) => `admin.error.${value}`],
    ['admin', 'database statuses', adminGetDataSchema.shape.status.options, (value) => `admin.status.${value}`],
    ['admin', 'message template kinds', MESSAGE_TEMPLATE_KINDS, (value) => `admin.settings.kind.${value}`],
    ['admin', 'Jira status categories', ['new', 'indeterminate', 'done'], (value) => `admin.jira.category.${value}`],
    ['clock', 'uncovered reasons', uncoveredReasonSchema.options, (value) => `uncovered.${value}`],
    ['clock', 'clock problems', clockErrorReasonSchema.options, (value) => `problem.${value}`],
    ['portal', 'error codes', errorCodeSchema.options, (value) => `error.${value}`],
    ['portal', 'contract statuses', contractCardSchema.shape.status.options, (value) => `contract.status.${value}`],
    ['portal', 'reasons no contract covers a request', notCoveredReasonSchema.options, (value) => `notCovered.${value}`],
  ])('%s has a text in both languages for every value of the %s', (name, _what, values, toKey) => {
    expect(has(name, values.map(toKey))).toEqual([]);
  });

  function listSources(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? listSources(path) : /\.tsx?$/.test(entry) ? [path] : [];
    });
  }

  it('uses every portal text somewhere in static/portal/src (no dead keys left behind)', () => {
    const sources = listSources(join(__dirname, '../../static/portal/src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const dynamicPrefixes = ['error.', 'notCovered.'];
    const unused = Object.keys(textsOf('portal', 'en')).filter(
      (key) => !sources.includes(`'${key}'`) && !dynamicPrefixes.some((prefix) => key.startsWith(prefix) && sources.includes(`\`${prefix}\${`)),
    );
    expect(unused).toEqual([]);
  });

  it('uses every admin text somewhere in static/admin/src (no dead keys left behind)', () => {
    const sources = listSources(join(__dirname, '../../static/admin/src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Keys built from a value at run time: t(`admin.error.${code}`) and the like.
    const dynamicPrefixes = ['admin.error.', 'admin.status.', 'admin.settings.kind.'];
    const unused = Object.keys(textsOf('admin', 'en')).filter(
      (key) => !sources.includes(`'${key}'`) && !dynamicPrefixes.some((prefix) => key.startsWith(prefix) && sources.includes(`\`${prefix}\${`)),
    );
    expect(unused).toEqual([]);
  });

  it.each([
    ['gadget', ['static/gadget/src']],
    ['reports', ['static/reports/src']],
    ['compliance', ['static/gadget/src', 'static/reports/src', 'static/shared/compliance']],
  ] as const)('uses every %s text somewhere in its app (no dead keys left behind)', (name, dirs) => {
    const sources = dirs
      .flatMap((dir) => listSources(join(__dirname, '../..', dir)))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Keys built from a value at run time: t(`compliance.preset.${preset}`) and the like.
    const dynamicPrefixes = ['compliance.error.', 'compliance.preset.', 'compliance.dimension.', 'reports.uncovered.reason.'];
    const unused = Object.keys(textsOf(name, 'en')).filter(
      (key) => !sources.includes(`'${key}'`) && !dynamicPrefixes.some((prefix) => key.startsWith(prefix) && sources.includes(`\`${prefix}\${`)),
    );
    expect(unused).toEqual([]);
  });

  it('has a text for every error code, period preset and reason the managers’ views show', () => {
    const compliance = textsOf('compliance', 'en');
    for (const code of errorCodeSchema.options) expect(compliance[`compliance.error.${code}`]).toBeDefined();
    for (const preset of PERIOD_PRESETS) expect(compliance[`compliance.preset.${preset}`]).toBeDefined();
    const reports = textsOf('reports', 'en');
    for (const reason of [...uncoveredReasonSchema.options, 'fallback']) expect(reports[`reports.uncovered.reason.${reason}`]).toBeDefined();
  });
});
