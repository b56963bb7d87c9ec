/**
 * The managers' views through their real resolver definitions (as Forge calls them), against the
 * Jira emulator: who may see them (admin, agent, customer, anonymous); and a quarter of history built
 * through the emulator and the real handlers — re-opens, a service change, a priority change, an
 * extension, events delivered late, twice and out of order — after which the review report, its CSV
 * and the gadget must equal a recomputation from the `contract-clock` properties read back through
 * JQL, and count by the issue's rules (last resolution, the calendar's zone, the terms at resolution,
 * requests without a contract apart), and its service credits and their CSV price exactly the missed
 * requests.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY, NEEDS_AUTHENTICATION_ERR } from '../../src/app/jira-ports';
import { readComplianceAggregates } from '../../src/app/read-compliance-aggregates';
import { loadReportContracts } from '../../src/app/report-contracts';
import { clockRecordSchema } from '../../src/contract/clock-record';
import {
  csvExportSchema,
  GADGET_RESOLVER_KEYS,
  gadgetViewSchema,
  REPORTS_RESOLVER_KEYS,
  reviewReportSchema,
  type ReviewReport,
} from '../../src/contract/compliance-api';
import type { Envelope } from '../../src/contract/envelope';
import { parseClockRecord } from '../../src/domain/clock';
import { issueOutcomeOf, rebuildAggregates } from '../../src/domain/compliance';
import { formatCsv, summarizeCustomers, summarizeTrend, totalFigures, volumeRows, type ReportScope } from '../../src/domain/compliance-report';
import { createGadgetResolver } from '../../src/entry/gadget-resolver';
import { createOnIssueCommented } from '../../src/entry/on-issue-commented';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createReportsResolver } from '../../src/entry/reports-resolver';
import type { ForgeJiraEvent } from '../../sandbox/jira/jira-events';
import { createSeededRandom } from '../../sandbox/runtime/seeded-random';
import { createHarness, type Harness } from './app-harness';
import { deliverAll, storedClockOf } from './clock-helpers';

jest.setTimeout(60_000);

type Definitions = ReturnType<typeof createReportsResolver>;

async function call(definitions: Definitions, functionKey: string, payload: unknown, accountId: string | undefined, extension: Record<string, unknown>): Promise<Envelope<unknown>> {
  const answer: unknown = await definitions(
    { call: { functionKey, payload }, context: { moduleKey: 'contract-clock', extension, timezone: 'Europe/Amsterdam' } },
    { principal: accountId === undefined ? undefined : { accountId } } as never,
  );
  return answer as Envelope<unknown>;
}

const Q3 = { customerId: null, period: { kind: 'custom', period: { from: '2026-07', to: '2026-09' } } } as const;
const GADGET_Q3 = { type: 'jira:dashboardGadget', gadgetConfiguration: { period: Q3.period } };

describe('who sees the compliance views', () => {
  const cases = [
    ['gadget', GADGET_RESOLVER_KEYS.get, {}],
    ['gadget', GADGET_RESOLVER_KEYS.options, {}],
    ['reports', REPORTS_RESOLVER_KEYS.get, Q3],
    ['reports', REPORTS_RESOLVER_KEYS.exportCsv, Q3],
    ['reports', REPORTS_RESOLVER_KEYS.exportCreditsCsv, Q3],
  ] as const;

  it.each(cases)('%s %s: Jira admins and agents yes, customers and anonymous visitors no', async (surface, key, payload) => {
    const h = await createHarness();
    const definitions = surface === 'gadget' ? createGadgetResolver(h.deps) : createReportsResolver(h.deps);
    const extension = surface === 'gadget' ? GADGET_Q3 : { type: 'jira:globalPage' };
    const { admin, sanne, alice } = h.site.users;
    expect(await call(definitions, key, payload, admin.accountId, extension)).toMatchObject({ ok: true });
    expect(await call(definitions, key, payload, sanne.accountId, extension)).toMatchObject({ ok: true });
    expect(await call(definitions, key, payload, alice.accountId, extension)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(definitions, key, payload, undefined, extension)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('asks Jira as the caller: ADMINISTER, and SERVICEDESK_AGENT per service project', async () => {
    const h = await createHarness();
    h.reset();
    await call(createReportsResolver(h.deps), REPORTS_RESOLVER_KEYS.exportCsv, Q3, h.site.users.alice.accountId, { type: 'jira:globalPage' });
    expect(h.jiraCalls).toEqual(expect.arrayContaining(['GET /rest/api/3/mypermissions', 'GET /rest/servicedeskapi/servicedesk']));
    expect(h.store.operations).toEqual([]); // a refused caller reads nothing
  });

  it('names the field of a bad report query', async () => {
    const h = await createHarness();
    const answer = await call(createReportsResolver(h.deps), REPORTS_RESOLVER_KEYS.get, { customerId: null, period: { kind: 'custom', period: { from: '2026-09', to: '2026-07' } } }, h.site.users.admin.accountId, { type: 'jira:globalPage' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { 'period.period.to': [expect.stringContaining('before the first month')] } } });
  });
});

// ---------------------------------------------------------------------------------------------

async function deliver(h: Harness, event: ForgeJiraEvent): Promise<void> {
  if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
  else if (event.eventType === 'avi:jira:updated:issue') await createOnIssueUpdated(h.deps)(event);
  else await createOnIssueCommented(h.deps)(event);
}

/** Delivers the pending events as Forge may: late, in a shuffled order, some twice. */
async function deliverShuffled(h: Harness, seed: number): Promise<void> {
  const random = createSeededRandom(seed);
  const pending = h.events.splice(0).filter((event) => event.atlassianId !== h.model.app.accountId);
  const shuffled = pending.flatMap((event) => (random.chance(0.3) ? [event, event] : [event]));
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j] as ForgeJiraEvent, shuffled[i] as ForgeJiraEvent];
  }
  for (const event of shuffled) await deliver(h, event);
}

