/**
 * The Forge payload schemas (src/contract/forge-events.ts) against Atlassian-shaped examples:
 * documented payloads parse to what the handlers read; malformed ones fail naming the field.
 */
import { z } from 'zod';
import {
  forgeInvocationContextSchema,
  issueCommentedEventSchema,
  issueCreatedEventSchema,
  issueUpdatedEventSchema,
  queueConsumerEventSchema,
  queueResolverRequestSchema,
  resolverContextSchema,
  scheduledTriggerEventSchema,
} from '../../../src/contract/forge-events';
import { REMOVE, editJson, fixtureJson } from './fake-transport';

const CUSTOMER = 'qm:1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d:6e7f8a9b-0c1d-4e2f-a3b4-c5d6e7f8a9b0';
const AGENT = '5b10a2844c20165700ede21g';

function issuePaths(result: { success: boolean; error?: z.ZodError }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.'));
}

describe('product events', () => {
  it('parses avi:jira:created:issue', () => {
    const event = issueCreatedEventSchema.parse(fixtureJson('event-issue-created.json'));
    expect(event.issue.id).toBe('10042');
    expect(event.issue.key).toBe('SD-42');
    expect(event.issue.fields?.status?.id).toBe('10001');
    expect(event.atlassianId).toBe(CUSTOMER);
    expect(event.associatedUsers).toEqual([{ accountId: CUSTOMER }]);
    // Jira documents no `selfGenerated` flag; the schema keeps nothing the app could rely on
    expect('selfGenerated' in event).toBe(false);
  });

  it('parses avi:jira:updated:issue with its changelog items', () => {
    const event = issueUpdatedEventSchema.parse(fixtureJson('event-issue-updated.json'));
    expect(event.changelog?.id).toBe('10301');
    expect(event.changelog?.items).toEqual([
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10001', fromString: 'Waiting for support', to: '10002', toString: 'Waiting for customer' },
      { field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: '', to: null, toString: 'vip' },
    ]);
    expect(event.atlassianId).toBe(AGENT);
  });

  it('accepts a changelog item without toString (not Object.prototype.toString)', () => {
    const payload = editJson(fixtureJson('event-issue-updated.json'), ['changelog', 'items'], [
      { field: 'status', fieldId: 'status', from: '1', to: '2' },
    ]);
    const event = issueUpdatedEventSchema.parse(payload);
    expect(event.changelog?.items[0]).toEqual({ field: 'status', fieldId: 'status', from: '1', fromString: null, to: '2', toString: null });
  });

  it('accepts associatedUsers in the type-reference form { associatedUsers: [...] }', () => {
    const payload = editJson(fixtureJson('event-issue-created.json'), ['associatedUsers'], { associatedUsers: [{ accountId: AGENT }] });
    expect(issueCreatedEventSchema.parse(payload).associatedUsers).toEqual([{ accountId: AGENT }]);
  });

  it('accepts an older payload without eventType, but not another event type', () => {
    const created = fixtureJson('event-issue-created.json');
    expect(issueCreatedEventSchema.safeParse(editJson(created, ['eventType'], REMOVE)).success).toBe(true);
    const deleted = editJson(created, ['eventType'], 'avi:jira:deleted:issue');
    expect(issuePaths(issueCreatedEventSchema.safeParse(deleted))).toEqual(['eventType']);
  });

  it('parses avi:jira:commented:issue', () => {
    const event = issueCommentedEventSchema.parse(fixtureJson('event-issue-commented.json'));
    expect(event.comment).toEqual({
      id: '10120',
      author: { accountId: AGENT },
      updateAuthor: { accountId: AGENT },
      created: '2026-03-02T10:05:00.000+0100',
      updated: '2026-03-02T10:05:00.000+0100',
      jsdPublic: true,
    });
  });

  it.each([
    ['issue without key', ['issue', 'key'], REMOVE, 'issue.key'],
    ['issue key instead of numeric id', ['issue', 'id'], 'SD-42', 'issue.id'],
    ['comment without id', ['comment', 'id'], REMOVE, 'comment.id'],
    ['associated user without accountId', ['associatedUsers'], [{}], 'associatedUsers'],
  ] as const)('rejects a commented event with %s, naming the field', (_case, path, replacement, field) => {
    const payload = editJson(fixtureJson('event-issue-commented.json'), path, replacement);
    const paths = issuePaths(issueCommentedEventSchema.safeParse(payload));
    expect(paths[0]?.startsWith(field)).toBe(true);
  });

  it('rejects an updated event whose changelog items are not a list', () => {
    const payload = editJson(fixtureJson('event-issue-updated.json'), ['changelog', 'items'], 'status');
    expect(issuePaths(issueUpdatedEventSchema.safeParse(payload))).toEqual(['changelog.items']);
  });
});

