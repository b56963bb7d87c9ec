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
import { TYPE } from '@formatjs/icu-messageformat-parser';
import { validationEn } from './catalogues/validation.en';
import { validationNl } from './catalogues/validation.nl';
import { createTranslator, defineMessages, selectLanguage, type Language } from './messages';
import { compileTemplates, elementsOf, recogniseText, type TextTemplate } from './template-text';

export const validationMessages = defineMessages({ en: validationEn, nl: validationNl });

type Key = keyof typeof validationEn;

let templates: readonly TextTemplate<Key>[] | null = null;
let words: ReadonlyMap<string, Key> | null = null;

function allTemplates(): readonly TextTemplate<Key>[] {
  templates ??= compileTemplates<Key>(validationEn);
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
  const recognised = recogniseText(allTemplates(), message);
  if (recognised === null) return null;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(recognised.values)) values[name] = String(value);
  return { key: recognised.key, values };
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
