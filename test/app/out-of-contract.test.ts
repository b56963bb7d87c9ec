/**
 * Out-of-contract rates on the panel (issue 14.1), through the real panel resolver against the Jira
 * emulator: a request whose service the customer's contract does not cover shows what it is billable
 * at — the contract's rate for its request type when it names one, else its general rate — in the
 * contract's currency; a covered request, and one without any contract, show none. In the demo,
 * Acme's contract has € 95 / hour out of contract; here it stops covering Printing.
 */
import type { ContractDatabaseInput } from '../../src/contract/contract-database';
import type { Envelope } from '../../src/contract/envelope';
import { panelViewSchema, type PanelView } from '../../src/contract/panel-api';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createHarness, type Harness } from './app-harness';


/** The demo database without Printing in Acme's contract; `printerRate` gives the printer request type its own rate. */
function withoutPrinting(printerRate?: { perRequest: number }) {
  return (site: Harness['site'], demo: ContractDatabaseInput): ContractDatabaseInput => {
    const db = structuredClone(demo);
    const acme = db.contracts?.find((c) => c.id === 'acme-2026');
    const version = acme?.versions[0];
    if (version === undefined) throw new Error('the demo has no Acme contract');
    version.coveredServices = version.coveredServices.filter((c) => c.serviceId !== 'printing');
    if (printerRate !== undefined && version.outOfContractRates !== undefined) {
      version.outOfContractRates.byRequestType = { ...version.outOfContractRates.byRequestType, [site.requestTypes.printer.id]: printerRate };
    }
    return db;
  };
}

async function raise(h: Harness, customer: 'alice' | 'henk', type: 'printer' | 'email'): Promise<{ key: string; id: string }> {
  const issue = h.model.createRequest(h.site.users[customer].accountId, { serviceDeskId: h.site.serviceDesk.id, requestTypeId: h.site.requestTypes[type].id, summary: 'Help' });
  for (const event of h.events.splice(0)) if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
  return { key: issue.key, id: issue.id };
}

async function panelOf(h: Harness, issue: { key: string; id: string }): Promise<PanelView> {
  const answer: unknown = await createPanelResolver(h.deps)(
    { call: { functionKey: 'panel/get', payload: {} }, context: { moduleKey: 'contract-clock', extension: { type: 'jira:issuePanel', issue } } },
    { principal: { accountId: h.site.users.tom.accountId } } as never,
  );
  const envelope = answer as Envelope<unknown>;
  if (!envelope.ok) throw new Error(`panel/get failed: ${envelope.error.message}`);
  return panelViewSchema.parse(envelope.data);
}

describe('the panel’s out-of-contract rate', () => {
  it('shows the contract’s general rate for a service it does not cover', async () => {
    const h = await createHarness(undefined, { database: withoutPrinting() });
    const view = await panelOf(h, await raise(h, 'alice', 'printer'));
    expect(view.state).toBe('uncovered');
    expect(view.outOfContract).toEqual({
      contract: { id: 'acme-2026', name: 'Acme Logistics managed services 2026' },
      hourly: { amountMinor: 9_500, currency: 'EUR' },
      perRequest: null,
      requestType: false,
    });
  });

  it('prefers the rate the contract names for the request type', async () => {
    const h = await createHarness(undefined, { database: withoutPrinting({ perRequest: 6_000 }) });
    const view = await panelOf(h, await raise(h, 'alice', 'printer'));
    expect(view.outOfContract).toMatchObject({ hourly: null, perRequest: { amountMinor: 6_000, currency: 'EUR' }, requestType: true });
  });

  it('shows none for a covered request, nor for a customer without a contract', async () => {
    const h = await createHarness(undefined, { database: withoutPrinting() });
    expect((await panelOf(h, await raise(h, 'alice', 'email'))).outOfContract).toBeNull();
    const hooli = await panelOf(h, await raise(h, 'henk', 'printer'));
    expect(hooli.state).toBe('uncovered');
    expect(hooli.outOfContract).toBeNull();
  });
});
