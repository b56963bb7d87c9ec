/**
 * Issue 13.3, "strictly the customer's own data": every portal resolver, through its real
 * @forge/resolver definitions, against the Jira emulator (which enforces the manifest's scopes and
 * refuses `asUser` for customers, as Forge does), for a matrix of callers — customers of two
 * organizations (Grace: Globex, Ian: Initech), a customer in both (Pat), a customer in none (Nina),
 * an agent (Sanne), a customer of an unrelated organization (Alice: Acme) and anonymous callers —
 * and every request between them. What each caller may see is taken from the emulator's own JSM
 * rule (`model.canBrowse`) and the organizations' membership, not from the app; an escape is any
 * answer that shows more. The matrix counts escapes and requires 0.
 */
import { loadContractDatabase } from '../../src/app/contract-database-store';
import { ANONYMOUS_ACCOUNT_ID, portalCallerOf } from '../../src/app/portal-access';
import type { AppDeps } from '../../src/app/deps';
import { JiraError } from '../../src/app/jira-ports';
import type { Envelope } from '../../src/contract/envelope';
import { myContractViewSchema, PORTAL_RESOLVER_KEYS, portalRequestViewSchema } from '../../src/contract/portal-api';
import { createPortalResolver } from '../../src/entry/portal-resolver';
import type { UserRecord } from '../../sandbox/jira/jira-state';
import { organizationBucket } from '../../src/domain/terms-slice';
import { createHarness, type Harness, type HarnessOptions } from './app-harness';
import { deliverAll } from './clock-helpers';

const REQUEST_PANEL = 'jiraServiceManagement:portalRequestDetailPanel';
const PROFILE_PANEL = 'jiraServiceManagement:portalProfilePanel';

interface Caller {
  readonly name: string;
  readonly accountId: string | undefined;
  readonly accountType: 'customer' | 'licensed' | 'anonymous' | undefined;
  readonly user: UserRecord | null;
}

async function invoke(h: Harness, functionKey: string, caller: Caller, requestKey: string | null): Promise<Envelope<unknown>> {
  const extension = requestKey === null ? { type: PROFILE_PANEL } : { type: REQUEST_PANEL, request: { key: requestKey, typeId: 10 }, portal: { id: 1 } };
  const answer: unknown = await createPortalResolver(h.deps)(
    {
      call: { functionKey, payload: {} },
      context: { moduleKey: 'contract-clock-portal', extension, ...(caller.accountType === undefined ? {} : { accountType: caller.accountType }), timezone: 'Europe/Amsterdam' },
    },
    (caller.accountId === undefined ? {} : { principal: { accountId: caller.accountId } }) as never,
  );
  return answer as Envelope<unknown>;
}

interface Fixture {
  h: Harness;
  callers: Caller[];
  requests: Record<string, string>;
  /** contract id → its name, customer name, organization ids */
  contracts: Map<string, { name: string; customerName: string; organizationIds: readonly string[]; showPrices: boolean }>;
}

async function setUp(withDatabase?: HarnessOptions['database']): Promise<Fixture> {
  const h = await createHarness(undefined, withDatabase === undefined ? {} : { database: withDatabase });
  const { users, serviceDesk, requestTypes } = h.site;
  const nina = h.model.addUser({ displayName: 'Nina Vos', emailAddress: 'nina@example.test', role: 'customer', timeZone: 'Europe/Amsterdam' });
  h.model.addCustomersToServiceDesk(serviceDesk.id, [nina.accountId]);
  const raise = (who: UserRecord, summary: string, extra: { participants?: string[] } = {}) =>
    h.model.createRequest(who.accountId, { serviceDeskId: serviceDesk.id, requestTypeId: requestTypes.email.id, summary, ...extra }).key;
  const requests = {
    grace: raise(users.grace, 'Globex mailbox'),
    ian: raise(users.ian, 'Initech mailbox'),
    // shared with Globex and Initech: runs under the stricter Globex contract
    pat: raise(users.pat, 'Consultant mailbox'),
    nina: raise(nina, 'No organization'),
    alice: raise(users.alice, 'Acme mailbox'),
    // an Acme request in which Ian participates
    aliceWithIan: raise(users.alice, 'Acme mailbox, Ian copied', { participants: [users.ian.accountId] }),
  };
  await deliverAll(h);
  const customer = (user: UserRecord): Caller => ({ name: user.displayName, accountId: user.accountId, accountType: 'customer', user });
  const callers: Caller[] = [
    customer(users.grace),
    customer(users.ian),
    customer(users.pat),
    customer(nina),
    customer(users.alice),
    { name: 'agent Sanne', accountId: users.sanne.accountId, accountType: 'licensed', user: users.sanne },
    // Forge's anonymous portal visitor: accountId `unidentified`, accountType `anonymous`
    { name: 'anonymous (unidentified)', accountId: 'unidentified', accountType: 'anonymous', user: null },
    { name: 'anonymous (no principal)', accountId: undefined, accountType: 'anonymous', user: null },
  ];
  const { database } = await loadContractDatabase(h.store);
  const contracts = new Map(
    database.contracts.map((c) => [c.id, { name: c.name, customerName: c.customer.name, organizationIds: c.customer.organizationIds, showPrices: c.showPricesToCustomer }] as const),
  );
  return { h, callers, requests, contracts };
}

