/**
 * Dutch texts of the "Contract reviews" page; exactly the keys and ICU arguments of ./reports.en.ts.
 *
 * Data only: a type import, nothing else (the UI build compiles this module to message ASTs).
 */
import type { Translation } from '../messages';
import type { reportsEn } from './reports.en';

export const reportsNl: Translation<typeof reportsEn> = {
  'reports.intro': 'Het document voor de kwartaal- of jaarreview met een klant: wat is afgesproken, wat is geleverd, en elke gemiste deadline.',
  'reports.exportCsv': 'CSV exporteren',
  'reports.exporting': 'Exporteren…',
  'reports.exported': '{fileName} gedownload ({rows, plural, one {# regel} other {# regels}}).',
  'reports.exportFailed': 'De CSV kon niet worden geëxporteerd',
  'reports.print': 'Afdrukken',

  'reports.document.title': 'Contractreview: {customer}, {period}',
  'reports.document.period': '{dates}, vergeleken met {previous}.',
  'reports.empty.title': 'Geen verzoeken opgelost in deze periode',
  'reports.empty.body': 'De geldende contracten staan hieronder; kies een andere periode of klant om cijfers te zien.',

  'reports.section.summary': 'Samenvatting',
  'reports.section.levels': 'Doelstellingen per niveau',
  'reports.section.contracts': 'Geldende contracten',
  'reports.section.volume': 'Volume en op tijd',
  'reports.section.trend': 'Verloop',
  'reports.section.missed': 'Gemiste verzoeken',
  'reports.section.uncovered': 'Verzoeken zonder contract',

  'reports.delta': '{delta} procentpunt',
  'reports.previous': 'vorige periode {value} ({delta})',
  'reports.agreementsMissed': '{count, plural, =0 {Elke afspraak haalde haar doelstelling} one {# afspraak haalde haar doelstelling niet} other {# afspraken haalden hun doelstelling niet}}',
  'reports.previousNone': 'geen verzoeken in de vorige periode om mee te vergelijken',
  'reports.previousPeriod': 'Vorige periode',
  'reports.change': 'Verschil',

  'reports.levels.intro': 'Een afspraak is nagekomen als het aandeel op tijd opgeloste verzoeken de doelstelling van het niveau haalt; zonder doelstelling moet elk verzoek op tijd zijn.',
  'reports.levels.verdict': 'Deze periode',
  'reports.levels.previousVerdict': 'Vorig oordeel',

  'reports.contract.none': 'Er gold in deze periode geen contract.',
  'reports.contract.version': 'Versie {version, number}: {from} – {to}',
  'reports.contract.openEnded': 'onbepaalde tijd',
  'reports.contract.fee': 'Maandbedrag {amount}',
  'reports.contract.notice': 'opzeggen vóór {date}',
  'reports.contract.ends': 'looptijd eindigt op {date}',
  'reports.contract.zone': 'datums in {zone}',
  'reports.contract.targets': 'Streeftijden (oplossing / eerste reactie)',
  'reports.contract.targetsNote': 'Streeftijden per prioriteit: oplossing / eerste reactie, in werkuren van de servicekalender.',
  'reports.contract.targetWithResponse': '{resolution} / {response}',
  'reports.contract.coverage': 'Servicetijden',
  'reports.contract.price': 'Prijs per maand',
  'reports.contract.default': 'standaarddienst',
  'reports.contract.holidays': '{count, plural, one {# feestdag} other {# feestdagen}}',
  'reports.contract.bespoke': 'Maatwerk',

  'reports.volume.intro': 'In de periode opgeloste verzoeken, naar de voorwaarden bij hun oplossing. Deze regels vormen de CSV-export.',

  'reports.missed.key': 'Verzoek',
  'reports.missed.summary': 'Samenvatting',
  'reports.missed.deadline': 'Deadline',
  'reports.missed.resolved': 'Opgelost',
  'reports.missed.overdue': 'Te laat',
  'reports.missed.none': 'Geen enkel verzoek heeft in deze periode de deadline gemist.',
  'reports.missed.noExtensions': 'geen',
  'reports.missed.extension': '+{duration} op {when} door {by}: {reason}',
  'reports.missed.someone': 'een agent',
  'reports.missed.search': 'Deze verzoeken openen in de issuenavigator',
  'reports.missed.mismatch': 'De cijfers tellen {expected, plural, one {# gemist verzoek} other {# gemiste verzoeken}}, en op de verzoeken die je mag zien {found, plural, one {is er # gevonden} other {zijn er # gevonden}}. Ligt dat niet aan rechten, dan zijn de cijfers mogelijk verouderd: een beheerder kan ze opnieuw opbouwen in de instellingen van Contract Clock.',

  'reports.uncovered.intro': 'In de periode opgelost zonder klantcontract: apart vermeld, nooit in een percentage geteld.',
  'reports.uncovered.none': 'Elk in deze periode opgelost verzoek viel onder een contract.',
  'reports.uncovered.reason': 'Waarom',
  'reports.uncovered.reason.no-organization': 'Het verzoek heeft geen organisatie',
  'reports.uncovered.reason.unknown-organization': 'Geen contract noemt de organisatie',
  'reports.uncovered.reason.contract-not-in-force': 'Het contract gold nog niet',
  'reports.uncovered.reason.contract-expired': 'Het contract was verlopen',
  'reports.uncovered.reason.service-not-covered': 'Het contract dekt deze dienst niet',
  'reports.uncovered.reason.fallback': 'Afgehandeld op het best-effort-niveau',
};
