/**
 * The Jira client against hand-made answers in the documented shapes (test/fixtures/jira/README.md): for every method the exact request
 * (method, path, query, body) and the parsed, mapped result; then error and malformed-body cases.
 */
import { NeedsAuthenticationError } from '@forge/api';
import { findFieldIds, type AppInstallation } from '../../../src/adapters/jira/app-fields';
import { createJiraClient, type JiraClient } from '../../../src/adapters/jira/jira-client';
import { jiraPath, type JiraResponse } from '../../../src/adapters/jira/jira-transport';
import { buildRequestUrl } from '../../../src/adapters/jira/fetch-transport';
import { USER_BULK_BATCH } from '../../../src/adapters/jira/users';
import { isJiraError, JiraError, type JiraFieldIds } from '../../../src/app/jira-ports';
import { jiraFieldListSchema } from '../../../src/contract/jira-api';
import { REMOVE, createFakeTransport, editJson, fixtureJson, noWait, respond, respondWithFixture } from './fake-transport';
import type { RecordedCall } from './fake-transport';

const FIELD_IDS: JiraFieldIds = {
  requestType: 'customfield_10010',
  organizations: 'customfield_10002',
  contractDeadline: 'customfield_10050',
};

/** The installation the fixtures' "Contract deadline" field belongs to (test/fixtures/jira/fields.json). */
const INSTALLATION: AppInstallation = {
  appId: '00000000-0000-4000-8000-000000000000',
  environmentId: '9b3f0f7e-4c41-4a7b-9a0e-2c8f3d1e5a60',
  environmentType: 'DEVELOPMENT',
};

function clientWith(script: readonly (JiraResponse | Error)[]): { jira: JiraClient; calls: RecordedCall[] } {
  const { transport, calls } = createFakeTransport(script);
  return { jira: createJiraClient({ transport, retry: { ...noWait, maxAttempts: 3 }, installation: () => INSTALLATION }), calls };
}

async function captureError(promise: Promise<unknown>): Promise<JiraError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JiraError) return error;
    throw error;
  }
  throw new Error('expected a JiraError, but the call succeeded');
}

describe('getIssue', () => {
  it('asks for exactly the fields, the contract-clock property and maps one issue into a snapshot', async () => {
    const { jira, calls } = clientWith([respondWithFixture('issue.json')]);

    const issue = await jira.getIssue('SD-42', { fieldIds: FIELD_IDS });

    expect(calls).toEqual([
      {
        method: 'GET',
        path: '/rest/api/3/issue/SD-42',
        query: {
          fields:
            'status,priority,created,resolutiondate,resolution,components,labels,reporter,assignee,project,issuetype,customfield_10010,customfield_10002,customfield_10050',
          properties: 'contract-clock',
        },
        body: undefined,
      },
    ]);
    expect(issue).toEqual({
      id: '10042',
      key: 'SD-42',
      project: { id: '10000', key: 'SD', name: 'IT Service Desk', typeKey: 'service_desk' },
      issueType: { id: '10004', name: 'Service Request' },
      status: { id: '10001', name: 'Waiting for support', category: 'indeterminate' },
      priority: { id: '2', name: 'High' },
      createdAt: new Date('2026-03-02T08:15:00.000Z'),
      resolvedAt: null,
      resolution: null,
      components: [{ id: '10100', name: 'E-mail' }],
      labels: ['mailbox', 'vip'],
      reporter: {
        accountId: 'qm:1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d:6e7f8a9b-0c1d-4e2f-a3b4-c5d6e7f8a9b0',
        accountType: 'customer',
      },
      assignee: null,
      requestType: { id: '12', name: 'E-mail problem', serviceDeskId: '1' },
      organizations: [{ id: '3', name: 'ACME B.V.' }],
      contractDeadline: new Date('2026-03-03T11:15:00.000Z'),
      contractClock: {
        value: {
          schemaVersion: 1,
          state: 'running',
          startedAt: '2026-03-02T08:15:00.000Z',
          deadline: '2026-03-03T11:15:00.000Z',
        },
      },
      changelog: null,
    });
  });

  it('without field ids requests only system fields and reports no JSM data', async () => {
    const { jira, calls } = clientWith([respondWithFixture('issue.json')]);

    const issue = await jira.getIssue('10042');

    expect(calls[0]?.path).toBe('/rest/api/3/issue/10042');
    expect(calls[0]?.query?.fields).toBe(
      'status,priority,created,resolutiondate,resolution,components,labels,reporter,assignee,project,issuetype',
    );
    expect(issue.requestType).toBeNull();
    expect(issue.organizations).toEqual([]);
    expect(issue.contractDeadline).toBeNull();
  });

  it('embeds the changelog with expand=changelog, sorted oldest first, and flags a cut list', async () => {
    const { jira, calls } = clientWith([respondWithFixture('issue-resolved-with-changelog.json')]);

    const issue = await jira.getIssue('SD-43', { fieldIds: FIELD_IDS, includeChangelog: true });

    expect(calls[0]?.query?.expand).toBe('changelog');
    expect(issue.status.category).toBe('done');
    expect(issue.resolvedAt).toEqual(new Date('2026-03-04T15:30:12.345Z'));
    expect(issue.resolution).toEqual({ id: '10000', name: 'Done' });
    expect(issue.priority).toBeNull();
    expect(issue.reporter).toBeNull();
    expect(issue.requestType).toBeNull();
    expect(issue.organizations).toEqual([]);
    expect(issue.contractClock).toBeNull();
    expect(issue.changelog?.complete).toBe(false);
    expect(issue.changelog?.changes.map((change) => [change.changeId, change.fieldId, change.to])).toEqual([
      ['10305', 'priority', '2'],
      ['10311', 'resolution', '10000'],
      ['10311', 'status', '10003'],
    ]);
  });

  it('rejects a request-type field that is not what JSM sends, naming the field', async () => {
    const issue = editJson(fixtureJson('issue.json'), ['fields', 'customfield_10010'], { requestType: { name: 'E-mail problem' } });
    const { jira } = clientWith([respond(200, issue)]);

    const error = await captureError(jira.getIssue('SD-42', { fieldIds: FIELD_IDS }));

    expect(error.kind).toBe('invalid-response');
    expect(error.issues).toEqual(['fields.customfield_10010.requestType.id: Invalid input: expected string, received undefined']);
  });
});

