/**
 * The React side of translation. Each Custom UI app makes its own kit from its catalogues
 * (`createI18nKit(panelMessages)` in static/<app>/src/messages.ts), so a bundle carries only its
 * own texts: `I18nProvider` holds the translator for the Forge context's locale and `useI18n()`
 * hands components `t` plus formatters bound to that locale (src/i18n/messages.ts, src/i18n/format.ts).
 *
 * No bridge calls here (the context is loaded once by ./mount-app); no deadline arithmetic. Plain
 * TypeScript (createElement, no JSX), so Node tests can import the apps' message modules.
 */
import { createContext, createElement, useContext, useMemo, type ComponentType, type ReactNode } from 'react';
import { formatDuration, formatInstant, formatLocalDate, formatPercent, formatZoneLabel } from '../../src/i18n/format';
import { createTranslator, type Language, type Messages, type SourceCatalogue, type Translate } from '../../src/i18n/messages';
import type { UiContext } from './ui-context';

export interface I18n<Source extends SourceCatalogue> {
  readonly language: Language;
  readonly locale: string;
  /** The user's zone from the Forge context (a view model may carry its own, preferred one). */
  readonly timeZone: string;
  readonly t: Translate<Source>;
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

/** The provider an app is mounted in (./mount-app). */
export type I18nProviderComponent = ComponentType<{ context: UiContext; children: ReactNode }>;

export interface I18nKit<Source extends SourceCatalogue> {
  readonly I18nProvider: I18nProviderComponent;
  /** The translator and formatters of the nearest I18nProvider of this kit. */
  readonly useI18n: () => I18n<Source>;
}

/**
 * Builds the translator and formatters of an app's catalogues for a UI context.
 *
 * @example createI18n(panelMessages, { locale: 'nl-NL', timeZone: 'Europe/Amsterdam' }).t('common.cancel') // 'Annuleren'
 */
export function createI18n<Source extends SourceCatalogue>(messages: Messages<Source>, context: UiContext): I18n<Source> {
  const { language, locale, t } = createTranslator(messages, context.locale);
  return {
    language,
    locale,
    timeZone: context.timeZone,
    t,
    instant: (iso, timeZone) => formatInstant(iso, timeZone, locale),
    zone: (iso, timeZone) => formatZoneLabel(iso, timeZone, locale),
    localDate: (isoDate) => formatLocalDate(isoDate, locale),
    duration: (minutes) => formatDuration(minutes, locale),
    percent: (percent) => formatPercent(percent, locale),
  };
}

/**
 * The provider and hook of one app's catalogues.
 *
 * @example export const { I18nProvider, useI18n } = createI18nKit(panelMessages);
 */
export function createI18nKit<Source extends SourceCatalogue>(messages: Messages<Source>): I18nKit<Source> {
  const I18nContext = createContext<I18n<Source> | null>(null);
  function I18nProvider({ context, children }: { context: UiContext; children: ReactNode }) {
    const value = useMemo(() => createI18n(messages, context), [context]);
    return createElement(I18nContext.Provider, { value }, children);
  }
  function useI18n(): I18n<Source> {
    const value = useContext(I18nContext);
    if (value === null) throw new Error('useI18n() needs the app’s <I18nProvider> above it.');
    return value;
  }
  return { I18nProvider, useI18n };
}
