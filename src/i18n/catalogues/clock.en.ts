/**
 * English texts the backend writes for a reader: the panel's explanation steps, history details and
 * problems, and the sweep's internal notes and notifications. The source of the `clock` keys and
 * their ICU arguments (see ../messages.ts). Never bundled into a Custom UI app.
 *
 * Data only: no imports. ICU quoting: `''` is one apostrophe next to a placeholder.
 */
export const clockEn = {
  'because.requestType': "request type ''{value}''",
  'because.component': "component ''{value}''",
  'because.label': "label ''{value}''",
  'because.defaultService': 'the contract’s default service',
  'because.organizations': '{count, plural, one {organization} other {organizations}} {names}',
  'because.version': 'version {version}, in force {from} – {to}',
  'because.versionOpenEnded': 'version {version}, in force {from} – open-ended',
  'because.strictest': 'strictest of {count, plural, one {# contract} other {# contracts}}',
  'because.bespoke': 'bespoke terms of the contract',
  'because.priority.mapped': "Jira priority ''{priority}''",
  'because.priority.missing': 'no priority: default class',
  'because.priority.unmapped': "priority ''{priority}'' is not mapped: default class",
  'because.target': 'resolve within {resolution} (business time){bespoke, select, yes {; bespoke terms of the contract} other {}}',
  'because.targetWithResponse':
    'resolve within {resolution}, respond within {response} (business time){bespoke, select, yes {; bespoke terms of the contract} other {}}',

  'uncovered.no-organization': 'the request has no organization',
  'uncovered.unknown-organization': 'no contract names its organization',
  'uncovered.contract-not-in-force': 'no contract version is in force on the creation date',
  'uncovered.contract-expired': 'the contract has expired',
  'uncovered.service-not-covered': 'the contract does not cover this service',

  'terms.fallbackContract': 'Best effort (no contract)',
  'terms.noCustomer': 'Unknown customer',
  'terms.noService': 'No service',

  'history.extended': '+{amount} business time',
  'history.changed': '{from} → {to}',
  'history.target': '{priorityClass} {target}',
  'history.priorityLowered': 'priority lowered: {from} → {to}',
  'history.priorityRaised': 'priority raised: {from} → {to}',
  'history.crossed': '{percent, number}% of the {target} target used',
  'history.promised': 'new expected time told to the customer: {time}',
  'history.promiseWarned': 'the time promised to the customer ({time}) is close',

  'rate.hourly': '{amount} per hour',
  'rate.perRequest': '{amount} per request',
  'rate.both': '{perRequest} per request plus {hourly} per hour',

  'customer.uncovered':
    '{reason, select, service {Your contract with us does not cover {service}, so this request is not covered by your contract.} expired {Your contract with us has ended, so this request is not covered by your contract.} other {This request is not covered by your contract.}} We handle it on a best-effort basis, without a guaranteed resolution time.',
  'customer.uncoveredRate': 'Work outside the contract is charged at {rate}.',

  'problem.malformed-record': 'The stored contract clock was unreadable and has been rebuilt from the issue.',
  'problem.unsupported-schema-version': 'The contract clock was written by a newer version of Contract Clock.',
  'problem.calendar': 'The business calendar has no working time: no deadline can be computed.',
  'problem.evaluation': 'No deadline can be computed for these terms (the target does not fit the calendar); check the contract database.',

  'instant.inZone': '{time} ({zone})',

  'note.breached':
    'Contract Clock: the resolution deadline passed at {crossedAt}; {percent, number}% of the target was used then ({agreement}). Tell the customer when to expect a resolution.',
  'note.atRisk':
    'Contract Clock: this request turned at risk at {crossedAt}; {percent, number}% of the resolution target was used then ({agreement}). Deadline: {deadline}.',
  'note.promise':
    'Contract Clock: the customer was promised a resolution by {expected}. {left} of business time is left until then and the request is still open: resolve it, or tell the customer a new time before it passes. (The contract deadline was {deadline}.)',
  'note.agreement': '{level}, {priorityClass}: {target}',
  'note.agreementWithService': '{level}, {service}, {priorityClass}: {target}',
  'note.agreementUnknown': 'the agreement',
  'note.deadlineUnknown': 'unknown',
  'note.subject':
    '{issueKey}: {kind, select, breached {contract deadline breached} promise {the time promised to the customer is close} other {contract deadline at risk}}',
} as const;
