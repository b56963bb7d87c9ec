/**
 * Whose language a text is in (issue 11 §6), through the real panel resolver and sweep against the
 * Jira emulator: the panel's explanation, history and units follow the agent reading it; the "tell
 * the customer" drafts follow the customer's Jira locale (read as the app with GET /user), or the
 * agent's when Jira hides it, and say which; the sweep's internal note and notification follow the
 * assignee. In the seeded site Alice reads Dutch, Bob hides his locale, Grace reads English; Sanne
 * is a Dutch agent and Tom an English one.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import { clockRecordSchema } from '../../src/contract/clock-record';
import type { Envelope } from '../../src/contract/envelope';
import { panelViewSchema, type PanelView } from '../../src/contract/panel-api';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { adfToText } from '../../sandbox/jira/jira-adf';
import { createHarness, type Harness } from './app-harness';
import { clockNotifications } from './clock-helpers';

type Person = keyof Harness['site']['users'];

async function raiseEmail(h: Harness, customer: Person): Promise<{ key: string; id: string }> {
  const issue = h.model.createRequest(h.site.users[customer].accountId, {
    serviceDeskId: h.site.serviceDesk.id,
    requestTypeId: h.site.requestTypes.email.id,
    summary: 'Mailbox full',
  });
  for (const event of h.events.splice(0)) if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
  return { key: issue.key, id: issue.id };
}

async function panelOf(h: Harness, issue: { key: string; id: string }, agent: Person): Promise<PanelView> {
  const answer: unknown = await createPanelResolver(h.deps)(
    { call: { functionKey: 'panel/get', payload: {} }, context: { moduleKey: 'contract-clock', extension: { type: 'jira:issuePanel', issue } } },
    { principal: { accountId: h.site.users[agent].accountId } } as never,
  );
  const envelope = answer as Envelope<unknown>;
  if (!envelope.ok) throw new Error(`panel/get failed: ${envelope.error.message}`);
  return panelViewSchema.parse(envelope.data);
}

describe('the panel', () => {
  it('explains the terms in the agent’s language and units', async () => {
    const h = await createHarness();
    const issue = await raiseEmail(h, 'alice');
    const dutch = await panelOf(h, issue, 'sanne');
    const english = await panelOf(h, issue, 'tom');
    const because = (view: PanelView, kind: string) => view.explanation.find((step) => step.kind === kind)?.because;
    expect(because(dutch, 'service')).toBe("aanvraagtype 'E-mail problem'");
    expect(because(english, 'service')).toBe("request type 'E-mail problem'");
    expect(dutch.explanation.find((step) => step.kind === 'target')?.value).toBe('16 u');
    expect(english.explanation.find((step) => step.kind === 'target')?.value).toBe('16 h');
    expect(because(dutch, 'target')).toBe('oplossen binnen 16 u, reageren binnen 4 u (werktijd)');
    // the history's first line is the terms in one line, in the reader's words
    expect(dutch.history.at(-1)).toMatchObject({ kind: 'created', detail: expect.stringContaining('→ 16 u →') });
    expect(english.history.at(-1)).toMatchObject({ kind: 'created', detail: expect.stringContaining('→ 16 h →') });
  });

  it.each<[string, Person, Person, PanelView['drafts']['language'], PanelView['drafts']['languageOf'], RegExp]>([
    ['a Dutch customer, an English agent: Dutch', 'alice', 'tom', 'nl', 'customer', /^We verwachten uw verzoek uiterlijk \S+ \d+ oktober 2026/],
    ['a Dutch customer, a Dutch agent: Dutch', 'alice', 'sanne', 'nl', 'customer', /^We verwachten uw verzoek uiterlijk/],
    ['an English customer, a Dutch agent: English', 'grace', 'sanne', 'en', 'customer', /^We expect to resolve your request by Tuesday, October 6, 2026 at 4:00 PM \(America\/New_York\), as agreed in your Gold/],
    ['a hidden locale, an English agent: the agent’s English', 'bob', 'tom', 'en', 'agent', /^We expect to resolve your request by/],
    ['a hidden locale, a Dutch agent: the agent’s Dutch', 'bob', 'sanne', 'nl', 'agent', /^We verwachten uw verzoek uiterlijk/],
  ])('writes the drafts in the customer’s language: %s', async (_name, customer, agent, language, languageOf, draft) => {
    const h = await createHarness();
    const issue = await raiseEmail(h, customer);
    h.reset();
    const view = await panelOf(h, issue, agent);
    expect(view.drafts).toMatchObject({ language, languageOf });
    expect(view.drafts.expected).toMatch(draft);
    // the customer's locale is read as the app, once
    expect(h.jiraCalls.filter((call) => call === 'GET /rest/api/3/user')).toHaveLength(1);
  });
});

describe('the sweep', () => {
  it('writes its internal note and notification in the assignee’s language, English when unassigned', async () => {
    const h = await createHarness();
    const issue = await raiseEmail(h, 'alice');
    h.model.setPriority(h.site.users.sanne.accountId, issue.key, 'Highest');
    for (const event of h.events.splice(0)) if (event.eventType === 'avi:jira:updated:issue') await createOnIssueUpdated(h.deps)(event);
    const record = () => clockRecordSchema.parse(h.model.findIssue(issue.key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
    const deadline = Date.parse(record().deadline ?? '');
    // one sweep cycle as Forge runs it: the scheduled trigger, then the queue consumer
    const sweep = () => h.sweep();
    const notes = () => (h.model.findIssue(issue.key)?.comments ?? []).filter((c) => c.authorId === h.model.appUser().accountId).map((c) => adfToText(c.body));
    const subjects = () => clockNotifications(h, issue.key).map((n) => n.subject);

    h.clock.now = new Date(deadline - 30 * 60_000);
    await sweep();
    expect(notes()).toEqual([
      expect.stringMatching(/^Contract Clock: this request turned at risk at .+ \(Europe\/Amsterdam\); 75% of the resolution target was used then \(Gold, E-mail, P1: 4 h\)\. Deadline: .+ \(Europe\/Amsterdam\)\.$/),
    ]);
    expect(subjects()).toEqual([`${issue.key}: contract deadline at risk`]);

    h.model.assignIssue(h.site.users.admin.accountId, issue.key, h.site.users.sanne.accountId);
    h.clock.now = new Date(deadline + 60_000);
    await sweep();
    expect(notes()[1]).toMatch(/^Contract Clock: de oplosdeadline is verstreken op .+ \(Europe\/Amsterdam\); toen was 100% van de norm gebruikt \(Gold, E-mail, P1: 4 u\)\. Laat de klant weten/);
    expect(subjects()[1]).toBe(`${issue.key}: contractdeadline overschreden`);
  });
});