describe('getChangelog', () => {
  it('follows pages until isLast and flattens the wanted fields, oldest first', async () => {
    const { jira, calls } = clientWith([
      respondWithFixture('changelog-page-1.json'),
      respondWithFixture('changelog-page-2.json'),
    ]);

    const changes = await jira.getChangelog('SD-43', { fieldIds: ['status', 'resolution'] });

    expect(calls.map((call) => [call.method, call.path, call.query])).toEqual([
      ['GET', '/rest/api/3/issue/SD-43/changelog', { startAt: '0', maxResults: '100' }],
      ['GET', '/rest/api/3/issue/SD-43/changelog', { startAt: '2', maxResults: '100' }],
    ]);
    expect(changes).toEqual([
      {
        changeId: '10301',
        at: new Date('2026-03-02T10:00:00.000Z'),
        authorAccountId: '5b10a2844c20165700ede21g',
        fieldId: 'status',
        from: '10001',
        fromText: 'Waiting for support',
        to: '10002',
        toText: 'Waiting for customer',
      },
      {
        changeId: '10302',
        at: new Date('2026-03-02T13:30:00.000Z'),
        authorAccountId: '5b10a2844c20165700ede21g',
        fieldId: 'status',
        from: '10002',
        fromText: 'Waiting for customer',
        to: '10001',
        toText: 'Waiting for support',
      },
      {
        changeId: '10311',
        at: new Date('2026-03-04T15:30:12.345Z'),
        authorAccountId: null,
        fieldId: 'resolution',
        from: null,
        fromText: null,
        to: '10000',
        toText: 'Done',
      },
      {
        changeId: '10311',
        at: new Date('2026-03-04T15:30:12.345Z'),
        authorAccountId: null,
        fieldId: 'status',
        from: '10001',
        fromText: 'Waiting for support',
        to: '10003',
        toText: 'Resolved',
      },
    ]);
  });

  it('keeps every field when no filter is given (labels included)', async () => {
    const { jira } = clientWith([respondWithFixture('changelog-page-1.json'), respondWithFixture('changelog-page-2.json')]);

    const changes = await jira.getChangelog('SD-43');

    expect(changes.map((change) => change.fieldId)).toEqual(['status', 'labels', 'status', 'resolution', 'status']);
  });

  it('reads an item without fromString/toString as null text, never as a function', async () => {
    const page = editJson(fixtureJson('changelog-page-2.json'), ['values', 0, 'items'], [
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10001', to: '10003' },
    ]);
    const { jira } = clientWith([respond(200, page)]);

    const [change] = await jira.getChangelog('SD-43');

    expect(change).toMatchObject({ from: '10001', fromText: null, to: '10003', toText: null });
  });

  it('names the bad field of a malformed changelog entry', async () => {
    const page = editJson(fixtureJson('changelog-page-2.json'), ['values', 0, 'created'], 'yesterday');
    const { jira } = clientWith([respond(200, page)]);

    const error = await captureError(jira.getChangelog('SD-43'));

    expect(error.issues).toEqual(['values.0.created: not a Jira date-time: "yesterday"']);
    expect(error.message).toContain('GET /rest/api/3/issue/SD-43/changelog');
  });
});

