/**
 * JQL search over the emulated site: binds JQL field names (project, status, statusCategory,
 * priority, resolution, issuetype, key/id, assignee/reporter/creator, labels, component, dates,
 * text, the JSM request type and organizations fields, the app's custom fields, and indexed issue
 * properties by `issue.property[key].path` or their alias) to the model, evaluates a query for one
 * viewer (only issues they may see) and sorts it.
 *
 * Read-only over the model. Dates in JQL are read in the viewer's time zone, as Jira does.
 */
import { adfToText } from './jira-adf';
import type { IndexedPropertyDef } from './jira-app-definition';
import { ORGANIZATIONS_FIELD_ID, REQUEST_PARTICIPANTS_FIELD_ID, REQUEST_TYPE_FIELD_ID, STATUS_CATEGORIES, STATUSES } from './jira-catalog';
import { badRequest } from './jira-errors';
import { compileJql, parseJql, type JqlField, type JqlOperand, type JqlScalar } from './jira-jql';
import type { AppFieldDef, JiraModel } from './jira-model';
import type { IssueRecord, UserRecord } from './jira-state';
import { localDateOf, zonedWallTimeToMs } from './jira-time';

function valueError(value: string, field: string): never {
  throw badRequest(`The value '${value}' does not exist for the field '${field}'.`);
}

function operandText(operand: JqlOperand): string {
  return operand.kind === 'value' ? operand.text : operand.kind === 'function' ? `${operand.name}()` : 'EMPTY';
}

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { y: 365 * DAY, M: 30 * DAY, w: 7 * DAY, d: DAY, h: 3_600_000, m: 60_000 };

function periodMs(text: string): number | undefined {
  const parts = text.trim().split(/\s+/);
  let total = 0;
  for (const part of parts) {
    const match = /^([-+]?)(\d+)([yMwdhm])$/.exec(part);
    if (match === null) return undefined;
    const amount = Number(match[2]) * (UNIT_MS[match[3] ?? 'd'] ?? DAY);
    total += match[1] === '-' ? -amount : amount;
  }
  return total;
}

