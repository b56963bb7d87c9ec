/**
 * The data of the emulated Jira Service Management site, as zod schemas (the source of its types):
 * users, projects, service desks, organizations, issues with comments, changelog, properties and
 * app field values, and the notifications Jira "sent". Plain JSON (instants as epoch ms) so the
 * sandbox can persist a site and read it back with `jiraSiteStateSchema.parse`.
 *
 * Only data lives here; behaviour is in jira-model.ts. No I/O.
 */
import { z } from 'zod';
import { adfDocSchema } from './jira-adf';

export const userRoleSchema = z.enum(['admin', 'agent', 'customer', 'app']);
/** What a user may do on the site: admin (Jira admin + agent), agent, customer (portal only), app. */
export type UserRole = z.infer<typeof userRoleSchema>;

export const accountTypeSchema = z.enum(['atlassian', 'customer', 'app']);
export type AccountType = z.infer<typeof accountTypeSchema>;

export const userRecordSchema = z.object({
  accountId: z.string().min(1).max(128),
  accountType: accountTypeSchema,
  role: userRoleSchema,
  displayName: z.string().min(1),
  /** null for app users, which have no e-mail address */
  emailAddress: z.string().min(3).nullable(),
  timeZone: z.string().min(1),
  locale: z.string().min(2),
  /** The user's privacy setting hides their locale from others: GET /user answers `locale: null`. */
  hideLocale: z.boolean().optional(),
  active: z.boolean(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const componentRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  description: z.string(),
});
export type ComponentRecord = z.infer<typeof componentRecordSchema>;

export const projectRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  key: z.string().regex(/^[A-Z][A-Z0-9]+$/),
  name: z.string().min(1),
  projectTypeKey: z.enum(['service_desk', 'software', 'business']),
  leadAccountId: z.string().min(1),
  components: z.array(componentRecordSchema),
  issueTypeIds: z.array(z.string()),
  /** the number the next issue key gets (ITS-<n>) */
  nextIssueNumber: z.number().int().positive(),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export const requestTypeRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  serviceDeskId: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  description: z.string(),
  helpText: z.string(),
  issueTypeId: z.string(),
  groupIds: z.array(z.string()),
  iconId: z.string(),
});
export type RequestTypeRecord = z.infer<typeof requestTypeRecordSchema>;

export const serviceDeskRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  projectId: z.string(),
  requestTypes: z.array(requestTypeRecordSchema),
  /** customers given access one by one (members of linked organizations have access too) */
  customerIds: z.array(z.string()),
  organizationIds: z.array(z.string()),
});
export type ServiceDeskRecord = z.infer<typeof serviceDeskRecordSchema>;

export const organizationRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  uuid: z.string(),
  name: z.string().min(1),
  createdMs: z.number().int(),
  memberIds: z.array(z.string()),
});
export type OrganizationRecord = z.infer<typeof organizationRecordSchema>;

export const changeItemSchema = z.object({
  field: z.string(),
  fieldtype: z.enum(['jira', 'custom']),
  fieldId: z.string(),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});
export type ChangeItem = z.infer<typeof changeItemSchema>;

export const changelogRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  /** null for changes made by Jira itself */
  authorId: z.string().nullable(),
  createdMs: z.number().int(),
  items: z.array(changeItemSchema),
});
export type ChangelogRecord = z.infer<typeof changelogRecordSchema>;

export const commentRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  authorId: z.string(),
  updateAuthorId: z.string(),
  body: adfDocSchema,
  createdMs: z.number().int(),
  updatedMs: z.number().int(),
  /** JSM internal note (`sd.public.comment` = `{ internal: true }`): hidden from customers */
  internal: z.boolean(),
  /** role/group restriction, as Jira's comment `visibility` */
  visibility: z.object({ type: z.enum(['group', 'role']), value: z.string() }).nullable(),
  /** comment entity properties, `sd.public.comment` included */
  properties: z.record(z.string(), z.unknown()),
});
export type CommentRecord = z.infer<typeof commentRecordSchema>;

export const appFieldValueSchema = z.union([z.string(), z.number(), z.null()]);
export type AppFieldValue = z.infer<typeof appFieldValueSchema>;

export const issueRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  key: z.string().regex(/^[A-Z][A-Z0-9]+-\d+$/),
  projectId: z.string(),
  issueTypeId: z.string(),
  summary: z.string(),
  description: adfDocSchema.nullable(),
  statusId: z.string(),
  priorityId: z.string().nullable(),
  resolutionId: z.string().nullable(),
  resolutionDateMs: z.number().int().nullable(),
  createdMs: z.number().int(),
  updatedMs: z.number().int(),
  statusCategoryChangedMs: z.number().int(),
  creatorId: z.string(),
  reporterId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  labels: z.array(z.string()),
  componentIds: z.array(z.string()),
  /** JSM request type (customfield_10010); null for issues created outside JSM without one */
  requestTypeId: z.string().nullable(),
  /** JSM organizations the request is shared with (customfield_10002) */
  organizationIds: z.array(z.string()),
  participantIds: z.array(z.string()),
  /** Forge app custom field values by field id (customfield_…) */
  appFieldValues: z.record(z.string(), appFieldValueSchema),
  /** issue entity properties by key, in the order they were first set */
  properties: z.record(z.string(), z.unknown()),
  comments: z.array(commentRecordSchema),
  changelog: z.array(changelogRecordSchema),
});
export type IssueRecord = z.infer<typeof issueRecordSchema>;

export const notificationRecordSchema = z.object({
  id: z.string(),
  issueId: z.string(),
  issueKey: z.string(),
  sentMs: z.number().int(),
  /** who asked Jira to send it (the app for POST /notify) */
  senderId: z.string(),
  /** why: the notify API, or JSM's own customer notification on a public comment */
  source: z.enum(['notify-api', 'public-comment']),
  subject: z.string(),
  textBody: z.string(),
  htmlBody: z.string().nullable(),
  recipientIds: z.array(z.string()),
});
export type NotificationRecord = z.infer<typeof notificationRecordSchema>;

export const counterSchema = z.object({
  issueId: z.number().int(),
  commentId: z.number().int(),
  changelogId: z.number().int(),
  notificationId: z.number().int(),
  organizationId: z.number().int(),
  projectId: z.number().int(),
  componentId: z.number().int(),
  serviceDeskId: z.number().int(),
  requestTypeId: z.number().int(),
  userSerial: z.number().int(),
});
export type Counters = z.infer<typeof counterSchema>;

/**
 * One user's consent to the app's `asUser()` access ("Allow access"), for the scopes the app had
 * then: a change of scopes asks again (Forge, "Add scopes to call an Atlassian REST API").
 */
export const consentRecordSchema = z.object({
  accountId: z.string().min(1),
  scopes: z.array(z.string()),
  grantedMs: z.number().int(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** Everything that changes on the site; `exportState()` returns it and `createJiraModel({ state })` reads it. */
export const jiraSiteStateSchema = z.object({
  schemaVersion: z.literal(1),
  users: z.array(userRecordSchema),
  projects: z.array(projectRecordSchema),
  serviceDesks: z.array(serviceDeskRecordSchema),
  organizations: z.array(organizationRecordSchema),
  issues: z.array(issueRecordSchema),
  notifications: z.array(notificationRecordSchema),
  /** who allowed the app to act as them (sites saved before consent existed have none) */
  consents: z.array(consentRecordSchema).default([]),
  counters: counterSchema,
});
export type JiraSiteState = z.infer<typeof jiraSiteStateSchema>;
