/**
 * The fixed configuration of the emulated JSM site: status categories, statuses, the JSM-like
 * workflow and its transitions, priorities Highest..Lowest, resolutions, issue types, the system and
 * JSM fields, and the permission catalogue with what each role holds. Ids follow a fresh Jira Cloud
 * site where Jira has fixed ones (status category 2/4/3, priority 1..5, permission ids).
 *
 * Constants only; no state, no I/O.
 */
import type { UserRole } from './jira-state';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface StatusCategoryDef {
  id: number;
  key: StatusCategoryKey;
  colorName: string;
  name: string;
}

export const STATUS_CATEGORIES: readonly StatusCategoryDef[] = [
  { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  { id: 3, key: 'done', colorName: 'green', name: 'Done' },
];

export interface StatusDef {
  id: string;
  name: string;
  description: string;
  categoryKey: StatusCategoryKey;
}

export const STATUSES: readonly StatusDef[] = [
  { id: '1', name: 'Open', description: 'The request is waiting for an agent.', categoryKey: 'new' },
  { id: '3', name: 'In Progress', description: 'An agent is working on the request.', categoryKey: 'indeterminate' },
  {
    id: '10001',
    name: 'Waiting for customer',
    description: 'The agent needs an answer from the customer.',
    categoryKey: 'indeterminate',
  },
  { id: '5', name: 'Resolved', description: 'The request has been resolved.', categoryKey: 'done' },
  { id: '6', name: 'Closed', description: 'The request is closed.', categoryKey: 'done' },
];

/** The status a new issue starts in. */
export const INITIAL_STATUS_ID = '1';

export interface TransitionDef {
  id: string;
  name: string;
  /** statuses the transition is available from */
  fromStatusIds: readonly string[];
  toStatusId: string;
}

/**
 * JSM's service-request workflow, simplified: work, wait for the customer, resolve, reopen, close.
 * Entering a done status sets a resolution; leaving the done category clears it.
 */
export const TRANSITIONS: readonly TransitionDef[] = [
  { id: '11', name: 'Start progress', fromStatusIds: ['1'], toStatusId: '3' },
  { id: '21', name: 'Wait for customer', fromStatusIds: ['1', '3'], toStatusId: '10001' },
  { id: '31', name: 'Respond to customer', fromStatusIds: ['10001'], toStatusId: '3' },
  { id: '41', name: 'Stop progress', fromStatusIds: ['3'], toStatusId: '1' },
  { id: '51', name: 'Resolve', fromStatusIds: ['1', '3', '10001'], toStatusId: '5' },
  { id: '61', name: 'Reopen', fromStatusIds: ['5', '6'], toStatusId: '1' },
  { id: '71', name: 'Close', fromStatusIds: ['5'], toStatusId: '6' },
];

/**
 * JSM's default automation "transition on customer comment": a customer's comment on a request
 * that waits for them moves it back to the agents.
 */
export const CUSTOMER_COMMENT_TRANSITION_ID = '31';

export interface PriorityDef {
  id: string;
  name: string;
  description: string;
  statusColor: string;
  icon: string;
  /** Highest = 5 … Lowest = 1, so "ORDER BY priority DESC" lists Highest first as in Jira */
  rank: number;
}

export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest', description: 'This problem will block progress.', statusColor: '#d04437', icon: 'highest', rank: 5 },
  { id: '2', name: 'High', description: 'Serious problem that could block progress.', statusColor: '#f15C75', icon: 'high', rank: 4 },
  { id: '3', name: 'Medium', description: 'Has the potential to affect progress.', statusColor: '#f79232', icon: 'medium', rank: 3 },
  { id: '4', name: 'Low', description: 'Minor problem or easily worked around.', statusColor: '#707070', icon: 'low', rank: 2 },
  { id: '5', name: 'Lowest', description: 'Trivial problem with little or no impact on progress.', statusColor: '#999999', icon: 'lowest', rank: 1 },
];

export const DEFAULT_PRIORITY_ID = '3';

export interface ResolutionDef {
  id: string;
  name: string;
  description: string;
}

export const RESOLUTIONS: readonly ResolutionDef[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Declined', description: 'This request was declined.' },
];

