/**
 * English texts of the contract database's validation: every message the schemas
 * (src/contract/contract-database*.ts, calendar.ts, building-blocks.ts, money.ts, strict-object.ts),
 * the history rules (src/domain/database-history.ts) and the store (src/app/contract-database-store.ts)
 * report. The backend writes these English texts; src/i18n/validation-text.ts recognises a text by
 * its template and renders it in the reader's language, so the same message appears in English or
 * Dutch next to its field whether the browser or the backend found it (ADR 0023).
 *
 * Rules for these texts (test/i18n/validation-text.test.ts checks them): plain `{argument}`
 * placeholders only (no plural or select: a rendered text must be readable back into its template),
 * and no two templates that could render the same text. ASCII apostrophes are written twice (`''`),
 * as ICU requires before a placeholder.
 *
 * Data only: no imports (the UI build compiles this module to message ASTs).
 */
export const validationEn = {
  // Building blocks
  'validation.id': 'Use 1–64 letters, digits, "_", "." or "-", starting with a letter or digit.',
  'validation.localDate': 'Use a real date as YYYY-MM-DD.',
  'validation.timeZone': 'Unknown time zone.',
  'validation.name.empty': 'Enter a name.',
  'validation.value.empty': 'Enter a value.',
  'validation.text.tooLong': 'At most {max} characters.',
  'validation.accountId': 'Use an Atlassian account id such as 5b10ac8d82e05b22cc7d4ef5.',
  'validation.colour': 'Use a colour as #RRGGBB, e.g. #D4A017.',
  'validation.percent.min': 'At least 0 %.',
  'validation.percent.max': 'At most 100 %.',
  'validation.percent.decimals': 'At most two decimals.',
  'validation.atRisk': 'Use a whole percentage from 1 to 99.',
  'validation.wholeNumber': 'Use a whole number from 1.',
  'validation.minutes.whole': 'Whole minutes only.',
  'validation.minutes.positive': 'A target must be at least one minute.',
  'validation.minutes.max': 'At most one year of minutes.',
  'validation.response.longer': 'The first-response target cannot be longer than the resolution target.',
  'validation.currency': 'Use an ISO 4217 currency code such as EUR or USD.',
  'validation.amount.whole': 'Amounts are whole minor units (cents): 12500 means 125.00.',
  'validation.amount.negative': 'An amount cannot be negative.',
  'validation.amount.tooLarge': 'The amount is too large.',
  'validation.schemaVersion': 'Unsupported schemaVersion; expected {version} (version 1 documents are migrated).',
  'validation.tooMany': 'At most {max} items.',

  // Calendars
  'validation.calendar.time': 'Use a time "HH:MM" from 00:00 to 24:00.',
  'validation.calendar.intervalOrder': 'The interval {start}–{end} must start before it ends.',
  'validation.calendar.overlap': 'The interval {start}–{end} overlaps {otherStart}–{otherEnd}.',
  'validation.calendar.noWorkingTime': 'The week has no working time.',
  'validation.calendar.yearly': 'Use a day of the year as MM-DD, such as 12-25.',
  'validation.calendar.holiday': 'Use a date (YYYY-MM-DD), a date with a name, or a yearly day (MM-DD) with a name.',
  'validation.calendar.zone': 'Use an IANA time zone such as Europe/Amsterdam.',
  'validation.calendar.idle': 'The holidays leave no working day for {days} days; a deadline must find business time within {limit} days.',

  // Services, levels, contracts
  'validation.level.noRevision': 'A level needs at least one revision.',
  'validation.level.sameDate': 'Another revision (revisions.{first}) is already in force from {date}.',
  'validation.bespoke.noClass': 'Name at least one class, or leave calendarClasses out.',
  'validation.bespoke.classesWithoutCalendar': 'calendarClasses limits a bespoke calendar: set calendarId too.',
  'validation.bespoke.classTwice': '{class} is listed twice.',
  'validation.rate.empty': 'Give an hourly rate, a price per request, or both.',
  'validation.rate.tooMany': 'At most {max} request types.',
  'validation.version.noService': 'Cover at least one service.',
  'validation.version.endsBeforeStart': 'The version ends before it starts.',
  'validation.version.termBeforeStart': 'The term ends before the version starts.',
  'validation.version.noticeAfterEnd': 'The notice date lies after the end of the term.',
  'validation.version.serviceTwice': "Service ''{id}'' is already covered (coveredServices.{first}).",
  'validation.version.defaultNotCovered': "The default service ''{id}'' is not among the covered services.",
  'validation.version.numberTwice': 'Duplicate version number {version} (also versions.{first}).',
  'validation.version.overlap': 'Version {version} overlaps version {other} ({from} – {to}).',
  'validation.version.openEnded': 'open-ended',
  'validation.customer.noOrganization': 'Name at least one JSM organization.',
  'validation.customer.organizationTwice': "Duplicate organization ''{id}''.",
  'validation.customer.twoNames': "Customer ''{id}'' is called ''{name}'' in contracts.{index}; use one name per customer id.",
  'validation.contract.noVersion': 'A contract needs at least one version.',
  'validation.contract.reminderDays.min': 'At least 1 day.',
  'validation.contract.reminderDays.max': 'At most 365 days.',
  'validation.contract.reminderWithoutManager': 'Name the account manager to remind of the notice date.',
  'validation.contract.reminderWithoutNotice': 'No version has a notice date to remind of.',
  'validation.contract.currencyMismatch':
    "Level ''{level}'' is priced in {levelCurrency} and this contract in {contractCurrency}: give the service its own price (bespoke.monthlyPrice) or use a level priced in {contractCurrency}.",
  'validation.duplicateId': "Duplicate {what} id ''{id}'' (also {list}.{first}).",
  'validation.duplicateName': "Duplicate {what} ''{name}''.",
  'validation.what.calendar': 'calendar',
  'validation.what.service': 'service',
  'validation.what.level': 'level',
  'validation.what.contract': 'contract',
  'validation.what.pauseStatus': 'pause status',
  'validation.unknownCalendar': "Unknown calendar ''{id}''.",
  'validation.unknownService': "Unknown service ''{id}''.",
  'validation.unknownLevel': "Unknown level ''{id}''.",
  'validation.unreachable':
    "{minutes} business minutes cannot be reached within 3 years of ''{calendar}'' ({weekly} minutes a week): at most {limit}.",
  'validation.documentTooLarge':
    'The contract database takes {size} as JSON; at most {max} can be stored, exported and imported back. Remove ended contracts or long notes.',

  // Settings
  'validation.settings.priorityLimit': 'At most {max} priorities.',
  'validation.settings.priorityTwice': "Priority ''{name}'' is also mapped as ''{other}''.",
  'validation.settings.message.empty': 'Enter a message.',
  'validation.settings.placeholder': 'Unknown placeholder {placeholder}; use {known}.',
  'validation.settings.placeholderMissing': 'This message must contain {placeholder}.',

  // Unknown keys (strict objects)
  'validation.unknownField': "Unknown field ''{key}''.",
  'validation.unknownFieldSuggestion': "Unknown field ''{key}'' (did you mean ''{suggestion}''?).",

  // History (terms that requests already used)
  'validation.history.contractRemoved':
    "Contract ''{name}'' ({id}) has been in force since {date} and cannot be removed; end its last version with effectiveTo instead.",
  'validation.history.contractZone': "Contract ''{name}'' has been in force since {date}: its time zone ({zone}) cannot change.",
  'validation.history.contractCurrency': "Contract ''{name}'' has been in force since {date}: its currency ({currency}) cannot change.",
  'validation.history.versionRemoved': "Version {version} of contract ''{name}'' has been in force since {date} and cannot be removed.",
  'validation.history.versionStart': "Version {version} of contract ''{name}'' has been in force since {date}: its start cannot move.",
  'validation.history.versionTerms':
    "Version {version} of contract ''{name}'' has been in force since {date}: its terms cannot be edited. Add a new version from tomorrow or later with the new terms.",
  'validation.history.versionEndedEnd':
    "Version {version} of contract ''{name}'' ended on {end}: its end can move to {today} or later only (requests of past days used it).",
  'validation.history.versionInForceEnd':
    "Version {version} of contract ''{name}'' is in force: its end can move to {today} or later only (requests of past days used it).",
  'validation.history.versionTooEarly':
    "Version {version} of contract ''{name}'' would start on {date}, but requests up to today ({today}) used other terms: a new version starts tomorrow at the earliest.",
  'validation.history.levelRemoved': "Level ''{name}'' ({id}) has terms in force and cannot be removed.",
  'validation.history.levelCurrency': "Level ''{name}'' has terms in force: the currency of its prices ({currency}) cannot change.",
  'validation.history.revisionRemoved': "Level ''{name}'': the revision in force since {date} cannot be removed or moved.",
  'validation.history.revisionTerms':
    "Level ''{name}'': the revision in force since {date} cannot be edited (requests on contracts in force use it). Add a revision from tomorrow or later with the new terms.",
  'validation.history.revisionTooEarly':
    "Level ''{name}'': a revision from {date} would change the terms of requests already created; a new revision starts tomorrow ({tomorrow}) at the earliest.",
  'validation.history.calendarWeek':
    "Calendar ''{name}'' is in use by terms in force: its time zone and weekly hours cannot change. Add a new calendar, and a level revision or contract version from tomorrow that uses it.",
  'validation.history.calendarHolidays': "Calendar ''{name}'': holidays up to today ({today}) cannot change ({dates}); holidays of future dates can.",

  // Saving
  'validation.stale.loaded':
    'Another administrator ({who}) saved the contract database at {at} (revision {revision}) after you loaded revision {loaded}. Nothing was saved: reload to see their changes, then make yours again.',
  'validation.stale.writing':
    'Another administrator ({who}) saved the contract database at {at} (revision {revision}) while this save was being written. Nothing was saved: reload to see their changes, then make yours again.',
  'validation.sliceTooLarge':
    "The terms of {count} contracts (the largest ''{largest}'') take {size} KiB, more than one storage item holds ({max} KiB): shorten notes, the service catalogue or long version histories.",
} as const;
