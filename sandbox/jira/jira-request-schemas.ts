/**
 * zod schemas of the request bodies the Jira emulator accepts (REST v3 and servicedeskapi), and the
 * translation of Jira's `fields` / `update` objects into the model's typed inputs. Field values are
 * validated one field at a time so a bad request gets Jira's per-field `errors`.
 *
 * Pure parsing; no model access, no I/O.
 */
import { z } from 'zod';
import { adfDocSchema, textToAdf } from './jira-adf';
import { ORGANIZATIONS_FIELD_ID, REQUEST_PARTICIPANTS_FIELD_ID, REQUEST_TYPE_FIELD_ID } from './jira-catalog';
import type { CommentInput, CreateIssueInput, IssueChanges } from './jira-model';

const ref = z.looseObject({ id: z.union([z.string(), z.number()]).optional(), key: z.string().optional(), name: z.string().optional() });
const userRef = z.looseObject({ accountId: z.string().min(1) });
const propertyList = z.array(z.object({ key: z.string(), value: z.unknown() }));

const refText = (value: z.infer<typeof ref>): string | undefined =>
  value.id !== undefined ? String(value.id) : (value.key ?? value.name);

export const createIssueBodySchema = z.object({
  fields: z.record(z.string(), z.unknown()),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  properties: propertyList.optional(),
  transition: z.object({ id: z.union([z.string(), z.number()]) }).optional(),
  historyMetadata: z.unknown().optional(),
});

export const editIssueBodySchema = z.object({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  properties: propertyList.optional(),
  historyMetadata: z.unknown().optional(),
});

export const transitionBodySchema = z.object({
  transition: z.object({ id: z.union([z.string(), z.number()]) }),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  properties: propertyList.optional(),
  historyMetadata: z.unknown().optional(),
});

const visibilitySchema = z.object({
  type: z.enum(['group', 'role']),
  value: z.string().optional(),
  identifier: z.string().nullable().optional(),
});

export const commentBodySchema = z.object({
  body: adfDocSchema,
  visibility: visibilitySchema.optional(),
  properties: propertyList.optional(),
  jsdPublic: z.boolean().optional(),
});

/** POST /rest/api/2/issue/{key}/comment: the v2 body is plain text (wiki markup). */
export const commentV2BodySchema = z.object({
  body: z.string(),
  visibility: visibilitySchema.optional(),
  properties: propertyList.optional(),
});

export const appFieldValuesBodySchema = z.object({
  updates: z
    .array(
      z.object({
        customField: z.string().min(1),
        issueIds: z.array(z.union([z.number().int(), z.string().regex(/^\d+$/)])).min(1),
        value: z.union([z.string(), z.number(), z.null()]),
      }),
    )
    .min(1),
});

export const appFieldValueBodySchema = z.object({
  updates: z
    .array(
      z.object({
        issueIds: z.array(z.union([z.number().int(), z.string().regex(/^\d+$/)])).min(1),
        value: z.union([z.string(), z.number(), z.null()]),
      }),
    )
    .min(1),
});

export const notifyBodySchema = z.object({
  subject: z.string().optional(),
  textBody: z.string().optional(),
  htmlBody: z.string().optional(),
  to: z
    .object({
      reporter: z.boolean().optional(),
      assignee: z.boolean().optional(),
      watchers: z.boolean().optional(),
      voters: z.boolean().optional(),
      users: z.array(userRef).optional(),
      groups: z.array(z.looseObject({ groupId: z.string().optional(), name: z.string().optional() })).optional(),
    })
    .optional(),
  restrict: z
    .object({
      permissions: z.array(z.looseObject({ key: z.string().optional(), id: z.string().optional() })).optional(),
      groups: z.array(z.looseObject({ groupId: z.string().optional(), name: z.string().optional() })).optional(),
    })
    .optional(),
});

export const searchBodySchema = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().nullable().optional(),
  maxResults: z.number().int().min(0).optional(),
  fields: z.array(z.string()).optional(),
  expand: z.union([z.string(), z.array(z.string())]).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number()).optional(),
});

export const countBodySchema = z.object({ jql: z.string().optional() });

/** POST /rest/api/3/issue/bulkfetch (`BulkFetchIssueRequestBean`): up to 100 ids or keys. */
export const bulkFetchBodySchema = z.strictObject({
  issueIdsOrKeys: z.array(z.string()).max(100, 'You can request up to 100 issues.'),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
});

