/**
 * The audit log's change lines in the reader's language (ADR 0035). src/domain/database-changes.ts
 * writes every line in English from the `changes` catalogue, and the line is stored that way (the
 * export keeps it so: a backup must import back). `translateChangeLine` recognises the line's
 * template, reads the values back and renders the same key in the reader's language; values that
 * are lines or words of the catalogue themselves (`{change}`, `{from}`, `{to}`, `{kind}`, list items)
 * are translated in turn, amounts are re-formatted in the reader's locale, names stay as they are.
 * Lines stored before the catalogue existed read the same (the templates were written to their
 * wording). A line no template matches (e.g. one cut short at the storage limit) comes back as it is.
 *
 * Pure: no I/O, no React. Backend only: the admin resolver translates what it answers.
 */
import { currencyMinorDigits, formatMoney, isKnownCurrency } from '../contract/money';
import { changesEn } from './catalogues/changes.en';
import { changeMessages } from './change-messages';
import { createTranslator, LANGUAGE_LOCALE, selectLanguage, toIntlLocale, type Language } from './messages';
import { compileTemplates, recogniseText, type TextTemplate } from './template-text';

type Key = keyof typeof changesEn;
type Values = Record<string, string | number>;

/** Arguments whose value may be a word or a value of the catalogue (`change`, a nested line, must be one). */
const TRANSLATED = new Set(['from', 'to', 'kind']);
/** Arguments whose value is a list joined by ", ", each item translated. */
const LISTS = new Set(['holidays', 'credits']);
/** Arguments whose value is an amount in en-GB notation (or "none"). */
const AMOUNTS = new Set(['fromAmount', 'toAmount']);

/**
 * What an argument may match, by its name. A nested line (`change`) may be any text; any other
 * argument never swallows a trailing " from YYYY-MM-DD", which belongs to the new-revision line
 * around it ("P1 resolution 4 h → 3 h from 2027-01-01" is `{change} from {date}`).
 */
function argumentPattern(name: string): string {
  if (name === 'change') return '([\\s\\S]*?)';
  if (name === 'priorityClass') return '(P\\d)';
  if (name === 'date') return '(\\d{4}-\\d{2}-\\d{2})';
  if (name === 'version') return '(\\d+)';
  if (name === 'id') return '([A-Za-z0-9_.-]+)';
  if (name === 'kind') return '([A-Z][a-z]+)';
  if (name === 'delta') return '([+−][\\s\\S]*?)';
  if (AMOUNTS.has(name)) return '([^ ]+)';
  return '((?:(?! from \\d{4}-\\d{2}-\\d{2}$)[\\s\\S])*?)';
}

const startsWithLine = (key: Key): boolean => changesEn[key].startsWith('{change}');

let templates: readonly TextTemplate<Key>[] | null = null;

function allTemplates(): readonly TextTemplate<Key>[] {
  // Most specific first; a template that starts with a whole nested line (`{change} from {date}`)
  // only after every other, so "Contract 'X': version 3 added from …" is read as the contract's line.
  templates ??= compileTemplates<Key>(changesEn, argumentPattern).sort((a, b) => Number(startsWithLine(a.key)) - Number(startsWithLine(b.key)));
  return templates;
}

/** The key and values of an English change line (or part of one), or null when it is none of ours. */
export function recogniseChangeLine(text: string): { key: Key; values: Values } | null {
  return recogniseText(allTemplates(), text);
}

/** The symbols (en-GB) of every currency whose symbol names it alone: "€" → EUR, "US$" → USD. */
let currencyBySymbol: ReadonlyMap<string, string | null> | null = null;

function currencyOfSymbol(symbol: string): string | null {
  if (currencyBySymbol === null) {
    const map = new Map<string, string | null>();
    const codes = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
    for (const code of codes.filter(isKnownCurrency)) {
      const affix = formatMoney(0, code, 'en-GB').replace(/[\d.,]/g, '');
      map.set(affix, map.has(affix) ? null : code);
    }
    currencyBySymbol = map;
  }
  return currencyBySymbol.get(symbol) ?? null;
}