export const DEFAULT_RESOLUTION_ID = '10000';

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  avatarId: number;
  /** the project types whose projects get this issue type */
  projectTypes: readonly ('service_desk' | 'software' | 'business')[];
}

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  { id: '10100', name: 'Service Request', description: 'Requests for help or for something new.', avatarId: 10551, projectTypes: ['service_desk'] },
  { id: '10101', name: 'Incident', description: 'Something is broken or not working as it should.', avatarId: 10553, projectTypes: ['service_desk'] },
  { id: '10102', name: 'Story', description: 'Functionality or a feature expressed as a user goal.', avatarId: 10315, projectTypes: ['software', 'business'] },
  { id: '10103', name: 'Bug', description: 'A problem which impairs or prevents the functions of a product.', avatarId: 10303, projectTypes: ['software', 'business'] },
];

/** Ids of the JSM fields on this site (they differ per real site; apps find them via GET /field). */
export const REQUEST_TYPE_FIELD_ID = 'customfield_10010';
export const ORGANIZATIONS_FIELD_ID = 'customfield_10002';
export const REQUEST_PARTICIPANTS_FIELD_ID = 'customfield_10001';

export interface FieldDef {
  id: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: readonly string[];
  schema: { type: string; system?: string; items?: string; custom?: string; customId?: number };
}

