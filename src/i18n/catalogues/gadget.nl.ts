/**
 * Dutch texts of the dashboard gadget; exactly the keys and ICU arguments of ./gadget.en.ts.
 *
 * Data only: a type import, nothing else (the UI build compiles this module to message ASTs).
 */
import type { Translation } from '../messages';
import type { gadgetEn } from './gadget.en';

export const gadgetNl: Translation<typeof gadgetEn> = {
  'gadget.scope': '{scope} — {period}',
  'gadget.headline.label': 'Kerncijfers',
  'gadget.headline.agreements': '{missed, plural, =0 {Elke afspraak haalde haar doelstelling} one {# afspraak haalde haar doelstelling niet} other {# afspraken haalden hun doelstelling niet}}',
  'gadget.noContracts.title': 'Nog geen contracten',
  'gadget.noContracts.body': 'Er wordt geteld tegen klantcontracten. Een Jira-beheerder voegt ze toe in de instellingen van Contract Clock; vanaf dan worden opgeloste verzoeken geteld.',
  'gadget.empty.title': 'Geen verzoeken opgelost in {period}',
  'gadget.empty.body': 'Binnen het bereik van deze gadget is in deze periode niets opgelost. Kies een andere periode of klant in de instellingen van de gadget (Bewerken).',
  'gadget.customers.title': 'Per klant',
  'gadget.customers.showAll': 'Alle {count, number} klanten tonen',
  'gadget.customers.showFewer': 'Minder tonen',
  'gadget.open.title': 'Nu open',
  'gadget.open.running': 'Loopt',
  'gadget.open.paused': 'Gepauzeerd',
  'gadget.open.atRisk': 'In gevaar',
  'gadget.open.breached': 'Verlopen',
  'gadget.open.linkLabel': '{state}: {count, plural, one {# verzoek} other {# verzoeken}}. Open de zoekopdracht in de issuenavigator.',
  'gadget.worst.title': 'Grootste overschrijdingen',
  'gadget.worst.none': 'Geen enkel verzoek heeft in deze periode de deadline gemist.',
  'gadget.worst.incomplete': 'Het zoeken naar overschrijdingen stopte bij de grens: er kunnen ergere zijn. Het reviewrapport toont elk gemist verzoek.',
  'gadget.breakdown.title': 'Op tijd per niveau, dienst en prioriteit',
  'gadget.breakdown.by': 'Uitsplitsen naar',
  'gadget.openReport': 'Reviewrapport openen',
  'gadget.edit.title': 'Instellingen van Contractnaleving',
  'gadget.edit.intro': 'Wat deze gadget toont. Elke gadget op een dashboard heeft zijn eigen instellingen.',
  'gadget.edit.save': 'Opslaan',
  'gadget.edit.saving': 'Opslaan…',
  'gadget.edit.saveFailed': 'De instellingen konden niet worden opgeslagen',
};