describe('fields', () => {
  it('lists fields and finds the JSM fields and our Forge field, not a look-alike', async () => {
    const { jira, calls } = clientWith([respondWithFixture('fields.json')]);

    const ids = await jira.discoverFieldIds();

    expect(calls).toEqual([{ method: 'GET', path: '/rest/api/3/field', query: undefined, body: undefined }]);
    expect(ids).toEqual(FIELD_IDS);
  });

  it.each([
    [
      'by key {appId}__{env}__{moduleKey}',
      { id: 'customfield_10077', key: '00000000-0000-4000-8000-000000000000__DEVELOPMENT__contract-deadline', name: 'Contract deadline', custom: true, schema: { type: 'datetime' } },
      'customfield_10077',
    ],
    [
      'not a field of another module',
      { id: 'customfield_10078', name: 'Other', custom: true, schema: { type: 'datetime', custom: 'ari:cloud:ecosystem::extension/a/b/static/other-field' } },
      null,
    ],
  ])('findFieldIds matches the Forge field %s', (_name, field, expected) => {
    const fields = jiraFieldListSchema.parse([field]);
    expect(findFieldIds(fields, INSTALLATION).contractDeadline).toBe(expected);
    expect(findFieldIds(fields, INSTALLATION).requestType).toBeNull();
  });

  it('with the development and the production install on one site, each finds only its own field', () => {
    const production: AppInstallation = { ...INSTALLATION, environmentId: '4d1c0a7e-0000-4000-8000-00000000beef', environmentType: 'PRODUCTION' };
    const ari = (installation: AppInstallation) =>
      `ari:cloud:ecosystem::extension/${installation.appId}/${installation.environmentId}/static/contract-deadline`;
    const both = jiraFieldListSchema.parse([
      { id: 'customfield_10060', name: 'Contract deadline', custom: true, schema: { type: 'datetime', custom: ari(production) } },
      { id: 'customfield_10050', name: 'Contract deadline (DEVELOPMENT)', custom: true, schema: { type: 'datetime', custom: ari(INSTALLATION) } },
    ]);
    expect(findFieldIds(both, INSTALLATION).contractDeadline).toBe('customfield_10050');
    expect(findFieldIds(both, production).contractDeadline).toBe('customfield_10060');
    // another app with the same module key is never ours
    const stranger = { ...INSTALLATION, appId: 'ffffffff-0000-4000-8000-000000000000' };
    expect(findFieldIds(both, stranger).contractDeadline).toBeNull();
  });

  it('a key of another environment type is not ours', () => {
    const fields = jiraFieldListSchema.parse([
      { id: 'customfield_10079', key: '00000000-0000-4000-8000-000000000000__PRODUCTION__contract-deadline', name: 'Contract deadline', custom: true, schema: { type: 'datetime' } },
    ]);
    expect(findFieldIds(fields, INSTALLATION).contractDeadline).toBeNull();
  });
});

describe('issue properties', () => {
  it.each([
    ['created', 201],
    ['updated', 200],
  ] as const)('writes a property and reports %s', async (outcome, status) => {
    const { jira, calls } = clientWith([respond(status)]);
    const record = { schemaVersion: 1, state: 'paused' };
    expect(await jira.setIssueProperty('SD-42', 'contract-clock', record)).toBe(outcome);
    expect(calls[0]).toEqual({ method: 'PUT', path: '/rest/api/3/issue/SD-42/properties/contract-clock', query: undefined, body: record });
  });

  it('refuses a value over Jira\'s 32 768-byte limit before calling Jira', async () => {
    const { jira, calls } = clientWith([]);
    await expect(jira.setIssueProperty('SD-42', 'contract-clock', { history: 'x'.repeat(32_760) })).rejects.toThrow(
      'Issue property "contract-clock" is 32774 bytes; Jira stores at most 32768',
    );
    expect(calls).toHaveLength(0);
  });

  it('counts UTF-8 bytes, not characters: 12 000 characters of "é€" are 30 000 bytes… and 16 400 are too many', async () => {
    const { jira, calls } = clientWith([respond(200)]);
    await jira.setIssueProperty('SD-42', 'contract-clock', { reason: 'é€'.repeat(6_000) });
    expect(calls).toHaveLength(1);
    // 16 400 characters, far under 32 768 — but 41 000 bytes, which Jira refuses with 400.
    await expect(jira.setIssueProperty('SD-42', 'contract-clock', { reason: 'é€'.repeat(8_200) })).rejects.toThrow(/is 410\d\d bytes/);
    expect(calls).toHaveLength(1);
  });

  it('accepts a value of exactly 32 768 characters', async () => {
    const { jira, calls } = clientWith([respond(200)]);
    await jira.setIssueProperty('SD-42', 'contract-clock', { history: 'x'.repeat(32_754) });
    expect(JSON.stringify(calls[0]?.body)).toHaveLength(32_768);
  });
});

describe('setContractDeadline', () => {
  it('puts the ISO instant for the numeric issue id', async () => {
    const { jira, calls } = clientWith([respond(204)]);
    await jira.setContractDeadline({
      fieldIdOrKey: 'customfield_10050',
      issueId: '10042',
      deadline: new Date('2026-03-03T11:15:00.000Z'),
      generateChangelog: false,
    });
    expect(calls).toEqual([
      {
        method: 'PUT',
        path: '/rest/api/3/app/field/customfield_10050/value',
        query: { generateChangelog: 'false' },
        body: { updates: [{ issueIds: [10042], value: '2026-03-03T11:15:00.000Z' }] },
      },
    ]);
  });

  it('clears the field with null and sends no query by default', async () => {
    const { jira, calls } = clientWith([respond(204)]);
    await jira.setContractDeadline({ fieldIdOrKey: 'customfield_10050', issueId: '10042', deadline: null });
    expect(calls[0]?.query).toBeUndefined();
    expect(calls[0]?.body).toEqual({ updates: [{ issueIds: [10042], value: null }] });
  });

  it('refuses an issue key, before calling Jira', async () => {
    const { jira, calls } = clientWith([]);
    await expect(
      jira.setContractDeadline({ fieldIdOrKey: 'customfield_10050', issueId: 'SD-42', deadline: null }),
    ).rejects.toThrow('numeric issue id');
    expect(calls).toHaveLength(0);
  });

  it('turns a 400 into a JiraError carrying Jira field errors', async () => {
    const { jira } = clientWith([respondWithFixture('error-field-validation.json', 400)]);
    const error = await captureError(
      jira.setContractDeadline({ fieldIdOrKey: 'customfield_10050', issueId: '10042', deadline: new Date(0) }),
    );
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ value: 'The value of the datetime field must be in the ISO format.' });
    expect(error.message).toBe(
      'Jira answered 400 to PUT /rest/api/3/app/field/customfield_10050/value: value: The value of the datetime field must be in the ISO format.',
    );
  });
});

