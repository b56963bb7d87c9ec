/**
 * Issue 13.1 with issue 11's tracked promises: the portal's request panel, through the real portal
 * and panel resolvers against the Jira emulator, says "Running late: our new estimate is …" once an
 * agent told the customer a new time in a reply — in English and in Dutch — keeps the old wording
 * while no promise was made, and drops the estimate once the promised time passed (even before the
 * sweep re-evaluated the stored clock).
 */
import type { Envelope } from '../../src/contract/envelope';
import { portalRequestViewSchema, type CustomerExpectation } from '../../src/contract/portal-api';
import { panelViewSchema } from '../../src/contract/panel-api';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createPortalResolver } from '../../src/entry/portal-resolver';
import { createTranslator } from '../../src/i18n/messages';
import { formatCustomerInstant, wordExpectation } from '../../static/portal/src/customer-words';
import { portalMessages } from '../../static/portal/src/messages';
import { createHarness, type Harness } from './app-harness';
import { deliverAll, issueIdOf, raise, storedClockOf } from './clock-helpers';

async function panelCall(h: Harness, key: string, functionKey: string, payload: unknown): Promise<Envelope<unknown>> {
  const answer: unknown = await createPanelResolver(h.deps)(
    { call: { functionKey, payload }, context: { moduleKey: 'contract-clock-panel', extension: { type: 'jira:issuePanel', issue: { id: issueIdOf(h, key), key } } } },
    { principal: { accountId: h.site.users.sanne.accountId } } as never,
  );
  return answer as Envelope<unknown>;
}

/** "Your agreement" as Alice, the customer who raised the request, sees its resolution. */
async function resolutionForAlice(h: Harness, key: string): Promise<CustomerExpectation | null> {
  const answer = (await createPortalResolver(h.deps)(
    {
      call: { functionKey: 'portal/request', payload: {} },
      context: {
        moduleKey: 'contract-clock-portal',
        extension: { type: 'jiraServiceManagement:portalRequestDetailPanel', request: { key, typeId: 10 }, portal: { id: 1 } },
        accountType: 'customer',
        timezone: 'Europe/Amsterdam',
      },
    },
    { principal: { accountId: h.site.users.alice.accountId } } as never,
  )) as Envelope<unknown>;
  if (!answer.ok) throw new Error(`portal/request failed: ${JSON.stringify(answer)}`);
  const view = portalRequestViewSchema.parse(answer.data);
  expect(view).toMatchObject({ status: 'tracked', timeZone: 'Europe/Amsterdam' });
  return view.resolution;
}

/** An instant as the portal words it for a customer in Amsterdam, on `now`. */
function instant(iso: string, locale: string, now: Date): string {
  return formatCustomerInstant(iso, 'Europe/Amsterdam', createTranslator(portalMessages, locale).locale, now);
}

/** The sentence the portal panel shows for the resolution, in `locale`, as on `now`. */
function sentence(expectation: CustomerExpectation | null, locale: string, now: Date): string {
  if (expectation === null) throw new Error('no resolution expectation');
  const { t, locale: intlLocale } = createTranslator(portalMessages, locale);
  return wordExpectation(t, 'resolution', expectation, (iso) => instant(iso, intlLocale, now));
}

/**
 * Alice (Acme, Gold e-mail, P3: 16 business hours in Amsterdam office hours 08:30–17:30) raises a
 * request on Monday 5 October 2026 09:30: due Tuesday 16:30. On Wednesday 10:00 it is breached.
 */
async function breachedRequest(h: Harness): Promise<string> {
  const key = raise(h, 'alice', 'email');
  await deliverAll(h);
  h.clock.now = new Date('2026-10-07T08:00:00Z');
  await h.sweep();
  return key;
}