/** What the emulator (JSM) lets a caller see of a request. */
function jiraLetsSee(h: Harness, caller: Caller, requestKey: string): boolean {
  const issue = h.model.findIssue(requestKey);
  return caller.user !== null && issue !== undefined && h.model.canBrowse(caller.user, issue);
}

function organizationIdsOf(h: Harness, caller: Caller): Set<string> {
  return new Set(caller.user === null ? [] : h.model.organizationsOf(caller.user.accountId).map((o) => o.id));
}

describe('portal resolvers: the authorization matrix', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setUp();
  });

  it('shows every caller exactly the requests JSM shows them, and no contract name of another organization (0 escapes)', async () => {
    const { h, callers, requests, contracts } = f;
    const escapes: string[] = [];
    let cells = 0;
    for (const caller of callers) {
      const mine = organizationIdsOf(h, caller);
      for (const [label, key] of Object.entries(requests)) {
        cells += 1;
        const answer = await invoke(h, PORTAL_RESOLVER_KEYS.request, caller, key);
        const allowed = jiraLetsSee(h, caller, key);
        if (!allowed) {
          if (answer.ok || answer.error.code !== 'forbidden') escapes.push(`${caller.name} × ${label}: expected forbidden, got ${JSON.stringify(answer).slice(0, 200)}`);
          continue;
        }
        if (!answer.ok) {
          escapes.push(`${caller.name} × ${label}: may see it, got ${answer.error.code}`);
          continue;
        }
        const view = portalRequestViewSchema.parse(answer.data);
        const name = view.agreement?.contractName ?? null;
        if (name !== null && caller.user?.role === 'customer') {
          const own = [...contracts.values()].some((c) => c.name === name && c.organizationIds.some((id) => mine.has(id)));
          if (!own) escapes.push(`${caller.name} × ${label}: shows another organization's contract "${name}"`);
        }
      }
    }
    expect(cells).toBe(callers.length * Object.keys(requests).length);
    expect(escapes).toEqual([]);
  });

  it('shows every caller exactly the contracts of their own organizations, prices only where allowed (0 escapes)', async () => {
    const { h, callers, contracts } = f;
    const escapes: string[] = [];
    for (const caller of callers) {
      const answer = await invoke(h, PORTAL_RESOLVER_KEYS.myContract, caller, null);
      if (caller.user === null) {
        if (answer.ok || answer.error.code !== 'forbidden') escapes.push(`${caller.name}: expected forbidden, got ${JSON.stringify(answer).slice(0, 200)}`);
        continue;
      }
      if (!answer.ok) {
        escapes.push(`${caller.name}: got ${answer.error.code}`);
        continue;
      }
      const view = myContractViewSchema.parse(answer.data);
      const mine = organizationIdsOf(h, caller);
      const expected = [...contracts].filter(([, c]) => c.organizationIds.some((id) => mine.has(id))).map(([id]) => id).sort();
      const shown = view.contracts.map((c) => c.id).sort();
      if (JSON.stringify(shown) !== JSON.stringify(expected)) escapes.push(`${caller.name}: contracts ${shown.join(',')} instead of ${expected.join(',')}`);
      const text = JSON.stringify(view);
      for (const [id, c] of contracts) {
        if (expected.includes(id)) continue;
        if (text.includes(c.name) || text.includes(c.customerName)) escapes.push(`${caller.name}: names ${c.name} / ${c.customerName}`);
      }
      for (const card of view.contracts) {
        const allowed = contracts.get(card.id)?.showPrices === true;
        const hasPrices = card.prices !== undefined || card.services.some((s) => s.monthlyPriceMinor !== undefined);
        if (hasPrices && !allowed) escapes.push(`${caller.name}: prices of ${card.id}, which does not show them`);
      }
      const orgNames = new Set(h.model.organizations().filter((o) => !mine.has(o.id)).map((o) => o.name));
      for (const organization of view.organizations) if (orgNames.has(organization.name)) escapes.push(`${caller.name}: lists organization ${organization.name}`);
    }
    expect(escapes).toEqual([]);
  });

  it('gives a customer in both organizations both contracts, and a customer in none a view without any', async () => {
    const { h, callers } = f;
    const pat = callers.find((c) => c.name === 'Pat Kowalski');
    const nina = callers.find((c) => c.name === 'Nina Vos');
    if (pat === undefined || nina === undefined) throw new Error('fixture');
    const both = await invoke(h, PORTAL_RESOLVER_KEYS.myContract, pat, null);
    expect(both).toMatchObject({ ok: true, data: { contracts: [{ id: 'globex-us' }, { id: 'initech-2026' }] } });
    expect(await invoke(h, PORTAL_RESOLVER_KEYS.myContract, nina, null)).toEqual({ ok: true, data: { organizations: [], contracts: [] } });
  });

  it('hides the contract of a request shared with the caller\'s organization when it is another organization\'s contract', async () => {
    const { h, callers, requests } = f;
    const ian = callers.find((c) => c.name === 'Ian Moore');
    const pat = callers.find((c) => c.name === 'Pat Kowalski');
    if (ian === undefined || pat === undefined) throw new Error('fixture');
    // Pat's request is shared with Globex and Initech and runs under Globex's Gold (New York) contract.
    const asIan = await invoke(h, PORTAL_RESOLVER_KEYS.request, ian, requests.pat ?? '');
    expect(asIan).toMatchObject({ ok: true, data: { status: 'tracked', agreement: { level: { name: 'Gold (New York)' }, contractName: null } } });
    const asPat = await invoke(h, PORTAL_RESOLVER_KEYS.request, pat, requests.pat ?? '');
    expect(asPat).toMatchObject({ ok: true, data: { agreement: { contractName: 'Globex Retail — US support' } } });
  });

  it('answers a request that does not exist exactly as one the caller may not see', async () => {
    const { h, callers, requests } = f;
    const grace = callers.find((c) => c.name === 'Grace Lee');
    if (grace === undefined) throw new Error('fixture');
    const missing = await invoke(h, PORTAL_RESOLVER_KEYS.request, grace, 'ITS-99999');
    const hidden = await invoke(h, PORTAL_RESOLVER_KEYS.request, grace, requests.ian ?? '');
    expect(missing).toEqual(hidden);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a request panel call without a request in the context, and keys that are not the portal\'s', async () => {
    const { h, callers } = f;
    const grace = callers[0];
    if (grace === undefined) throw new Error('fixture');
    expect(await invoke(h, PORTAL_RESOLVER_KEYS.request, grace, null)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await invoke(h, 'panel/get', grace, null)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('portal resolvers under Forge\'s rules for customers', () => {
  it('never act as a customer: the emulator refuses asUser for customer accounts, and the views still load', async () => {
    const f = await setUp();
    const grace = f.callers[0];
    if (grace === undefined || grace.accountId === undefined) throw new Error('fixture');
    // What Forge does to an asUser() call of a customer's invocation (docs: "asUser: Not allowed").
    await expect(f.h.deps.jiraAsUser(grace.accountId).getMyself()).rejects.toMatchObject({ status: 401 });
    f.h.reset();
    expect(await invoke(f.h, PORTAL_RESOLVER_KEYS.request, grace, f.requests.grace ?? '')).toMatchObject({ ok: true });
    expect(await invoke(f.h, PORTAL_RESOLVER_KEYS.myContract, grace, null)).toMatchObject({ ok: true });
    expect(f.h.jiraCalls.filter((c) => c.includes('/mypermissions') || c.includes('/myself'))).toEqual([]);
  });

  it('asks Jira as the agent whether an agent may see the request', async () => {
    const f = await setUp();
    const sanne = f.callers.find((c) => c.name === 'agent Sanne');
    if (sanne === undefined) throw new Error('fixture');
    f.h.reset();
    expect(await invoke(f.h, PORTAL_RESOLVER_KEYS.request, sanne, f.requests.alice ?? '')).toMatchObject({ ok: true, data: { agreement: { contractName: 'Acme Logistics managed services 2026' } } });
    expect(f.h.jiraCalls).toContain('GET /rest/api/3/mypermissions');
  });

  it('treats a caller Forge names no account type for as a customer (never as an agent)', async () => {
    const f = await setUp();
    const sanne = f.callers.find((c) => c.name === 'agent Sanne');
    if (sanne === undefined) throw new Error('fixture');
    const untyped: Caller = { ...sanne, accountType: undefined };
    // As a "customer", Sanne is no member of Acme, reporter or participant: the request stays hidden.
    expect(await invoke(f.h, PORTAL_RESOLVER_KEYS.request, untyped, f.requests.alice ?? '')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses the organizations call when the manifest lacks its scope', async () => {
    const f = await setUp();
    const scopes = f.h.model.app.scopes;
    f.h.model.app.scopes = scopes.filter((s) => s !== 'read:organization:jira-service-management');
    try {
      const grace = f.callers[0];
      if (grace === undefined) throw new Error('fixture');
      expect(await invoke(f.h, PORTAL_RESOLVER_KEYS.myContract, grace, null)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      f.h.model.app.scopes = scopes;
    }
  });

  it('never shows a contract of another organization that shares the caller\'s storage bucket', async () => {
    // Terms slices hold the contracts of every organization of a bucket (ADR 0021): pick an
    // organization id in Globex's bucket and give it a contract of its own.
    const probe = await createHarness();
    const globex = probe.site.organizations.globex.id;
    let neighbour = 90_000;
    while (organizationBucket(String(neighbour)) !== organizationBucket(globex)) neighbour += 1;
    const f = await setUp((site, demo) => ({
      ...demo,
      contracts: [
        ...(demo.contracts ?? []),
        {
          id: 'neighbour',
          name: 'Neighbour Holding contract',
          customer: { id: 'neighbour', name: 'Neighbour Holding', organizationIds: [String(neighbour)] },
          timeZone: 'Europe/Amsterdam',
          showPricesToCustomer: true,
          versions: [{ version: 1, effectiveFrom: '2026-01-01', coveredServices: [{ serviceId: 'email', levelId: 'gold' }], defaultServiceId: 'email' }],
        },
      ],
    }));
    const grace = f.callers[0];
    if (grace === undefined) throw new Error('fixture');
    const answer = await invoke(f.h, PORTAL_RESOLVER_KEYS.myContract, grace, null);
    expect(answer).toMatchObject({ ok: true, data: { contracts: [{ id: 'globex-us' }] } });
    expect(JSON.stringify(answer)).not.toMatch(/Neighbour/);
  });
});

describe('portalCallerOf: who a portal caller is', () => {
  it('is nobody without a usable account: none, an empty one, Forge’s `unidentified`, or accountType anonymous', () => {
    expect(portalCallerOf(undefined, { accountType: 'customer' })).toBeNull();
    expect(portalCallerOf('', { accountType: 'customer' })).toBeNull();
    expect(portalCallerOf(ANONYMOUS_ACCOUNT_ID, { accountType: 'customer' })).toBeNull();
    expect(portalCallerOf('5b10a2844c20165700ede21g', { accountType: 'anonymous' })).toBeNull();
  });

  it('is licensed only when Forge says so; any other account type is a customer; the zone is a hint', () => {
    const id = '5b10a2844c20165700ede21g';
    expect(portalCallerOf(id, { accountType: 'licensed', timezone: 'Europe/Amsterdam' })).toEqual({ kind: 'licensed', accountId: id, timeZoneHint: 'Europe/Amsterdam' });
    expect(portalCallerOf(id, { accountType: 'customer' })).toEqual({ kind: 'customer', accountId: id, timeZoneHint: null });
    expect(portalCallerOf(id, { accountType: undefined })).toEqual({ kind: 'customer', accountId: id, timeZoneHint: null });
  });
});

describe('my contract for a customer of no organization', () => {
  it('reads nothing from app storage', async () => {
    const f = await setUp();
    const nina = f.callers.find((c) => c.name === 'Nina Vos');
    if (nina === undefined) throw new Error('fixture');
    f.h.store.operations = [];
    expect(await invoke(f.h, PORTAL_RESOLVER_KEYS.myContract, nina, null)).toEqual({ ok: true, data: { organizations: [], contracts: [] } });
    expect(f.h.store.operations).toEqual([]);
  });
});

describe('the portal request check when Jira answers otherwise', () => {
  const jiraError = (status: number) => new JiraError(`Jira answered ${status}`, { kind: 'http', method: 'GET', path: '/rest/api/3/issue', status, errorMessages: [], fieldErrors: {}, issues: [] });

  async function asCaller(deps: AppDeps, caller: Caller, requestKey: string): Promise<Envelope<unknown>> {
    const answer: unknown = await createPortalResolver(deps)(
      {
        call: { functionKey: PORTAL_RESOLVER_KEYS.request, payload: {} },
        context: { moduleKey: 'contract-clock-portal', extension: { type: REQUEST_PANEL, request: { key: requestKey, typeId: 10 }, portal: { id: 1 } }, accountType: caller.accountType, timezone: 'Europe/Amsterdam' },
      },
      { principal: { accountId: caller.accountId } } as never,
    );
    return answer as Envelope<unknown>;
  }

  const withUser = (h: Harness, change: Partial<ReturnType<AppDeps['jiraAsUser']>>): AppDeps => ({ ...h.deps, jiraAsUser: (accountId) => ({ ...h.deps.jiraAsUser(accountId), ...change }) });
  const withApp = (h: Harness, change: Partial<AppDeps['jiraAsApp']>): AppDeps => ({ ...h.deps, jiraAsApp: { ...h.deps.jiraAsApp, ...change } });
  const HIDDEN = { ok: false, error: { code: 'forbidden', message: 'You cannot see this request.' } };

  it('an agent: hidden without Browse Projects or when Jira says 404, unavailable when Jira fails', async () => {
    const f = await setUp();
    const sanne = f.callers.find((c) => c.name === 'agent Sanne')!;
    const request = f.requests.alice!;
    expect(await asCaller(f.h.deps, sanne, request)).toMatchObject({ ok: true });
    expect(await asCaller(withUser(f.h, { getMyPermissions: () => Promise.resolve({ BROWSE_PROJECTS: false }) }), sanne, request)).toEqual(HIDDEN);
    expect(await asCaller(withUser(f.h, { getMyPermissions: () => Promise.reject(jiraError(404)) }), sanne, request)).toEqual(HIDDEN);
    expect(await asCaller(withUser(f.h, { getMyPermissions: () => Promise.reject(jiraError(503)) }), sanne, request)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // Jira lets the agent browse the request, but the app cannot read it (gone meanwhile): hidden, not a crash.
    expect(await asCaller(withApp(f.h, { getIssue: () => Promise.reject(jiraError(404)) }), sanne, request)).toEqual(HIDDEN);
  });

  it('a customer: hidden when the request’s people or the issue are missing, or the people are another request’s', async () => {
    const f = await setUp();
    const alice = f.callers.find((c) => c.user?.accountId === f.h.site.users.alice.accountId)!;
    const request = f.requests.alice!;
    expect(await asCaller(f.h.deps, alice, request)).toMatchObject({ ok: true });
    expect(await asCaller(withApp(f.h, { getCustomerRequestPeople: () => Promise.resolve(null) }), alice, request)).toEqual(HIDDEN);
    expect(await asCaller(withApp(f.h, { getIssue: () => Promise.reject(jiraError(404)) }), alice, request)).toEqual(HIDDEN);
    // People read for another request (Alice's own, which she raised) never decide for this one (Grace's).
    const peopleOfAlice = await f.h.deps.jiraAsApp.getCustomerRequestPeople(request);
    expect(peopleOfAlice?.reporterAccountId).toBe(alice.accountId);
    expect(await asCaller(withApp(f.h, { getCustomerRequestPeople: () => Promise.resolve(peopleOfAlice) }), alice, f.requests.grace!)).toEqual(HIDDEN);
    expect(await asCaller(withApp(f.h, { getIssue: () => Promise.reject(jiraError(503)) }), alice, request)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('a contract of several organizations in the portal', () => {
  it('is named to a customer of any one of them on their request', async () => {
    const f = await setUp((_site, demo) => ({
      ...demo,
      contracts: (demo.contracts ?? []).map((c) => (c.id === 'acme-2026' ? { ...c, customer: { ...c.customer, organizationIds: [...c.customer.organizationIds, '95555'] } } : c)),
    }));
    const alice = f.callers.find((c) => c.user?.accountId === f.h.site.users.alice.accountId)!;
    expect(await invoke(f.h, PORTAL_RESOLVER_KEYS.request, alice, f.requests.alice ?? '')).toMatchObject({ ok: true, data: { agreement: { contractName: 'Acme Logistics managed services 2026' } } });
  });
});

describe('an agent in the portal', () => {
  it('sees a request’s agreement exactly as its customer does', async () => {
    const f = await setUp();
    const alice = f.callers.find((c) => c.user?.accountId === f.h.site.users.alice.accountId)!;
    const sanne = f.callers.find((c) => c.name === 'agent Sanne')!;
    const asCustomer = await invoke(f.h, PORTAL_RESOLVER_KEYS.request, alice, f.requests.alice ?? '');
    expect(asCustomer).toMatchObject({ ok: true });
    expect(await invoke(f.h, PORTAL_RESOLVER_KEYS.request, sanne, f.requests.alice ?? '')).toEqual(asCustomer);
  });
});
