/**
 * Issue 13 in a real browser through the sandbox: the customer portal's two panels as each demo
 * customer sees them — "Your agreement" on a request they raised and "My contract" on their profile
 * page — for a customer of every demo organization (Acme in Dutch with prices; Globex, Initech,
 * Umbrella and Stark in English; Wayne's expired contract; Hooli without one), the wording as the
 * request goes late (with the new estimate an agent told), waits for the customer and is resolved, both panels in Dutch and English at 360 px
 * and 1024 px in the light and the dark theme (no sideways scrolling),
 * and a customer trying another organization's request (the portal refuses the page, the resolver
 * refuses a forged call). Every test leaves a screenshot under test-results/screenshots/.
 *
 * The demo starts Monday 5 October 2026 09:30 in Amsterdam with the clock frozen.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import type { UserRecord } from '../../sandbox/jira/jira-state';
import { saveScreenshot, type E2eBrowser } from './support/browser';
import { actAs, normalizeText, openPage } from './support/host-pages';
import { dayMs, priorityIds, transitionIds, type E2eSandbox, type RaiseInput } from './support/sandbox';
import { useSandboxAndBrowser } from './support/session';

jest.setTimeout(120_000);

const session = useSandboxAndBrowser();
let page: Page | null = null;

function started(): { sbx: E2eSandbox; browser: E2eBrowser; page: Page } {
  const { sbx, browser } = session();
  if (page === null) throw new Error('beforeEach did not open a page.');
  return { sbx, browser, page };
}

beforeEach(async () => {
  const { sbx, browser } = session();
  await sbx.reset();
  await browser.context.clearCookies();
  page = await openPage(browser.context);
});

afterEach(async () => {
  await page?.close();
  page = null;
});

/** A demo user by e-mail (sandbox/jira/jira-seed.ts). */
function user(email: string): UserRecord {
  const found = session().sbx.sandbox.model().findUserByEmail(email);
  if (found === undefined) throw new Error(`The demo has no user ${email}.`);
  return found;
}

const requestFrame = (p: Page): FrameLocator => p.frameLocator('iframe[title="Your agreement"]');
const profileFrame = (p: Page): FrameLocator => p.frameLocator('iframe[title="My contract"]');

interface AgreementSnapshot {
  status: string | null;
  service: string | null;
  level: string | null;
  contract: string | null;
  resolution: string | null;
  resolutionKind: string | null;
  resolutionOtherZone: string | null;
  response: string | null;
  text: string;
}

async function optional(frame: FrameLocator, testId: string): Promise<string | null> {
  const locator = frame.getByTestId(testId);
  return (await locator.count()) === 0 ? null : normalizeText(await locator.innerText());
}

/** Opens a request in the portal as the current user and reads "Your agreement" once it loaded. */
async function openAgreement(issueKey: string): Promise<AgreementSnapshot> {
  const { sbx, page } = started();
  await page.goto(`${sbx.url}/portal/${issueKey}`);
  const frame = requestFrame(page);
  await frame.locator('[data-testid="portal-request"]:not([data-status="loading"])').waitFor({ timeout: 30_000 });
  const root = frame.getByTestId('portal-request');
  const resolution = frame.getByTestId('portal-resolution');
  return {
    status: await root.getAttribute('data-status'),
    service: await optional(frame, 'portal-service'),
    level: await optional(frame, 'portal-level'),
    contract: await optional(frame, 'portal-contract-name'),
    resolution: await optional(frame, 'portal-resolution-text'),
    resolutionKind: (await resolution.count()) === 0 ? null : await resolution.getAttribute('data-kind'),
    resolutionOtherZone: await optional(frame, 'portal-resolution-other-zone'),
    response: await optional(frame, 'portal-response-text'),
    text: normalizeText(await root.innerText()),
  };
}

/** Opens "My contract" as the current user and answers its text once it loaded. */
async function openMyContract(): Promise<{ frame: FrameLocator; text: string }> {
  const { sbx, page } = started();
  await page.goto(`${sbx.url}/portal/profile`);
  const frame = profileFrame(page);
  await frame.locator('[data-testid="portal-my-contract"]:not([data-status="loading"])').waitFor({ timeout: 30_000 });
  return { frame, text: normalizeText(await frame.getByTestId('portal-my-contract').innerText()) };
}

const email = (summary: string, priorityId = priorityIds.highest): RaiseInput => ({ requestType: 'E-mail problem', summary, priorityId });

