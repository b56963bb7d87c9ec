/**
 * The one message system of Contract Clock, shared by the backend (src/app) and every Custom UI app
 * (static/<app>): ICU MessageFormat texts — `{name}`, `{count, plural, one {# request} other {#
 * requests}}`, `{kind, select, …}`, `{n, number}` — formatted by FormatJS's `intl-messageformat`
 * with the platform's `Intl` (plural rules, numbers) in the reader's locale. Keys and parameters are
 * typed from the English source texts (`@schummar/icu-type-parser` reads the ICU arguments at type
 * level), so a missing, extra or misspelt parameter is a compile error.
 *
 * Catalogues (src/i18n/catalogues/<name>.<language>.ts), one pair per surface so each bundle carries
 * only its own texts:
 * - `common` — texts every app shows (buttons, units, states);
 * - `panel`, `admin` — one per Custom UI app;
 * - `clock` — what the backend writes: explanation steps, history details, problems, internal notes.
 * - `validation`, `changes` — what the backend stores in English and renders again in the reader's
 *   language by reading a text back into its template (validation-text.ts, change-text.ts).
 *
 * Adding an app (dashboard gadget, review report, triage view, portal panels …):
 * 1. write `catalogues/<app>.en.ts` (`export const <app>En = { … } as const;`, the source of the
 *    keys and parameters) and `catalogues/<app>.nl.ts` (`export const <app>Nl: Translation<typeof
 *    <app>En> = { … }`) — data only, no other imports: the UI build compiles them to ASTs;
 * 2. in `static/<app>/src/messages.ts`, join them with `common`:
 *    `defineMessages({ en: { ...commonEn, ...<app>En }, nl: { ...commonNl, ...<app>Nl } })`, and
 *    create the app's React kit from it (static/shared/i18n-context.tsx);
 * 3. nothing else: test/i18n/catalogues.test.ts finds every pair by its file name and checks that
 *    both languages have the same keys and ICU arguments and that every text parses.
 *
 * Pure: no React, no Forge, no DOM, no I/O. In the UI bundles the catalogues arrive pre-parsed (ASTs,
 * see scripts/build-ui.mjs) and the ICU parser is left out; in Node they are parsed on first use.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { GetICUArgs } from '@schummar/icu-type-parser';

/** The languages the app speaks. */
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale a language falls back to when only the language is known (e.g. a template's). */
export const LANGUAGE_LOCALE: Readonly<Record<Language, string>> = { en: 'en-GB', nl: 'nl-NL' };

/**
 * Chooses the language for a Forge or Jira locale (`nl-NL`, `nl_BE`, `en-US`, …): Dutch for any
 * Dutch locale, English otherwise (also for none).
 *
 * @example selectLanguage('nl_NL') // 'nl'
 * @example selectLanguage('de-DE') // 'en'
 * @example selectLanguage(null) // 'en'
 */
export function selectLanguage(locale: string | null | undefined): Language {
  return locale !== undefined && locale !== null && /^nl(?:[-_]|$)/i.test(locale) ? 'nl' : 'en';
}

/**
 * A BCP 47 tag `Intl` accepts for a Forge/Jira locale (`nl_NL` → `nl-NL`); the language's default
 * locale when the tag is missing or unusable.
 *
 * @example toIntlLocale('nl_BE') // 'nl-BE'
 * @example toIntlLocale(null) // 'en-GB'
 */
export function toIntlLocale(locale: string | null | undefined): string {
  const tag = locale?.replace(/_/g, '-') ?? '';
  if (tag !== '' && isUsableLocale(tag)) return tag;
  return LANGUAGE_LOCALE[selectLanguage(locale)];
}

function isUsableLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/** A source catalogue: the English texts, `as const` so their ICU arguments are known to the types. */
export type SourceCatalogue = Readonly<Record<string, string>>;

/** A translation of a source catalogue: exactly its keys (the test checks the ICU arguments too). */
export type Translation<Source extends SourceCatalogue> = { readonly [K in keyof Source]: string };

/** The catalogues of one surface in every language. */
export interface Messages<Source extends SourceCatalogue> {
  readonly en: Source;
  readonly nl: Translation<Source>;
}

/** What a value may be, per ICU argument type. */
interface ArgumentTypes {
  ICUArgument: string | number;
  ICUNumberArgument: number;
  ICUDateArgument: Date | number;
}

/** The parameters of one ICU text, e.g. `{ count: number; name: string | number }`. */
export type MessageParams<Text extends string> = GetICUArgs<Text, ArgumentTypes>;

/** The rest parameters of `t(key, …)`: none for a text without arguments, else exactly its arguments. */
export type ParamsArg<Text extends string> = [keyof MessageParams<Text>] extends [never] ? [] : [MessageParams<Text>];

/** `t('clock.left', { duration: '3 h' })`; a text without arguments takes no second argument. */
export type Translate<Source extends SourceCatalogue> = <K extends keyof Source & string>(key: K, ...params: ParamsArg<Source[K]>) => string;

/** A translator bound to a language and locale. */
export interface Translator<Source extends SourceCatalogue> {
  readonly language: Language;
  /** The BCP 47 locale numbers and plural rules follow, e.g. `nl-NL`. */
  readonly locale: string;
  readonly t: Translate<Source>;
}

/**
 * Declares the catalogues of a surface; the identity, there to check the shape at compile time.
 *
 * @example const panelMessages = defineMessages({ en: { ...commonEn, ...panelEn }, nl: { ...commonNl, ...panelNl } });
 */
export function defineMessages<Source extends SourceCatalogue>(messages: Messages<Source>): Messages<Source> {
  return messages;
}

/** The text or its pre-parsed AST (UI bundles): what `intl-messageformat` accepts. */
type CompiledText = ConstructorParameters<typeof IntlMessageFormat>[0];

/** Options every message is read with: `<` is text, not a rich-text tag. */
const PARSE_OPTIONS = { ignoreTag: true } as const;

/**
 * Formats one ICU text once; for texts that are not in a catalogue (e.g. an admin's template).
 * Throws a SyntaxError for a text that does not parse, and an Error naming a missing argument.
 *
 * @example formatMessage('{count, plural, one {# request} other {# requests}}', 'en-GB', { count: 1 }) // '1 request'
 */
export function formatMessage(text: CompiledText, locale: string, values: Readonly<Record<string, string | number | Date>> = {}): string {
  return toText(new IntlMessageFormat(text, locale, undefined, PARSE_OPTIONS).format(values));
}

function toText(formatted: unknown): string {
  // Only primitive values are passed in, so intl-messageformat joins every part into one string.
  if (typeof formatted !== 'string') throw new TypeError('A message formatted to something other than text.');
  return formatted;
}

/**
 * Builds the translator of a surface for a reader's locale: the language's catalogue, plural rules
 * and numbers of that locale. Each text is parsed (or its AST taken) once, on first use.
 *
 * @example createTranslator(panelMessages, 'nl-NL').t('clock.left', { duration: '3 u' }) // 'Nog 3 u'
 */
export function createTranslator<Source extends SourceCatalogue>(messages: Messages<Source>, locale: string | null | undefined): Translator<Source> {
  const language = selectLanguage(locale);
  const intlLocale = toIntlLocale(locale);
  const catalogue: Readonly<Record<string, CompiledText>> = messages[language];
  const formats = new Map<string, IntlMessageFormat>();
  const t = (key: string, ...params: readonly object[]): string => {
    let format = formats.get(key);
    if (format === undefined) {
      const text = catalogue[key];
      if (text === undefined) throw new RangeError(`No message '${key}' in the ${language} catalogue.`);
      format = new IntlMessageFormat(text, intlLocale, undefined, PARSE_OPTIONS);
      formats.set(key, format);
    }
    return toText(format.format(valuesOf(params[0])));
  };
  return { language, locale: intlLocale, t };
}

function valuesOf(params: object | undefined): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) values[name] = value;
  }
  return values;
}
