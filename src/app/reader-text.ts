/**
 * The backend's texts for one reader, through the shared message system (src/i18n): the `common`
 * and `clock` catalogues in the reader's language, with numbers, units and dates in their locale.
 * The panel's explanation, history details and problems use the agent's locale; the sweep's notes
 * the locale of the team member they are for.
 *
 * Pure: no I/O.
 */
import { clockEn } from '../i18n/catalogues/clock.en';
import { clockNl } from '../i18n/catalogues/clock.nl';
import { commonEn } from '../i18n/catalogues/common.en';
import { commonNl } from '../i18n/catalogues/common.nl';
import { formatDuration, formatInstant, formatInstantLong } from '../i18n/format';
import { createTranslator, defineMessages, type Language, type Translate } from '../i18n/messages';

export const clockMessages = defineMessages({ en: { ...commonEn, ...clockEn }, nl: { ...commonNl, ...clockNl } });

export type ClockTranslate = Translate<typeof clockMessages.en>;

/** A reader's translator and formatters. */
export interface ReaderText {
  readonly language: Language;
  /** BCP 47 locale, e.g. `nl-NL`. */
  readonly locale: string;
  readonly t: ClockTranslate;
  /** Business minutes in the reader's units: `1 h 30 min`, `1 u 30 min`. */
  readonly duration: (minutes: number) => string;
  /** A target and its extensions, never summed: `16 h + 1 h extension` (just `16 h` without one). */
  readonly target: (minutes: number, extensionMinutes: number) => string;
  /** An instant in full with its zone named: `Tuesday 1 December 2026 at 14:00 (Europe/Amsterdam)`. */
  readonly instantInZone: (instant: string | Date, timeZone: string) => string;
  /** An instant, short, with its zone named: `Tue 1 Dec 2026, 14:00 (Europe/Amsterdam)`. */
  readonly shortInstantInZone: (instant: string | Date, timeZone: string) => string;
}

/**
 * The texts for a reader with this Jira or Forge locale (`nl_NL`, `en-US`; null: English).
 *
 * @example textFor('nl_NL').duration(90) // '1 u 30 min'
 */
export function textFor(locale: string | null | undefined): ReaderText {
  const { language, locale: intlLocale, t } = createTranslator(clockMessages, locale);
  return {
    language,
    locale: intlLocale,
    t,
    duration: (minutes) => formatDuration(minutes, intlLocale),
    target: (minutes, extensionMinutes) =>
      extensionMinutes > 0
        ? t('duration.withExtension', { target: formatDuration(minutes, intlLocale), extension: formatDuration(extensionMinutes, intlLocale) })
        : formatDuration(minutes, intlLocale),
    instantInZone: (instant, timeZone) => t('instant.inZone', { time: formatInstantLong(instant, timeZone, intlLocale), zone: timeZone }),
    shortInstantInZone: (instant, timeZone) => t('instant.inZone', { time: formatInstant(instant, timeZone, intlLocale), zone: timeZone }),
  };
}