describe('comments', () => {
  it.each([
    ['a public agent reply', 'comment-public.json', '10120', true],
    ['an internal note (sd.public.comment internal, no jsdPublic)', 'comment-internal.json', '10121', false],
  ])('reads %s with expand=properties', async (_case, file, id, isPublic) => {
    const { jira, calls } = clientWith([respondWithFixture(file)]);
    const comment = await jira.getComment('SD-42', id);
    expect(calls[0]).toEqual({
      method: 'GET',
      path: `/rest/api/3/issue/SD-42/comment/${id}`,
      query: { expand: 'properties' },
      body: undefined,
    });
    expect(comment).toEqual({
      id,
      authorAccountId: '5b10a2844c20165700ede21g',
      authorAccountType: 'atlassian',
      createdAt: expect.any(Date),
      isPublic,
    });
  });

  it('treats jsdPublic false as internal even without the property', async () => {
    const comment = editJson(editJson(fixtureJson('comment-public.json'), ['jsdPublic'], false), ['properties'], REMOVE);
    const { jira } = clientWith([respond(200, comment)]);
    expect((await jira.getComment('SD-42', '10120')).isPublic).toBe(false);
  });

  it('reads an unknown account type as unknown', async () => {
    const comment = editJson(fixtureJson('comment-public.json'), ['author', 'accountType'], 'robot');
    const { jira } = clientWith([respond(200, comment)]);
    expect((await jira.getComment('SD-42', '10120')).authorAccountType).toBe('unknown');
  });

  it('posts a JSM internal note and reads the created comment', async () => {
    const { jira, calls } = clientWith([respondWithFixture('request-comment-created.json', 201)]);
    const created = await jira.addRequestComment('SD-42', {
      body: 'Contract Clock: 75% of the resolution time for this request has been used.',
      isPublic: false,
    });
    expect(calls[0]).toEqual({
      method: 'POST',
      path: '/rest/servicedeskapi/request/SD-42/comment',
      query: undefined,
      body: { body: 'Contract Clock: 75% of the resolution time for this request has been used.', public: false },
    });
    expect(created).toEqual({ id: '10122', isPublic: false, createdAt: new Date('2026-03-03T07:00:00.000Z') });
  });

  it('reports servicedeskapi errors (errorMessage) and does not retry a 403', async () => {
    const { jira, calls } = clientWith([respondWithFixture('error-servicedesk.json', 403)]);
    const error = await captureError(jira.addRequestComment('SD-42', { body: 'Hello', isPublic: true }));
    expect(calls).toHaveLength(1);
    expect(error.status).toBe(403);
    expect(error.errorMessages).toEqual(['You do not have permission to add a comment to this request.']);
  });

  it('refuses an empty comment body before calling Jira', async () => {
    const { jira, calls } = clientWith([]);
    await expect(jira.addRequestComment('SD-42', { body: '', isPublic: true })).rejects.toThrow('Invalid request comment: body:');
    expect(calls).toHaveLength(0);
  });
});

describe("the sweep's marked internal notes (ADR 0031)", () => {
  const comment = (id: string, created: string, noteId?: string) => ({
    id,
    created,
    jsdPublic: false,
    properties: [{ key: 'sd.public.comment', value: { internal: true } }, ...(noteId === undefined ? [] : [{ key: 'contract-clock-note', value: { id: noteId } }])],
  });

  it('posts an internal note with its marker through the platform API, the text as ADF paragraphs', async () => {
    const { jira, calls } = clientWith([respond(201, comment('10130', '2026-03-03T08:00:00.000+0000', 'n1'))]);
    const created = await jira.addInternalNote('SD-42', { body: 'At risk.\nDeadline: 13:30', noteId: 'n1' });
    expect(calls[0]).toEqual({
      method: 'POST',
      path: '/rest/api/3/issue/SD-42/comment',
      query: undefined,
      body: {
        body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'At risk.' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Deadline: 13:30' }] }] },
        properties: [
          { key: 'sd.public.comment', value: { internal: true } },
          { key: 'contract-clock-note', value: { id: 'n1' } },
        ],
      },
    });
    expect(created).toEqual({ id: '10130', isPublic: false, createdAt: new Date('2026-03-03T08:00:00.000Z') });
  });

  it('is never retried after a 503 (it may have been posted), and says whether Jira gave Retry-After', async () => {
    const { jira, calls } = clientWith([{ status: 503, headers: { 'Retry-After': '2' }, body: '' }, respond(201, comment('1', '2026-03-03T08:00:00.000+0000'))]);
    const error = await captureError(jira.addInternalNote('SD-42', { body: 'At risk.', noteId: 'n1' }));
    expect(calls).toHaveLength(1);
    expect(error).toMatchObject({ status: 503, retryAfter: '2' });
  });

  it('finds a note by its marker, newest first, and stops reading once the comments are older than asked', async () => {
    const page = (startAt: number, total: number, comments: unknown[]) => respond(200, { startAt, maxResults: 100, total, comments });
    const newer = Array.from({ length: 100 }, (_, i) => comment(String(500 - i), '2026-03-03T09:00:00.000+0000'));
    const { jira, calls } = clientWith([page(0, 300, newer), page(100, 300, [comment('400', '2026-03-03T08:30:00.000+0000', 'n1')])]);
    expect(await jira.findAppNote('SD-42', 'n1', { since: new Date('2026-03-03T08:00:00Z') })).toEqual({ id: '400' });
    expect(calls.map((c) => c.query)).toEqual([
      { orderBy: '-created', startAt: '0', maxResults: '100', expand: 'properties' },
      { orderBy: '-created', startAt: '100', maxResults: '100', expand: 'properties' },
    ]);

    const old = clientWith([page(0, 300, [comment('7', '2026-03-03T09:00:00.000+0000', 'other'), comment('6', '2026-03-02T09:00:00.000+0000')])]);
    expect(await old.jira.findAppNote('SD-42', 'n1', { since: new Date('2026-03-03T08:00:00Z') })).toBeNull();
    expect(old.calls).toHaveLength(1);
  });
});