describe('the portal request panel with a promise to the customer (issues 13.1 and 11.3)', () => {
  it('says running late with the old wording while no new time was told', async () => {
    const h = await createHarness();
    const key = await breachedRequest(h);
    expect((await storedClockOf(h, key)).record.promise).toBeNull();
    const resolution = await resolutionForAlice(h, key);
    expect(resolution).toEqual({ kind: 'running-late', expectedBy: '2026-10-06T14:30:00.000Z', estimate: null });
    // (ICU versions join weekday, date and time differently: "6 October, 16:30" or "6 October at 16:30")
    const tuesday = { en: instant('2026-10-06T14:30:00.000Z', 'en-GB', h.clock.now), nl: instant('2026-10-06T14:30:00.000Z', 'nl-NL', h.clock.now) };
    expect(tuesday.en).toMatch(/^Tuesday 6 October\D+16:30$/);
    expect(tuesday.nl).toMatch(/^dinsdag 6 oktober\D+16:30$/);
    expect(sentence(resolution, 'en-GB', h.clock.now)).toBe(`Running late: we expected to resolve this by ${tuesday.en}. We will tell you our new estimate.`);
    expect(sentence(resolution, 'nl-NL', h.clock.now)).toBe(
      `Later dan verwacht: we verwachtten dit uiterlijk ${tuesday.nl} op te lossen. We laten u weten wanneer we het nu verwachten.`,
    );
  });

  it('shows the new estimate an agent told in a reply, in English and Dutch, until the promised time passed', async () => {
    const h = await createHarness();
    const key = await breachedRequest(h);
    const got = await panelCall(h, key, 'panel/get', {});
    if (!got.ok) throw new Error(`panel/get failed: ${JSON.stringify(got)}`);
    const { revision } = panelViewSchema.parse(got.data);
    const posted = await panelCall(h, key, 'panel/post-message', {
      issueKey: key,
      revision,
      body: 'We now expect to resolve this by 16:00 today.',
      visibility: 'public',
      promise: { expectedAt: '2026-10-07T14:00:00.000Z', basis: 'date-time' },
    });
    expect(posted).toMatchObject({ ok: true, data: { promised: '2026-10-07T14:00:00.000Z' } });
    await deliverAll(h);
    expect((await storedClockOf(h, key)).record.promise).toMatchObject({ state: 'pending', expectedAt: '2026-10-07T14:00:00.000Z' });

    const resolution = await resolutionForAlice(h, key);
    expect(resolution).toEqual({ kind: 'running-late', expectedBy: '2026-10-06T14:30:00.000Z', estimate: '2026-10-07T14:00:00.000Z' });
    const wednesday = { en: instant('2026-10-07T14:00:00.000Z', 'en-GB', h.clock.now), nl: instant('2026-10-07T14:00:00.000Z', 'nl-NL', h.clock.now) };
    expect(wednesday.en).toMatch(/^Wednesday 7 October\D+16:00$/);
    expect(wednesday.nl).toMatch(/^woensdag 7 oktober\D+16:00$/);
    expect(sentence(resolution, 'en-GB', h.clock.now)).toBe(`Running late: our new estimate is ${wednesday.en}`);
    expect(sentence(resolution, 'nl-NL', h.clock.now)).toBe(`Later dan verwacht: we verwachten het nu uiterlijk ${wednesday.nl} op te lossen`);

    // 16:05, before any sweep or event re-evaluated the stored clock: the stored promise still says
    // pending, but a time already gone is no estimate any more.
    h.clock.now = new Date('2026-10-07T14:05:00Z');
    expect((await storedClockOf(h, key)).record.promise?.state).toBe('pending');
    const lapsed = await resolutionForAlice(h, key);
    expect(lapsed).toEqual({ kind: 'running-late', expectedBy: '2026-10-06T14:30:00.000Z', estimate: null });
    expect(sentence(lapsed, 'en-GB', h.clock.now)).toBe(
      `Running late: we expected to resolve this by ${instant('2026-10-06T14:30:00.000Z', 'en-GB', h.clock.now)}. We will tell you our new estimate.`,
    );
  });
});