/** Moves a request through the workflow as an agent (Jira REST, HTTP Basic), then lets the app settle. */
async function transition(issueKey: string, transitionId: string): Promise<void> {
  const { sbx } = started();
  const response = await fetch(`${sbx.url}/rest/api/3/issue/${issueKey}/transitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('sanne@polder-it.example:e2e').toString('base64')}` },
    body: JSON.stringify({ transition: { id: transitionId } }),
  });
  expect(response.status).toBe(204);
  await fetch(`${sbx.url}/sandbox/api/settle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}

describe('a customer of each demo organization', () => {
  it.each([
    {
      who: 'alice@acme.example',
      shot: 'acme-nl',
      // Alice reads Dutch; Acme shows its prices: Gold e-mail, 4 business hours for Highest
      agreement: { status: 'tracked', service: 'E-mail', level: 'Gold', contract: 'Acme Logistics managed services 2026', resolution: /^We verwachten dit uiterlijk maandag 5 oktober om 13:30 op te lossen$/ },
      contract: [/Acme Logistics managed services 2026/, /Van kracht/, /Opzeggen uiterlijk 31 oktober 2026/, /Totaal per maand € 1\.725,00/, /Op tijd in het vorige kwartaal/],
      notInContract: [/Globex/],
    },
    {
      who: 'grace@globex.example',
      shot: 'globex-en',
      // New York office hours 09:00–18:00; 03:30 in New York: the four hours start at 09:00
      agreement: { status: 'tracked', service: 'E-mail', level: 'Gold (New York)', contract: 'Globex Retail — US support', resolution: /^We expect to resolve this by Monday, October 5 at 01:00 PM$/ },
      contract: [/Globex Retail — US support/, /In force/, /Notice of termination by November 30, 2026/, /New York office hours/],
      notInContract: [/\$/, /Monthly prices/, /Acme/],
    },
    {
      who: 'ian@initech.example',
      shot: 'initech-en',
      agreement: { status: 'tracked', service: 'E-mail', level: 'Silver', contract: 'Initech Finance IT support', resolution: /^We expect to resolve this by Monday, October 5 at 04:30 PM$/ },
      contract: [/Initech Finance IT support/, /Amsterdam office hours/],
      notInContract: [/Monthly prices/],
    },
    {
      who: 'uma@umbrella.example',
      shot: 'umbrella-en',
      agreement: { status: 'tracked', service: 'E-mail', level: 'Gold', contract: 'Umbrella Health — maatwerk', resolution: /^We expect to resolve this by Monday, October 5 at 01:30 PM$/ },
      contract: [/Umbrella Health — maatwerk/, /agreed specially for you/, /24x7/],
      notInContract: [/Monthly prices/],
    },
    {
      who: 'sam@stark.example',
      shot: 'stark-en',
      agreement: { status: 'tracked', service: 'E-mail', level: 'Bronze', contract: 'Stark Manufacturing — basis', resolution: /^We expect to resolve this by Tuesday, October 6 at 04:30 PM$/ },
      contract: [/Stark Manufacturing — basis/, /3 services/],
      notInContract: [/Network/],
    },
    {
      who: 'wendy@wayne.example',
      shot: 'wayne-expired-en',
      agreement: { status: 'not-covered', service: null, level: null, contract: null, resolution: null },
      notCoveredBecause: /No contract covers this request, so there is no agreed resolution time\. The contract had ended before the request was raised\./,
      contract: [/Wayne Foundation 2025–2026/, /Ended August 31, 2026/, /This contract ended on August 31, 2026/],
      notInContract: [/Business hours/],
    },
    {
      who: 'henk@hooli.example',
      shot: 'hooli-no-contract-en',
      agreement: { status: 'not-covered', service: null, level: null, contract: null, resolution: null },
      notCoveredBecause: /No contract covers this request, so there is no agreed resolution time\. The organization of this request has no service contract with us\./,
      contract: [/Hooli Labs has no service contract with us/],
      notInContract: [/In force/],
    },
  ] as { who: string; shot: string; agreement: { status: string; service: string | null; level: string | null; contract: string | null; resolution: RegExp | null }; notCoveredBecause?: RegExp; contract: RegExp[]; notInContract: RegExp[] }[])('$who sees the agreement of their new request and their own contract', async ({ who, shot, agreement, notCoveredBecause, contract, notInContract }) => {
    const { sbx, browser, page } = started();
    const customer = user(who);
    const key = await sbx.raiseRequest(customer, email(`Mailbox of ${customer.displayName} is full`));
    await actAs(browser.context, sbx.url, customer);

    const seen = await openAgreement(key);
    expect({ ...seen, resolution: null, text: null, resolutionKind: null, resolutionOtherZone: null, response: null }).toEqual({
      ...agreement,
      resolution: null,
      text: null,
      resolutionKind: null,
      resolutionOtherZone: null,
      response: null,
    });
    if (agreement.resolution === null) expect(seen.resolution).toBeNull();
    else expect(seen.resolution).toMatch(agreement.resolution);
    if (agreement.status === 'not-covered') expect(seen.text).toMatch(notCoveredBecause ?? /^$/);
    await saveScreenshot(page, `portal-request-${shot}`);

    // The panel's link opens My contract on the profile page.
    await requestFrame(page).getByTestId('portal-my-contract-link').click();
    await page.waitForURL(/\/portal\/profile$/);
    const mine = await openMyContract();
    for (const expected of contract) expect(mine.text).toMatch(expected);
    for (const unexpected of notInContract) expect(mine.text).not.toMatch(unexpected);
    await saveScreenshot(page, `portal-my-contract-${shot}`);
  });

  it('shows a customer in London the time in their zone and in the zone of the business hours', async () => {
    const { sbx, browser, page } = started();
    const ian = user('ian@initech.example');
    const key = await sbx.raiseRequest(ian, email('VPN for the auditors'));
    await actAs(browser.context, sbx.url, ian);
    const seen = await openAgreement(key);
    expect(seen.resolution).toBe('We expect to resolve this by Monday, October 5 at 04:30 PM');
    expect(seen.resolutionOtherZone).toBe('Monday, October 5 at 05:30 PM in Europe/Amsterdam, the time zone of our business hours');
    expect(seen.text).toMatch(/Your time zone: Europe\/London/);
    await saveScreenshot(page, 'portal-request-two-zones');
  });
});

it('words the resolution as the request goes late, waits for the customer and is resolved', async () => {
  const { sbx, browser, page } = started();
  const grace = user('grace@globex.example');
  const key = await sbx.raiseRequest(grace, email('Point of sale cannot send receipts'));
  await actAs(browser.context, sbx.url, grace);
  expect((await openAgreement(key)).resolutionKind).toBe('expected');

  await sbx.advanceClock(dayMs);
  const late = await openAgreement(key);
  expect(late.resolutionKind).toBe('running-late');
  expect(late.resolution).toBe('Running late: we expected to resolve this by Monday, October 5 at 01:00 PM. We will tell you our new estimate.');
  expect(late.response).toBe('Our first response is late: we expected to respond by Monday, October 5 at 09:30 AM.');
  await saveScreenshot(page, 'portal-request-running-late');

  await transition(key, transitionIds.waitForCustomer);
  const waiting = await openAgreement(key);
  expect(waiting.resolution).toBe('On hold while we wait for your reply');
  await saveScreenshot(page, 'portal-request-waiting-for-you');

  await transition(key, transitionIds.respondToCustomer);
  await transition(key, transitionIds.resolve);
  const resolved = await openAgreement(key);
  expect(resolved.resolutionKind).toBe('done-late');
  expect(resolved.resolution).toBe('Resolved Tuesday, October 6 at 03:30 AM, later than we expected');
  await saveScreenshot(page, 'portal-request-resolved-late');
});

/** Calls a resolver of the agent's issue panel as Sanne, through the sandbox's bridge endpoint. */
async function asSanneInPanel(issueKey: string, functionKey: string, payload: unknown): Promise<unknown> {
  const { sbx } = started();
  const sanne = user('sanne@polder-it.example');
  const answer = await fetch(`${sbx.url}/sandbox/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(sanne.accountId)}` },
    body: JSON.stringify({ frame: { moduleKey: 'contract-clock-panel', issueKey }, functionKey, payload }),
  });
  return z.object({ ok: z.literal(true), value: z.unknown() }).parse(await answer.json()).value;
}

it("shows the new estimate an agent told the customer once the request runs late (issue 11's tracked promise)", async () => {
  const { sbx, browser, page } = started();
  const grace = user('grace@globex.example');
  const key = await sbx.raiseRequest(grace, email('Receipts printer mailbox'));
  await sbx.advanceClock(dayMs);

  // Sanne tells Grace a new time in a reply from the agent panel: Tuesday 10:00 in New York.
  const view = z.object({ ok: z.literal(true), data: z.object({ revision: z.number() }) }).parse(await asSanneInPanel(key, 'panel/get', {}));
  const posted = await asSanneInPanel(key, 'panel/post-message', {
    issueKey: key,
    revision: view.data.revision,
    body: 'Sorry for the delay: we now expect to resolve this by 10:00 this morning.',
    visibility: 'public',
    promise: { expectedAt: '2026-10-06T14:00:00.000Z', basis: 'date-time' },
  });
  expect(posted).toMatchObject({ ok: true, data: { promised: '2026-10-06T14:00:00.000Z' } });
  await fetch(`${sbx.url}/sandbox/api/settle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

  await actAs(browser.context, sbx.url, grace);
  const promised = await openAgreement(key);
  expect(promised.resolutionKind).toBe('running-late');
  expect(promised.resolution).toBe('Running late: our new estimate is Tuesday, October 6 at 10:00 AM');
  await saveScreenshot(page, 'portal-request-new-estimate');
});