describe('notifyIssue', () => {
  it('posts the notification body unchanged', async () => {
    const { jira, calls } = clientWith([respond(204)]);
    const notification = {
      subject: 'SD-42 is at risk',
      textBody: 'SD-42 has used 75% of its resolution time.',
      to: { assignee: true, watchers: true },
      restrict: { permissions: [{ key: 'BROWSE_PROJECTS' }] },
    };
    await jira.notifyIssue('SD-42', notification);
    expect(calls[0]).toEqual({ method: 'POST', path: '/rest/api/3/issue/SD-42/notify', query: undefined, body: notification });
  });

  it('refuses a notification without recipients', async () => {
    const { jira, calls } = clientWith([]);
    await expect(jira.notifyIssue('SD-42', { textBody: 'x', to: {} })).rejects.toThrow(
      'Invalid notification: to: a notification needs at least one recipient',
    );
    expect(calls).toHaveLength(0);
  });
});

describe('permissions and myself', () => {
  it('asks for permissions on an issue key and answers every requested key', async () => {
    const { jira, calls } = clientWith([respondWithFixture('mypermissions.json')]);
    const granted = await jira.getMyPermissions({
      permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADD_COMMENTS'],
      issueIdOrKey: 'SD-42',
    });
    expect(calls[0]).toEqual({
      method: 'GET',
      path: '/rest/api/3/mypermissions',
      query: { permissions: 'BROWSE_PROJECTS,EDIT_ISSUES,ADD_COMMENTS', issueKey: 'SD-42' },
      body: undefined,
    });
    expect(granted).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false, ADD_COMMENTS: false });
  });

  it('isJiraAdmin checks the global ADMINISTER permission', async () => {
    const { jira, calls } = clientWith([respondWithFixture('mypermissions-administer.json')]);
    expect(await jira.isJiraAdmin()).toBe(false);
    expect(calls[0]?.query).toEqual({ permissions: 'ADMINISTER' });
  });

  it('reads myself', async () => {
    const { jira, calls } = clientWith([respondWithFixture('myself.json')]);
    expect(await jira.getMyself()).toEqual({
      accountId: '5b10a2844c20165700ede21g',
      accountType: 'atlassian',
      timeZone: 'Europe/Amsterdam',
      locale: 'nl_NL',
    });
    expect(calls[0]?.path).toBe('/rest/api/3/myself');
  });

  // GET /rest/api/3/user answers a User; its `locale` "may be returned as null" by privacy setting.
  it.each([
    ['the locale Jira shows', respondWithFixture('myself.json'), 'nl_NL'],
    ['a locale hidden as null', respond(200, editJson(fixtureJson('myself.json'), ['locale'], null)), null],
    ['a locale left out', respond(200, { accountId: '5b10a2844c20165700ede21g', accountType: 'customer', displayName: 'Mia Krystof' }), null],
    ['an unknown account (404)', respond(404, { errorMessages: ['Specified user does not exist or you do not have required permissions'], errors: {} }), null],
  ])("reads a user's locale: %s", async (_name, answer, locale) => {
    const { jira, calls } = clientWith([answer]);
    expect(await jira.getUserLocale('5b10a2844c20165700ede21g')).toBe(locale);
    expect(calls[0]).toEqual({ method: 'GET', path: '/rest/api/3/user', query: { accountId: '5b10a2844c20165700ede21g' }, body: undefined });
  });
});

describe('display names in bulk', () => {
  const ada = '5b10a2844c20165700ede21g';
  const sanne = '5b10ac8d82e05b22cc7d4ef5';

  it('asks GET /rest/api/3/user/bulk once for a batch, the account id repeated, and maps the names', async () => {
    const { jira, calls } = clientWith([respondWithFixture('users-bulk.json')]);
    const names = await jira.getUserDisplayNames([ada, sanne, ada]);
    expect(calls).toEqual([{ method: 'GET', path: '/rest/api/3/user/bulk', query: { accountId: [ada, sanne], startAt: '0', maxResults: String(USER_BULK_BATCH) }, body: undefined }]);
    expect([...names]).toEqual([[ada, 'Ada de Boer'], [sanne, 'Sanne Visser']]);
  });

  it('splits many accounts into batches, and leaves out whoever Jira did not answer for', async () => {
    const many = Array.from({ length: USER_BULK_BATCH + 1 }, (_, i) => `account-${String(i).padStart(3, '0')}`);
    const page = (ids: string[]) => respond(200, { startAt: 0, maxResults: USER_BULK_BATCH, total: ids.length, isLast: true, values: ids.map((accountId) => ({ accountId, displayName: `Name of ${accountId}` })) });
    const { jira, calls } = clientWith([page(many.slice(0, 3)), page([many[USER_BULK_BATCH]!])]);
    const names = await jira.getUserDisplayNames(many);
    expect(calls.map((c) => (c.query?.accountId as readonly string[]).length)).toEqual([USER_BULK_BATCH, 1]);
    expect(names.size).toBe(4);
    expect(names.get(many[USER_BULK_BATCH]!)).toBe(`Name of ${many[USER_BULK_BATCH]!}`);
  });

  it('throws a JiraError when Jira refuses', async () => {
    const { jira } = clientWith([respond(403, { errorMessages: ['You do not have permission to browse users.'], errors: {} })]);
    const error = await captureError(jira.getUserDisplayNames([ada]));
    expect(error).toMatchObject({ kind: 'http', status: 403, path: '/rest/api/3/user/bulk' });
  });

  it('sends a list query value as the parameter repeated', () => {
    expect(buildRequestUrl('https://polder-it.atlassian.net/', { method: 'GET', path: jiraPath`/rest/api/3/user/bulk`, query: { accountId: [ada, sanne], maxResults: '50' } })).toBe(
      `https://polder-it.atlassian.net/rest/api/3/user/bulk?accountId=${ada}&accountId=${sanne}&maxResults=50`,
    );
  });
});

