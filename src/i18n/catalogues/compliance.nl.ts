/**
 * Dutch texts of the managers' surfaces; exactly the keys and ICU arguments of ./compliance.en.ts.
 *
 * Data only: a type import, nothing else (the UI build compiles this module to message ASTs).
 */
import type { Translation } from '../messages';
import type { complianceEn } from './compliance.en';

export const complianceNl: Translation<typeof complianceEn> = {
  'compliance.loading': 'Cijfers laden…',
  'compliance.loadFailed': 'De cijfers konden niet worden geladen',
  'compliance.forbidden.title': 'Alleen Jira-beheerders en agents van de serviceprojecten zien deze cijfers',
  'compliance.forbidden.body': 'De cijfers tonen de afspraken van alle klanten. Vraag een Jira-beheerder om agenttoegang tot het serviceproject als je ze nodig hebt.',

  'compliance.customer': 'Klant',
  'compliance.customer.all': 'Alle klanten',
  'compliance.service': 'Dienst',
  'compliance.service.all': 'Alle diensten',
  'compliance.service.none': 'Geen dienst',
  'compliance.level': 'Niveau',
  'compliance.level.all': 'Alle niveaus',
  'compliance.priority': 'Prioriteit',
  'compliance.period': 'Periode',
  'compliance.period.from': 'Vanaf maand',
  'compliance.period.to': 'Tot en met maand',
  'compliance.period.invalid': 'De laatste maand ligt vóór de eerste maand.',
  'compliance.preset.this-month': 'Deze maand',
  'compliance.preset.last-month': 'Vorige maand',
  'compliance.preset.this-quarter': 'Dit kwartaal',
  'compliance.preset.last-quarter': 'Vorig kwartaal',
  'compliance.preset.this-year': 'Dit jaar',
  'compliance.preset.last-year': 'Vorig jaar',
  'compliance.preset.custom': 'Eigen periode',
  'compliance.periodName.quarter': 'K{quarter, number} {year}',
  'compliance.periodName.year': '{year}',
  'compliance.periodName.range': '{from} – {to}',
  'compliance.periodDates': '{start} – {end}',

  'compliance.onTime': 'Op tijd',
  'compliance.firstResponse': 'Eerste reactie',
  'compliance.resolved': 'Opgelost',
  'compliance.met': 'Gehaald',
  'compliance.missed': 'Gemist',
  'compliance.extensions': 'Verlengingen',
  'compliance.objective': 'Doelstelling',
  'compliance.objective.none': 'elk verzoek',
  'compliance.notApplicable': '—',
  'compliance.figures.detail': '{met, number} van {resolved, plural, one {# opgelost verzoek} other {# opgeloste verzoeken}} op tijd',
  'compliance.figures.nothing': 'Geen verzoeken opgelost',
  'compliance.response.detail': '{met, number} van {total, number} op tijd beantwoord',

  'compliance.headline.gold': 'Alle Gold-afspraken gehaald',
  'compliance.headline.levels': 'Alle {levels}-afspraken gehaald',
  'compliance.headline.yes': 'Ja',
  'compliance.headline.no': 'Nee',
  'compliance.headline.missed': '{count, plural, one {# gemist} other {# gemist}}',
  'compliance.headline.notApplicable': 'Geen Gold-verzoek opgelost',
  'compliance.verdict.met': 'Gehaald',
  'compliance.verdict.notMet': 'Niet gehaald',
  'compliance.verdict.none': 'Geen verzoeken',

  'compliance.dimension.level': 'Niveau',
  'compliance.dimension.service': 'Dienst',
  'compliance.dimension.priorityClass': 'Prioriteit',

  'compliance.trend.title': 'Verloop per maand',
  'compliance.trend.showTable': 'Als tabel tonen',
  'compliance.trend.showChart': 'Als grafiek tonen',
  'compliance.trend.chartLabel': 'Op tijd per maand. {summary}',
  'compliance.trend.point': '{month}: {percent}',
  'compliance.trend.pointEmpty': '{month}: geen verzoeken opgelost',
  'compliance.trend.month': 'Maand',
  'compliance.trend.legendResolution': 'Oplossing op tijd',
  'compliance.trend.legendResponse': 'Eerste reactie op tijd',

  'compliance.overdue': '{duration} te laat',
  'compliance.stillOpen': 'Nog open',
  'compliance.reconciled': 'Cijfers laatst afgestemd met de verzoeken op {when}.',
  'compliance.neverReconciled': 'De cijfers zijn nooit opnieuw opgebouwd uit de verzoeken; een beheerder kan dat doen in de instellingen van Contract Clock.',
  'compliance.withoutContract': '{count, plural, one {# verzoek} other {# verzoeken}} zonder contract opgelost in deze periode: apart geteld, nooit in een percentage.',
};