function recordOf(h: Harness, key: string) {
  return clockRecordSchema.parse(h.model.findIssue(key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
}

/**
 * A quarter of history (Amsterdam office hours 08:30–17:30 unless said otherwise):
 * - A  Acme e-mail (Gold P3, 16 h): resolved in time.
 * - B  Acme network, Highest (Gold P1, 4 h): extended by 1 h ("Waiting for the ISP"), resolved 2 h late.
 * - C  Acme "Other" (Workplace, Silver) → labelled network: a service change to Network, Gold.
 * - D  Globex e-mail (Gold New York, P3) → Highest: re-targeted to P1, resolved 3 h late (New York hours).
 * - E  Stark printer (Bronze): resolved 31 July, re-opened, resolved again 3 August: counts in August.
 * - F  Hooli (no contract): uncovered, listed apart.
 * - G  Umbrella network (Gold, bespoke 24x7 Amsterdam): resolved 31 July 22:30 UTC = 1 August in
 *      Amsterdam: counts in August.
 */
async function buildHistory(h: Harness): Promise<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>> {
  const { sanne, tom } = h.site.users;
  const at = (iso: string): void => {
    h.clock.now = new Date(iso);
  };
  const raise = (customer: keyof Harness['site']['users'], type: keyof Harness['site']['requestTypes'], summary: string, priority?: string): string =>
    h.model.createRequest(h.site.users[customer].accountId, {
      serviceDeskId: h.site.serviceDesk.id,
      requestTypeId: h.site.requestTypes[type].id,
      summary,
      ...(priority === undefined ? {} : { priority }),
    }).key;
  const resolve = (key: string, agent = sanne.accountId): void => {
    h.model.transitionToStatus(agent, key, 'Resolved');
  };

  at('2026-07-01T07:00:00Z'); // Wed 1 Jul 09:00 Amsterdam
  const A = raise('alice', 'email', 'Mailbox almost full');
  const B = raise('alice', 'network', 'Whole office offline', 'Highest');
  await deliverShuffled(h, 1);
  at('2026-07-01T07:10:00Z');
  h.model.addComment(sanne.accountId, B, { body: 'We are on it.' });
  at('2026-07-01T08:00:00Z');
  await deliverShuffled(h, 2);
  const extended = await call(
    createPanelResolver(h.deps),
    'panel/extend',
    { issueKey: B, revision: recordOf(h, B).revision, minutes: 60, reason: 'Waiting for the ISP' },
    sanne.accountId,
    { type: 'jira:issuePanel', issue: { id: h.model.findIssue(B)?.id ?? '', key: B } },
  );
  expect(extended).toMatchObject({ ok: true });
  at('2026-07-01T14:00:00Z'); // 16:00: deadline 14:00 after the extension
  resolve(B);
  at('2026-07-02T08:00:00Z');
  resolve(A);

  at('2026-07-06T07:00:00Z'); // Mon 6 Jul 09:00
  const C = raise('bob', 'other', 'Second screen is not detected');
  at('2026-07-06T08:00:00Z');
  h.model.editIssue(sanne.accountId, C, { labels: ['network'] });
  at('2026-07-07T07:00:00Z');
  resolve(C);

  at('2026-07-08T14:00:00Z'); // Wed 8 Jul 10:00 New York
  const D = raise('grace', 'email', 'Mails to our supplier bounce');
  at('2026-07-08T15:00:00Z');
  h.model.setPriority(tom.accountId, D, 'Highest');
  at('2026-07-08T21:00:00Z'); // 17:00 New York; P1 4 h from 10:00 = 14:00
  resolve(D, tom.accountId);

  at('2026-07-09T07:00:00Z');
  const F = raise('henk', 'email', 'Calendar invites arrive twice');
  at('2026-07-09T13:00:00Z');
  resolve(F);

  at('2026-07-27T07:00:00Z'); // Mon 27 Jul 09:00
  const E = raise('sam', 'printer', 'Printer on the 2nd floor jams');
  at('2026-07-31T08:00:00Z'); // Fri 31 Jul 10:00
  resolve(E);

  at('2026-07-31T10:00:00Z');
  const G = raise('uma', 'network', 'VPN disconnects every few minutes');
  at('2026-07-31T22:30:00Z'); // Sat 1 Aug 00:30 in Amsterdam
  resolve(G);
  await deliverShuffled(h, 3);

  at('2026-08-03T07:00:00Z'); // Mon 3 Aug 09:00
  h.model.transitionIssue(sanne.accountId, E, 'Reopen');
  at('2026-08-03T09:30:00Z');
  resolve(E);
  at('2026-10-05T07:30:00Z');
  await deliverShuffled(h, 4);
  return { A, B, C, D, E, F, G };
}

describe('a quarter of history: the report equals a recomputation from the records', () => {
  let h: Harness;
  let keys: Awaited<ReturnType<typeof buildHistory>>;
  let report: ReviewReport;

  beforeAll(async () => {
    h = await createHarness(new Date('2026-07-01T06:00:00Z'));
    keys = await buildHistory(h);
    const answer = await call(createReportsResolver(h.deps), REPORTS_RESOLVER_KEYS.get, Q3, h.site.users.admin.accountId, { type: 'jira:globalPage' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    report = reviewReportSchema.parse(answer.data);
  });

  /** Every record on the site, read back through JQL on the indexed property (as the app). */
  async function recordsThroughJql() {
    const out: { id: string; key: string; record: ReturnType<typeof recordOf> }[] = [];
    let token: string | undefined;
    do {
      const page = await h.deps.jiraAsApp.searchIssuesWithClock('contractState IS NOT EMPTY ORDER BY created ASC', token === undefined ? {} : { nextPageToken: token });
      for (const issue of page.issues) {
        const parsed = issue.contractClock === null ? null : parseClockRecord(issue.contractClock.value);
        if (parsed?.ok === true) out.push({ id: issue.id, key: issue.key, record: parsed.record });
      }
      token = page.nextPageToken ?? undefined;
    } while (token !== undefined);
    return out;
  }

  it('counts exactly what the records say, for every figure of the report', async () => {
    const records = await recordsThroughJql();
    expect(records).toHaveLength(7);
    const recomputed = rebuildAggregates(records.flatMap(({ id, record }) => {
      const outcome = issueOutcomeOf(id, record);
      return outcome === null ? [] : [outcome];
    }));
    const { catalogue } = await loadReportContracts(h.store, { period: { from: '2026-07', to: '2026-09' }, customerId: null, withTerms: false });
    const scope: ReportScope = { period: { from: '2026-07', to: '2026-09' }, customerId: null, serviceId: null, levelId: null };
    expect(report.figures).toEqual(totalFigures(recomputed, scope));
    expect(report.volume).toEqual(volumeRows(recomputed, catalogue, scope));
    expect(report.trend).toEqual(summarizeTrend(recomputed, scope));
    expect(report.customerSummaries.map(({ previous: _p, previousLevels: _l, ...summary }) => summary)).toEqual(summarizeCustomers(recomputed, catalogue, scope));
    // and the stored aggregates are exactly the recomputed ones
    const stored = await readComplianceAggregates(h.store, { from: '2026-07', to: '2026-09' });
    expect(stored.aggregates.filter((a) => a.cells.length > 0).sort((a, b) => (a.month + a.customerId).localeCompare(b.month + b.customerId))).toEqual(
      recomputed.sort((a, b) => (a.month + a.customerId).localeCompare(b.month + b.customerId)),
    );
  });

  it('applies the counting rules: last resolution, the calendar’s zone, the terms at resolution', () => {
    const row = (customer: string, service: string, level: string, priorityClass: string) =>
      report.volume.find((r) => r.customer.id === customer && r.service.id === service && r.level.id === level && r.priorityClass === priorityClass);
    // C moved from Workplace/Silver to Network/Gold before it was resolved
    expect(row('acme', 'network', 'gold', 'P3')?.figures).toMatchObject({ resolved: 1, met: 1 });
    expect(report.volume.some((r) => r.customer.id === 'acme' && r.service.id === 'workplace')).toBe(false);
    // D counts as P1, its class after the priority change
    expect(row('globex', 'email', 'gold-ny', 'P1')?.figures).toMatchObject({ resolved: 1, missed: 1 });
    // E and G count in August: E by its last resolution, G by the Amsterdam date of its resolution
    expect(report.trend.map((p) => [p.month, p.figures.resolved])).toEqual([
      ['2026-07', 4],
      ['2026-08', 2],
      ['2026-09', 0],
    ]);
    expect(report.figures).toMatchObject({ resolved: 6, met: 4, missed: 2, extensions: 1 });
  });

  it('lists every missed request with its business-time overdue and the extension’s reason', () => {
    expect(report.missed.map((m) => m.issueKey)).toEqual([keys.B, keys.D]);
    const [b, d] = report.missed;
    expect(b).toMatchObject({ customer: { id: 'acme' }, level: { id: 'gold' }, priorityClass: 'P1', overdueMinutes: 120 });
    expect(b?.extensions).toEqual([expect.objectContaining({ minutes: 60, reason: 'Waiting for the ISP', by: 'Sanne Visser' })]);
    expect(d).toMatchObject({ customer: { id: 'globex' }, priorityClass: 'P1', overdueMinutes: 180 });
    expect(report.missedMismatch).toBe(false);
  });

  it('lists the request without a contract apart, in no percentage', () => {
    expect(report.uncovered.map((u) => u.issueKey)).toEqual([keys.F]);
    expect(report.uncovered[0]?.reason).toBe('unknown-organization');
    expect(report.volume.every((r) => r.customer.id !== 'hooli')).toBe(true);
  });

  it('shows the contracts in force with versions, bespoke terms and prices', () => {
    const umbrella = report.contracts.find((c) => c.customer.id === 'umbrella');
    expect(umbrella?.versions.map((v) => [v.version, v.effectiveFrom, v.effectiveTo])).toEqual([[2, '2026-07-01', null]]);
    const network = umbrella?.versions[0]?.services.find((s) => s.service.id === 'network');
    expect(network).toMatchObject({ bespoke: true, priceBespoke: true, monthlyPrice: { amountMinor: 125_000, currency: 'EUR' }, calendar: { id: '24x7', bespoke: true } });
    expect(network?.targets[0]).toEqual({ priorityClass: 'P1', resolutionMinutes: 120, responseMinutes: 15, bespoke: true });
    expect(report.contracts.find((c) => c.customer.id === 'wayne')?.versions[0]?.effectiveTo).toBe('2026-08-31');
  });

  it('exports the same rows as CSV, and the gadget shows the same numbers', async () => {
    const exported = await call(createReportsResolver(h.deps), REPORTS_RESOLVER_KEYS.exportCsv, Q3, h.site.users.sanne.accountId, { type: 'jira:globalPage' });
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    const csv = csvExportSchema.parse(exported.data);
    expect(csv.csv).toBe(formatCsv(report.volume, { from: '2026-07', to: '2026-09' }));
    expect(csv.rows).toBe(report.volume.length);
    expect(csv.fileName).toBe('contract-review-all-customers-2026-07-to-2026-09.csv');

    const gadget = await call(createGadgetResolver(h.deps), GADGET_RESOLVER_KEYS.get, {}, h.site.users.sanne.accountId, GADGET_Q3);
    if (!gadget.ok) throw new Error(JSON.stringify(gadget.error));
    const view = gadgetViewSchema.parse(gadget.data);
    expect(view.figures).toEqual(report.figures);
    expect(view.customers).toEqual(report.customerSummaries.map(({ previous: _p, previousLevels: _l, ...summary }) => summary));
    expect(view.headline).toEqual(report.headline);
    expect(view.worstBreaches.map((b) => [b.issueKey, b.overdueMinutes])).toEqual([
      [keys.D, 180],
      [keys.B, 120],
    ]);
  });

  it('prices the missed requests as service credits per customer × service × month, and exports them', async () => {
    // B: Acme's network, Gold P1, late in July: 10 % of € 600. D: Globex's e-mail, Gold (New York) P1,
    // late in July: 10 % of $ 520. Every other request was on time.
    expect(report.credits.map((row) => [row.customer.id, row.service.id, row.month, row.missed, row.creditPercent, row.monthlyPrice, row.credit])).toEqual([
      ['acme', 'network', '2026-07', 1, 10, { amountMinor: 60_000, currency: 'EUR' }, { amountMinor: 6_000, currency: 'EUR' }],
      ['globex', 'email', '2026-07', 1, 10, { amountMinor: 52_000, currency: 'USD' }, { amountMinor: 5_200, currency: 'USD' }],
    ]);
    expect(report.creditTotals).toEqual([
      { amountMinor: 6_000, currency: 'EUR' },
      { amountMinor: 5_200, currency: 'USD' },
    ]);
    const exported = await call(createReportsResolver(h.deps), REPORTS_RESOLVER_KEYS.exportCreditsCsv, Q3, h.site.users.sanne.accountId, { type: 'jira:globalPage' });
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    const csv = csvExportSchema.parse(exported.data);
    expect(csv.fileName).toBe('service-credits-all-customers-2026-07-to-2026-09.csv');
    expect(csv.csv.split('\r\n')).toEqual([
      'customer,service,month,missed,credit_percent,monthly_price,credit_amount,currency',
      'Acme Logistics,Network,2026-07,1,10.00,600.00,60.00,EUR',
      'Globex Retail,E-mail,2026-07,1,10.00,520.00,52.00,USD',
      '',
    ]);
  });

  it('narrows the report to one customer', async () => {
    const answer = await call(createReportsResolver(h.deps), REPORTS_RESOLVER_KEYS.get, { ...Q3, customerId: 'acme' }, h.site.users.admin.accountId, { type: 'jira:globalPage' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const acme = reviewReportSchema.parse(answer.data);
    expect(acme.customer).toEqual({ id: 'acme', name: 'Acme Logistics' });
    expect(acme.figures).toMatchObject({ resolved: 3, met: 2, missed: 1 });
    expect(acme.missed.map((m) => m.issueKey)).toEqual([keys.B]);
    expect(acme.contracts.map((c) => c.contract.id)).toEqual(['acme-2026']);
    expect(acme.uncovered).toEqual([]);
  });
});

describe('the missed requests name their extensions’ authors in one batched look-up, as the reader (ADR 0033)', () => {
  /**
   * Two Acme network outages (Gold P1, 4 h) on Wednesday 1 July, each extended a minute at a time by
   * many agents — 30 on X, 28 on Y (3 of them on both), and Sanne on both: 54 distinct authors —
   * then resolved at 17:00 Amsterdam, late. The report is read the next morning, when no contract
   * with an account manager is up for renewal, so every user look-up is the authors'.
   */
  let h: Harness;
  let agents: { accountId: string; displayName: string }[];
  let X: string;
  let Y: string;

  beforeAll(async () => {
    h = await createHarness(new Date('2026-07-01T07:00:00Z'));
    const { sanne } = h.site.users;
    agents = Array.from({ length: 53 }, (_, i) =>
      h.model.addUser({ displayName: `Agent ${String(i + 1)}`, emailAddress: `agent${String(i + 1)}@polder-it.example`, role: 'agent', timeZone: 'Europe/Amsterdam' }),
    );
    const outage = (summary: string) =>
      h.model.createRequest(h.site.users.alice.accountId, { serviceDeskId: h.site.serviceDesk.id, requestTypeId: h.site.requestTypes.network.id, summary, priority: 'Highest' }).key;
    X = outage('Whole office offline');
    Y = outage('Branch office offline');
    await deliverAll(h);
    const extend = async (key: string, by: string) => {
      const { revision } = (await storedClockOf(h, key)).record;
      const answer = await call(createPanelResolver(h.deps), 'panel/extend', { issueKey: key, revision, minutes: 1, reason: 'Waiting for the ISP' }, by, {
        type: 'jira:issuePanel',
        issue: { id: h.model.findIssue(key)?.id ?? '', key },
      });
      expect(answer).toMatchObject({ ok: true });
    };
    for (const agent of [sanne, ...agents.slice(0, 30)]) await extend(X, agent.accountId);
    for (const agent of [...agents.slice(27), sanne]) await extend(Y, agent.accountId);
    h.clock.now = new Date('2026-07-01T15:00:00Z'); // 17:00: past both deadlines (13:00 + the extensions)
    h.model.transitionToStatus(sanne.accountId, X, 'Resolved');
    h.model.transitionToStatus(sanne.accountId, Y, 'Resolved');
    await deliverAll(h);
    h.clock.now = new Date('2026-07-02T07:00:00Z');
  });

  const reportWith = async (deps = h.deps) => {
    const answer = await call(createReportsResolver(deps), REPORTS_RESOLVER_KEYS.get, Q3, h.site.users.admin.accountId, { type: 'jira:globalPage' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return reviewReportSchema.parse(answer.data);
  };
  /** The authors of a request's extensions, sorted (the extensions share their instant). */
  const authorsOf = (report: ReviewReport, key: string) => report.missed.find((m) => m.issueKey === key)?.extensions.map((e) => e.by ?? '').sort();
  const sorted = (names: string[]) => [...names].sort();
  const userCalls = () => h.jiraCalls.filter((c) => c.startsWith('GET /rest/api/3/user')).sort();

  it('names all 54 authors — beyond the 20 it used to stop at — in ⌈54 / 50⌉ = 2 requests, not one per author', async () => {
    const { sanne } = h.site.users;
    h.reset();
    const report = await reportWith();
    expect(report.missed.map((m) => m.issueKey).sort()).toEqual([X, Y].sort());
    expect(authorsOf(report, X)).toEqual(sorted([sanne, ...agents.slice(0, 30)].map((a) => a.displayName)));
    expect(authorsOf(report, Y)).toEqual(sorted([...agents.slice(27), sanne].map((a) => a.displayName)));
    expect(userCalls()).toEqual(['GET /rest/api/3/user/bulk', 'GET /rest/api/3/user/bulk']);
  });

  it('shows account ids when Jira refuses the look-up, and lets Forge’s consent prompt through', async () => {
    const { sanne } = h.site.users;
    h.intercept = (request, forward) =>
      request.path === '/rest/api/3/user/bulk'
        ? Promise.resolve(new Response(JSON.stringify({ errorMessages: ['You are not allowed to browse users.'], errors: {} }), { status: 403, headers: { 'content-type': 'application/json' } }))
        : forward();
    try {
      const refused = await reportWith();
      expect(authorsOf(refused, X)).toEqual(sorted([sanne, ...agents.slice(0, 30)].map((a) => a.accountId)));
      expect(authorsOf(refused, Y)).toEqual(sorted([...agents.slice(27), sanne].map((a) => a.accountId)));
    } finally {
      h.intercept = null;
    }
    const consent = Object.assign(new Error('Authentication required'), { name: NEEDS_AUTHENTICATION_ERR });
    const deps = { ...h.deps, jiraAsUser: (accountId: string) => ({ ...h.deps.jiraAsUser(accountId), getUserDisplayNames: () => Promise.reject(consent) }) };
    await expect(reportWith(deps)).rejects.toBe(consent);
  });
});
