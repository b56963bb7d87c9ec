/**
 * The React side of translation: `I18nProvider` holds the language chosen from the Forge context
 * locale and `useI18n()` hands components the translator plus formatters bound to that locale.
 *
 * No bridge calls here (the context is loaded once by ./mount-app); no deadline arithmetic.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  formatDuration,
  formatInstant,
  formatLocalDate,
  formatPercent,
  formatZoneLabel,
} from './format';
import { createTranslator, selectLanguage, type Language, type Translate } from './i18n';
import type { UiContext } from './ui-context';

export interface I18n {
  readonly language: Language;
  readonly locale: string;
  /** The user's zone from the Forge context (a view model may carry its own, preferred one). */
  readonly timeZone: string;
  readonly t: Translate;
  /** `Tue, 1 Dec 2026, 14:00` in the given zone. */
  readonly instant: (iso: string, timeZone: string) => string;
  /** `Europe/Amsterdam, CET` at that instant. */
  readonly zone: (iso: string, timeZone: string) => string;
  /** `1 Jan 2026` for a local date. */
  readonly localDate: (isoDate: string) => string;
  /** `3 h 20 min` for business minutes (sign ignored). */
  readonly duration: (minutes: number) => string;
  /** `62%` for 62. */
  readonly percent: (percent: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Builds the translator and formatters for a UI context. */
export function createI18n(context: UiContext): I18n {
  const language = selectLanguage(context.locale);
  const t = createTranslator(language);
  const { locale } = context;
  return {
    language,
    locale,
    timeZone: context.timeZone,
    t,
    instant: (iso, timeZone) => formatInstant(iso, timeZone, locale),
    zone: (iso, timeZone) => formatZoneLabel(iso, timeZone, locale),
    localDate: (isoDate) => formatLocalDate(isoDate, locale),
    duration: (minutes) => formatDuration(t, minutes, locale),
    percent: (percent) => formatPercent(percent, locale),
  };
}

export function I18nProvider({ context, children }: { context: UiContext; children: ReactNode }) {
  const value = useMemo(() => createI18n(context), [context]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translator and formatters of the nearest I18nProvider. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n() needs an <I18nProvider> above it.');
  return value;
}