describe('scheduled trigger, queue, contexts', () => {
  it('parses the scheduled trigger request', () => {
    expect(scheduledTriggerEventSchema.parse(fixtureJson('scheduled-trigger.json')).context).toEqual({
      cloudId: '4f6d9508-93c9-4c2e-abd7-916c34920012',
      moduleKey: 'contract-clock-sweep',
    });
  });

  it('parses the invocation context', () => {
    const context = forgeInvocationContextSchema.parse(fixtureJson('invocation-context.json'));
    expect(context.installContext).toBe('ari:cloud:jira::site/4f6d9508-93c9-4c2e-abd7-916c34920012');
    expect(context.principal).toEqual({ accountId: AGENT });
  });

  const body = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), customerId: z.string() });

  it('parses a queue consumer event with its body schema', () => {
    const event = queueConsumerEventSchema(body).parse(fixtureJson('queue-event.json'));
    expect(event.body).toEqual({ month: '2026-03', customerId: 'acme' });
    expect(event.retryContext?.retryCount).toBe(1);
  });

  it('names a bad field of the queue body', () => {
    const payload = editJson(fixtureJson('queue-event.json'), ['body', 'month'], 'March');
    expect(issuePaths(queueConsumerEventSchema(body).safeParse(payload))).toEqual(['body.month']);
  });

  it.each([
    ['the pushed body itself', { month: '2026-03', customerId: 'acme' }],
    ['a whole AsyncEvent', fixtureJson('queue-event.json')],
  ])('reads a resolver-style consumer payload given as %s', (_case, payload) => {
    const request = queueResolverRequestSchema(body).parse({ payload, context: { jobId: 'job-1' } });
    expect(request.payload).toEqual({ month: '2026-03', customerId: 'acme' });
    expect(request.context.jobId).toBe('job-1');
  });

  it('parses the resolver context of the issue panel', () => {
    const context = resolverContextSchema.parse(fixtureJson('resolver-context-issue-panel.json'));
    expect(context.accountId).toBe(AGENT);
    expect(context.moduleKey).toBe('contract-clock-panel');
    expect(context.extension.type).toBe('jira:issuePanel');
    expect(context.extension.issue).toEqual({ id: '10042', key: 'SD-42', type: 'Service Request', typeId: '10004' });
    expect(context.extension.project).toEqual({ id: '10000', key: 'SD', type: 'service_desk' });
    expect(context.siteUrl).toBe('https://your-domain.atlassian.net');
    expect(context.locale).toBe('nl-NL');
    expect(context.timezone).toBe('Europe/Amsterdam');
  });

  it('parses a portal request context and an admin page context', () => {
    // Forge documents request.typeId and portal.id of portal modules as numbers.
    const portal = resolverContextSchema.parse({
      moduleKey: 'contract-clock-portal-request',
      accountType: 'customer',
      extension: { type: 'jiraServiceManagement:portalRequestDetailPanel', request: { key: 'SD-42', typeId: 12 }, portal: { id: 1 } },
    });
    expect(portal.accountId).toBeUndefined();
    expect(portal.accountType).toBe('customer');
    expect(portal.extension.request).toEqual({ key: 'SD-42', typeId: '12' });
    expect(portal.extension.portal).toEqual({ id: '1' });
    const admin = resolverContextSchema.parse({ accountId: AGENT, moduleKey: 'contract-clock-admin', extension: { type: 'jira:adminPage' } });
    expect(admin.extension.issue).toBeUndefined();
  });

  it('rejects a resolver context whose issue has no key', () => {
    const context = editJson(fixtureJson('resolver-context-issue-panel.json'), ['extension', 'issue', 'key'], REMOVE);
    expect(issuePaths(resolverContextSchema.safeParse(context))).toEqual(['extension.issue.key']);
  });
});
