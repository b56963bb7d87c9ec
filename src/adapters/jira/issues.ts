/**
 * Jira calls on issues: read one issue with the app's fields, its `contract-clock` property and
 * (optionally) its changelog; page through a changelog; search issues with their clock property, or
 * for their ids only.
 *
 * Endpoints (Jira Cloud platform REST v3): GET /rest/api/3/issue/{issueIdOrKey},
 * GET /rest/api/3/issue/{issueIdOrKey}/changelog (all pages, or one page from a position), POST /rest/api/3/search/jql,
 * POST /rest/api/3/search/approximate-count, POST /rest/api/3/issue/bulkfetch. Scope read:jira-work.
 * What this module may not do: write anything, log, or decide about clocks.
 */
import { z } from 'zod';
import {
  jiraApproximateCountSchema,
  jiraBulkFetchSchema,
  jiraChangelogPageSchema,
  jiraIssueDigestPageSchema,
  jiraIssueIdPageSchema,
  jiraIssueSchema,
  jiraSearchPageSchema,
  jsmOrganizationSchema,
  jsmRequestTypeFieldValueSchema,
  parseJiraDateTime,
  type JiraChangelog,
} from '../../contract/jira-api';
import {
  CONTRACT_CLOCK_PROPERTY_KEY,
  type FieldChange,
  type GetChangelog,
  type GetChangelogPage,
  type CountIssues,
  type GetIssue,
  type ListBrowsableIssues,
  type SearchIssueDigests,
  type SearchIssueIds,
  type SearchIssuesWithClock,
} from '../../app/jira-ports';
import { httpError, isSuccess, parseJsonBody, parseWith, type JiraCaller } from './jira-call';
import { jiraPath, type JiraRequest } from './jira-transport';

/** Jira's limit of issues per bulk fetch (POST /rest/api/3/issue/bulkfetch). */
export const BULK_FETCH_LIMIT = 100;

/** Fields requested by getIssue besides the site-specific custom fields. */
export const ISSUE_FIELDS = [
  'status',
  'priority',
  'created',
  'resolutiondate',
  'resolution',
  'components',
  'labels',
  'reporter',
  'assignee',
  'project',
  'issuetype',
] as const;

const CHANGELOG_PAGE_SIZE = 100;

/**
 * Flattens changelog entries into field changes, oldest first (ties keep Jira's order).
 *
 * @example flattenChangelog(page.values, ['status']).map((c) => c.toText) // ['In Progress', 'Resolved']
 */