/** The system and JSM fields of the site, as GET /rest/api/3/field lists them (app fields are added per app). */
export const SYSTEM_FIELDS: readonly FieldDef[] = [
  { id: 'summary', name: 'Summary', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['summary'], schema: { type: 'string', system: 'summary' } },
  { id: 'description', name: 'Description', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['description'], schema: { type: 'string', system: 'description' } },
  { id: 'status', name: 'Status', custom: false, orderable: false, navigable: true, searchable: true, clauseNames: ['status'], schema: { type: 'status', system: 'status' } },
  { id: 'priority', name: 'Priority', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['priority'], schema: { type: 'priority', system: 'priority' } },
  { id: 'created', name: 'Created', custom: false, orderable: false, navigable: true, searchable: true, clauseNames: ['created', 'createdDate'], schema: { type: 'datetime', system: 'created' } },
  { id: 'updated', name: 'Updated', custom: false, orderable: false, navigable: true, searchable: true, clauseNames: ['updated', 'updatedDate'], schema: { type: 'datetime', system: 'updated' } },
  { id: 'resolution', name: 'Resolution', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['resolution'], schema: { type: 'resolution', system: 'resolution' } },
  { id: 'resolutiondate', name: 'Resolved', custom: false, orderable: false, navigable: true, searchable: true, clauseNames: ['resolutiondate', 'resolved'], schema: { type: 'datetime', system: 'resolutiondate' } },
  { id: 'statuscategorychangedate', name: 'Status Category Changed', custom: false, orderable: false, navigable: true, searchable: true, clauseNames: ['statusCategoryChangedDate'], schema: { type: 'datetime', system: 'statuscategorychangedate' } },
  { id: 'components', name: 'Components', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['component'], schema: { type: 'array', items: 'component', system: 'components' } },
  { id: 'labels', name: 'Labels', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['labels'], schema: { type: 'array', items: 'string', system: 'labels' } },
  { id: 'reporter', name: 'Reporter', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['reporter'], schema: { type: 'user', system: 'reporter' } },
  { id: 'assignee', name: 'Assignee', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['assignee'], schema: { type: 'user', system: 'assignee' } },
  { id: 'creator', name: 'Creator', custom: false, orderable: false, navigable: true, searchable: true, clauseNames: ['creator'], schema: { type: 'user', system: 'creator' } },
  { id: 'project', name: 'Project', custom: false, orderable: false, navigable: true, searchable: true, clauseNames: ['project'], schema: { type: 'project', system: 'project' } },
  { id: 'issuetype', name: 'Issue Type', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['issuetype', 'type'], schema: { type: 'issuetype', system: 'issuetype' } },
  { id: 'comment', name: 'Comment', custom: false, orderable: true, navigable: false, searchable: true, clauseNames: ['comment'], schema: { type: 'comments-page', system: 'comment' } },
  { id: 'issuekey', name: 'Key', custom: false, orderable: false, navigable: true, searchable: false, clauseNames: ['id', 'issue', 'issuekey', 'key'], schema: { type: 'string', system: 'issuekey' } },
  {
    id: REQUEST_PARTICIPANTS_FIELD_ID,
    name: 'Request participants',
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: ['cf[10001]', 'Request participants'],
    schema: { type: 'array', items: 'user', custom: 'com.atlassian.servicedesk:sd-request-participants', customId: 10001 },
  },
  {
    id: ORGANIZATIONS_FIELD_ID,
    name: 'Organizations',
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: ['cf[10002]', 'Organizations'],
    schema: { type: 'array', items: 'sd-customerorganization', custom: 'com.atlassian.servicedesk:sd-customer-organizations', customId: 10002 },
  },
  {
    id: REQUEST_TYPE_FIELD_ID,
    name: 'Request Type',
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: ['cf[10010]', 'Customer Request Type', 'Request Type'],
    schema: { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin', customId: 10010 },
  },
];

/** Fields "*navigable" selects (everything but comment, as in Jira). */
export const NAVIGABLE_FIELD_IDS: readonly string[] = SYSTEM_FIELDS.filter((f) => f.navigable && f.id !== 'issuekey').map(
  (f) => f.id,
);

export type PermissionType = 'GLOBAL' | 'PROJECT';

export interface PermissionDef {
  id: string;
  key: string;
  name: string;
  type: PermissionType;
  description: string;
  /** roles that hold it (a customer holds project permissions only on requests they can see) */
  roles: readonly UserRole[];
}

const STAFF: readonly UserRole[] = ['admin', 'agent', 'app'];
const EVERYONE: readonly UserRole[] = ['admin', 'agent', 'customer', 'app'];

/** The permission catalogue of GET /rest/api/3/mypermissions, with who holds what. */
export const PERMISSIONS: readonly PermissionDef[] = [
  { id: '0', key: 'ADMINISTER', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.', roles: ['admin', 'app'] },
  { id: '44', key: 'SYSTEM_ADMIN', name: 'Jira System Administrators', type: 'GLOBAL', description: 'Ability to perform all administration functions.', roles: ['admin'] },
  { id: '27', key: 'USER_PICKER', name: 'Browse users and groups', type: 'GLOBAL', description: 'View and select users or groups from the user picker.', roles: STAFF },
  { id: '23', key: 'ADMINISTER_PROJECTS', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.', roles: ['admin', 'app'] },
  { id: '10', key: 'BROWSE_PROJECTS', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.', roles: EVERYONE },
  { id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.', roles: EVERYONE },
  { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.', roles: STAFF },
  { id: '13', key: 'ASSIGN_ISSUES', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.', roles: STAFF },
  { id: '17', key: 'ASSIGNABLE_USER', name: 'Assignable User', type: 'PROJECT', description: 'Users with this permission may be assigned to issues.', roles: ['admin', 'agent'] },
  { id: '14', key: 'RESOLVE_ISSUES', name: 'Resolve Issues', type: 'PROJECT', description: 'Ability to resolve and reopen issues.', roles: STAFF },
  { id: '18', key: 'CLOSE_ISSUES', name: 'Close Issues', type: 'PROJECT', description: 'Ability to close issues.', roles: STAFF },
  { id: '46', key: 'TRANSITION_ISSUES', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.', roles: STAFF },
  { id: '15', key: 'ADD_COMMENTS', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.', roles: EVERYONE },
  { id: '34', key: 'EDIT_ALL_COMMENTS', name: 'Edit All Comments', type: 'PROJECT', description: 'Ability to edit all comments made on issues.', roles: STAFF },
  { id: '35', key: 'EDIT_OWN_COMMENTS', name: 'Edit Own Comments', type: 'PROJECT', description: 'Ability to edit own comments made on issues.', roles: EVERYONE },
  { id: '36', key: 'DELETE_ALL_COMMENTS', name: 'Delete All Comments', type: 'PROJECT', description: 'Ability to delete all comments made on issues.', roles: ['admin', 'app'] },
  { id: '16', key: 'DELETE_ISSUES', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.', roles: ['admin', 'app'] },
  { id: '19', key: 'CREATE_ATTACHMENTS', name: 'Create Attachments', type: 'PROJECT', description: 'Users with this permission may create attachments.', roles: EVERYONE },
  { id: '20', key: 'WORK_ON_ISSUES', name: 'Work On Issues', type: 'PROJECT', description: 'Ability to log work done against an issue.', roles: STAFF },
  { id: '30', key: 'MODIFY_REPORTER', name: 'Modify Reporter', type: 'PROJECT', description: 'Ability to modify the reporter when creating or editing an issue.', roles: STAFF },
  { id: '10100', key: 'SERVICEDESK_AGENT', name: 'Service Desk Agent', type: 'PROJECT', description: 'Work on requests in the service project as an agent.', roles: STAFF },
];

/** What Jira calls "the app" user of a Forge app and "Automation for Jira". */
export const AUTOMATION_ACCOUNT_ID = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';