/** Reads a JQL date operand (absolute, relative period or date function) for a viewer. */
function dateOperand(model: JiraModel, viewer: UserRecord, operand: JqlOperand, field: string): number {
  const now = model.clock.now().getTime();
  const zone = viewer.timeZone;
  if (operand.kind === 'function') {
    const name = operand.name.toLowerCase();
    const shift = operand.args[0] === undefined ? 0 : (periodMs(operand.args[0]) ?? 0);
    const today = localDateOf(now, zone);
    const startOf = (y: number, m: number, d: number): number => zonedWallTimeToMs({ year: y, month: m, day: d }, zone);
    switch (name) {
      case 'now':
        return now;
      case 'startofday':
        return startOf(today.year, today.month, today.day) + shift;
      case 'endofday':
        return startOf(today.year, today.month, today.day + 1) - 1 + shift;
      case 'startofweek':
        return startOf(today.year, today.month, today.day - today.weekday) + shift;
      case 'endofweek':
        return startOf(today.year, today.month, today.day - today.weekday + 7) - 1 + shift;
      case 'startofmonth':
        return startOf(today.year, today.month, 1) + shift;
      case 'endofmonth':
        return startOf(today.year, today.month + 1, 1) - 1 + shift;
      case 'startofyear':
        return startOf(today.year, 1, 1) + shift;
      case 'endofyear':
        return startOf(today.year + 1, 1, 1) - 1 + shift;
      default:
        throw badRequest(`Unable to find JQL function '${operand.name}()'.`);
    }
  }
  const text = operandText(operand).trim();
  const period = periodMs(text);
  if (period !== undefined) return now + period;
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (match !== null) {
    return zonedWallTimeToMs(
      { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: Number(match[4] ?? 0), minute: Number(match[5] ?? 0) },
      zone,
    );
  }
  throw badRequest(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

/** Values found at a dot path in a property value; arrays on the way are flattened, as Jira indexes them. */
function valuesAtPath(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAtPath(item, path));
  if (typeof value !== 'object' || value === null) return [];
  const [head, ...rest] = path;
  if (head === undefined) return [];
  // own properties only (a property value is parsed JSON: no prototype keys count)
  const child: unknown = Object.prototype.hasOwnProperty.call(value, head) ? (value as Record<string, unknown>)[head] : undefined;
  return child === undefined ? [] : valuesAtPath(child, rest);
}

function lower(text: string): string {
  return text.toLowerCase();
}

/** Builds the JQL field for a name, for one viewer. Unknown names are Jira's 400. */
export function resolveJqlField(model: JiraModel, viewer: UserRecord, rawName: string): JqlField<IssueRecord> {
  const name = rawName.trim();
  const key = lower(name);
  const dateField = (label: string, get: (issue: IssueRecord) => number | null): JqlField<IssueRecord> => ({
    name: label,
    kind: 'ordered',
    values: (issue) => {
      const ms = get(issue);
      return ms === null ? [] : [ms];
    },
    resolve: (operand) => [dateOperand(model, viewer, operand, label)],
    sortKey: (issue) => get(issue) ?? undefined,
  });
  const userField = (label: string, get: (issue: IssueRecord) => string[]): JqlField<IssueRecord> => ({
    name: label,
    kind: 'exact',
    values: get,
    resolve: (operand) => {
      if (operand.kind === 'function' && lower(operand.name) === 'currentuser') return [viewer.accountId];
      const text = operandText(operand);
      const user = model.findUser(text) ?? model.findUserByEmail(text);
      if (user === undefined) valueError(text, label);
      return [user.accountId];
    },
    sortKey: (issue) => {
      const id = get(issue)[0];
      return id === undefined ? undefined : lower(model.findUser(id)?.displayName ?? id);
    },
  });
  const textField = (label: string, get: (issue: IssueRecord) => string[]): JqlField<IssueRecord> => ({
    name: label,
    kind: 'text',
    values: get,
    resolve: (operand) => [operandText(operand)],
    sortKey: (issue) => {
      const first = get(issue)[0];
      return first === undefined ? undefined : lower(first);
    },
  });

  switch (key) {
    case 'project':
      return {
        name: 'project',
        kind: 'exact',
        values: (issue) => [issue.projectId],
        resolve: (operand) => {
          const text = operandText(operand);
          const project = model.findProject(text) ?? model.projects().find((p) => lower(p.name) === lower(text));
          if (project === undefined) valueError(text, 'project');
          return [project.id];
        },
        sortKey: (issue) => model.getProject(issue.projectId).key,
      };
    case 'status':
      return {
        name: 'status',
        kind: 'exact',
        values: (issue) => [issue.statusId],
        resolve: (operand) => {
          const text = operandText(operand);
          const status = model.findStatus(text);
          if (status === undefined) valueError(text, 'status');
          return [status.id];
        },
        sortKey: (issue) => STATUSES.findIndex((s) => s.id === issue.statusId),
      };
    case 'statuscategory':
      return {
        name: 'statusCategory',
        kind: 'exact',
        values: (issue) => [model.getStatus(issue.statusId).categoryKey],
        resolve: (operand) => {
          const text = lower(operandText(operand));
          const category = STATUS_CATEGORIES.find((c) => c.key === text || lower(c.name) === text || String(c.id) === text);
          if (category === undefined) valueError(operandText(operand), 'statusCategory');
          return [category.key];
        },
        sortKey: (issue) => STATUS_CATEGORIES.findIndex((c) => c.key === model.getStatus(issue.statusId).categoryKey),
      };
    case 'priority':
      return {
        name: 'priority',
        kind: 'ordered',
        values: (issue) => {
          const priority = issue.priorityId === null ? undefined : model.findPriority(issue.priorityId);
          return priority === undefined ? [] : [priority.rank];
        },
        resolve: (operand) => {
          const text = operandText(operand);
          const priority = model.findPriority(text);
          if (priority === undefined) valueError(text, 'priority');
          return [priority.rank];
        },
        sortKey: (issue) => (issue.priorityId === null ? undefined : model.findPriority(issue.priorityId)?.rank),
      };
    case 'resolution':
      return {
        name: 'resolution',
        kind: 'exact',
        values: (issue) => (issue.resolutionId === null ? [] : [issue.resolutionId]),
        meansEmpty: (operand) => lower(operandText(operand)) === 'unresolved',
        resolve: (operand) => {
          const text = operandText(operand);
          const resolution = model.findResolution(text);
          if (resolution === undefined) valueError(text, 'resolution');
          return [resolution.id];
        },
        sortKey: (issue) => (issue.resolutionId === null ? undefined : model.findResolution(issue.resolutionId)?.name),
      };
    case 'issuetype':
    case 'type':
      return {
        name: 'issuetype',
        kind: 'exact',
        values: (issue) => [issue.issueTypeId],
        resolve: (operand) => {
          const text = operandText(operand);
          const type = model.findIssueType(text);
          if (type === undefined) valueError(text, 'issuetype');
          return [type.id];
        },
        sortKey: (issue) => model.findIssueType(issue.issueTypeId)?.name,
      };
    case 'key':
    case 'issuekey':
    case 'issue':
    case 'id':
      return {
        name: key,
        kind: 'ordered',
        values: (issue) => [Number(issue.id)],
        resolve: (operand) => {
          const text = operandText(operand);
          const issue = model.findIssue(text);
          if (issue === undefined || !model.canBrowse(viewer, issue)) {
            throw badRequest(`An issue with key '${text}' does not exist for field '${key}'.`);
          }
          return [Number(issue.id)];
        },
        sortKey: (issue) => `${model.getProject(issue.projectId).key}-${issue.key.split('-')[1]?.padStart(10, '0') ?? ''}`,
      };
    case 'summary':
      return textField('summary', (issue) => [issue.summary]);
    case 'description':
      return textField('description', (issue) => (issue.description === null ? [] : [adfToText(issue.description)]));
    case 'comment':
      return textField('comment', (issue) => model.visibleComments(viewer, issue).map((c) => adfToText(c.body)));
    case 'text':
      return textField('text', (issue) => [
        issue.summary,
        ...(issue.description === null ? [] : [adfToText(issue.description)]),
        ...model.visibleComments(viewer, issue).map((c) => adfToText(c.body)),
      ]);
    case 'labels':
      return {
        name: 'labels',
        kind: 'exact',
        values: (issue) => issue.labels.map(lower),
        resolve: (operand) => [lower(operandText(operand))],
        sortKey: (issue) => (issue.labels[0] === undefined ? undefined : lower(issue.labels[0])),
      };
    case 'component':
    case 'components':
      return {
        name: 'component',
        kind: 'exact',
        values: (issue) => issue.componentIds,
        resolve: (operand) => {
          const text = lower(operandText(operand));
          const ids = model.projects().flatMap((p) => p.components.filter((c) => c.id === text || lower(c.name) === text).map((c) => c.id));
          if (ids.length === 0) valueError(operandText(operand), 'component');
          return ids;
        },
        sortKey: (issue) => {
          const id = issue.componentIds[0];
          return id === undefined ? undefined : lower(model.getProject(issue.projectId).components.find((c) => c.id === id)?.name ?? id);
        },
      };
    case 'assignee':
      return userField('assignee', (issue) => (issue.assigneeId === null ? [] : [issue.assigneeId]));
    case 'reporter':
      return userField('reporter', (issue) => (issue.reporterId === null ? [] : [issue.reporterId]));
    case 'creator':
      return userField('creator', (issue) => [issue.creatorId]);
    case 'created':
    case 'createddate':
      return dateField('created', (issue) => issue.createdMs);
    case 'updated':
    case 'updateddate':
      return dateField('updated', (issue) => issue.updatedMs);
    case 'resolved':
    case 'resolutiondate':
      return dateField('resolved', (issue) => issue.resolutionDateMs);
    case 'statuscategorychangeddate':
      return dateField('statusCategoryChangedDate', (issue) => issue.statusCategoryChangedMs);
    case 'organizations':
    case 'cf[10002]':
    case ORGANIZATIONS_FIELD_ID:
      return {
        name: 'Organizations',
        kind: 'exact',
        values: (issue) => issue.organizationIds,
        resolve: (operand) => {
          const organization = model.findOrganization(operandText(operand));
          if (organization === undefined) valueError(operandText(operand), 'Organizations');
          return [organization.id];
        },
        sortKey: (issue) => {
          const id = issue.organizationIds[0];
          return id === undefined ? undefined : lower(model.findOrganization(id)?.name ?? id);
        },
      };
    case 'request type':
    case 'customer request type':
    case 'cf[10010]':
    case REQUEST_TYPE_FIELD_ID:
      return {
        name: 'Customer Request Type',
        kind: 'exact',
        values: (issue) => (issue.requestTypeId === null ? [] : [issue.requestTypeId]),
        resolve: (operand) => {
          const requestType = model.findRequestType(operandText(operand));
          if (requestType === undefined) valueError(operandText(operand), 'Customer Request Type');
          return [requestType.id];
        },
        sortKey: (issue) => (issue.requestTypeId === null ? undefined : lower(model.findRequestType(issue.requestTypeId)?.name ?? '')),
      };
    case 'request participants':
    case 'cf[10001]':
    case REQUEST_PARTICIPANTS_FIELD_ID:
      return userField('Request participants', (issue) => issue.participantIds);
    default:
      break;
  }

  const appField = model.appFields.find(
    (f) => lower(f.name) === key || f.id === key || lower(f.clauseNames[0] ?? '') === key || f.forgeKey === name,
  );
  if (appField !== undefined) return appFieldJql(model, viewer, appField);

  const property = /^issue\.property\[(.+)]\.(.+)$/i.exec(name);
  const indexed: IndexedPropertyDef | undefined =
    property === null
      ? model.app.indexedProperties.find((p) => p.searchAlias !== undefined && lower(p.searchAlias) === key)
      : model.app.indexedProperties.find((p) => p.propertyKey === property[1] && p.path === property[2]);
  if (indexed !== undefined) return propertyJql(model, viewer, indexed, name);
  // Jira searches only indexed property paths: any other path is valid JQL but matches nothing
  if (property !== null) return { name, kind: 'ordered', values: () => [], resolve: (operand) => [operandText(operand)], sortKey: () => undefined };

  throw badRequest(`Field '${name}' does not exist or you do not have permission to view it.`);
}

function appFieldJql(model: JiraModel, viewer: UserRecord, field: AppFieldDef): JqlField<IssueRecord> {
  const raw = (issue: IssueRecord): string | number | null => issue.appFieldValues[field.id] ?? null;
  if (field.type === 'datetime' || field.type === 'date') {
    const ms = (issue: IssueRecord): number | undefined => {
      const value = raw(issue);
      const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isFinite(parsed) ? parsed : undefined;
    };
    return {
      name: field.name,
      kind: 'ordered',
      values: (issue) => {
        const value = ms(issue);
        return value === undefined ? [] : [value];
      },
      resolve: (operand) => [dateOperand(model, viewer, operand, field.name)],
      sortKey: ms,
    };
  }
  return {
    name: field.name,
    kind: field.type === 'number' ? 'ordered' : 'exact',
    values: (issue) => {
      const value = raw(issue);
      return value === null ? [] : [typeof value === 'string' ? lower(value) : value];
    },
    resolve: (operand) => {
      const text = operandText(operand);
      return [field.type === 'number' ? Number(text) : lower(text)];
    },
    sortKey: (issue) => raw(issue) ?? undefined,
  };
}

function propertyJql(model: JiraModel, viewer: UserRecord, def: IndexedPropertyDef, label: string): JqlField<IssueRecord> {
  const path = def.path.split('.');
  const raw = (issue: IssueRecord): unknown[] =>
    Object.prototype.hasOwnProperty.call(issue.properties, def.propertyKey) ? valuesAtPath(issue.properties[def.propertyKey], path) : [];
  const values = (issue: IssueRecord): JqlScalar[] => {
    const out: JqlScalar[] = [];
    for (const value of raw(issue)) {
      if (def.type === 'date') {
        const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
        if (Number.isFinite(ms)) out.push(ms);
      } else if (def.type === 'number') {
        if (typeof value === 'number' && Number.isFinite(value)) out.push(value);
      } else if (typeof value === 'string') {
        out.push(def.type === 'user' ? value : lower(value));
      }
    }
    return out;
  };
  return {
    name: label,
    kind: def.type === 'date' || def.type === 'number' ? 'ordered' : def.type === 'text' ? 'text' : 'exact',
    values,
    resolve: (operand) => {
      if (def.type === 'date') return [dateOperand(model, viewer, operand, label)];
      const text = operandText(operand);
      if (def.type === 'number') {
        const n = Number(text);
        if (!Number.isFinite(n)) throw badRequest(`The value '${text}' is not a number for the field '${label}'.`);
        return [n];
      }
      if (def.type === 'user' && operand.kind === 'function' && lower(operand.name) === 'currentuser') return [viewer.accountId];
      return [def.type === 'user' ? text : lower(text)];
    },
    sortKey: (issue) => values(issue)[0],
  };
}

export interface SearchPage {
  issues: IssueRecord[];
  total: number;
}

/**
 * Runs JQL for a viewer: only issues they may see, sorted (ORDER BY, then newest first).
 *
 * @example searchIssues(model, agent, 'project = ITS AND resolution = Unresolved ORDER BY contractDeadline ASC', 0, 50)
 */
export function searchIssues(model: JiraModel, viewer: UserRecord, jql: string, startAt: number, maxResults: number): SearchPage {
  const query = parseJql(jql);
  const { matches, compare } = compileJql(query, (fieldName) => resolveJqlField(model, viewer, fieldName), (a, b) => Number(b.id) - Number(a.id));
  const found = model
    .issues()
    .filter((issue) => model.canBrowse(viewer, issue) && matches(issue))
    .sort(compare);
  return { issues: found.slice(startAt, startAt + maxResults), total: found.length };
}
