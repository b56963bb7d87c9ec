/**
 * The contract database document: the example parses with its defaults filled in, and every kind of
 * mistake an import can contain is reported with its path (table-driven: one mutation per case).
 */
import example from '../fixtures/contract-database.example.json';
import {
  CONTRACT_DATABASE_LIMITS,
  DEFAULT_MESSAGES_EN,
  DEFAULT_MESSAGES_NL,
  contractDatabaseSchema,
  listPlaceholders,
  parseContractDatabase,
} from '../../src/contract/contract-database';

/** One change to the example document: a dotted path and the new value (REMOVE deletes the key). */
type Change = readonly [path: string, value: unknown];
const REMOVE = Symbol('remove');

/** A deep copy of the example with the changes applied. */
function changed(changes: readonly Change[]): unknown {
  const doc: unknown = JSON.parse(JSON.stringify(example));
  for (const [path, value] of changes) {
    const keys = path.split('.');
    let node = doc;
    for (const key of keys.slice(0, -1)) node = childOf(node, key);
    const last = keys[keys.length - 1]!;
    if (!isRecord(node)) throw new Error(`no object at ${path}`);
    if (value === REMOVE) Reflect.deleteProperty(node, last);
    else Reflect.set(node, last, value);
  }
  return doc;
}

function childOf(node: unknown, key: string): unknown {
  if (!isRecord(node)) throw new Error(`cannot descend into ${key}`);
  return Reflect.get(node, key);
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

const acme = example.contracts[0]!;
const [acmeV1, acmeV2] = [acme.versions[0]!, acme.versions[1]!];

describe('the example document', () => {
  it('parses', () => {
    const result = parseContractDatabase(example);
    expect(result.ok).toBe(true);
  });

  it('gets the documented defaults', () => {
    const result = parseContractDatabase(example);
    if (!result.ok) throw new Error('invalid example');
    const { settings, services } = result.database;
    expect(settings.pauseStatuses).toEqual(['Waiting for customer']);
    expect(settings.priorities).toEqual({
      byJiraPriority: { Highest: 'P1', High: 'P2', Medium: 'P3', Low: 'P4', Lowest: 'P5' },
      defaultClass: 'P3',
    });
    expect(settings.messages.en).toEqual(DEFAULT_MESSAGES_EN);
    expect(settings.messages.nl).toEqual(DEFAULT_MESSAGES_NL);
    expect(services.find((s) => s.id === 'workplace')?.rule).toEqual({ requestTypeIds: [], components: [], labels: [] });
  });

  it('accepts the smallest possible document and fills every default', () => {
    const result = parseContractDatabase({ schemaVersion: 1 });
    expect(result).toMatchObject({ ok: true, database: { calendars: [], services: [], levels: [], contracts: [], settings: { fallbackLevelId: null, atRiskThresholdPercent: 75 } } });
  });

  it('round-trips: a parsed document parses to itself', () => {
    const first = contractDatabaseSchema.parse(example);
    expect(contractDatabaseSchema.parse(JSON.parse(JSON.stringify(first)))).toEqual(first);
  });

  it('has default templates that contain their required placeholders', () => {
    expect(listPlaceholders(DEFAULT_MESSAGES_EN.missed)).toEqual(['deadline', 'agreement', 'newDeadline']);
    expect(listPlaceholders(DEFAULT_MESSAGES_NL.expected)).toEqual(['deadline', 'agreement']);
  });
});

describe('every error is reported with its path', () => {
  const cases: { name: string; changes: Change[]; path: string; message: RegExp }[] = [
    { name: 'wrong schema version', changes: [['schemaVersion', 2]], path: 'schemaVersion', message: /Unsupported schemaVersion/ },
    { name: 'bad id', changes: [['services.0.id', 'e mail']], path: 'services.0.id', message: /letters, digits/ },
    { name: 'calendar with an impossible time', changes: [['calendars.0.week.mon', [['08:00', '25:00']]]], path: 'calendars.0.week.mon.0.1', message: /HH:MM/ },
    { name: 'calendar with an unknown key', changes: [['calendars.0.weekend', []]], path: 'calendars.0', message: /Unrecognized key/i },
    { name: 'contract in an unknown zone', changes: [['contracts.0.timeZone', 'Mars/Olympus']], path: 'contracts.0.timeZone', message: /Unknown time zone/ },
    { name: 'impossible date', changes: [['contracts.0.versions.0.effectiveTo', '2025-02-30']], path: 'contracts.0.versions.0.effectiveTo', message: /real date/ },
    { name: 'version ending before it starts', changes: [['contracts.0.versions.0.effectiveTo', '2024-12-31']], path: 'contracts.0.versions.0.effectiveTo', message: /ends before it starts/ },
    { name: 'default service not covered', changes: [['contracts.0.versions.0.defaultServiceId', 'network']], path: 'contracts.0.versions.0.defaultServiceId', message: /not among the covered services/ },
    { name: 'service covered twice', changes: [['contracts.2.versions.0.coveredServices', [...example.contracts[2]!.versions[0]!.coveredServices, { serviceId: 'email', levelId: 'gold' }]]], path: 'contracts.2.versions.0.coveredServices.2.serviceId', message: /already covered/ },
    { name: 'response target longer than resolution', changes: [['levels.0.targets.P1.responseMinutes', 300]], path: 'levels.0.targets.P1.responseMinutes', message: /cannot be longer/ },
    { name: 'a class without a target', changes: [['levels.0.targets.P5', REMOVE]], path: 'levels.0.targets.P5', message: /./ },
    { name: 'fractional minutes', changes: [['levels.0.targets.P2.resolutionMinutes', 90.5]], path: 'levels.0.targets.P2.resolutionMinutes', message: /Whole minutes/ },
    { name: 'too many decimals in a price', changes: [['levels.0.monthlyPrices.email.amount', 1.005]], path: 'levels.0.monthlyPrices.email.amount', message: /two decimals/ },
    { name: 'objective above 100 %', changes: [['levels.0.objectivePercent', 101]], path: 'levels.0.objectivePercent', message: /./ },
    { name: 'unknown placeholder', changes: [['settings.messages', { en: { expected: 'By {deadline} for {customerName}' } }]], path: 'settings.messages.en.expected', message: /Unknown placeholder \{customerName\}/ },
    { name: 'template without its placeholder', changes: [['settings.messages', { nl: { missed: 'Sorry, het wordt later.' } }]], path: 'settings.messages.nl.missed', message: /must contain \{newDeadline\}/ },
    { name: 'priority mapped twice', changes: [['settings.priorities', { byJiraPriority: { High: 'P2', high: 'P1' } }]], path: 'settings.priorities.byJiraPriority.high', message: /also mapped/ },
    { name: 'duplicate pause status', changes: [['settings.pauseStatuses', ['Waiting for customer', 'waiting for customer']]], path: 'settings.pauseStatuses.1', message: /Duplicate pause status/ },
    { name: 'at-risk threshold of 100 %', changes: [['settings.atRiskThresholdPercent', 100]], path: 'settings.atRiskThresholdPercent', message: /./ },
  ];

  it.each(cases)('shape: $name → $path', ({ changes, path, message }) => {
    const result = parseContractDatabase(changed(changes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  const references: { name: string; changes: Change[]; path: string; message: RegExp }[] = [
    { name: 'duplicate service id', changes: [['services.2.id', 'email']], path: 'services.2.id', message: /Duplicate service id 'email' \(also services\.0\)/ },
    { name: 'duplicate calendar id', changes: [['calendars.1.id', 'nl-business']], path: 'calendars.1.id', message: /Duplicate calendar id/ },
    { name: 'duplicate level id', changes: [['levels.1.id', 'gold']], path: 'levels.1.id', message: /Duplicate level id/ },
    { name: 'duplicate contract id', changes: [['contracts.1.id', 'acme']], path: 'contracts.1.id', message: /Duplicate contract id/ },
    { name: 'level in an unknown calendar', changes: [['levels.0.calendarId', 'moon']], path: 'levels.0.calendarId', message: /Unknown calendar 'moon'/ },
    { name: 'price for an unknown service', changes: [['levels.0.monthlyPrices.fax', { amount: 1, currency: 'EUR' }]], path: 'levels.0.monthlyPrices.fax', message: /Unknown service 'fax'/ },
    { name: 'unknown fallback level', changes: [['settings.fallbackLevelId', 'platinum']], path: 'settings.fallbackLevelId', message: /Unknown level 'platinum'/ },
    { name: 'covered service unknown', changes: [['contracts.0.versions.1.coveredServices.0.serviceId', 'fax']], path: 'contracts.0.versions.1.coveredServices.0.serviceId', message: /Unknown service 'fax'/ },
    { name: 'covered at an unknown level', changes: [['contracts.0.versions.1.coveredServices.0.levelId', 'platinum']], path: 'contracts.0.versions.1.coveredServices.0.levelId', message: /Unknown level 'platinum'/ },
    { name: 'bespoke calendar unknown', changes: [['contracts.0.versions.1.coveredServices.1.bespoke.calendarId', 'moon']], path: 'contracts.0.versions.1.coveredServices.1.bespoke.calendarId', message: /Unknown calendar 'moon'/ },
    { name: 'duplicate version number', changes: [['contracts.0.versions.1.version', 1]], path: 'contracts.0.versions.1.version', message: /Duplicate version number 1/ },
    { name: 'overlapping versions', changes: [['contracts.0.versions.1.effectiveFrom', '2025-12-01']], path: 'contracts.0.versions.1.effectiveFrom', message: /overlaps version 1 \(2025-01-01 – 2025-12-31\)/ },
    {
      name: 'an open-ended version listed first overlaps a later one',
      changes: [['contracts.0.versions', [acmeV2, { ...acmeV1, effectiveFrom: '2026-06-01', effectiveTo: undefined }]]],
      path: 'contracts.0.versions.1.effectiveFrom',
      message: /overlaps version 2 \(2026-01-01 – open-ended\)/,
    },
    {
      name: 'a long version overlapping a later, short one',
      changes: [
        [
          'contracts.0.versions',
          [
            { ...acmeV1, effectiveTo: '2026-12-31' },
            { ...acmeV2, effectiveFrom: '2025-03-01', effectiveTo: '2025-03-31' },
            { ...acmeV2, version: 3, effectiveFrom: '2025-06-01', effectiveTo: '2025-06-30' },
          ],
        ],
      ],
      path: 'contracts.0.versions.2.effectiveFrom',
      message: /overlaps version 1/,
    },
    { name: 'one customer id with two names', changes: [['contracts.2.customer.id', 'acme']], path: 'contracts.2.customer.name', message: /is called 'ACME'/ },
    { name: 'organization listed twice', changes: [['contracts.1.customer.organizationIds', ['2', '2']]], path: 'contracts.1.customer.organizationIds.1', message: /Duplicate organization '2'/ },
  ];

  it.each(references)('reference: $name → $path', ({ changes, path, message }) => {
    const result = parseContractDatabase(changed(changes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every reference error at once', () => {
    const result = parseContractDatabase(
      changed([
        ['levels.0.calendarId', 'moon'],
        ['settings.fallbackLevelId', 'platinum'],
        ['contracts.0.versions.1.coveredServices.0.levelId', 'platinum'],
      ]),
    );
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'levels.0.calendarId',
      'settings.fallbackLevelId',
      'contracts.0.versions.1.coveredServices.0.levelId',
    ]);
  });

  it('names the root for a document that is not an object', () => {
    expect(parseContractDatabase('nope')).toEqual({ ok: false, errors: [{ path: '(root)', message: expect.any(String) }] });
  });

  it('refuses more contracts than the limit', () => {
    const many = Array.from({ length: CONTRACT_DATABASE_LIMITS.contracts + 1 }, (_, i) => ({ ...example.contracts[2], id: `c${i}` }));
    const result = parseContractDatabase(changed([['contracts', many]]));
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toContain('contracts');
  });
});
