/**
 * Translation for the Custom UI apps: picks the catalogue for a Forge locale and fills `{name}`
 * placeholders, with types that demand exactly the placeholders a message uses.
 *
 * Pure: no React, no Forge bridge, no DOM (unit-tested in Node; the React hook is ./i18n-context).
 */
import { messagesEn, type Catalogue, type MessageKey } from './messages.en';
import { messagesNl } from './messages.nl';

export type Language = 'en' | 'nl';

export const catalogues: { readonly [L in Language]: Catalogue } = { en: messagesEn, nl: messagesNl };

/** The placeholder names in a message template, e.g. `'{a} of {b}'` → `'a' | 'b'`. */
export type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholderNames<Rest>
  : never;

/** The parameters a message needs, derived from its English template. */
export type MessageParams<K extends MessageKey> = {
  readonly [P in PlaceholderNames<(typeof messagesEn)[K]>]: string | number;
};

/** `t('clock.left', { duration: '3 h' })`; messages without placeholders take no second argument. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [PlaceholderNames<(typeof messagesEn)[K]>] extends [never] ? [] : [MessageParams<K>]
) => string;

/**
 * Chooses the UI language for a Forge locale (`nl-NL`, `nl_BE`, `en-US`, …): Dutch for any Dutch
 * locale, English otherwise.
 *
 * @example selectLanguage('nl-NL') // 'nl'
 * @example selectLanguage('de-DE') // 'en'
 */
export function selectLanguage(locale: string): Language {
  return /^nl(?:[-_]|$)/i.test(locale) ? 'nl' : 'en';
}

/**
 * Lists the placeholder names of a template in order of appearance (duplicates kept once).
 *
 * @example listPlaceholders('{count} / {max} characters') // ['count', 'max']
 */
export function listPlaceholders(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{([^{}]+)\}/g)) {
    const name = match[1];
    if (name !== undefined) names.add(name);
  }
  return [...names];
}

/**
 * Fills `{name}` placeholders; a placeholder without a value stays visible so a gap is noticed.
 *
 * @example fillTemplate('{duration} left', { duration: '2 h' }) // '2 h left'
 */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Builds the translator for a language.
 *
 * @example createTranslator('nl')('common.cancel') // 'Annuleren'
 */
export function createTranslator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, ...params) => fillTemplate(catalogue[key], params[0] ?? {});
}
