/**
 * Nederlandse teksten van de panelen in het klantportaal (static/portal): "Uw afspraken" bij een
 * verzoek en "Mijn contract" op de profielpagina. Zie portal.en.ts.
 *
 * Data only: no imports (the UI build compiles this module to message ASTs).
 */
import type { Translation } from '../messages';
import type { portalEn } from './portal.en';

export const portalNl: Translation<typeof portalEn> = {
  'portal.loading': 'Laden…',
  'portal.loadFailed': 'Dit kon niet worden geladen',

  'error.invalid-input': 'Dit paneel weet niet bij welk verzoek het hoort. Laad de pagina opnieuw.',
  'error.forbidden': 'U hebt geen toegang tot deze gegevens.',
  'error.not-found': 'Er zijn hier geen afspraken te tonen.',
  'error.conflict': 'Dit is gewijzigd terwijl u keek. Laad de pagina opnieuw.',
  'error.confirmation-required': 'Dit moet eerst worden bevestigd.',
  'error.unavailable': 'We konden onze systemen zojuist niet bereiken. Probeer het zo opnieuw.',
  'error.internal': 'Er ging bij ons iets mis. Probeer het zo opnieuw.',

  'time.otherZone': '{time} in {zone}, de tijdzone van onze werktijden',
  'time.yourZone': 'Uw tijdzone: {zone}',

  'request.service': 'Dienst',
  'request.level': 'Serviceniveau',
  'request.contract': 'Contract',
  'request.bespoke': 'speciaal met u afgesproken voorwaarden',
  'request.bestEffort': 'Geen contract dekt dit verzoek: we behandelen het naar beste kunnen en streven naar de tijd hieronder.',
  'request.resolution': 'Oplossing',
  'request.response': 'Eerste reactie',
  'request.pending': 'We bepalen nog wanneer we dit verzoek verwachten op te lossen. Laad de pagina zo opnieuw.',
  'request.notCovered': 'Geen contract dekt dit verzoek, dus er is geen afgesproken oplostijd.',
  'request.unavailable': 'We kunnen voor dit verzoek nu geen verwachte tijd tonen.',
  'request.myContract': 'Mijn contract: diensten, niveaus en werktijden',

  'notCovered.no-organization': 'Het verzoek is niet gedeeld met een klantorganisatie.',
  'notCovered.unknown-organization': 'De organisatie van dit verzoek heeft geen servicecontract met ons.',
  'notCovered.contract-not-in-force': 'Het contract was niet van kracht op de dag dat het verzoek werd ingediend.',
  'notCovered.contract-expired': 'Het contract was al beëindigd toen het verzoek werd ingediend.',
  'notCovered.service-not-covered': 'Het contract dekt deze dienst niet.',

  'resolution.expected': 'We verwachten dit uiterlijk {time} op te lossen',
  'resolution.yourReply': 'Gepauzeerd: we wachten op uw antwoord',
  'resolution.paused': 'Gepauzeerd: de tijd die we nodig hebben telt niet tot we het werk hervatten',
  'resolution.lateEstimate': 'Later dan verwacht: we verwachten het nu uiterlijk {time} op te lossen',
  'resolution.late': 'Later dan verwacht: we verwachtten dit uiterlijk {time} op te lossen. We laten u weten wanneer we het nu verwachten.',
  'resolution.onTime': 'Op tijd opgelost, {time}',
  'resolution.doneLate': 'Opgelost {time}, later dan we verwachtten',

  'response.expected': 'We reageren uiterlijk {time}',
  'response.yourReply': 'Gepauzeerd: we wachten op uw antwoord',
  'response.paused': 'Gepauzeerd: de tijd die we nodig hebben telt niet tot we het werk hervatten',
  'response.lateEstimate': 'Later dan verwacht: we reageren uiterlijk {time}',
  'response.late': 'Onze eerste reactie is laat: we verwachtten uiterlijk {time} te reageren.',
  'response.onTime': 'Op tijd gereageerd, {time}',
  'response.doneLate': 'Gereageerd {time}, later dan we verwachtten',

  'contract.heading': 'Mijn contract',
  'contract.intro': 'Wat we met uw organisatie hebben afgesproken: de diensten, hoe snel we reageren en oplossen, en wanneer we werken.',
  'contract.noOrganizations': 'Uw account hoort niet bij een klantorganisatie, dus voor uw verzoeken geldt geen contract. Neem contact met ons op als dat niet klopt.',
  'contract.noContract': '{organization} heeft geen servicecontract met ons: de verzoeken hebben geen afgesproken oplostijd.',
  'contract.for': 'Voor {organizations}',
  'contract.status.in-force': 'Van kracht',
  'contract.status.upcoming': 'Gaat in op {date}',
  'contract.status.ended': 'Beëindigd op {date}',
  'contract.ended': 'Dit contract is op {date} beëindigd. Verzoeken hebben nu geen afgesproken oplostijd, tenzij een ander contract geldt.',
  'contract.upcoming': 'Dit contract gaat in op {date}.',
  'contract.period': 'Looptijd',
  'contract.periodFrom': 'Vanaf {from}',
  'contract.periodRange': '{from} – {to}',
  'contract.termEnds': 'Huidige termijn loopt tot',
  'contract.noticeBy': 'Opzeggen uiterlijk',
  'contract.services': '{count, plural, one {# dienst} other {# diensten}}',
  'contract.timesNote': 'Tijden tellen binnen onze werktijden; feestdagen niet meegerekend.',

  'service.bespoke': 'speciaal met u afgesproken',
  'service.price': '{price} per maand',
  'service.noPrice': 'Geen prijs afgesproken',

  'targets.caption': 'Streeftijden voor {service} per prioriteit',
  'targets.priority': 'Prioriteit',
  'targets.response': 'Eerste reactie',
  'targets.resolution': 'Oplossing',
  'targets.within': 'binnen {duration}',
  'targets.noResponse': '—',
  'targets.class': 'Prioriteit {priorityClass}',
  'targets.calendar': 'in {calendar}',

  'coverage.heading': 'Werktijden',
  'coverage.closed': 'gesloten',
  'coverage.allDay': 'de hele dag',
  'coverage.zone': 'Tijden in {zone}',
  'coverage.holidays': '{count, plural, =0 {Geen feestdagen in de komende twaalf maanden} one {# feestdag in de komende twaalf maanden} other {# feestdagen in de komende twaalf maanden}}',
  'coverage.holidayUnnamed': 'Feestdag',

  'prices.heading': 'Maandprijzen',
  'prices.fee': 'Vast bedrag per maand',
  'prices.total': 'Totaal per maand',
  'prices.incomplete': 'Diensten zonder afgesproken prijs tellen niet mee in het totaal.',

  'onTime.heading': 'Op tijd in het vorige kwartaal',
  'onTime.period': '{from} – {to}',
  'onTime.service': 'Dienst',
  'onTime.resolution': 'Op tijd opgelost',
  'onTime.response': 'Op tijd eerste reactie',
  'onTime.share': '{done, number} van {total, number} ({percent})',
  'onTime.none': 'geen verzoeken',
  'onTime.empty': 'In dit kwartaal is geen van uw verzoeken opgelost.',
};