/**
 * An amount the line wrote in en-GB notation ("€1,250.00"), in the reader's locale ("€ 1.250,00");
 * as it is when its currency cannot be told for certain from the symbol.
 */
function reformatAmount(text: string, locale: string): string {
  const number = /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/.exec(text)?.[0];
  if (number === undefined) return text;
  const code = currencyOfSymbol(text.replace(/[\d.,]/g, ''));
  if (code === null) return text;
  const [whole = '', fraction = ''] = number.replace(/,/g, '').split('.');
  const digits = currencyMinorDigits(code);
  if (fraction.length > digits) return text;
  const minor = Number(whole) * 10 ** digits + (whole.startsWith('-') ? -1 : 1) * Number(fraction.padEnd(digits, '0') || '0');
  // Only an amount the app itself wrote: formatting it back must give the same text.
  if (!Number.isSafeInteger(minor) || formatMoney(minor, code, 'en-GB') !== text) return text;
  return formatMoney(minor, code, locale);
}

const translators = new Map<string, (key: string, values?: Values) => string>();

function translatorFor(locale: string): (key: string, values?: Values) => string {
  let t = translators.get(locale);
  if (t === undefined) {
    t = createTranslator(changeMessages, locale).t as (key: string, values?: Values) => string;
    translators.set(locale, t);
  }
  return t;
}

/**
 * A line or a nested line rendered again in `locale`'s language; null when it, or a line nested in
 * it, is none of ours (then the whole line is shown as stored, never half translated).
 */
function renderLine(text: string, locale: string): string | null {
  const recognised = recogniseChangeLine(text);
  if (recognised === null) return null;
  const values: Values = {};
  for (const [name, value] of Object.entries(recognised.values)) {
    if (typeof value === 'number') values[name] = value;
    else if (name === 'change') {
      const line = renderLine(value, locale);
      if (line === null) return null;
      values[name] = line;
    } else if (TRANSLATED.has(name)) values[name] = renderValue(value, locale);
    else if (LISTS.has(name)) values[name] = value.split(', ').map((item) => renderValue(item, locale)).join(', ');
    else if (AMOUNTS.has(name)) values[name] = value === changesEn['changes.value.none'] ? translatorFor(locale)('changes.value.none') : reformatAmount(value, locale);
    else values[name] = value;
  }
  return translatorFor(locale)(recognised.key, values);
}

/** A value that may be a word or a value of the catalogue ("none", "4 h"); else as it is (a time zone, a name). */
function renderValue(text: string, locale: string): string {
  return renderLine(text, locale) ?? text;
}

/** A stored line rendered in `locale`'s language; as stored when it is none of ours or was cut short. */
function render(line: string, locale: string): string {
  // A line cut at the storage limit (src/app/contract-database-store.ts) lost its end: shown as stored.
  if (line.endsWith('…')) return line;
  return renderLine(line, locale) ?? line;
}

/**
 * A stored change line as the reader reads it (`en`, `nl`, or a locale such as `nl-NL`): English
 * lines come back exactly as stored, Dutch readers get the same line from the Dutch catalogue.
 *
 * @example translateChangeLine("Level 'Gold': P1 resolution 4 h → 3 h from 2027-01-01", 'nl-NL') // "Serviceniveau 'Gold': P1 oplostijd 4 u → 3 u vanaf 2027-01-01"
 */
export function translateChangeLine(line: string, languageOrLocale: string | null | undefined): string {
  const language: Language = selectLanguage(languageOrLocale);
  if (language === 'en') return line;
  const locale = selectLanguage(toIntlLocale(languageOrLocale)) === language ? toIntlLocale(languageOrLocale) : LANGUAGE_LOCALE[language];
  return render(line, locale);
}

/**
 * The same line rendered again from its recognised template in English: for a line the app wrote,
 * exactly the line (the round trip the tests check); for others, the line itself.
 */
export function rerenderChangeLine(line: string): string {
  return render(line, LANGUAGE_LOCALE.en);
}

/** Every line of a list in the reader's language. */
export function translateChangeLines(lines: readonly string[], languageOrLocale: string | null | undefined): string[] {
  return lines.map((line) => translateChangeLine(line, languageOrLocale));
}
