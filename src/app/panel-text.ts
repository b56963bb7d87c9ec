/**
 * The backend's texts for the panel in the two UI languages: explanation steps, history details,
 * problems, and dates formatted in a zone. The panel shows them as given (conventions §9: the UI
 * never recomputes), so they are composed here, where the terms are known.
 *
 * Pure: no I/O.
 */
import { formatInTimeZone } from 'date-fns-tz';
import { enGB, nl } from 'date-fns/locale';
import type { ClockErrorReason, UncoveredReason } from '../contract/clock-record';
import { formatBusinessMinutes } from '../domain/resolve-terms';

export type Language = 'en' | 'nl';

/** The language of a Forge locale (`nl-NL`, `nl_BE` → nl; everything else → en). */
export function languageOf(locale: string | null | undefined): Language {
  return locale !== undefined && locale !== null && /^nl([-_]|$)/i.test(locale) ? 'nl' : 'en';
}

interface Catalogue {
  requestType: (value: string) => string;
  component: (value: string) => string;
  label: (value: string) => string;
  defaultService: string;
  organizations: (names: string) => string;
  noOrganization: string;
  version: (version: number, from: string, to: string | null) => string;
  strictest: (count: number) => string;
  bespoke: string;
  levelTargets: string;
  priority: (jira: string | null, source: 'mapped' | 'missing' | 'unmapped') => string;
  target: (resolution: string, response: string | null) => string;
  uncovered: Readonly<Record<UncoveredReason, string>>;
  fallbackContract: string;
  noCustomer: string;
  noService: string;
  extended: (amount: string) => string;
  retargeted: (from: string, to: string) => string;
  reapplied: (from: string, to: string) => string;
  problems: Readonly<Record<ClockErrorReason, string>>;
  dateFormat: string;
}

const en: Catalogue = {
  requestType: (v) => `request type '${v}'`,
  component: (v) => `component '${v}'`,
  label: (v) => `label '${v}'`,
  defaultService: "the contract's default service",
  organizations: (names) => `organization ${names}`,
  noOrganization: 'the request has no organization',
  version: (v, from, to) => `version ${v}, in force ${from} – ${to ?? 'open-ended'}`,
  strictest: (count) => `strictest of ${count} contracts`,
  bespoke: 'bespoke terms of the contract',
  levelTargets: "the level's targets",
  priority: (jira, source) =>
    source === 'mapped' ? `Jira priority '${jira ?? ''}'` : source === 'missing' ? 'no priority: default class' : `priority '${jira ?? ''}' is not mapped: default class`,
  target: (resolution, response) => `resolve within ${resolution}${response === null ? '' : `, respond within ${response}`} (business time)`,
  uncovered: {
    'no-organization': 'the request has no organization',
    'unknown-organization': 'no contract names its organization',
    'contract-not-in-force': 'no contract version is in force on the creation date',
    'contract-expired': 'the contract has expired',
    'service-not-covered': 'the contract does not cover this service',
  },
  fallbackContract: 'Best effort (no contract)',
  noCustomer: 'Unknown customer',
  noService: 'No service',
  extended: (amount) => `+${amount} business time`,
  retargeted: (from, to) => `${from} → ${to}`,
  reapplied: (from, to) => `${from} → ${to}`,
  problems: {
    'malformed-record': 'The stored contract clock was unreadable and has been rebuilt from the issue.',
    'unsupported-schema-version': 'The contract clock was written by a newer version of Contract Clock.',
    calendar: 'The business calendar has no working time: no deadline can be computed.',
    evaluation: 'No deadline can be computed for these terms (the target does not fit the calendar); check the contract database.',
  },
  dateFormat: "EEEE d MMMM yyyy, HH:mm",
};

const nlCatalogue: Catalogue = {
  requestType: (v) => `aanvraagtype '${v}'`,
  component: (v) => `component '${v}'`,
  label: (v) => `label '${v}'`,
  defaultService: 'de standaarddienst van het contract',
  organizations: (names) => `organisatie ${names}`,
  noOrganization: 'de aanvraag heeft geen organisatie',
  version: (v, from, to) => `versie ${v}, geldig ${from} – ${to ?? 'onbepaald'}`,
  strictest: (count) => `strengste van ${count} contracten`,
  bespoke: 'maatwerkafspraken in het contract',
  levelTargets: 'de normen van het niveau',
  priority: (jira, source) =>
    source === 'mapped' ? `Jira-prioriteit '${jira ?? ''}'` : source === 'missing' ? 'geen prioriteit: standaardklasse' : `prioriteit '${jira ?? ''}' is niet gekoppeld: standaardklasse`,
  target: (resolution, response) => `oplossen binnen ${resolution}${response === null ? '' : `, reageren binnen ${response}`} (werktijd)`,
  uncovered: {
    'no-organization': 'de aanvraag heeft geen organisatie',
    'unknown-organization': 'geen contract noemt de organisatie',
    'contract-not-in-force': 'geen contractversie is geldig op de aanmaakdatum',
    'contract-expired': 'het contract is verlopen',
    'service-not-covered': 'het contract dekt deze dienst niet',
  },
  fallbackContract: 'Naar beste vermogen (geen contract)',
  noCustomer: 'Onbekende klant',
  noService: 'Geen dienst',
  extended: (amount) => `+${amount} werktijd`,
  retargeted: (from, to) => `${from} → ${to}`,
  reapplied: (from, to) => `${from} → ${to}`,
  problems: {
    'malformed-record': 'De opgeslagen contractklok was onleesbaar en is opnieuw opgebouwd uit de aanvraag.',
    'unsupported-schema-version': 'De contractklok is geschreven door een nieuwere versie van Contract Clock.',
    calendar: 'De werkkalender heeft geen werktijd: er is geen deadline te berekenen.',
    evaluation: 'Voor deze voorwaarden is geen deadline te berekenen (de streeftijd past niet in de werkkalender); controleer de contractdatabase.',
  },
  dateFormat: "EEEE d MMMM yyyy 'om' HH:mm",
};

/** The catalogue of a language. */
export function textsFor(language: Language): Catalogue {
  return language === 'nl' ? nlCatalogue : en;
}

/** Business minutes as text: `4 h`, `1 h 30 min` (the same in both languages: `u` reads oddly). */
export function formatMinutes(minutes: number): string {
  return formatBusinessMinutes(minutes);
}

/**
 * An instant as people read it in a zone, with the zone named, e.g.
 * "Tuesday 1 December 2026, 14:00 (Europe/Amsterdam)".
 */
export function formatInstant(instant: string | Date, timeZone: string, language: Language): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const text = formatInTimeZone(date, timeZone, textsFor(language).dateFormat, { locale: language === 'nl' ? nl : enGB });
  return `${text} (${timeZone})`;
}