describe('admin pickers', () => {
  it('lists priorities with GET /priority', async () => {
    const { jira, calls } = clientWith([respondWithFixture('priorities.json')]);
    const priorities = await jira.listPriorities();
    // GET /priority, not /priority/search: the latter needs manage:jira-configuration (Atlassian's OpenAPI document)
    expect(calls.map((call) => [call.method, call.path, call.query])).toEqual([['GET', '/rest/api/3/priority', undefined]]);
    expect(priorities.map((priority) => [priority.id, priority.name])).toEqual([
      ['1', 'Highest'],
      ['2', 'High'],
      ['3', 'Medium'],
    ]);
  });

  it('lists statuses with their category', async () => {
    const { jira, calls } = clientWith([respondWithFixture('statuses.json')]);
    expect(await jira.listStatuses()).toEqual([
      { id: '10001', name: 'Waiting for support', category: 'indeterminate' },
      { id: '10002', name: 'Waiting for customer', category: 'indeterminate' },
      { id: '10003', name: 'Resolved', category: 'done' },
    ]);
    expect(calls[0]?.path).toBe('/rest/api/3/status');
  });

  it('lists service desks', async () => {
    const { jira, calls } = clientWith([respondWithFixture('servicedesks.json')]);
    expect(await jira.listServiceDesks()).toEqual([
      { id: '1', projectId: '10000', projectKey: 'SD', projectName: 'IT Service Desk' },
      { id: '2', projectId: '10001', projectKey: 'FAC', projectName: 'Facilities' },
    ]);
    expect(calls[0]).toEqual({
      method: 'GET',
      path: '/rest/servicedeskapi/servicedesk',
      query: { start: '0', limit: '50' },
      body: undefined,
    });
  });

  it('lists request types of one service desk', async () => {
    const { jira, calls } = clientWith([respondWithFixture('request-types.json')]);
    const types = await jira.listRequestTypes('1');
    expect(calls[0]?.path).toBe('/rest/servicedeskapi/servicedesk/1/requesttype');
    expect(types.map((type) => [type.id, type.name, type.serviceDeskId])).toEqual([
      ['12', 'E-mail problem', '1'],
      ['13', 'Printer not working', '1'],
    ]);
  });
});

describe('portal customers', () => {
  /** JSM's user in servicedeskapi answers (the participants page of `expand=participant`). */
  const sdUser = (accountId: string, displayName: string) => ({ accountId, displayName, active: true, timeZone: 'Europe/Amsterdam', _links: {} });
  const participantsPage = (values: unknown[], start: number, isLastPage: boolean) => ({ _expands: [], size: values.length, start, limit: 1, isLastPage, _links: {}, values });

  it("lists an account's organizations page by page, asking for that account only", async () => {
    const { jira, calls } = clientWith([respondWithFixture('organizations-page-1.json'), respondWithFixture('organizations-page-2.json')]);
    expect(await jira.listOrganizationsOf('qm:abc')).toEqual([
      { id: '3', name: 'ACME B.V.' },
      { id: '7', name: 'Globex Nederland' },
    ]);
    expect(calls.map((call) => [call.method, call.path, call.query])).toEqual([
      ['GET', '/rest/servicedeskapi/organization', { accountId: 'qm:abc', start: '0', limit: '50' }],
      ['GET', '/rest/servicedeskapi/organization', { accountId: 'qm:abc', start: '1', limit: '50' }],
    ]);
  });

  it('reads the reporter and the participants of a customer request with one call when they fit the expansion', async () => {
    const request = editJson(fixtureJson('customer-request.json'), ['participants'], participantsPage([sdUser('qm:p1', 'Piet')], 0, true));
    const { jira, calls } = clientWith([respond(200, request)]);
    expect(await jira.getCustomerRequestPeople('SD-42')).toEqual({
      issueId: '10042',
      issueKey: 'SD-42',
      serviceDeskId: '1',
      reporterAccountId: 'qm:1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d:6e7f8a9b-0c1d-4e2f-a3b4-c5d6e7f8a9b0',
      participantAccountIds: ['qm:p1'],
    });
    expect(calls).toEqual([{ method: 'GET', path: '/rest/servicedeskapi/request/SD-42', query: { expand: 'participant' }, body: undefined }]);
  });

  it('reads every participant from their own list when the expansion holds only the first page', async () => {
    const request = editJson(fixtureJson('customer-request.json'), ['participants'], participantsPage([sdUser('qm:p1', 'Piet')], 0, false));
    const { jira, calls } = clientWith([
      respond(200, request),
      respond(200, participantsPage([sdUser('qm:p1', 'Piet'), sdUser('qm:p2', 'Anna')], 0, false)),
      respond(200, participantsPage([sdUser('qm:p3', 'Joost')], 2, true)),
    ]);
    expect((await jira.getCustomerRequestPeople('SD-42'))?.participantAccountIds).toEqual(['qm:p1', 'qm:p2', 'qm:p3']);
    expect(calls.slice(1).map((call) => [call.path, call.query])).toEqual([
      ['/rest/servicedeskapi/request/10042/participant', { start: '0', limit: '50' }],
      ['/rest/servicedeskapi/request/10042/participant', { start: '2', limit: '50' }],
    ]);
  });

  it('answers null for a key servicedeskapi knows no customer request of (404), and throws on other failures', async () => {
    const { jira } = clientWith([respondWithFixture('error-servicedesk.json', 404)]);
    expect(await jira.getCustomerRequestPeople('APP-1')).toBeNull();
    const failing = clientWith([respondWithFixture('error-servicedesk.json', 403)]);
    expect(await captureError(failing.jira.getCustomerRequestPeople('SD-42'))).toMatchObject({ kind: 'http', status: 403 });
  });

  it("reads an account's time zone, null when Jira hides it", async () => {
    const shown = clientWith([respondWithFixture('myself.json')]);
    expect(await shown.jira.getUserTimeZone('5b10a2844c20165700ede21g')).toBe('Europe/Amsterdam');
    const hidden = clientWith([respond(200, editJson(fixtureJson('myself.json'), ['timeZone'], REMOVE))]);
    expect(await hidden.jira.getUserTimeZone('5b10a2844c20165700ede21g')).toBeNull();
  });
});