/** The Forge frame of a portal panel, to run layout checks inside it. */
async function panelFrame(p: Page, title: string): Promise<Frame> {
  const handle = await p.locator(`iframe[title="${title}"]`).elementHandle();
  const frame = await handle.contentFrame();
  if (frame === null) throw new Error(`The page has no "${title}" frame.`);
  return frame;
}

// Browser code as strings: the Node type-check knows no DOM.
const widthsSchema = z.object({ scroll: z.number(), client: z.number(), colorMode: z.string().nullable() });
const measureWidths = '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, colorMode: document.documentElement.getAttribute("data-color-mode") })';

/** Neither the page nor the panel scrolls sideways, and the panel wears the chosen theme. */
async function expectFitsAndThemed(p: Page, title: string, width: number, theme: 'light' | 'dark'): Promise<void> {
  const inFrame = widthsSchema.parse(await (await panelFrame(p, title)).evaluate(measureWidths));
  expect(inFrame.scroll).toBeLessThanOrEqual(inFrame.client);
  expect(inFrame.colorMode).toBe(theme);
  const onPage = widthsSchema.parse(await p.evaluate(measureWidths));
  expect(onPage.scroll).toBeLessThanOrEqual(width);
}

describe('both languages on a phone (360 px) and a small laptop (1024 px), light and dark', () => {
  it.each([
    {
      who: 'alice@acme.example',
      language: 'nl',
      words: { agreement: /We verwachten dit uiterlijk .* op te lossen/, contract: /Acme Logistics managed services 2026/, contractPage: /Van kracht/ },
      views: [
        { width: 360, theme: 'dark' },
        { width: 1024, theme: 'light' },
      ],
    },
    {
      who: 'grace@globex.example',
      language: 'en',
      words: { agreement: /We expect to resolve this by/, contract: /Globex Retail — US support/, contractPage: /In force/ },
      views: [
        { width: 360, theme: 'light' },
        { width: 1024, theme: 'dark' },
      ],
    },
  ] as { who: string; language: string; words: { agreement: RegExp; contract: RegExp; contractPage: RegExp }; views: { width: number; theme: 'light' | 'dark' }[] }[])(
    '$who reads both panels in $language without sideways scrolling',
    async ({ who, language, words, views }) => {
      const { sbx, browser, page } = started();
      const customer = user(who);
      const key = await sbx.raiseRequest(customer, email(`Shared mailbox of ${customer.displayName} rejects mail`));
      await actAs(browser.context, sbx.url, customer);
      for (const { width, theme } of views) {
        await browser.context.addCookies([{ name: 'sandbox-theme', value: theme, url: sbx.url }]);
        await page.setViewportSize({ width, height: 800 });

        const seen = await openAgreement(key);
        expect(seen.status).toBe('tracked');
        expect(seen.text).toMatch(words.agreement);
        await expectFitsAndThemed(page, 'Your agreement', width, theme);
        await saveScreenshot(page, `portal-request-${language}-${width}-${theme}`);

        const mine = await openMyContract();
        expect(mine.text).toMatch(words.contract);
        expect(mine.text).toMatch(words.contractPage);
        await expectFitsAndThemed(page, 'My contract', width, theme);
        await saveScreenshot(page, `portal-my-contract-${language}-${width}-${theme}`);
      }
    },
  );
});

