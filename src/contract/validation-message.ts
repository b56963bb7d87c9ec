/**
 * `vt`: the English text of a validation message of the contract database, from the `validation`
 * catalogue (src/i18n/catalogues/validation.en.ts). Every message the schemas, the history rules and
 * the store report is written with it, so each one is an instance of a catalogue template that
 * src/i18n/validation-text.ts can recognise and render in Dutch (ADR 0023).
 *
 * Values are inserted as plain text (numbers without grouping: "3000000", not "3,000,000"), so that
 * a message can be read back into its template exactly. Only the English catalogue is imported here:
 * the panel's bundle reaches these schemas and needs no Dutch validation texts.
 *
 * Pure: no I/O, no Forge; bundled into the browser too.
 */
import { validationEn } from '../i18n/catalogues/validation.en';
import { createTranslator, type ParamsArg } from '../i18n/messages';

export type ValidationKey = keyof typeof validationEn;

const english = createTranslator({ en: validationEn, nl: validationEn }, 'en-GB').t;

/**
 * The English text of a validation message.
 *
 * @example vt('validation.unknownCalendar', { id: 'moon' }) // "Unknown calendar 'moon'."
 */
export function vt<K extends ValidationKey>(key: K, ...params: ParamsArg<(typeof validationEn)[K]>): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries((params[0] ?? {}) as Record<string, unknown>)) values[name] = String(value);
  return (english as (key: string, values?: Record<string, string>) => string)(key, values);
}
