/**
 * English texts of the customer portal's panels (static/portal): "Your agreement" on a request and
 * "My contract" on the profile page. Written for customers: the words agents use with them, never
 * the app's internal states. Keys built from backend values (`error.<code>`) cover every value;
 * test/i18n/catalogues.test.ts checks that.
 *
 * Data only: no imports (the UI build compiles this module to message ASTs).
 */
export const portalEn = {
  'portal.loading': 'Loading…',
  'portal.loadFailed': 'This could not be loaded',

  'error.invalid-input': 'This panel could not tell which request it belongs to. Reload the page.',
  'error.forbidden': 'You do not have access to this information.',
  'error.not-found': 'There is no agreement to show here.',
  'error.conflict': 'This changed while you were looking. Reload the page.',
  'error.confirmation-required': 'This needs a confirmation first.',
  'error.unavailable': 'We could not reach our systems just now. Try again in a moment.',
  'error.internal': 'Something went wrong on our side. Try again in a moment.',

  'time.otherZone': '{time} in {zone}, the time zone of our business hours',
  'time.yourZone': 'Your time zone: {zone}',

  'request.service': 'Service',
  'request.level': 'Service level',
  'request.contract': 'Contract',
  'request.bespoke': 'terms agreed specially for you',
  'request.bestEffort': 'No contract covers this request: we handle it on a best-effort basis and aim for the time below.',
  'request.resolution': 'Resolution',
  'request.response': 'First response',
  'request.pending': 'We are working out when we expect to resolve this request. Reload the page in a moment.',
  'request.notCovered': 'No contract covers this request, so there is no agreed resolution time.',
  'request.unavailable': 'We cannot show an expected time for this request right now.',
  'request.myContract': 'My contract: services, levels and hours',

  'notCovered.no-organization': 'The request is not shared with a customer organization.',
  'notCovered.unknown-organization': 'The organization of this request has no service contract with us.',
  'notCovered.contract-not-in-force': 'The contract was not in force on the day the request was raised.',
  'notCovered.contract-expired': 'The contract had ended before the request was raised.',
  'notCovered.service-not-covered': 'The contract does not cover this service.',

  'resolution.expected': 'We expect to resolve this by {time}',
  'resolution.yourReply': 'On hold while we wait for your reply',
  'resolution.paused': 'On hold: the time we need stops counting until we resume work',
  'resolution.lateEstimate': 'Running late: our new estimate is {time}',
  'resolution.late': 'Running late: we expected to resolve this by {time}. We will tell you our new estimate.',
  'resolution.onTime': 'Resolved on time, {time}',
  'resolution.doneLate': 'Resolved {time}, later than we expected',

  'response.expected': 'We will respond by {time}',
  'response.yourReply': 'On hold while we wait for your reply',
  'response.paused': 'On hold: the time we need stops counting until we resume work',
  'response.lateEstimate': 'Running late: we will respond by {time}',
  'response.late': 'Our first response is late: we expected to respond by {time}.',
  'response.onTime': 'We responded on time, {time}',
  'response.doneLate': 'We responded {time}, later than we expected',

  'contract.heading': 'My contract',
  'contract.intro': 'What we agreed with your organization: the services, how fast we respond and resolve, and when we work.',
  'contract.noOrganizations': 'Your account is not part of a customer organization, so no contract applies to your requests. Contact us if that is not right.',
  'contract.noContract': '{organization} has no service contract with us: its requests have no agreed resolution time.',
  'contract.for': 'For {organizations}',
  'contract.status.in-force': 'In force',
  'contract.status.upcoming': 'Starts {date}',
  'contract.status.ended': 'Ended {date}',
  'contract.ended': 'This contract ended on {date}. Requests now have no agreed resolution time, unless another contract applies.',
  'contract.upcoming': 'This contract starts on {date}.',
  'contract.period': 'Period',
  'contract.periodFrom': 'From {from}',
  'contract.periodRange': '{from} – {to}',
  'contract.termEnds': 'Current term ends',
  'contract.noticeBy': 'Notice of termination by',
  'contract.services': '{count, plural, one {# service} other {# services}}',
  'contract.timesNote': 'Times count within our business hours; holidays excluded.',

  'service.bespoke': 'agreed specially for you',
  'service.price': '{price} a month',
  'service.noPrice': 'No price agreed',

  'targets.caption': 'Targets for {service} by priority',
  'targets.priority': 'Priority',
  'targets.response': 'First response',
  'targets.resolution': 'Resolution',
  'targets.within': 'within {duration}',
  'targets.noResponse': '—',
  'targets.class': 'Priority {priorityClass}',
  'targets.calendar': 'in {calendar}',

  'coverage.heading': 'Business hours',
  'coverage.closed': 'closed',
  'coverage.allDay': 'all day',
  'coverage.zone': 'Times in {zone}',
  'coverage.holidays': '{count, plural, =0 {No holidays in the coming twelve months} one {# holiday in the coming twelve months} other {# holidays in the coming twelve months}}',
  'coverage.holidayUnnamed': 'Holiday',

  'prices.heading': 'Monthly prices',
  'prices.fee': 'Fixed monthly fee',
  'prices.total': 'Total a month',
  'prices.incomplete': 'Services without an agreed price are not in the total.',

  'onTime.heading': 'On time last quarter',
  'onTime.period': '{from} – {to}',
  'onTime.service': 'Service',
  'onTime.resolution': 'Resolved on time',
  'onTime.response': 'First response on time',
  'onTime.share': '{done, number} of {total, number} ({percent})',
  'onTime.none': 'no requests',
  'onTime.empty': 'None of your requests were resolved in this quarter.',
} as const;