it("refuses a customer another organization's request: the portal shows no such request, the resolver answers a forged call with nothing", async () => {
  const { sbx, browser, page } = started();
  const alice = user('alice@acme.example');
  const grace = user('grace@globex.example');
  const acmeKey = await sbx.raiseRequest(alice, email('Acme payroll mailbox'));
  await actAs(browser.context, sbx.url, grace);
  await page.goto(`${sbx.url}/portal/${acmeKey}`);
  expect(normalizeText(await page.getByTestId('message').innerText())).toMatch(/does not exist or you do not have permission to see it/);
  expect(await page.locator('iframe[title="Your agreement"]').count()).toBe(0);
  await saveScreenshot(page, 'portal-request-other-organization');

  // The request panel's resolver, called by Grace with Acme's request in the frame: the same refusal.
  const answer = await fetch(`${sbx.url}/sandbox/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(grace.accountId)}` },
    body: JSON.stringify({ frame: { moduleKey: 'contract-clock-portal-request', issueKey: acmeKey }, functionKey: 'portal/request', payload: {} }),
  });
  const body = z.object({ ok: z.literal(true), value: z.unknown() }).parse(await answer.json());
  expect(body.value).toEqual({ ok: false, error: { code: 'forbidden', message: 'You cannot see this request.' } });
});
