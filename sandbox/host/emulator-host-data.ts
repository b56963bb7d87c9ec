/**
 * HostData over the Jira emulator's in-process model: the host pages read users, requests,
 * comments, the `contract-clock` property and the "Contract deadline" app field straight from the
 * model, with the same visibility rules the REST API applies (customers see their own and their
 * organizations' requests, never internal notes). Read-only: every change goes through REST.
 */
import type { IssueRef } from '../bridge/forge-context';
import { adfToText } from '../jira/jira-adf';
import { JiraError } from '../jira/jira-errors';
import { searchIssues } from '../jira/jira-search';
import { appFieldValueOf, type JiraModel } from '../jira/jira-model';
import type { IssueRecord, UserRecord } from '../jira/jira-state';
import type { HostData } from './host-data';
import { readClockProperty, type ActivityItem, type HostUser, type RequestSummary, type StatusView } from './view-models';

/** The issue property the app writes (manifest.yml `jira:entityProperty` propertyKey). */
export const clockPropertyKey = 'contract-clock';
/** The app field's module key (manifest.yml `jira:customField`). */
export const deadlineFieldModuleKey = 'contract-deadline';

function toHostUser(model: JiraModel, user: UserRecord): HostUser | null {
  if (user.role === 'app' || user.emailAddress === null || !user.active) return null;
  return {
    accountId: user.accountId,
    displayName: user.displayName,
    emailAddress: user.emailAddress,
    role: user.role,
    accountType: user.accountType === 'customer' ? 'customer' : 'atlassian',
    timeZone: user.timeZone,
    locale: user.locale,
    organizations: model.organizationsOf(user.accountId).map((o) => ({ id: o.id, name: o.name })),
  };
}