describe('errors', () => {
  it('lets Forge\'s NeedsAuthenticationError through unchanged: not wrapped, not retried', async () => {
    const consent = new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
    const { jira, calls } = clientWith([consent, respondWithFixture('myself.json')]);
    const thrown: unknown = await jira.getMyself().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    expect(thrown).toBe(consent);
    expect(isJiraError(thrown)).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('turns a 404 into a typed JiraError with Jira\'s messages and the response as cause', async () => {
    const { jira, calls } = clientWith([respondWithFixture('error-issue-not-found.json', 404)]);
    const error = await captureError(jira.getIssue('SD-404'));
    expect(calls).toHaveLength(1);
    expect(isJiraError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'JiraError',
      kind: 'http',
      method: 'GET',
      path: '/rest/api/3/issue/SD-404',
      status: 404,
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      fieldErrors: {},
    });
    expect(error.message).toBe(
      'Jira answered 404 to GET /rest/api/3/issue/SD-404: Issue does not exist or you do not have permission to see it.',
    );
    expect(error.cause).toMatchObject({ status: 404 });
  });

  it('keeps a non-JSON error page out of the message', async () => {
    const { jira } = clientWith([respond(502, '<html>Bad gateway</html>'), respond(502, '<html>Bad gateway</html>'), respond(502, '<html>Bad gateway</html>')]);
    const error = await captureError(jira.listStatuses());
    expect(error.message).toBe('Jira answered 502 to GET /rest/api/3/status');
    expect(error.errorMessages).toEqual([]);
  });

  it('reports a 200 whose body is not JSON', async () => {
    const { jira } = clientWith([respond(200, 'OK')]);
    const error = await captureError(jira.getMyself());
    expect(error.kind).toBe('invalid-response');
    expect(error.issues).toEqual(['(root): body is not JSON']);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it.each([
    [
      'issue without status category key',
      ['fields', 'status', 'statusCategory', 'key'],
      REMOVE,
      'fields.status.statusCategory.key: Invalid option: expected one of "new"|"indeterminate"|"done"|"undefined"',
    ],
    ['issue with a non-numeric id', ['id'], 'SD-42', 'id: issue id must be numeric'],
    [
      'issue with an unreadable created date',
      ['fields', 'created'],
      '02/03/2026',
      'fields.created: not a Jira date-time: "02/03/2026"',
    ],
    ['issue without project', ['fields', 'project'], REMOVE, 'fields.project: Invalid input: expected object, received undefined'],
  ] as const)('names the field of a malformed %s', async (_case, path, replacement, expectedIssue) => {
    const { jira } = clientWith([respond(200, editJson(fixtureJson('issue.json'), path, replacement))]);
    const error = await captureError(jira.getIssue('SD-42', { fieldIds: FIELD_IDS }));
    expect(error.kind).toBe('invalid-response');
    expect(error.issues).toEqual([expectedIssue]);
    expect(error.message).toContain(expectedIssue);
  });

  it('wraps a transport failure as a network JiraError after retrying a GET', async () => {
    const failure = new TypeError('fetch failed');
    const { jira, calls } = clientWith([failure, failure, failure]);
    const error = await captureError(jira.getMyself());
    expect(calls).toHaveLength(3);
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
    expect(error.cause).toBe(failure);
  });

  it('does not retry a POST that got no answer: it may have reached Jira', async () => {
    const { jira, calls } = clientWith([new TypeError('socket hang up')]);
    const error = await captureError(jira.addRequestComment('SD-42', { body: 'Hi', isPublic: true }));
    expect(calls).toHaveLength(1);
    expect(error.kind).toBe('network');
  });

  it('retries a 503 and then parses the answer', async () => {
    const { jira, calls } = clientWith([respond(503), respondWithFixture('myself.json')]);
    expect((await jira.getMyself()).accountId).toBe('5b10a2844c20165700ede21g');
    expect(calls).toHaveLength(2);
  });
});

describe('jiraPath', () => {
  it('percent-encodes parameters', () => {
    expect(jiraPath`/rest/api/3/issue/${'SD-1'}/properties/${'a b'}`.text).toBe('/rest/api/3/issue/SD-1/properties/a%20b');
  });

  it.each([[''], ['..'], ['a..b']])('refuses the parameter %j', (value) => {
    expect(() => jiraPath`/rest/api/3/issue/${value}`).toThrow(RangeError);
  });

  it('refuses a path walk through a client method before any call', async () => {
    const { jira, calls } = clientWith([]);
    await expect(jira.getIssue('..')).rejects.toThrow('is not allowed');
    expect(calls).toHaveLength(0);
  });
});

describe('reports: searchIssueDigests and countIssues', () => {
  it('searches with summary, project, resolution date and the clock property, following the page token', async () => {
    const { jira, calls } = clientWith([
      respond(200, {
        issues: [
          {
            id: '10042',
            key: 'SD-42',
            fields: { summary: 'VPN down', project: { id: '10000', key: 'SD', name: 'IT Service Desk' }, resolutiondate: '2026-07-01T16:00:00.000+0200' },
            properties: { 'contract-clock': { state: 'missed' } },
          },
          { id: '10043', key: 'SD-43', fields: { summary: 'Printer', project: { id: '10000', key: 'SD' }, resolutiondate: null } },
        ],
        nextPageToken: 'page-2',
        isLast: false,
      }),
    ]);
    const page = await jira.searchIssueDigests('contractState = "missed"', { maxResults: 100 });
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        query: undefined,
        body: { jql: 'contractState = "missed"', fields: ['summary', 'project', 'resolutiondate'], properties: ['contract-clock'], maxResults: 100 },
      },
    ]);
    expect(page).toEqual({
      issues: [
        { id: '10042', key: 'SD-42', summary: 'VPN down', project: { id: '10000', key: 'SD' }, resolvedAt: new Date('2026-07-01T14:00:00.000Z'), contractClock: { value: { state: 'missed' } } },
        { id: '10043', key: 'SD-43', summary: 'Printer', project: { id: '10000', key: 'SD' }, resolvedAt: null, contractClock: null },
      ],
      nextPageToken: 'page-2',
    });
  });

  it('counts with the approximate-count endpoint', async () => {
    const { jira, calls } = clientWith([respond(200, { count: 7 })]);
    expect(await jira.countIssues('contractState = "at-risk"')).toBe(7);
    expect(calls).toEqual([{ method: 'POST', path: '/rest/api/3/search/approximate-count', query: undefined, body: { jql: 'contractState = "at-risk"' } }]);
  });

  it('names the field of a malformed count', async () => {
    const { jira } = clientWith([respond(200, { count: 'many' })]);
    const error = await captureError(jira.countIssues('contractState = "running"'));
    expect(error.message).toContain('count');
  });
});

