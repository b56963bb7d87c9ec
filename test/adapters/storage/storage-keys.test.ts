import fc from 'fast-check';
import { assertValidKey, KVS_LIMITS, StorageError } from '../../../src/adapters/storage/key-value-store';
import {
  aggregateKey,
  aggregateMonthPrefix,
  AGGREGATE_PREFIX,
  decodeKeySegment,
  documentChunkKey,
  documentChunkPrefix,
  documentManifestKey,
  encodeKeySegment,
  jiraFieldIdKey,
  OPEN_CLOCK_PREFIX,
  openClockKey,
  OUTCOME_CONTRIBUTION_PREFIX,
  outcomeContributionKey,
  parseAggregateKey,
  parseOpenClockKey,
  PROCESSED_EVENT_PREFIX,
  processedEventKey,
  processedEventPrefix,
  REBUILD_JOB_PREFIX,
  REAPPLY_JOB_PREFIX,
  reapplyJobKey,
  rebuildJobKey,
  settingsKey,
} from '../../../src/adapters/storage/storage-keys';

describe('storage keys', () => {
  it.each<[string, string, string]>([
    ['contract database manifest', documentManifestKey('contract-database'), 'doc:contract-database'],
    ['document chunk', documentChunkKey('contract-database', 'a1b2', 3), 'doc-chunk:contract-database:a1b2:3'],
    ['settings', settingsKey(), 'settings'],
    ['open clock', openClockKey('10042'), 'open-clock:10042'],
    ['aggregate', aggregateKey('2026-03', 'acme'), 'agg:2026-03:acme'],
    ['aggregate with a spaced customer id', aggregateKey('2026-03', 'ACME Corp:NL'), 'agg:2026-03:ACME#20Corp#3ANL'],
    ['outcome contribution', outcomeContributionKey('10042'), 'agg-contrib:10042'],
    ['processed event', processedEventKey('10042', 'jira:updated/7'), 'event-seen:10042:jira#3Aupdated#2F7'],
    ['Jira field id cache', jiraFieldIdKey('contract-deadline'), 'jira-field:contract-deadline'],
    ['rebuild job', rebuildJobKey('job-1'), 'rebuild-job:job-1'],
  ])('builds the %s key', (_name, key, expected) => {
    expect(key).toBe(expected);
    expect(() => {
      assertValidKey(key);
    }).not.toThrow();
  });

  it.each<[string, () => string]>([
    ['a month that is not yyyy-mm', () => aggregateKey('2026-13', 'acme')],
    ['a month without leading zero', () => aggregateMonthPrefix('2026-3')],
    ['an empty customer id', () => aggregateKey('2026-03', '')],
    ['an empty issue id', () => openClockKey('')],
    ['a lone surrogate', () => openClockKey('\ud800')],
    ['an id that makes the key longer than 500', () => openClockKey('9'.repeat(KVS_LIMITS.maxKeyLength))],
    ['a generation with capitals', () => documentChunkKey('contract-database', 'ABC', 0)],
    ['a negative chunk index', () => documentChunkKey('contract-database', 'abc', -1)],
  ])('refuses %s', (_case, build) => {
    expect(build).toThrow(StorageError);
  });

  it('keeps each family under its own prefix', () => {
    const families: [string, string][] = [
      [OPEN_CLOCK_PREFIX, openClockKey('1')],
      [AGGREGATE_PREFIX, aggregateKey('2026-01', 'acme')],
      [OUTCOME_CONTRIBUTION_PREFIX, outcomeContributionKey('1')],
      [PROCESSED_EVENT_PREFIX, processedEventKey('1', 'e1')],
      [REBUILD_JOB_PREFIX, rebuildJobKey('1')],
      [REAPPLY_JOB_PREFIX, reapplyJobKey('1')],
    ];
    for (const [prefix, key] of families) {
      const owners = families.filter(([other]) => key.startsWith(other)).map(([other]) => other);
      expect(owners).toEqual([prefix]);
    }
    expect(documentManifestKey('contract-database').startsWith(documentChunkPrefix('contract-database'))).toBe(false);
  });

  it('never lets one issue prefix select another issue', () => {
    expect(processedEventKey('10', 'e1').startsWith(processedEventPrefix('1'))).toBe(false);
    expect(aggregateKey('2026-01', 'acme').startsWith(aggregateMonthPrefix('2026-01'))).toBe(true);
  });

  it('parses the ids back out of open-clock and aggregate keys', () => {
    expect(parseOpenClockKey(openClockKey('ACME-12 x'))).toBe('ACME-12 x');
    expect(parseOpenClockKey('agg:2026-01:acme')).toBeUndefined();
    expect(parseAggregateKey(aggregateKey('2026-02', 'Café Noir'))).toEqual({ month: '2026-02', customerId: 'Café Noir' });
    expect(parseAggregateKey('agg:2026-02')).toBeUndefined();
  });

  it.each<[string, string]>([
    ['a stray #', 'a#b'],
    ['lower-case hex', 'a#3a'],
    ['a colon', 'a:b'],
    ['a non-canonical escape of a plain character', '#41'],
    ['bytes that are not UTF-8', '#FF'],
  ])('does not decode %s', (_case, segment) => {
    expect(decodeKeySegment(segment)).toBeUndefined();
  });

  it('encodes any well-formed id reversibly, within the key alphabet and without ":"', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (id) => {
        const segment = encodeKeySegment(id);
        expect(segment).toMatch(/^[A-Za-z0-9._#-]+$/);
        expect(decodeKeySegment(segment)).toBe(id);
      }),
      { numRuns: 500 },
    );
  });

  it('gives different ids different keys', () => {
    const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(id, id, (a, b) => {
        fc.pre(a !== b);
        expect(openClockKey(a)).not.toBe(openClockKey(b));
      }),
      { numRuns: 300 },
    );
  });
});
