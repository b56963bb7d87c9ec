/**
 * English texts of the audit log's change lines (src/domain/database-changes.ts): what a save or an
 * import changed in the contract database, e.g. "Level 'Gold': P1 resolution 4 h → 3 h from
 * 2027-01-01". A line is stored in English, built from these templates, some nested (`{change}` is
 * itself a line of this catalogue, `{from}` / `{to}` may be a value such as "none" or "4 h");
 * src/i18n/change-text.ts recognises a stored line by its templates and renders it in the reader's
 * language (ADR 0035).
 *
 * Rules for these texts (test/i18n/change-text.test.ts checks them): plain `{argument}` or
 * `{argument, number}` placeholders only (no plural or select: a rendered line must be readable back
 * into its template); every text read back as its own key. The argument names mean something to the
 * reader: `change`, `from`, `to` and `kind` are translated in turn; `holidays` and `credits` are lists
 * joined by ", " whose items are; `fromAmount` / `toAmount` are amounts (or "none"); `date` is a
 * YYYY-MM-DD date, `version` a number, `id` an id, `delta` a "+added −removed" list; any other
 * argument (names) is shown as it is. ASCII apostrophes are written twice (`''`), as ICU requires.
 *
 * Data only: no imports (the UI build compiles this module to message ASTs).
 */
export const changesEn = {
  // What changed: the subject of a line
  'changes.kind.calendar': 'Calendar',
  'changes.kind.service': 'Service',
  'changes.kind.level': 'Level',
  'changes.kind.contract': 'Contract',
  'changes.item.added': "{kind} ''{name}'' ({id}) added",
  'changes.item.removed': "{kind} ''{name}'' ({id}) removed",
  'changes.item.renamed': "{kind} ''{oldName}'' renamed to ''{name}''",
  'changes.item.changed': "{kind} ''{name}'': {change}",
  'changes.services.order': 'Service catalogue order changed: {names}',
  'changes.settings': 'Settings: {change}',
  // Said of more than one kind
  'changes.timeZone': 'time zone {from} → {to}',
  'changes.currency': 'currency {from} → {to}',
  'changes.note': 'note changed',
  // Calendars
  'changes.calendar.week': 'weekly hours changed',
  'changes.calendar.holidayAdded': 'holiday {holidays} added',
  'changes.calendar.holidaysAdded': 'holidays {holidays} added',
  'changes.calendar.holidayRemoved': 'holiday {holidays} removed',
  'changes.calendar.holidaysRemoved': 'holidays {holidays} removed',
  'changes.calendar.holidayNames': 'holiday names changed',
  // Services
  'changes.service.requestTypes': 'request types {delta}',
  'changes.service.components': 'components {delta}',
  'changes.service.labels': 'labels {delta}',
  'changes.service.description': 'description changed',
  // Service levels
  'changes.level.colour': 'colour {from} → {to}',
  'changes.level.objective': 'objective {from} → {to}',
  'changes.level.resolution': '{priorityClass} resolution {from} → {to}',
  'changes.level.response': '{priorityClass} first response {from} → {to}',
  'changes.level.calendar': "calendar ''{fromName}'' → ''{toName}''",
  'changes.level.price': 'price {service} {fromAmount} → {toAmount}',
  'changes.level.creditRemoved': 'credit rule removed',
  'changes.level.credit': 'credit rule {credits} per missed request, at most {cap, number} % a month',
  'changes.level.revisionChanged': 'revision from {date}: {change}',
  'changes.level.revisionFrom': '{change} from {date}',
  'changes.level.revisionAdded': 'new revision from {date}',
  'changes.level.revisionRemoved': 'revision from {date} removed',
  // Contracts
  'changes.contract.customer': 'customer {fromName} → {toName}',
  'changes.contract.organizations': 'organizations {delta}',
  'changes.contract.pricesShown': 'prices shown to the customer',
  'changes.contract.pricesHidden': 'prices hidden from the customer',
  'changes.contract.accountManager': 'account manager {from} → {to}',
  'changes.contract.noticeReminder': 'notice reminder {from} → {to}',
  'changes.contract.versionAdded': 'version {version} added from {date}',
  'changes.contract.versionChanged': 'version {version}: {change}',
  'changes.contract.versionRemoved': 'version {version} removed',
  // Contract versions
  'changes.version.starts': 'starts {from} → {to}',
  'changes.version.ends': 'ends {from} → {to}',
  'changes.version.endOfTerm': 'end of term {from} → {to}',
  'changes.version.noticeDate': 'notice date {from} → {to}',
  'changes.version.fee': 'monthly fee {fromAmount} → {toAmount}',
  'changes.version.coveredServices': 'covered services changed',
  'changes.version.defaultService': 'default service {fromName} → {toName}',
  'changes.version.pauseStatuses': 'pause statuses changed',
  'changes.version.rates': 'out-of-contract rates changed',
  // Settings
  'changes.settings.fallbackLevel': 'fallback level {from} → {to}',
  'changes.settings.atRisk': 'at-risk threshold {from} → {to}',
  'changes.settings.pauseStatuses': 'pause statuses {delta}',
  'changes.settings.priorities': 'priority mapping changed',
  'changes.settings.messages': 'customer message templates changed',
  'changes.settings.currency': 'default currency {from} → {to}',
  // Values
  'changes.value.none': 'none',
  'changes.value.openEnded': 'open-ended',
  'changes.value.off': 'off',
  'changes.value.oneDay': '1 day',
  'changes.value.days': '{days, number} days',
  'changes.value.percent': '{percent, number} %',
  'changes.value.classPercent': '{priorityClass} {percent, number} %',
  'changes.value.yearly': 'every {monthDay}',
  'changes.value.minutes': '{minutes, number} min',
  'changes.value.hours': '{hours, number} h',
  'changes.value.hoursMinutes': '{hours, number} h {minutes, number} min',
} as const;
