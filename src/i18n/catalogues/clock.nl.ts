/**
 * Dutch texts the backend writes for a reader; exactly the keys and ICU arguments of ./clock.en.ts.
 *
 * Data only: a type import, nothing else. ICU quoting: `''` is one apostrophe next to a placeholder.
 */
import type { Translation } from '../messages';
import type { clockEn } from './clock.en';

export const clockNl: Translation<typeof clockEn> = {
  'because.requestType': "aanvraagtype ''{value}''",
  'because.component': "component ''{value}''",
  'because.label': "label ''{value}''",
  'because.defaultService': 'de standaarddienst van het contract',
  'because.organizations': '{count, plural, one {organisatie} other {organisaties}} {names}',
  'because.version': 'versie {version}, geldig {from} – {to}',
  'because.versionOpenEnded': 'versie {version}, geldig {from} – onbepaald',
  'because.strictest': 'strengste van {count, plural, one {# contract} other {# contracten}}',
  'because.bespoke': 'maatwerkafspraken in het contract',
  'because.priority.mapped': "Jira-prioriteit ''{priority}''",
  'because.priority.missing': 'geen prioriteit: standaardklasse',
  'because.priority.unmapped': "prioriteit ''{priority}'' is niet gekoppeld: standaardklasse",
  'because.target': 'oplossen binnen {resolution} (werktijd){bespoke, select, yes {; maatwerkafspraken in het contract} other {}}',
  'because.targetWithResponse':
    'oplossen binnen {resolution}, reageren binnen {response} (werktijd){bespoke, select, yes {; maatwerkafspraken in het contract} other {}}',

  'uncovered.no-organization': 'de aanvraag heeft geen organisatie',
  'uncovered.unknown-organization': 'geen contract noemt de organisatie',
  'uncovered.contract-not-in-force': 'geen contractversie is geldig op de aanmaakdatum',
  'uncovered.contract-expired': 'het contract is verlopen',
  'uncovered.service-not-covered': 'het contract dekt deze dienst niet',

  'terms.fallbackContract': 'Naar beste vermogen (geen contract)',
  'terms.noCustomer': 'Onbekende klant',
  'terms.noService': 'Geen dienst',

  'history.extended': '+{amount} werktijd',
  'history.changed': '{from} → {to}',
  'history.target': '{priorityClass} {target}',
  'history.priorityLowered': 'prioriteit verlaagd: {from} → {to}',
  'history.priorityRaised': 'prioriteit verhoogd: {from} → {to}',
  'history.crossed': '{percent, number}% van de norm van {target} gebruikt',
  'history.promised': 'nieuw verwacht tijdstip aan de klant gemeld: {time}',
  'history.promiseWarned': 'het aan de klant beloofde tijdstip ({time}) nadert',

  'rate.hourly': '{amount} per uur',
  'rate.perRequest': '{amount} per aanvraag',
  'rate.both': '{perRequest} per aanvraag plus {hourly} per uur',

  'customer.uncovered':
    '{reason, select, service {Uw contract met ons dekt {service} niet, dus deze aanvraag valt niet onder uw contract.} expired {Uw contract met ons is afgelopen, dus deze aanvraag valt niet onder uw contract.} other {Deze aanvraag valt niet onder uw contract.}} We behandelen hem naar beste vermogen, zonder gegarandeerde oplostijd.',
  'customer.uncoveredRate': 'Werk buiten het contract rekenen we af tegen {rate}.',

  'problem.malformed-record': 'De opgeslagen contractklok was onleesbaar en is opnieuw opgebouwd uit de aanvraag.',
  'problem.unsupported-schema-version': 'De contractklok is geschreven door een nieuwere versie van Contract Clock.',
  'problem.calendar': 'De werkkalender heeft geen werktijd: er is geen deadline te berekenen.',
  'problem.evaluation': 'Voor deze voorwaarden is geen deadline te berekenen (de streeftijd past niet in de werkkalender); controleer de contractdatabase.',

  'instant.inZone': '{time} ({zone})',

  'note.breached':
    'Contract Clock: de oplosdeadline is verstreken op {crossedAt}; toen was {percent, number}% van de norm gebruikt ({agreement}). Laat de klant weten wanneer hij een oplossing kan verwachten.',
  'note.atRisk':
    'Contract Clock: dit verzoek kwam in gevaar op {crossedAt}; toen was {percent, number}% van de oplosnorm gebruikt ({agreement}). Deadline: {deadline}.',
  'note.promise':
    'Contract Clock: de klant is een oplossing beloofd vóór {expected}. Tot dan is er nog {left} werktijd en de aanvraag staat nog open: los hem op, of noem de klant op tijd een nieuw tijdstip. (De contractdeadline was {deadline}.)',
  'note.agreement': '{level}, {priorityClass}: {target}',
  'note.agreementWithService': '{level}, {service}, {priorityClass}: {target}',
  'note.agreementUnknown': 'de afspraak',
  'note.deadlineUnknown': 'onbekend',
  'note.subject':
    '{issueKey}: {kind, select, breached {contractdeadline overschreden} promise {het aan de klant beloofde tijdstip nadert} other {contractdeadline in gevaar}}',
};