export const sdCreateRequestBodySchema = z.object({
  serviceDeskId: z.union([z.string().min(1), z.number()]).transform(String),
  requestTypeId: z.union([z.string().min(1), z.number()]).transform(String),
  requestFieldValues: z.record(z.string(), z.unknown()).default({}),
  raiseOnBehalfOf: z.string().min(1).optional(),
  requestParticipants: z.array(z.string()).optional(),
  isAdfRequest: z.boolean().optional(),
  channel: z.string().optional(),
  form: z.unknown().optional(),
});

export const sdCommentBodySchema = z.object({
  body: z.string(),
  public: z.boolean().default(true),
});

/** The model inputs a `fields` object (plus `update` operations) stands for, and Jira's per-field errors. */
export interface ParsedIssueFields {
  create: Partial<CreateIssueInput>;
  changes: IssueChanges;
  resolution?: string;
  comments: CommentInput[];
  errors: Record<string, string>;
}

const unknownFieldMessage = (field: string): string =>
  `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;

/**
 * Reads Jira's `fields` and `update` for create (`mode: 'create'`), edit or transition. `current`
 * gives the issue's labels/components so `update: { labels: [{ add }] }` can be applied.
 * `richText` is 'text' for REST v2, where description and comment bodies are plain strings.
 */
export function parseIssueFields(
  fields: Record<string, unknown>,
  update: Record<string, Record<string, unknown>[]>,
  mode: 'create' | 'edit' | 'transition',
  current: { labels: string[]; componentNames: string[] },
  richText: 'adf' | 'text' = 'adf',
): ParsedIssueFields {
  const richTextSchema = richText === 'text' ? z.string().transform((text) => textToAdf(text)) : adfDocSchema;
  const out: ParsedIssueFields = { create: {}, changes: {}, comments: [], errors: {} };
  const fail = (field: string, message: string): void => {
    out.errors[field] = message;
  };

  for (const [field, value] of Object.entries(fields)) {
    switch (field) {
      case 'project': {
        const parsed = ref.safeParse(value);
        if (mode !== 'create') fail(field, unknownFieldMessage(field));
        else if (!parsed.success || refText(parsed.data) === undefined) fail(field, 'Specify a valid project ID or key');
        else out.create.project = refText(parsed.data) ?? '';
        break;
      }
      case 'issuetype': {
        const parsed = ref.safeParse(value);
        if (mode !== 'create') fail(field, unknownFieldMessage(field));
        else if (!parsed.success || refText(parsed.data) === undefined) fail(field, 'Specify an issue type');
        else out.create.issueType = refText(parsed.data) ?? '';
        break;
      }
      case 'summary': {
        const parsed = z.string().safeParse(value);
        if (!parsed.success) fail(field, 'Summary must be a string.');
        else out.changes.summary = parsed.data;
        break;
      }
      case 'description': {
        const parsed = richTextSchema.nullable().safeParse(value);
        if (!parsed.success) fail(field, richText === 'text' ? 'The description must be a string.' : 'Operation value must be an Atlassian Document (see the Atlassian Document Format)');
        else out.changes.description = parsed.data;
        break;
      }
      case 'priority': {
        const parsed = ref.nullable().safeParse(value);
        if (!parsed.success || (parsed.data !== null && refText(parsed.data) === undefined)) fail(field, 'Specify the Priority (id or name) in the string format');
        else out.changes.priority = parsed.data === null ? null : (refText(parsed.data) ?? null);
        break;
      }
      case 'labels': {
        const parsed = z.array(z.string()).safeParse(value);
        if (!parsed.success) fail(field, 'Labels must be an array of strings.');
        else out.changes.labels = parsed.data;
        break;
      }
      case 'components': {
        const parsed = z.array(ref).safeParse(value);
        if (!parsed.success) fail(field, 'Components must be an array of {id} or {name}.');
        else out.changes.components = parsed.data.map((c) => refText(c) ?? '');
        break;
      }
      case 'assignee':
      case 'reporter': {
        const parsed = userRef.nullable().safeParse(value);
        if (!parsed.success) fail(field, `Specify the ${field} as {"accountId": "…"} or null.`);
        else out.changes[field] = parsed.data === null ? null : parsed.data.accountId;
        break;
      }
      case 'resolution': {
        const parsed = ref.safeParse(value);
        if (mode !== 'transition') fail(field, unknownFieldMessage(field));
        else if (!parsed.success || refText(parsed.data) === undefined) fail(field, 'Specify a valid resolution.');
        else out.resolution = refText(parsed.data) ?? '';
        break;
      }
      case REQUEST_TYPE_FIELD_ID: {
        const parsed = z.union([z.string(), z.number(), z.null()]).safeParse(value);
        if (!parsed.success) fail(field, 'Specify the request type id as a string.');
        // JSM also accepts "portalKey/requestTypeKey"; the part after the slash is the request type
        else out.changes.requestType = parsed.data === null ? null : (String(parsed.data).split('/').pop() ?? '');
        break;
      }
      case ORGANIZATIONS_FIELD_ID: {
        const parsed = z.array(z.union([z.number(), z.string(), ref])).nullable().safeParse(value);
        if (!parsed.success) fail(field, 'Specify organizations as a list of ids.');
        else out.changes.organizations = (parsed.data ?? []).map((o) => (typeof o === 'object' ? (refText(o) ?? '') : String(o)));
        break;
      }
      case REQUEST_PARTICIPANTS_FIELD_ID: {
        const parsed = z.array(userRef).nullable().safeParse(value);
        if (!parsed.success) fail(field, 'Specify participants as a list of {"accountId": "…"}.');
        else out.changes.participants = (parsed.data ?? []).map((u) => u.accountId);
        break;
      }
      default:
        fail(field, unknownFieldMessage(field));
    }
  }

  let labels = out.changes.labels ?? current.labels;
  let components = out.changes.components ?? current.componentNames;
  for (const [field, operations] of Object.entries(update)) {
    for (const operation of operations) {
      const [verb, value] = Object.entries(operation)[0] ?? ['', undefined];
      if (field === 'labels') {
        if (verb === 'add' && typeof value === 'string') labels = [...labels, value];
        else if (verb === 'remove' && typeof value === 'string') labels = labels.filter((l) => l !== value);
        else if (verb === 'set' && Array.isArray(value)) labels = value.filter((l): l is string => typeof l === 'string');
        else fail(field, `Unsupported update operation '${verb}' for labels.`);
        out.changes.labels = labels;
      } else if (field === 'components') {
        const parsed = verb === 'set' ? z.array(ref).safeParse(value) : ref.safeParse(value);
        if (!parsed.success) fail(field, 'Components must be given as {id} or {name}.');
        else if (verb === 'set' && Array.isArray(parsed.data)) components = parsed.data.map((c) => refText(c) ?? '');
        else if (!Array.isArray(parsed.data) && verb === 'add') components = [...components, refText(parsed.data) ?? ''];
        else if (!Array.isArray(parsed.data) && verb === 'remove') {
          const removed = refText(parsed.data);
          components = components.filter((c) => c !== removed);
        } else fail(field, `Unsupported update operation '${verb}' for components.`);
        out.changes.components = components;
      } else if (field === 'comment' && verb === 'add') {
        const parsed = z.object({ body: richTextSchema, visibility: visibilitySchema.optional() }).safeParse(value);
        if (!parsed.success) fail('comment', richText === 'text' ? 'Comment body must be a string.' : 'Comment body must be an Atlassian Document.');
        else {
          const visibility = parsed.data.visibility;
          out.comments.push({
            body: parsed.data.body,
            ...(visibility === undefined ? {} : { visibility: { type: visibility.type, value: visibility.value ?? visibility.identifier ?? '' } }),
          });
        }
      } else if (verb === 'set' && !(field in fields)) {
        // `update: { summary: [{ set: … }] }` means the same as `fields: { summary: … }`
        const nested = parseIssueFields({ [field]: value }, {}, mode, current);
        Object.assign(out.changes, nested.changes);
        Object.assign(out.create, nested.create);
        Object.assign(out.errors, nested.errors);
        if (nested.resolution !== undefined) out.resolution = nested.resolution;
      } else {
        fail(field, `Unsupported update operation '${verb}' for ${field}.`);
      }
    }
  }
  return out;
}

/** Turns `[{ key, value }]` into a record, as Jira's `properties` lists are. */
export function propertiesRecord(list: { key: string; value: unknown }[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((p) => [p.key, p.value]));
}

/** Flattens zod issues to Jira's `errors` object (`{ "updates.0.value": "…" }`). */
export function zodErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
    out[path] ??= issue.message;
  }
  return out;
}