export function flattenChangelog(histories: readonly JiraChangelog[], fieldIds?: readonly string[]): FieldChange[] {
  const wanted = fieldIds === undefined ? undefined : new Set(fieldIds);
  const changes: FieldChange[] = [];
  for (const history of histories) {
    for (const item of history.items) {
      const fieldId = item.fieldId ?? item.field;
      if (wanted !== undefined && !wanted.has(fieldId)) continue;
      changes.push({
        changeId: history.id,
        at: history.created,
        authorAccountId: history.author?.accountId ?? null,
        fieldId,
        from: item.from,
        fromText: item.fromString,
        to: item.to,
        toText: item.toString,
      });
    }
  }
  // Array.prototype.sort is stable, so entries with the same instant keep Jira's order.
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** @example const { getIssue } = createIssueCalls(caller); */
export function createIssueCalls(caller: JiraCaller): {
  getIssue: GetIssue;
  getChangelog: GetChangelog;
  getChangelogPage: GetChangelogPage;
  searchIssuesWithClock: SearchIssuesWithClock;
  searchIssueIds: SearchIssueIds;
  searchIssueDigests: SearchIssueDigests;
  countIssues: CountIssues;
  listBrowsableIssues: ListBrowsableIssues;
} {
  const getIssue: GetIssue = async (issueIdOrKey, options = {}) => {
    const fieldIds = options.fieldIds;
    const customFields = [fieldIds?.requestType, fieldIds?.organizations, fieldIds?.contractDeadline].filter(
      (id): id is string => typeof id === 'string' && id !== '',
    );
    const query: Record<string, string> = {
      fields: [...ISSUE_FIELDS, ...customFields].join(','),
      properties: CONTRACT_CLOCK_PROPERTY_KEY,
    };
    if (options.includeChangelog === true) query.expand = 'changelog';
    const request: JiraRequest = { method: 'GET', path: jiraPath`/rest/api/3/issue/${issueIdOrKey}`, query };
    const response = await caller.exchange(request);
    if (!isSuccess(response.status)) throw httpError(request, response);
    const issue = parseWith(request, response.status, jiraIssueSchema, parseJsonBody(request, response));
    const fields = issue.fields;

    const requestTypeValue =
      fieldIds?.requestType == null
        ? null
        : (parseWith(request, response.status, jsmRequestTypeFieldValueSchema.nullable().optional(), fields[fieldIds.requestType], [
            'fields',
            fieldIds.requestType,
          ]) ?? null);
    const organizations =
      fieldIds?.organizations == null
        ? []
        : (parseWith(request, response.status, z.array(jsmOrganizationSchema).nullable().optional(), fields[fieldIds.organizations], [
            'fields',
            fieldIds.organizations,
          ]) ?? []);
    // Our own field: a value we cannot read is treated as empty, the clock rewrites it anyway.
    const deadlineValue = fieldIds?.contractDeadline == null ? undefined : fields[fieldIds.contractDeadline];
    const contractDeadline = typeof deadlineValue === 'string' ? (parseJiraDateTime(deadlineValue) ?? null) : null;

    const properties = issue.properties ?? {};
    const hasClock = Object.prototype.hasOwnProperty.call(properties, CONTRACT_CLOCK_PROPERTY_KEY);

    const embedded = issue.changelog;
    const changelog =
      embedded === undefined
        ? null
        : {
            changes: flattenChangelog(embedded.histories),
            complete: embedded.total === undefined || embedded.total <= embedded.histories.length,
            total: embedded.total ?? embedded.histories.length,
            lastEntryId: embedded.histories.at(-1)?.id ?? null,
          };

    return {
      id: issue.id,
      key: issue.key,
      project: { id: fields.project.id, key: fields.project.key, name: fields.project.name, typeKey: fields.project.projectTypeKey ?? null },
      issueType: { id: fields.issuetype.id, name: fields.issuetype.name },
      status: { id: fields.status.id, name: fields.status.name, category: fields.status.statusCategory.key },
      priority: fields.priority == null ? null : { id: fields.priority.id, name: fields.priority.name },
      createdAt: fields.created,
      resolvedAt: fields.resolutiondate ?? null,
      resolution: fields.resolution == null ? null : { id: fields.resolution.id, name: fields.resolution.name },
      components: (fields.components ?? []).map((component) => ({ id: component.id, name: component.name })),
      labels: fields.labels ?? [],
      reporter: fields.reporter == null ? null : { accountId: fields.reporter.accountId, accountType: fields.reporter.accountType ?? null },
      assignee: fields.assignee == null ? null : { accountId: fields.assignee.accountId },
      requestType:
        requestTypeValue === null
          ? null
          : {
              id: requestTypeValue.requestType.id,
              name: requestTypeValue.requestType.name,
              serviceDeskId: requestTypeValue.requestType.serviceDeskId ?? null,
            },
      organizations: organizations.map((organization) => ({ id: organization.id, name: organization.name })),
      contractDeadline,
      contractClock: hasClock ? { value: properties[CONTRACT_CLOCK_PROPERTY_KEY] } : null,
      changelog,
    };
  };

  const getChangelog: GetChangelog = async (issueIdOrKey, options = {}) => {
    const histories = await caller.collectPlatformPages(jiraPath`/rest/api/3/issue/${issueIdOrKey}/changelog`, {}, CHANGELOG_PAGE_SIZE, (request) =>
      caller.call(request, jiraChangelogPageSchema),
    );
    return flattenChangelog(histories, options.fieldIds);
  };

  const getChangelogPage: GetChangelogPage = async (issueIdOrKey, page) => {
    const maxResults = page.maxResults ?? CHANGELOG_PAGE_SIZE;
    const answer = await caller.call(
      {
        method: 'GET',
        path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/changelog`,
        query: { startAt: String(page.startAt), maxResults: String(maxResults) },
      },
      jiraChangelogPageSchema,
    );
    return {
      startAt: answer.startAt,
      total: answer.total ?? answer.startAt + answer.values.length,
      isLast: answer.isLast,
      // One entry's items share its instant; flattening per entry keeps Jira's entry order.
      entries: answer.values.map((history) => ({ id: history.id, changes: flattenChangelog([history]) })),
    };
  };

  const searchIssuesWithClock: SearchIssuesWithClock = async (jql, page = {}) => {
    const body = {
      jql,
      fields: ['created'],
      properties: [CONTRACT_CLOCK_PROPERTY_KEY],
      maxResults: page.maxResults ?? 100,
      ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
    };
    const answer = await caller.call({ method: 'POST', path: jiraPath`/rest/api/3/search/jql`, body }, jiraSearchPageSchema);
    return {
      issues: answer.issues.map((issue) => {
        const properties = issue.properties ?? {};
        const has = Object.prototype.hasOwnProperty.call(properties, CONTRACT_CLOCK_PROPERTY_KEY);
        return { id: issue.id, key: issue.key, contractClock: has ? { value: properties[CONTRACT_CLOCK_PROPERTY_KEY] } : null };
      }),
      nextPageToken: answer.isLast === true ? null : (answer.nextPageToken ?? null),
    };
  };

  const searchIssueIds: SearchIssueIds = async (jql, page = {}) => {
    // Atlassian's OpenAPI description of POST /rest/api/3/search/jql, `fields`: "`id` Returns only
    // issue IDs … The default is `id`"; `maxResults`: "The greatest number of items returned per page
    // is achieved when requesting `id` or `key` only". Asked for explicitly, so that no default of
    // Jira's decides what every page of the sweep downloads; no `properties`, no `expand`.
    const body = {
      jql,
      fields: ['id'],
      maxResults: page.maxResults ?? 100,
      ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
    };
    const answer = await caller.call({ method: 'POST', path: jiraPath`/rest/api/3/search/jql`, body }, jiraIssueIdPageSchema);
    return {
      issueIds: answer.issues.map((issue) => issue.id),
      nextPageToken: answer.isLast === true ? null : (answer.nextPageToken ?? null),
    };
  };

  const searchIssueDigests: SearchIssueDigests = async (jql, page = {}) => {
    const body = {
      jql,
      fields: ['summary', 'project', 'resolutiondate'],
      properties: [CONTRACT_CLOCK_PROPERTY_KEY],
      maxResults: page.maxResults ?? 100,
      ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
    };
    const answer = await caller.call({ method: 'POST', path: jiraPath`/rest/api/3/search/jql`, body }, jiraIssueDigestPageSchema);
    return {
      issues: answer.issues.map((issue) => {
        const properties = issue.properties ?? {};
        const has = Object.prototype.hasOwnProperty.call(properties, CONTRACT_CLOCK_PROPERTY_KEY);
        return {
          id: issue.id,
          key: issue.key,
          summary: issue.fields?.summary ?? '',
          project: issue.fields?.project === undefined ? null : { id: issue.fields.project.id, key: issue.fields.project.key },
          resolvedAt: issue.fields?.resolutiondate ?? null,
          contractClock: has ? { value: properties[CONTRACT_CLOCK_PROPERTY_KEY] } : null,
        };
      }),
      nextPageToken: answer.isLast === true ? null : (answer.nextPageToken ?? null),
    };
  };

  const countIssues: CountIssues = async (jql) => {
    const answer = await caller.call({ method: 'POST', path: jiraPath`/rest/api/3/search/approximate-count`, body: { jql } }, jiraApproximateCountSchema);
    return answer.count;
  };

  const listBrowsableIssues: ListBrowsableIssues = async (issueIds) => {
    if (issueIds.length === 0) return [];
    if (issueIds.length > BULK_FETCH_LIMIT) throw new RangeError(`At most ${BULK_FETCH_LIMIT} issues per bulk fetch (got ${issueIds.length}).`);
    const body = { issueIdsOrKeys: [...issueIds], fields: ['summary', 'status', 'assignee', 'priority'] };
    const answer = await caller.call({ method: 'POST', path: jiraPath`/rest/api/3/issue/bulkfetch`, body }, jiraBulkFetchSchema);
    return answer.issues.map((issue) => {
      const { summary, status, assignee, priority } = issue.fields;
      return {
        id: issue.id,
        key: issue.key,
        summary: summary ?? '',
        status: { name: status?.name ?? '', category: status?.statusCategory.key ?? 'undefined' },
        assignee: assignee == null ? null : { accountId: assignee.accountId, displayName: assignee.displayName ?? assignee.accountId },
        priority: priority?.name ?? null,
      };
    });
  };

  return { getIssue, getChangelog, getChangelogPage, searchIssuesWithClock, searchIssueIds, searchIssueDigests, countIssues, listBrowsableIssues };
}
