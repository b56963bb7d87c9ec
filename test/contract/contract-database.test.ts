/**
 * The contract database document (schema version 2): the example parses with its defaults filled in,
 * and every kind of mistake an import can contain is reported with its path (table-driven: one
 * mutation per case) — unknown keys included (issue 10.5), and targets the engine could not place
 * (issue 10.4).
 */
import example from '../fixtures/contract-database.example.json';
import v1Example from '../fixtures/contract-database.v1.example.json';
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
    const result = parseContractDatabase({ schemaVersion: 2 });
    expect(result).toMatchObject({
      ok: true,
      database: { schemaVersion: 2, calendars: [], services: [], levels: [], contracts: [], settings: { fallbackLevelId: null, atRiskThresholdPercent: 75, currency: 'EUR' } },
    });
  });

  it('defaults what version 2 added: level colour, prices hidden from customers', () => {
    const result = parseContractDatabase(example);
    if (!result.ok) throw new Error('invalid example');
    expect(result.database.levels.find((l) => l.id === 'best-effort')?.colour).toMatch(/^#[0-9A-F]{6}$/i);
    expect(result.database.contracts.find((c) => c.id === 'initech')?.showPricesToCustomer).toBe(false);
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
    { name: 'wrong schema version', changes: [['schemaVersion', 3]], path: 'schemaVersion', message: /Unsupported schemaVersion/ },
    { name: 'bad id', changes: [['services.0.id', 'e mail']], path: 'services.0.id', message: /letters, digits/ },
    { name: 'calendar with an impossible time', changes: [['calendars.0.week.mon', [['08:00', '25:00']]]], path: 'calendars.0.week.mon.0.1', message: /HH:MM/ },
    { name: 'calendar with an unknown key', changes: [['calendars.0.weekend', []]], path: 'calendars.0.weekend', message: /Unknown field 'weekend'/ },
    { name: 'a typo in a version (effectivTo)', changes: [['contracts.0.versions.0.effectivTo', '2025-12-31']], path: 'contracts.0.versions.0.effectivTo', message: /^Unknown field 'effectivTo' \(did you mean 'effectiveTo'\?\)\.$/ },
    { name: 'a typo at the root (contarcts)', changes: [['contarcts', []]], path: 'contarcts', message: /^Unknown field 'contarcts' \(did you mean 'contracts'\?\)\.$/ },
    { name: 'an unknown key in settings', changes: [['settings.fallbackLevel', 'gold']], path: 'settings.fallbackLevel', message: /did you mean 'fallbackLevelId'/ },
    { name: 'an unknown key in a target', changes: [['levels.0.revisions.0.targets.P1.resolution', 240]], path: 'levels.0.revisions.0.targets.P1.resolution', message: /Unknown field 'resolution'/ },
    { name: 'an unknown key in a covered service', changes: [['contracts.0.versions.1.coveredServices.0.price', 100]], path: 'contracts.0.versions.1.coveredServices.0.price', message: /Unknown field 'price'/ },
    { name: 'an unknown priority class', changes: [['contracts.0.versions.1.coveredServices.1.bespoke.targets.P6', { resolutionMinutes: 60 }]], path: 'contracts.0.versions.1.coveredServices.1.bespoke.targets.P6', message: /./ },
    { name: 'a holiday that is not a date', changes: [['calendars.0.holidays', ['2026-13-01']]], path: 'calendars.0.holidays.0', message: /real date/ },
    { name: 'a yearly holiday on a day that does not exist', changes: [['calendars.0.holidays', [{ yearly: '02-30' }]]], path: 'calendars.0.holidays.0.yearly', message: /MM-DD/ },
    { name: 'contract in an unknown zone', changes: [['contracts.0.timeZone', 'Mars/Olympus']], path: 'contracts.0.timeZone', message: /Unknown time zone/ },
    { name: 'impossible date', changes: [['contracts.0.versions.0.effectiveTo', '2025-02-30']], path: 'contracts.0.versions.0.effectiveTo', message: /real date/ },
    { name: 'version ending before it starts', changes: [['contracts.0.versions.0.effectiveTo', '2024-12-31']], path: 'contracts.0.versions.0.effectiveTo', message: /ends before it starts/ },
    { name: 'default service not covered', changes: [['contracts.0.versions.0.defaultServiceId', 'network']], path: 'contracts.0.versions.0.defaultServiceId', message: /not among the covered services/ },
    { name: 'service covered twice', changes: [['contracts.2.versions.0.coveredServices', [...example.contracts[2]!.versions[0]!.coveredServices, { serviceId: 'email', levelId: 'gold' }]]], path: 'contracts.2.versions.0.coveredServices.3.serviceId', message: /already covered/ },
    { name: 'response target longer than resolution', changes: [['levels.0.revisions.0.targets.P1.responseMinutes', 300]], path: 'levels.0.revisions.0.targets.P1.responseMinutes', message: /cannot be longer/ },
    { name: 'a class without a target', changes: [['levels.0.revisions.0.targets.P5', REMOVE]], path: 'levels.0.revisions.0.targets.P5', message: /./ },
    { name: 'fractional minutes', changes: [['levels.0.revisions.0.targets.P2.resolutionMinutes', 90.5]], path: 'levels.0.revisions.0.targets.P2.resolutionMinutes', message: /Whole minutes/ },
    { name: 'a price that is not whole minor units', changes: [['levels.0.revisions.0.monthlyPrices.email', 400.5]], path: 'levels.0.revisions.0.monthlyPrices.email', message: /whole minor units/ },
    { name: 'a price in the version 1 notation', changes: [['levels.0.revisions.0.monthlyPrices.email', { amount: 400, currency: 'EUR' }]], path: 'levels.0.revisions.0.monthlyPrices.email', message: /number/ },
    { name: 'a negative fee', changes: [['contracts.0.versions.1.monthlyFee', -100]], path: 'contracts.0.versions.1.monthlyFee', message: /cannot be negative/ },
    { name: 'an unknown currency', changes: [['contracts.0.currency', 'EURO']], path: 'contracts.0.currency', message: /ISO 4217/ },
    { name: 'objective above 100 %', changes: [['levels.0.objectivePercent', 101]], path: 'levels.0.objectivePercent', message: /./ },
    { name: 'a colour that is not #RRGGBB', changes: [['levels.0.colour', 'gold']], path: 'levels.0.colour', message: /#RRGGBB/ },
    { name: 'a level without revisions', changes: [['levels.0.revisions', []]], path: 'levels.0.revisions', message: /at least one revision/ },
    { name: 'two revisions from the same date', changes: [['levels.0.revisions.1.effectiveFrom', '2024-01-01']], path: 'levels.0.revisions.1.effectiveFrom', message: /already in force from 2024-01-01/ },
    { name: 'a credit percentage with three decimals', changes: [['levels.0.revisions.0.credits.perMissedRequest.P1', 2.125]], path: 'levels.0.revisions.0.credits.perMissedRequest.P1', message: /two decimals/ },
    { name: 'a credit cap above 100 %', changes: [['levels.0.revisions.0.credits.capPercent', 120]], path: 'levels.0.revisions.0.credits.capPercent', message: /At most 100/ },
    { name: 'calendar classes without a bespoke calendar', changes: [['contracts.0.versions.1.coveredServices.0.bespoke', { calendarClasses: ['P1'] }]], path: 'contracts.0.versions.1.coveredServices.0.bespoke.calendarClasses', message: /set calendarId too/ },
    { name: 'a class listed twice for the bespoke calendar', changes: [['contracts.2.versions.0.coveredServices.1.bespoke.calendarClasses', ['P1', 'P1']]], path: 'contracts.2.versions.0.coveredServices.1.bespoke.calendarClasses.1', message: /listed twice/ },
    { name: 'an out-of-contract rate without an amount', changes: [['contracts.0.versions.1.outOfContractRates.default', {}]], path: 'contracts.0.versions.1.outOfContractRates.default', message: /hourly rate, a price per request/ },
    { name: 'a notice date after the end of the term', changes: [['contracts.0.versions.1.noticeDate', '2027-01-15']], path: 'contracts.0.versions.1.noticeDate', message: /after the end of the term/ },
    { name: 'a term ending before the version starts', changes: [['contracts.0.versions.1.endDate', '2025-06-30']], path: 'contracts.0.versions.1.endDate', message: /ends before the version starts/ },
    { name: 'a notice reminder without an account manager', changes: [['contracts.0.accountManagerAccountId', REMOVE]], path: 'contracts.0.accountManagerAccountId', message: /Name the account manager/ },
    { name: 'a notice reminder without a notice date', changes: [['contracts.2.noticeReminderDays', 14], ['contracts.2.accountManagerAccountId', '5b10ac8d82e05b22cc7d4ef5']], path: 'contracts.2.noticeReminderDays', message: /No version has a notice date/ },
    { name: 'an account id with spaces', changes: [['contracts.0.accountManagerAccountId', 'Jan Jansen']], path: 'contracts.0.accountManagerAccountId', message: /Atlassian account id/ },
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
    { name: 'level in an unknown calendar', changes: [['levels.0.revisions.0.calendarId', 'moon']], path: 'levels.0.revisions.0.calendarId', message: /Unknown calendar 'moon'/ },
    { name: 'price for an unknown service', changes: [['levels.0.revisions.0.monthlyPrices.fax', 100]], path: 'levels.0.revisions.0.monthlyPrices.fax', message: /Unknown service 'fax'/ },
    {
      name: 'a level priced in another currency than the contract',
      changes: [['levels.0.currency', 'USD']],
      path: 'contracts.0.versions.1.coveredServices.0.levelId',
      message: /Level 'Gold' is priced in USD and this contract in EUR: give the service its own price/,
    },
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
        ['levels.0.revisions.0.calendarId', 'moon'],
        ['settings.fallbackLevelId', 'platinum'],
        ['contracts.0.versions.1.coveredServices.0.levelId', 'platinum'],
      ]),
    );
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'levels.0.revisions.0.calendarId',
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

describe('targets the business-time engine can place (issue 10.4)', () => {
  const weeklyMinute = { id: 'one-minute', name: 'One minute a week', timeZone: 'UTC', week: { mon: [['09:00', '09:01']] } };
  const withCalendar = (extra: Change[]): unknown => changed([['calendars', [...example.calendars, weeklyMinute]], ...extra]);

  it('refuses a one-year target in a calendar with one working minute a week, naming the target', () => {
    const result = parseContractDatabase(withCalendar([['levels.3.revisions.0.calendarId', 'one-minute'], ['levels.3.revisions.0.targets.P5.resolutionMinutes', 525_600]]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual({
        path: 'levels.3.revisions.0.targets.P5.resolutionMinutes',
        message: "525600 business minutes cannot be reached within 3 years of 'One minute a week' (1 minutes a week): at most 156.",
      });
    }
  });

  it('accepts a target of exactly 156 working weeks, and refuses one minute more', () => {
    const at = (minutes: number) => parseContractDatabase(withCalendar([['levels.3.revisions.0.calendarId', 'one-minute'], ...(['P1', 'P2', 'P3', 'P4', 'P5'] as const).map((c): Change => [`levels.3.revisions.0.targets.${c}`, { resolutionMinutes: minutes }])]));
    expect(at(156).ok).toBe(true);
    expect(at(157).ok).toBe(false);
  });

  it('checks bespoke targets in the bespoke calendar, for the classes it applies to', () => {
    const result = parseContractDatabase(
      withCalendar([
        ['contracts.2.versions.0.coveredServices.1.bespoke.calendarId', 'one-minute'],
        ['contracts.2.versions.0.coveredServices.1.bespoke.targets', { P1: { resolutionMinutes: 100 } }],
      ]),
    );
    // P1 (100 min) fits 156 minutes; Bronze's P1… no: calendarClasses is P1 only, so only P1 counts there.
    expect(result.ok).toBe(true);
    const slow = parseContractDatabase(
      withCalendar([
        ['contracts.2.versions.0.coveredServices.1.bespoke.calendarId', 'one-minute'],
        ['contracts.2.versions.0.coveredServices.1.bespoke.calendarClasses', REMOVE],
      ]),
    );
    expect(slow.ok ? [] : slow.errors.map((e) => e.path)).toContain('contracts.2.versions.0.coveredServices.1.bespoke.calendarId.P2.resolutionMinutes');
  });

  it('refuses holidays that leave a calendar without a working day for 3 years', () => {
    // Mondays only, and every Monday from 4 January 2027 through 28 January 2030 a holiday: from the
    // last working Monday (28 December 2026) to the next (4 February 2030) are 1 134 days.
    const mondays: string[] = [];
    for (let t = Date.UTC(2027, 0, 4); t < Date.UTC(2030, 1, 1); t += 7 * 86_400_000) mondays.push(new Date(t).toISOString().slice(0, 10));
    const result = parseContractDatabase(changed([['calendars.1.week', { mon: [['09:00', '17:00']] }], ['calendars.1.holidays', mondays]]));
    expect(result.ok ? [] : result.errors).toContainEqual({ path: 'calendars.1.holidays', message: expect.stringMatching(/no working day for 1134 days/) });
    // Up to 17 December 2029 only: 1 092 days (< 1 096) dry, within the engine's horizon again.
    expect(parseContractDatabase(changed([['calendars.1.week', { mon: [['09:00', '17:00']] }], ['calendars.1.holidays', mondays.slice(0, -6)]])).ok).toBe(true);
  });

  it('tolerates those rules when reading what is stored (a later release must not make it unreadable)', () => {
    const input = withCalendar([['levels.3.revisions.0.calendarId', 'one-minute'], ['levels.3.revisions.0.targets.P5.resolutionMinutes', 525_600]]);
    expect(parseContractDatabase(input, 'stored').ok).toBe(true);
    expect(parseContractDatabase(input, 'all-rules').ok).toBe(false);
  });
});

describe('the size limit', () => {
  it('refuses a document beyond documentMaxBytes, saying how large it is', () => {
    const note = 'x'.repeat(CONTRACT_DATABASE_LIMITS.textMaxLength);
    const contracts = Array.from({ length: 1500 }, (_, i) => ({ ...example.contracts[2], id: `c${i}`, versions: [{ ...example.contracts[2]!.versions[0], note }] }));
    const result = parseContractDatabase(changed([['contracts', contracts]]));
    expect(result.ok ? [] : result.errors).toContainEqual({ path: '(root)', message: expect.stringMatching(/takes 3\.\d\d MB as JSON; at most 3\.00 MB/) });
  });
});

describe('schema version 1 documents', () => {
  it('are migrated on parse, and say so', () => {
    const result = parseContractDatabase(v1Example);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.database.schemaVersion).toBe(2);
      expect(result.migrationNotes[0]).toMatch(/Migrated from schema version 1 to 2/);
    }
  });

  it('report their own mistakes with the path', () => {
    const broken = JSON.parse(JSON.stringify(v1Example));
    broken.levels[0].monthlyPrices.email = { amount: 'a lot', currency: 'EUR' };
    const result = parseContractDatabase(broken);
    expect(result.ok ? [] : result.errors).toContainEqual({ path: 'levels.0.monthlyPrices.email.amount', message: expect.stringMatching(/schema version 1/) });
  });
});
