/**
 * English texts of the "Contract reviews" page (static/reports): the source of the `reports` keys
 * and their ICU arguments. Texts shared with the gadget are in ./compliance.en.ts.
 *
 * Data only: no imports (the UI build compiles this module to message ASTs).
 */
export const reportsEn = {
  'reports.intro': 'The document for the quarterly or yearly review with a customer: what was agreed, what was delivered, and every missed deadline.',
  'reports.exportCsv': 'Export CSV',
  'reports.exporting': 'Exporting…',
  'reports.exported': 'Downloaded {fileName} ({rows, plural, one {# row} other {# rows}}).',
  'reports.exportFailed': 'The CSV could not be exported',
  'reports.print': 'Print',

  'reports.document.title': 'Contract review: {customer}, {period}',
  'reports.document.period': '{dates}, compared with {previous}.',
  'reports.empty.title': 'No requests resolved in this period',
  'reports.empty.body': 'The contracts in force are listed below; pick another period or customer to see figures.',

  'reports.section.summary': 'Summary',
  'reports.section.levels': 'Objectives per level',
  'reports.section.contracts': 'Contracts in force',
  'reports.section.volume': 'Volume and on time',
  'reports.section.trend': 'Trend',
  'reports.section.missed': 'Missed requests',
  'reports.section.uncovered': 'Requests without a contract',

  'reports.delta': '{delta} points',
  'reports.previous': 'previous period {value} ({delta})',
  'reports.agreementsMissed': '{count, plural, =0 {Every agreement reached its objective} one {# agreement missed its objective} other {# agreements missed their objective}}',
  'reports.previousNone': 'no requests in the previous period to compare with',
  'reports.previousPeriod': 'Previous period',
  'reports.change': 'Change',

  'reports.levels.intro': 'An agreement is kept when the share resolved on time reaches the level’s objective; a level without one needs every request on time.',
  'reports.levels.verdict': 'This period',
  'reports.levels.previousVerdict': 'Previous verdict',

  'reports.contract.none': 'No contract was in force in this period.',
  'reports.contract.version': 'Version {version, number}: {from} – {to}',
  'reports.contract.openEnded': 'open-ended',
  'reports.contract.fee': 'Monthly fee {amount}',
  'reports.contract.notice': 'notice by {date}',
  'reports.contract.ends': 'term ends on {date}',
  'reports.contract.zone': 'dates in {zone}',
  'reports.contract.targets': 'Targets (resolution / first response)',
  'reports.contract.targetsNote': 'Targets per priority class: resolution / first response, in business hours of the coverage calendar.',
  'reports.contract.targetWithResponse': '{resolution} / {response}',
  'reports.contract.coverage': 'Coverage hours',
  'reports.contract.price': 'Monthly price',
  'reports.contract.default': 'default service',
  'reports.contract.holidays': '{count, plural, one {# holiday} other {# holidays}}',
  'reports.contract.bespoke': 'Bespoke',

  'reports.volume.intro': 'Requests resolved in the period, by the terms in force at their resolution. These rows are the CSV export.',

  'reports.missed.key': 'Request',
  'reports.missed.summary': 'Summary',
  'reports.missed.deadline': 'Deadline',
  'reports.missed.resolved': 'Resolved',
  'reports.missed.overdue': 'Overdue by',
  'reports.missed.none': 'No request missed its deadline in this period.',
  'reports.missed.noExtensions': 'none',
  'reports.missed.extension': '+{duration} on {when} by {by}: {reason}',
  'reports.missed.someone': 'an agent',
  'reports.missed.search': 'Open these requests in the issue navigator',
  'reports.missed.mismatch': 'The figures count {expected, plural, one {# missed request} other {# missed requests}}, and {found, plural, one {# was} other {# were}} found on the requests you may see. If that is not a matter of permissions, the figures may be out of date: an admin can rebuild them in the Contract Clock settings.',

  'reports.uncovered.intro': 'Resolved in the period without a customer contract: listed apart, never counted in a percentage.',
  'reports.uncovered.none': 'Every request resolved in this period was covered by a contract.',
  'reports.uncovered.reason': 'Why',
  'reports.uncovered.reason.no-organization': 'The request has no organization',
  'reports.uncovered.reason.unknown-organization': 'No contract names its organization',
  'reports.uncovered.reason.contract-not-in-force': 'The contract was not in force yet',
  'reports.uncovered.reason.contract-expired': 'The contract had expired',
  'reports.uncovered.reason.service-not-covered': 'The contract does not cover this service',
  'reports.uncovered.reason.fallback': 'Handled on the best-effort level',
} as const;
