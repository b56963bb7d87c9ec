/**
 * Validation messages in the reader's language. The schemas, the history rules and the store write
 * every message in English from the `validation` catalogue (src/contract/validation-message.ts `vt`),
 * so each message is an instance of an English template. `translateValidationMessage` recognises the
 * template, reads the values back out of the text and renders the same key in the reader's language —
 * for a message the browser's own zod parse produced as much as for one the backend answered (ADR 0023).
 *
 * A text no template matches (zod's own English for a wrong JSON type, a migration note of an old
 * import) is returned unchanged. Values that are themselves catalogue words ("open-ended", "calendar")
 * are translated too.
 *
 * Pure: no I/O, no React. In the UI bundles the catalogues arrive as ASTs (scripts/build-ui.mjs), in
 * Node as text that is parsed here on first use.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { validationEn } from './catalogues/validation.en';
import { validationNl } from './catalogues/validation.nl';
import { createTranslator, defineMessages, selectLanguage, type Language } from './messages';

export const validationMessages = defineMessages({ en: validationEn, nl: validationNl });

type Key = keyof typeof validationEn;

interface Template {
  readonly key: Key;
  readonly pattern: RegExp;
  /** Argument names in the order of the pattern's capture groups (a repeated argument is captured once). */
  readonly names: readonly string[];
  /** Characters of literal text: templates with more are tried first (the most specific wins). */
  readonly weight: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The AST of a catalogue text (already an AST in the UI bundles). */
function elementsOf(text: unknown): MessageFormatElement[] {
  if (typeof text === 'string') return parse(text, { ignoreTag: true });
  if (Array.isArray(text)) return text as MessageFormatElement[];
  throw new TypeError('A validation text is neither text nor a message AST.');
}

/** The template of one catalogue text, or null when it has no literal text to recognise it by. */
function templateOf(key: Key, text: unknown): Template | null {
  const names: string[] = [];
  let source = '^';
  let weight = 0;
  for (const element of elementsOf(text)) {
    if (element.type === TYPE.literal) {
      source += escapeRegExp(element.value);
      weight += element.value.length;
    } else if (element.type === TYPE.argument) {
      const seen = names.indexOf(element.value);
      if (seen >= 0) {
        source += `\\${seen + 1}`;
      } else {
        names.push(element.value);
        source += '([\\s\\S]*?)';
      }
    } else {
      throw new TypeError(`validation text '${key}' uses more than plain {arguments}; it could not be read back.`);
    }
  }
  return weight === 0 ? null : { key, pattern: new RegExp(`${source}$`), names, weight };
}

let templates: readonly Template[] | null = null;
let words: ReadonlyMap<string, Key> | null = null;

function allTemplates(): readonly Template[] {
  if (templates === null) {
    const catalogue: Readonly<Record<string, unknown>> = validationEn;
    templates = (Object.keys(validationEn) as Key[])
      .map((key) => templateOf(key, catalogue[key]))
      .filter((template): template is Template => template !== null)
      .sort((a, b) => b.weight - a.weight);
  }
  return templates;
}

/** English texts without arguments ("open-ended", "calendar"): values that are words of ours. */
function catalogueWords(): ReadonlyMap<string, Key> {
  if (words === null) {
    const map = new Map<string, Key>();
    const catalogue: Readonly<Record<string, unknown>> = validationEn;
    for (const key of Object.keys(validationEn) as Key[]) {
      const elements = elementsOf(catalogue[key]);
      const only = elements[0];
      if (elements.length === 1 && only !== undefined && only.type === TYPE.literal) map.set(only.value, key);
    }
    words = map;
  }
  return words;
}

/** The template and values of an English validation message, or null when it is none of ours. */
export function recogniseValidationMessage(message: string): { key: Key; values: Record<string, string> } | null {
  for (const template of allTemplates()) {
    const match = template.pattern.exec(message);
    if (match === null) continue;
    const values: Record<string, string> = {};
    template.names.forEach((name, index) => {
      values[name] = match[index + 1] ?? '';
    });
    return { key: template.key, values };
  }
  return null;
}

const translators = new Map<Language, (key: string, values?: Record<string, string>) => string>();

function translatorFor(language: Language): (key: string, values?: Record<string, string>) => string {
  let t = translators.get(language);
  if (t === undefined) {
    t = createTranslator(validationMessages, language === 'nl' ? 'nl-NL' : 'en-GB').t as (key: string, values?: Record<string, string>) => string;
    translators.set(language, t);
  }
  return t;
}

/**
 * A validation message in the reader's language (`en`, `nl`, or a locale such as `nl-NL`); English
 * messages that are not from the catalogue come back as they are.
 *
 * @example translateValidationMessage("Unknown calendar 'moon'.", 'nl') // "Onbekend werkrooster 'moon'."
 */
export function translateValidationMessage(message: string, languageOrLocale: string | null | undefined): string {
  const language = selectLanguage(languageOrLocale);
  if (language === 'en') return message;
  // A message of several lines (several unknown keys) is translated line by line.
  if (message.includes('\n')) return message.split('\n').map((line) => translateValidationMessage(line, language)).join('\n');
  const recognised = recogniseValidationMessage(message);
  if (recognised === null) return message;
  const t = translatorFor(language);
  const known = catalogueWords();
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(recognised.values)) {
    const word = known.get(value);
    values[name] = word === undefined ? value : t(word);
  }
  return t(recognised.key, values);
}

/**
 * `fieldErrors` of an answer with every message in the reader's language.
 *
 * @example translateFieldErrors({ 'calendars.0.timeZone': ['Unknown time zone.'] }, 'nl') // { 'calendars.0.timeZone': ['Onbekende tijdzone.'] }
 */
export function translateFieldErrors(fieldErrors: Readonly<Record<string, readonly string[]>>, languageOrLocale: string | null | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) out[path] = messages.map((message) => translateValidationMessage(message, languageOrLocale));
  return out;
}