describe('searchIssueIds: the searches that only queue work by id', () => {
  it('asks for the id field only, with no property, and answers the ids in Jira\'s order with the next page token', async () => {
    const { jira, calls } = clientWith([respond(200, { issues: [{ id: '10043' }, { id: '10042' }], nextPageToken: 'page-2', isLast: false })]);
    const page = await jira.searchIssueIds('project in (10000) ORDER BY updated ASC', { maxResults: 100 });
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        query: undefined,
        body: { jql: 'project in (10000) ORDER BY updated ASC', fields: ['id'], maxResults: 100 },
      },
    ]);
    expect(page).toEqual({ issueIds: ['10043', '10042'], nextPageToken: 'page-2' });
  });

  it('passes the page token on, and ends on the last page even when Jira sends a token with it', async () => {
    const { jira, calls } = clientWith([respond(200, { issues: [{ id: '10044' }], nextPageToken: 'stale', isLast: true })]);
    const page = await jira.searchIssueIds('project in (10000)', { nextPageToken: 'page-2' });
    expect(calls[0]?.body).toEqual({ jql: 'project in (10000)', fields: ['id'], maxResults: 100, nextPageToken: 'page-2' });
    expect(page).toEqual({ issueIds: ['10044'], nextPageToken: null });
  });

  it('ignores what else an issue of the answer holds, and ends without a token', async () => {
    const { jira } = clientWith([respond(200, { issues: [{ id: '10042', key: 'SD-42', properties: { 'contract-clock': { state: 'running' } } }] })]);
    expect(await jira.searchIssueIds('project in (10000)')).toEqual({ issueIds: ['10042'], nextPageToken: null });
  });

  it('names the field of a malformed answer', async () => {
    const { jira } = clientWith([respond(200, { issues: [{ id: 'SD-42' }], isLast: true })]);
    const error = await captureError(jira.searchIssueIds('project in (10000)'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('issues.0.id');
  });

  it('turns the 400 of a search over a deleted project into a JiraError with its status', async () => {
    const { jira } = clientWith([respond(400, { errorMessages: ["The value '10099' does not exist for the field 'project'."], errors: {} })]);
    const error = await captureError(jira.searchIssueIds('project in (10099)'));
    expect(error).toMatchObject({ kind: 'http', status: 400, method: 'POST', path: '/rest/api/3/search/jql' });
  });
});
