/**
 * The demo (issue 14.6), as `npm start` installs it, without a browser: its contract database carries
 * prices, a fee, a contract in its notice period and a credit rule on Gold, and its history — produced
 * by the app's real handlers — has a month in which a Gold customer missed requests, so service
 * credits are due (recomputed here from the `contract-clock` records and the stored database).
 */
import { loadContractDatabase } from '../../src/app/contract-database-store';
import { clockRecordSchema } from '../../src/contract/clock-record';
import { levelRevisionOn, type ContractDatabase } from '../../src/contract/contract-database';
import { localDateOf, localMonthOf } from '../../src/domain/local-date';
import { computeServiceCredit } from '../../src/domain/service-credits';
import { startE2eSandbox, type E2eSandbox } from './support/sandbox';

let sbx: E2eSandbox;

beforeAll(async () => {
  sbx = await startE2eSandbox();
  await sbx.reset();
}, 240_000);

afterAll(async () => {
  await sbx.close();
});

async function database(): Promise<ContractDatabase> {
  const loaded = await loadContractDatabase(sbx.sandbox.store());
  expect(loaded).toMatchObject({ status: 'found', revision: 1 });
  return loaded.database;
}

it('has prices, a fee, a contract in its notice period and a credit rule on Gold', async () => {
  const db = await database();
  const today = localDateOf(sbx.sandbox.clock.now(), 'Europe/Amsterdam');
  const gold = db.levels.find((l) => l.id === 'gold')!;
  expect(levelRevisionOn(gold, today).monthlyPrices.email).toBe(45_000);
  expect(levelRevisionOn(gold, today).credits).toEqual({ perMissedRequest: { P1: 10, P2: 5, P3: 2.5 }, capPercent: 30 });
  const acme = db.contracts.find((c) => c.id === 'acme-2026')!;
  const version = acme.versions[0]!;
  expect(version.monthlyFee).toBe(25_000);
  // In its notice period: the notice date lies ahead, within the reminder's 30 days.
  expect(version.noticeDate).toBeDefined();
  const daysLeft = (Date.parse(version.noticeDate ?? '') - Date.parse(today)) / 86_400_000;
  expect(daysLeft).toBeGreaterThan(0);
  expect(daysLeft).toBeLessThanOrEqual(acme.noticeReminderDays ?? 0);
});

it('has a month in which a Gold customer missed requests, so credits are due', async () => {
  const db = await database();
  // Missed Gold requests per customer × service × month (the month of the resolution, in the zone of
  // the calendar the target counted in), per priority class.
  const missed = new Map<string, { customer: string; service: string; month: string; byClass: Record<string, number> }>();
  for (const issue of sbx.sandbox.model().issues()) {
    const parsed = clockRecordSchema.safeParse(issue.properties['contract-clock']);
    if (!parsed.success) continue;
    const record = parsed.data;
    if (record.outcome !== 'breached' || record.resolvedAt === null || record.terms === null || record.target === null) continue;
    if (record.target.level.id !== 'gold' || record.terms.customer === null || record.target.service === null) continue;
    const month = localMonthOf(new Date(record.resolvedAt), record.terms.calendar.timeZone);
    const key = `${record.terms.customer.id}|${record.target.service.id}|${month}`;
    const entry = missed.get(key) ?? { customer: record.terms.customer.id, service: record.target.service.id, month, byClass: {} };
    entry.byClass[record.target.priorityClass] = (entry.byClass[record.target.priorityClass] ?? 0) + 1;
    missed.set(key, entry);
  }
  const acmeAugust = missed.get('acme|email|2026-08');
  expect(acmeAugust?.byClass.P2 ?? 0).toBeGreaterThanOrEqual(3);
  const gold = db.levels.find((l) => l.id === 'gold')!;
  const revision = levelRevisionOn(gold, '2026-08-01');
  const credit = computeServiceCredit({ rule: revision.credits!, monthlyPriceMinor: revision.monthlyPrices.email!, missed: acmeAugust?.byClass ?? {} });
  // At least three late P2 requests at 5 % of € 450: € 67.50 or more, at most the 30 % cap (€ 135).
  expect(credit.amountMinor).toBeGreaterThanOrEqual(6_750);
  expect(credit.amountMinor).toBeLessThanOrEqual(13_500);
});
