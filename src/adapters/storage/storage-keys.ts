/**
 * Every storage key the app uses is built here and nowhere else, so the key space can be read in one
 * place and prefix queries cannot collide:
 *
 * | key                                      | holds                                            |
 * |------------------------------------------|--------------------------------------------------|
 * | `doc:<document>`                         | manifest of a chunked document (typed-value.ts)  |
 * | `doc-chunk:<document>:<generation>:<n>`  | chunk n of one generation of that document       |
 * | `settings`                               | app settings                                     |
 * | `jira-field:<name>`                      | cached Jira field id (e.g. of "Contract deadline")|
 * | `rebuild-job:<jobId>`                    | progress of an aggregate rebuild job             |
 * | `reapply-job:<jobId>`                    | a re-apply of the contract database to open requests (preview or apply) |
 * | `aggregates-reconciled`                  | when the aggregates were last reconciled         |
 * | `sweep-state`                            | the sweep's bookkeeping (service projects, migration) |
 * | `event-seen:<issueId>:<eventId>`         | a processed event (dedupe)                       |
 * | legacy `open-clock:<issueId>`            | the old sweep index; read only to migrate (ADR 0018) |
 * | legacy `agg:<yyyy-mm>:<customerId>`      | the old aggregates; deleted by the migration     |
 * | legacy `agg-contrib:<issueId>`           | the old per-issue contribution; read only to migrate |
 *
 * Custom entity items (app-entities.ts) have their own key space per entity:
 *
 * | entity                 | key                         | holds                                    |
 * |------------------------|-----------------------------|------------------------------------------|
 * | `issue-clock`          | `<issueId>`                 | the app's state of one request's clock   |
 * | `clock-due`            | `<issueId>`                 | when the sweep must look at that clock   |
 * | `issue-outcome`        | `<issueId>`                 | what the request counts in the aggregates|
 * | `compliance-aggregate` | `<yyyy-mm>:<customerId>`    | counters of one month and customer       |
 * | `triage-entry`         | `<issueId>`                 | one open request in the triage index     |
 * | `triage-calendar`      | `cal-<hash>-<length>`       | a calendar triage entries count in       |
 *
 * Custom entity items (manifest.yml `app.storage.entities`, conditional writes, ADR 0009):
 *
 * | entity / key                             | holds                                            |
 * |------------------------------------------|--------------------------------------------------|
 * | `contract-database` / `current`          | the database's commit pointer: revision, chunks  |
 * | `contract-terms` / `bucket-<nn>`         | terms-resolution slice of the organizations whose id hashes to nn |
 * | `database-audit` / `<revision, 10 digits>` | the audit entry of one save or import          |
 *
 * Ids are embedded with `encodeKeySegment`: letters, digits, `.`, `_` and `-` stay as they are, every
 * other character becomes `#` plus the hex of its UTF-8 bytes. The result satisfies Forge's key format
 * (key-value-store.ts) and never contains `:`, so `open-clock:1` can never be read as part of
 * `open-clock:1:…`, and every prefix below selects exactly its own family. Builders throw
 * StorageError when a key would break Forge's rules (e.g. longer than 500 characters).
 * Pure string functions: no I/O.
 */
import { assertValidKey, StorageError } from './key-value-store';

/** Documents stored whole but possibly larger than one KVS value (see typed-value.ts). */
export const DOCUMENT_NAMES = ['contract-database'] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

/** Legacy (before ADR 0018): the old sweep index; read only to migrate. */
export const OPEN_CLOCK_PREFIX = 'open-clock:';
/** Legacy (before ADR 0018): the old aggregates; deleted once migrated. */
export const AGGREGATE_PREFIX = 'agg:';
/** Legacy (before ADR 0018): the old per-issue contributions; read only to migrate. */
export const OUTCOME_CONTRIBUTION_PREFIX = 'agg-contrib:';
export const PROCESSED_EVENT_PREFIX = 'event-seen:';
export const JIRA_FIELD_PREFIX = 'jira-field:';
export const REBUILD_JOB_PREFIX = 'rebuild-job:';
export const REAPPLY_JOB_PREFIX = 'reapply-job:';
const DOCUMENT_PREFIX = 'doc:';
const DOCUMENT_CHUNK_PREFIX = 'doc-chunk:';

const PLAIN = /^[A-Za-z0-9._-]$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const GENERATION = /^[a-z0-9]{1,40}$/;

function invalidId(what: string, reason: string): StorageError {
  return new StorageError('INVALID_KEY_PART', `Cannot build a storage key: ${what} ${reason}.`);
}

/**
 * Encodes an id so it can be one segment of a key: reversible, injective, within Forge's key
 * alphabet and free of `:`.
 *
 * @example encodeKeySegment('10042') // '10042'
 * @example encodeKeySegment('ACME Corp:NL') // 'ACME#20Corp#3ANL'
 */