function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(typeof value === 'string' ? value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * @example const data = createEmulatorHostData(model); data.listRequests(agent).length
 */
export function createEmulatorHostData(model: JiraModel): HostData {
  const statusView = (statusId: string): StatusView => {
    const status = model.getStatus(statusId);
    return { id: status.id, name: status.name, category: status.categoryKey };
  };
  const deadlineField = model.findAppField(deadlineFieldModuleKey);
  const userRecord = (accountId: string): UserRecord | undefined => model.findUser(accountId);
  const viewerRecord = (viewer: HostUser): UserRecord | undefined => userRecord(viewer.accountId);
  const serviceProject = () => {
    const desk = model.serviceDesks()[0];
    const project = desk === undefined ? model.projects()[0] : model.findProject(desk.projectId);
    return { desk, project };
  };

  const summarize = (issue: IssueRecord): RequestSummary => {
    const priority = issue.priorityId === null ? undefined : model.findPriority(issue.priorityId);
    const requestType = issue.requestTypeId === null ? undefined : model.findRequestType(issue.requestTypeId);
    const reporter = issue.reporterId === null ? undefined : userRecord(issue.reporterId);
    return {
      id: issue.id,
      key: issue.key,
      summary: issue.summary,
      status: statusView(issue.statusId),
      priority: priority === undefined ? null : { id: priority.id, name: priority.name },
      requestType: requestType === undefined ? null : { id: requestType.id, name: requestType.name },
      reporter: reporter === undefined ? null : { accountId: reporter.accountId, displayName: reporter.displayName },
      organizations: issue.organizationIds.flatMap((id) => {
        const organization = model.findOrganization(id);
        return organization === undefined ? [] : [organization.name];
      }),
      created: new Date(issue.createdMs),
      resolved: issue.resolutionDateMs === null ? null : new Date(issue.resolutionDateMs),
      clock: readClockProperty(issue.properties[clockPropertyKey]),
      deadlineField: deadlineField === undefined ? null : parseInstant(appFieldValueOf(issue, deadlineField)),
    };
  };

  const hostUsers = (): HostUser[] =>
    model.users().flatMap((user) => {
      const host = toHostUser(model, user);
      return host === null ? [] : [host];
    });

  return {
    listUsers: hostUsers,
    findUser: (accountId) => {
      const user = userRecord(accountId);
      return user === undefined ? null : toHostUser(model, user);
    },
    defaultUser: () => {
      const users = hostUsers();
      // the demo admin, as the README says and as REST answers without credentials (issue 11 item 8)
      const first = users.find((u) => u.role === 'admin') ?? users.find((u) => u.role === 'agent') ?? users[0];
      if (first === undefined) throw new Error('The emulated site has no users yet; seed the demo data first.');
      return first;
    },
    projectName: () => serviceProject().project?.name ?? 'Service project',
    projectKey: () => serviceProject().project?.key ?? 'ITS',
    projectRef: () => {
      const project = serviceProject().project;
      return { id: project?.id ?? '0', key: project?.key ?? 'ITS', type: 'service_desk' };
    },
    serviceDesk: () => {
      const { desk, project } = serviceProject();
      if (desk === undefined) return { id: '0', name: project?.name ?? 'Service desk', requestTypes: [] };
      return {
        id: desk.id,
        name: project?.name ?? 'Service desk',
        requestTypes: desk.requestTypes.map((t) => ({ id: t.id, name: t.name, description: t.description })),
      };
    },
    priorities: () => model.priorities().map((p) => ({ id: p.id, name: p.name })),
    listRequests: (viewer) => {
      const record = viewerRecord(viewer);
      if (record === undefined) return [];
      return model
        .issues()
        .filter((issue) => model.getProject(issue.projectId).projectTypeKey === 'service_desk' && model.canBrowse(record, issue))
        .map(summarize);
    },
    otherProjects: () =>
      model
        .projects()
        .filter((project) => project.projectTypeKey !== 'service_desk')
        .map((project) => ({
          key: project.key,
          name: project.name,
          type: project.projectTypeKey,
          issueKeys: model.issues().filter((issue) => issue.projectId === project.id).map((issue) => issue.key),
        })),
    searchRequests: (viewer, jql, limit) => {
      const record = viewerRecord(viewer);
      if (record === undefined) return { error: 'Log in to search.' };
      try {
        const page = searchIssues(model, record, jql, 0, limit);
        return { requests: page.issues.map(summarize), total: page.total };
      } catch (error) {
        if (error instanceof JiraError) return { error: error.message };
        throw error;
      }
    },
    getRequest: (key, viewer) => {
      const record = viewerRecord(viewer);
      const issue = model.findIssue(key);
      if (record === undefined || issue === undefined || !model.canBrowse(record, issue)) return null;
      const project = model.getProject(issue.projectId);
      const issueType = model.findIssueType(issue.issueTypeId);
      return {
        ...summarize(issue),
        description: issue.description === null ? '' : adfToText(issue.description),
        issueType: { id: issue.issueTypeId, name: issueType?.name ?? 'Issue' },
        project: { id: project.id, key: project.key, name: project.name, type: project.projectTypeKey },
        transitions:
          record.role === 'customer'
            ? []
            : model.availableTransitions(issue).map((t) => ({ id: t.id, name: t.name, to: statusView(t.toStatusId) })),
        priorities: model.priorities().map((p) => ({ id: p.id, name: p.name })),
        comments: model.visibleComments(record, issue).map((c) => {
          const author = userRecord(c.authorId);
          return {
            id: c.id,
            author: { displayName: author?.displayName ?? 'Unknown user', accountType: author?.accountType ?? 'atlassian' },
            created: new Date(c.createdMs),
            body: adfToText(c.body),
            public: !c.internal && c.visibility === null,
          };
        }),
      };
    },
    issueRef: (key): IssueRef | null => {
      const issue = model.findIssue(key);
      if (issue === undefined) return null;
      const project = model.getProject(issue.projectId);
      const issueType = model.findIssueType(issue.issueTypeId);
      return {
        id: issue.id,
        key: issue.key,
        type: issueType?.name ?? 'Issue',
        typeId: issue.issueTypeId,
        project: { id: project.id, key: project.key, type: project.projectTypeKey },
        requestTypeId: issue.requestTypeId,
        serviceDeskId: model.serviceDeskForProject(project.id)?.id ?? null,
      };
    },
    appActivity: () => {
      const appId = model.app.accountId;
      const items: ActivityItem[] = [];
      for (const issue of model.issues()) {
        for (const comment of issue.comments) {
          if (comment.authorId !== appId) continue;
          const text = adfToText(comment.body);
          items.push({
            at: new Date(comment.createdMs),
            kind: comment.internal ? 'internal-comment' : 'public-comment',
            issueKey: issue.key,
            title: issue.summary,
            body: text,
          });
        }
      }
      for (const notification of model.notifications()) {
        if (notification.senderId !== appId) continue;
        const recipients = notification.recipientIds.map((id) => userRecord(id)?.displayName ?? id).join(', ');
        items.push({
          at: new Date(notification.sentMs),
          kind: 'notification',
          issueKey: notification.issueKey,
          title: notification.subject,
          body: `${notification.textBody}${recipients === '' ? '' : `\n→ ${recipients}`}`,
        });
      }
      return items;
    },
  };
}
