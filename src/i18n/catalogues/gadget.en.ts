/**
 * English texts of the dashboard gadget (static/gadget): the source of the `gadget` keys and their
 * ICU arguments. Texts shared with the review report are in ./compliance.en.ts.
 *
 * Data only: no imports (the UI build compiles this module to message ASTs).
 */
export const gadgetEn = {
  'gadget.scope': '{scope} — {period}',
  'gadget.headline.label': 'Headline figures',
  'gadget.headline.agreements': '{missed, plural, =0 {Every agreement reached its objective} one {# agreement missed its objective} other {# agreements missed their objective}}',
  'gadget.noContracts.title': 'No contracts yet',
  'gadget.noContracts.body': 'Compliance is counted against customer contracts. A Jira admin adds them in the Contract Clock settings; resolved requests are counted from then on.',
  'gadget.empty.title': 'No requests resolved in {period}',
  'gadget.empty.body': 'Nothing in this gadget’s scope was resolved in the period. Pick another period or customer in the gadget’s settings (Edit).',
  'gadget.customers.title': 'Per customer',
  'gadget.customers.showAll': 'Show all {count, number} customers',
  'gadget.customers.showFewer': 'Show fewer',
  'gadget.open.title': 'Open now',
  'gadget.open.running': 'Running',
  'gadget.open.paused': 'Paused',
  'gadget.open.atRisk': 'At risk',
  'gadget.open.breached': 'Breached',
  'gadget.open.linkLabel': '{state}: {count, plural, one {# request} other {# requests}}. Open the search in the issue navigator.',
  'gadget.worst.title': 'Worst breaches',
  'gadget.worst.none': 'No request missed its deadline in this period.',
  'gadget.worst.incomplete': 'The search for breaches stopped at its limit: there may be worse ones. The review report lists every missed request.',
  'gadget.breakdown.title': 'On time per level, service and priority',
  'gadget.breakdown.by': 'Break down by',
  'gadget.openReport': 'Open the review report',
  'gadget.edit.title': 'Contract compliance settings',
  'gadget.edit.intro': 'What this gadget shows. Each gadget on a dashboard keeps its own settings.',
  'gadget.edit.save': 'Save',
  'gadget.edit.saving': 'Saving…',
  'gadget.edit.saveFailed': 'The settings could not be saved',
} as const;