export function encodeKeySegment(id: string): string {
  if (id.length === 0) throw invalidId('an id', 'is empty');
  // A lone surrogate has no UTF-8 form; allowing it would map two ids onto one key.
  if (LONE_SURROGATE.test(id)) throw invalidId(`the id ${JSON.stringify(id)}`, 'is not well-formed Unicode');
  let out = '';
  for (const char of id) {
    if (PLAIN.test(char)) {
      out += char;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) out += `#${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * Reverses `encodeKeySegment`; `undefined` when the text is not an encoded segment.
 *
 * @example decodeKeySegment('ACME#20Corp#3ANL') // 'ACME Corp:NL'
 */
export function decodeKeySegment(segment: string): string | undefined {
  if (!/^(?:[A-Za-z0-9._-]|#[0-9A-F]{2})+$/.test(segment)) return undefined;
  const bytes: number[] = [];
  for (let index = 0; index < segment.length; ) {
    if (segment[index] === '#') {
      bytes.push(Number.parseInt(segment.slice(index + 1, index + 3), 16));
      index += 3;
    } else {
      bytes.push(segment.charCodeAt(index));
      index += 1;
    }
  }
  const text = Buffer.from(bytes).toString('utf8');
  // Only the canonical encoding decodes, so every id has exactly one key.
  return encodeKeySegment(text) === segment ? text : undefined;
}

function built(key: string): string {
  assertValidKey(key);
  return key;
}

function checkedMonth(month: string): string {
  if (!MONTH.test(month)) throw invalidId(`the month "${month}"`, 'is not yyyy-mm');
  return month;
}

/** `doc:<document>` — the manifest (or inline content) of a document. */
export function documentManifestKey(document: DocumentName): string {
  return built(`${DOCUMENT_PREFIX}${document}`);
}

/** `doc-chunk:<document>:` — every chunk of every generation of a document. */
export function documentChunkPrefix(document: DocumentName): string {
  return `${DOCUMENT_CHUNK_PREFIX}${document}:`;
}

/** `doc-chunk:<document>:<generation>:<index>` — one chunk of one saved generation. */
export function documentChunkKey(document: DocumentName, generation: string, index: number): string {
  if (!GENERATION.test(generation)) throw invalidId(`the generation "${generation}"`, 'is not 1-40 of [a-z0-9]');
  if (!Number.isInteger(index) || index < 0) throw invalidId(`the chunk index ${index}`, 'is not a whole number >= 0');
  return built(`${documentChunkPrefix(document)}${generation}:${index}`);
}

/** `settings` — the app settings value. */
export function settingsKey(): string {
  return built('settings');
}

/** `open-clock:<issueId>` — present while the issue's clock runs; the sweep pages the prefix. */
export function openClockKey(issueId: string): string {
  return built(`${OPEN_CLOCK_PREFIX}${encodeKeySegment(issueId)}`);
}

/** The issue id of an `open-clock:` key, or `undefined` for any other key. */
export function parseOpenClockKey(key: string): string | undefined {
  return key.startsWith(OPEN_CLOCK_PREFIX) ? decodeKeySegment(key.slice(OPEN_CLOCK_PREFIX.length)) : undefined;
}

/** `agg:<yyyy-mm>:<customerId>` — the compliance aggregate of one customer in one month. */
export function aggregateKey(month: string, customerId: string): string {
  return built(`${aggregateMonthPrefix(month)}${encodeKeySegment(customerId)}`);
}

/** `agg:<yyyy-mm>:` — every customer's aggregate of one month. */
export function aggregateMonthPrefix(month: string): string {
  return `${AGGREGATE_PREFIX}${checkedMonth(month)}:`;
}

/** Month and customer id of an `agg:` key, or `undefined` for any other key. */
export function parseAggregateKey(key: string): { month: string; customerId: string } | undefined {
  const match = /^agg:(\d{4}-(?:0[1-9]|1[0-2])):([^:]+)$/.exec(key);
  const month = match?.[1];
  const segment = match?.[2];
  if (month === undefined || segment === undefined) return undefined;
  const customerId = decodeKeySegment(segment);
  return customerId === undefined ? undefined : { month, customerId };
}

/**
 * `agg-contrib:<issueId>` — what the issue's frozen outcome added to which aggregates, so a repeated
 * or changed outcome replaces its contribution instead of counting twice.
 */
export function outcomeContributionKey(issueId: string): string {
  return built(`${OUTCOME_CONTRIBUTION_PREFIX}${encodeKeySegment(issueId)}`);
}

/** `event-seen:<issueId>:<eventId>` — marks an event as processed. */
export function processedEventKey(issueId: string, eventId: string): string {
  return built(`${processedEventPrefix(issueId)}${encodeKeySegment(eventId)}`);
}

/** `event-seen:<issueId>:` — every processed event of one issue. */
export function processedEventPrefix(issueId: string): string {
  return `${PROCESSED_EVENT_PREFIX}${encodeKeySegment(issueId)}:`;
}

/** `jira-field:<name>` — the cached Jira field id for an app field, e.g. `contract-deadline`. */
export function jiraFieldIdKey(fieldName: string): string {
  return built(`${JIRA_FIELD_PREFIX}${encodeKeySegment(fieldName)}`);
}

/** `rebuild-job:<jobId>` — progress of one aggregate rebuild. */
export function rebuildJobKey(jobId: string): string {
  return built(`${REBUILD_JOB_PREFIX}${encodeKeySegment(jobId)}`);
}

/** `reapply-job:<jobId>` — progress and findings of one re-apply to open requests (preview or apply). */
export function reapplyJobKey(jobId: string): string {
  return built(`${REAPPLY_JOB_PREFIX}${encodeKeySegment(jobId)}`);
}

/** `aggregates-reconciled` — when the aggregates were last reconciled with the outcomes. */
export function aggregatesReconciledKey(): string {
  return built('aggregates-reconciled');
}

/** `sweep-state` — the sweep's bookkeeping between runs. */
export function sweepStateKey(): string {
  return built('sweep-state');
}

// ---------------------------------------------------------------------------------------------
// Custom entities (manifest.yml `app.storage.entities`, app-entities.ts)

/** The app's state of one request's clock (ADR 0016). */
export const ISSUE_CLOCK_ENTITY = 'issue-clock';
/** When the sweep must look at a clock (ADR 0017). */
export const CLOCK_DUE_ENTITY = 'clock-due';
/** What one request counts in the compliance aggregates. */
export const ISSUE_OUTCOME_ENTITY = 'issue-outcome';
/** The compliance counters of one month and customer. */
export const COMPLIANCE_AGGREGATE_ENTITY = 'compliance-aggregate';
/** One open request in the triage view's index (key: the issue id; ADR 0027). */
export const TRIAGE_ENTRY_ENTITY = 'triage-entry';
/** A business calendar triage entries count in (key: its calendar key, `cal-<hash>-<length>`). */
export const TRIAGE_CALENDAR_ENTITY = 'triage-calendar';

/**
 * `<issueId>` — the key of an issue's item in `issue-clock`, `clock-due` and `issue-outcome`.
 *
 * @example issueItemKey('10042') // '10042'
 */
export function issueItemKey(issueId: string): string {
  return built(encodeKeySegment(issueId));
}

/** The issue id of an issue item key, or `undefined` when the key is not one. */
export function parseIssueItemKey(key: string): string | undefined {
  return decodeKeySegment(key);
}

/**
 * `<yyyy-mm>:<customerId>` — the key of a `compliance-aggregate` item, and the `aggregateKey`
 * attribute of the `issue-outcome` items counted in it. Sorts by month first.
 *
 * @example aggregateItemKey('2026-03', 'ACME Corp') // '2026-03:ACME#20Corp'
 */
export function aggregateItemKey(month: string, customerId: string): string {
  return built(`${checkedMonth(month)}:${encodeKeySegment(customerId)}`);
}

// ---------------------------------------------------------------------------------------------
// Custom entities of the contract database (contract-database-store.ts)

/** The entity holding the contract database's commit pointer (one item). */
export const CONTRACT_DATABASE_ENTITY = 'contract-database';
/** The entity holding the terms-resolution slices, one item per organization bucket. */
export const CONTRACT_TERMS_ENTITY = 'contract-terms';
/** The entity holding the audit log of the contract database, one item per saved revision. */
export const DATABASE_AUDIT_ENTITY = 'database-audit';

/** `current` — the one item of the `contract-database` entity. */
export function contractDatabasePointerKey(): string {
  return built('current');
}

/** `bucket-<nn>` — the slice item of one organization bucket (0-based). */
export function contractTermsBucketKey(bucket: number): string {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket > 9999) throw invalidId(`the bucket ${bucket}`, 'is not a whole number 0..9999');
  return built(`bucket-${String(bucket).padStart(2, '0')}`);
}

/** `<revision>` zero-padded to 10 digits, so keys sort like revisions. */
export function databaseAuditKey(revision: number): string {
  if (!Number.isInteger(revision) || revision < 1 || revision > 2_147_483_647) throw invalidId(`the revision ${revision}`, 'is not a whole number 1..2^31-1');
  return built(String(revision).padStart(10, '0'));
}

// ---------------------------------------------------------------------------------------------
// Notice reminders (renewal-reminders.ts, ADR 0024)

/** One notice reminder to an account manager, claimed before it is sent. */
export const RENEWAL_REMINDER_ENTITY = 'renewal-reminder';

/**
 * `<contractId>:<version>:<noticeDate>` — the key of a `renewal-reminder` item: one reminder per
 * contract version and notice date (a changed notice date is a new reminder).
 *
 * @example renewalReminderKey('acme-2026', 1, '2026-10-31') // 'acme-2026:1:2026-10-31'
 */
export function renewalReminderKey(contractId: string, version: number, noticeDate: string): string {
  if (!Number.isInteger(version) || version < 1) throw invalidId(`the version ${version}`, 'is not a whole number from 1');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(noticeDate)) throw invalidId(`the notice date ${noticeDate}`, 'is not a date YYYY-MM-DD');
  return built(`${encodeKeySegment(contractId)}:${String(version)}:${noticeDate}`);
}
