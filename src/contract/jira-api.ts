/**
 * zod schemas of the Jira Cloud REST v3 and JSM servicedeskapi answers the Jira client parses, and of
 * the request bodies it sends. Only the fields the app uses are declared: `z.object` drops whatever
 * else Jira sends, `z.looseObject` keeps it where we must read keys we only learn at run time (custom
 * field ids). The sandbox emulator answers in these shapes too.
 *
 * What this module may not do: I/O, Forge imports, or knowledge of the contract domain.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------

/**
 * Jira writes instants as `2021-01-17T12:34:00.000+0000`: ISO 8601 but with an offset without a
 * colon, which not every Date parser accepts. This normalises the offset before parsing.
 * Returns `undefined` for anything that is not such an instant.
 *
 * @example parseJiraDateTime('2021-01-17T12:34:00.000+0000')?.toISOString() // '2021-01-17T12:34:00.000Z'
 */
export function parseJiraDateTime(text: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [, local, zone] = match;
  if (local === undefined || zone === undefined) return undefined;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const parsed = new Date(`${local}${offset}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** A Jira instant (`2021-01-17T12:34:00.000+0000` or ISO 8601), parsed to a Date. */
export const jiraDateTimeSchema = z.string().transform((text, ctx) => {
  const parsed = parseJiraDateTime(text);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a Jira date-time: "${text}"` });
    return z.NEVER;
  }
  return parsed;
});

/**
 * Jira's error body: REST v3 answers `{ errorMessages, errors }`, servicedeskapi answers
 * `{ errorMessage, i18nErrorMessage }`. Both are optional: proxies answer 502/503 with HTML.
 */
export const jiraErrorBodySchema = z.object({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  errorMessage: z.string().optional(),
});
export type JiraErrorBody = z.infer<typeof jiraErrorBodySchema>;

/**
 * Account types Jira reports. A type Jira adds later is read as `unknown`, which the app treats
 * like neither an agent nor a customer — the safe side for "first public agent comment".
 */
export const jiraAccountTypeSchema = z.enum(['atlassian', 'app', 'customer', 'unknown']).catch('unknown');
export type JiraAccountType = z.infer<typeof jiraAccountTypeSchema>;

export const jiraUserSchema = z.object({
  accountId: z.string().min(1),
  accountType: jiraAccountTypeSchema.optional(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
});
export type JiraUser = z.infer<typeof jiraUserSchema>;

const idNameSchema = z.object({ id: z.string().min(1), name: z.string() });

export const jiraStatusCategoryKeySchema = z.enum(['new', 'indeterminate', 'done', 'undefined']);
export type JiraStatusCategoryKey = z.infer<typeof jiraStatusCategoryKeySchema>;

export const jiraStatusSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  statusCategory: z.object({ id: z.number().int(), key: jiraStatusCategoryKeySchema }),
});
export type JiraStatus = z.infer<typeof jiraStatusSchema>;

export const jiraPrioritySchema = idNameSchema;
export const jiraResolutionSchema = idNameSchema;
export const jiraComponentSchema = idNameSchema;
export const jiraIssueTypeSchema = idNameSchema;
/** `projectTypeKey` (`service_desk`, `software`, `business`) tells a service project from the others. */
export const jiraProjectSchema = z.object({ id: z.string().min(1), key: z.string().min(1), name: z.string(), projectTypeKey: z.string().optional() });

/**
 * Makes a null-prototype copy of a plain object so that zod does not read `Object.prototype`
 * members (a changelog item without `toString` would otherwise be "received function").
 */
function withoutPrototype(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.assign(Object.create(null) as Record<string, unknown>, value);
}

// ---------------------------------------------------------------------------------------------
// JSM values found inside an issue's fields
// ---------------------------------------------------------------------------------------------

/**
 * Value of the JSM request-type field (`schema.custom` = `com.atlassian.servicedesk:vp-origin`)
 * in an issue's fields. `null` on issues created outside the portal and without a request type.
 */
export const jsmRequestTypeFieldValueSchema = z.object({
  requestType: z.object({
    id: z.string().min(1),
    name: z.string(),
    serviceDeskId: z.string().optional(),
    issueTypeId: z.string().optional(),
  }),
  currentStatus: z.object({ status: z.string(), statusCategory: z.string().optional() }).optional(),
});
export type JsmRequestTypeFieldValue = z.infer<typeof jsmRequestTypeFieldValueSchema>;

/** One element of the JSM organizations field (`com.atlassian.servicedesk:sd-customer-organizations`). */
export const jsmOrganizationSchema = z.object({ id: z.string().min(1), name: z.string() });
export type JsmOrganization = z.infer<typeof jsmOrganizationSchema>;

// ---------------------------------------------------------------------------------------------
// Issue, changelog
// ---------------------------------------------------------------------------------------------

/**
 * One change of one field inside a changelog entry. `fieldId` is absent on very old entries.
 * Missing values become own `null`s, so `item.toString` is never `Object.prototype.toString`.
 */
export const jiraChangeItemSchema = z.preprocess(
  withoutPrototype,
  z.object({
    field: z.string(),
    fieldtype: z.string().optional(),
    fieldId: z.string().optional(),
    from: z.string().nullable().default(null),
    fromString: z.string().nullable().default(null),
    to: z.string().nullable().default(null),
    toString: z.string().nullable().default(null),
  }),
);
export type JiraChangeItem = z.infer<typeof jiraChangeItemSchema>;

/** One changelog entry ("history"): who changed which fields when. Automation may have no author. */
export const jiraChangelogSchema = z.object({
  id: z.string().min(1),
  author: jiraUserSchema.optional(),
  created: jiraDateTimeSchema,
  items: z.array(jiraChangeItemSchema),
});
export type JiraChangelog = z.infer<typeof jiraChangelogSchema>;

/** GET /rest/api/3/issue/{issueIdOrKey}/changelog — a page of changelog entries, oldest first. */
export const jiraChangelogPageSchema = z.object({
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  isLast: z.boolean(),
  values: z.array(jiraChangelogSchema),
});
export type JiraChangelogPage = z.infer<typeof jiraChangelogPageSchema>;

/**
 * The named fields of an issue that the app reads. Loose, because the JSM and app custom fields
 * have site-specific ids (`customfield_10010`) that are only known after GET /field; the client
 * reads those keys with their own schemas.
 */
export const jiraIssueFieldsSchema = z.looseObject({
  status: jiraStatusSchema,
  priority: jiraPrioritySchema.nullable().optional(),
  created: jiraDateTimeSchema,
  resolutiondate: jiraDateTimeSchema.nullable().optional(),
  resolution: jiraResolutionSchema.nullable().optional(),
  components: z.array(jiraComponentSchema).optional(),
  labels: z.array(z.string()).optional(),
  reporter: jiraUserSchema.nullable().optional(),
  assignee: jiraUserSchema.nullable().optional(),
  project: jiraProjectSchema,
  issuetype: jiraIssueTypeSchema,
});

/** `changelog` as embedded by GET /issue?expand=changelog (at most 100 entries, see `total`). */
export const jiraEmbeddedChangelogSchema = z.object({
  startAt: z.number().int().nonnegative().optional(),
  maxResults: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
  histories: z.array(jiraChangelogSchema),
});

/** GET /rest/api/3/issue/{issueIdOrKey}?fields=…&properties=…[&expand=changelog] */
export const jiraIssueSchema = z.object({
  id: z.string().regex(/^\d+$/, 'issue id must be numeric'),
  key: z.string().min(1),
  fields: jiraIssueFieldsSchema,
  /** Requested entity properties by key; a property the issue lacks is simply absent. */
  properties: z.record(z.string(), z.unknown()).optional(),
  changelog: jiraEmbeddedChangelogSchema.optional(),
});
export type JiraIssue = z.infer<typeof jiraIssueSchema>;

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/**
 * One entry of GET /rest/api/3/field. For JSM fields `schema.custom` names the field type
 * (`com.atlassian.servicedesk:vp-origin`); for a Forge `jira:customField` it is the extension ARI
 * `ari:cloud:ecosystem::extension/{appId}/{environmentId}/static/{moduleKey}` and `key` is
 * `{appId}__{environment}__{moduleKey}` on some sites — the client accepts either.
 */
export const jiraFieldSchema = z.object({
  id: z.string().min(1),
  key: z.string().optional(),
  name: z.string(),
  custom: z.boolean(),
  schema: z
    .object({
      type: z.string(),
      items: z.string().optional(),
      system: z.string().optional(),
      custom: z.string().optional(),
      customId: z.number().int().optional(),
    })
    .optional(),
});
export type JiraField = z.infer<typeof jiraFieldSchema>;
export const jiraFieldListSchema = z.array(jiraFieldSchema);

// ---------------------------------------------------------------------------------------------
// Entity properties
// ---------------------------------------------------------------------------------------------

/** GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey} */
export const jiraEntityPropertySchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type JiraEntityProperty = z.infer<typeof jiraEntityPropertySchema>;

/** GET /rest/api/3/issue/{issueIdOrKey}/properties */
export const jiraPropertyKeysSchema = z.object({
  keys: z.array(z.object({ key: z.string().min(1), self: z.string().optional() })),
});

// ---------------------------------------------------------------------------------------------
// App custom field values (Forge jira:customField)
// ---------------------------------------------------------------------------------------------

/**
 * Body of PUT /rest/api/3/app/field/{fieldIdOrKey}/value. A `datetime` field takes an ISO 8601
 * string (milliseconds are ignored by Jira); `null` clears the value.
 */
export const jiraAppFieldValueUpdateBodySchema = z.object({
  updates: z
    .array(
      z.object({
        issueIds: z.array(z.number().int().positive()).min(1),
        value: z.union([z.string(), z.number(), z.null()]),
      }),
    )
    .min(1),
});
export type JiraAppFieldValueUpdateBody = z.infer<typeof jiraAppFieldValueUpdateBodySchema>;

// ---------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------

/**
 * The JSM comment property that marks internal notes: `sd.public.comment` = `{ internal: true }`.
 * Read with `expand=properties`; `jsdPublic` says the same on sites that send it.
 */
export const SD_PUBLIC_COMMENT_PROPERTY = 'sd.public.comment';
export const sdPublicCommentValueSchema = z.object({ internal: z.boolean() });

/** GET /rest/api/3/issue/{issueIdOrKey}/comment/{id}?expand=properties */
export const jiraCommentSchema = z.object({
  id: z.string().min(1),
  author: jiraUserSchema.optional(),
  created: jiraDateTimeSchema,
  updated: jiraDateTimeSchema.optional(),
  jsdPublic: z.boolean().optional(),
  properties: z.array(jiraEntityPropertySchema).optional(),
});
export type JiraComment = z.infer<typeof jiraCommentSchema>;

/** GET /rest/api/3/issue/{issueIdOrKey}/comment?orderBy=created&expand=properties (PageOfComments). */
export const jiraCommentPageSchema = z.object({
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  comments: z.array(jiraCommentSchema),
});

/** JSM's date object: `{ iso8601, jira, friendly, epochMillis }`; epochMillis is the unambiguous one. */
export const jsmDateSchema = z.object({
  epochMillis: z.number().int(),
  iso8601: z.string().optional(),
});

/** An Atlassian Document Format document of paragraphs of plain text (what the app writes). */
const adfTextDocumentSchema = z.object({
  type: z.literal('doc'),
  version: z.literal(1),
  content: z.array(
    z.object({
      type: z.literal('paragraph'),
      content: z.array(z.object({ type: z.literal('text'), text: z.string().min(1) })),
    }),
  ).min(1),
});

/**
 * Body of POST /rest/api/3/issue/{issueIdOrKey}/comment as the app sends it: an ADF body and comment
 * entity properties (`properties: [{ key, value }]` in Atlassian's OpenAPI document, operation
 * `addComment`). `jsdPublic` is read-only in effect (the document: "To create a comment with its
 * visibility in Jira Service Desk set to false, use the Jira Service Desk REST API"), so an internal
 * note is made with JSM's `sd.public.comment` property.
 */
export const jiraCommentCreateBodySchema = z.object({
  body: adfTextDocumentSchema,
  properties: z.array(z.object({ key: z.string().min(1).max(255), value: z.record(z.string(), z.unknown()) })).max(10),
});
export type JiraCommentCreateBody = z.infer<typeof jiraCommentCreateBodySchema>;

/** The value of the app's note marker (`contract-clock-note`). */
export const appNoteMarkerSchema = z.object({ id: z.string().min(1).max(200) });

/** Body of POST /rest/servicedeskapi/request/{issueIdOrKey}/comment. `public: false` = internal note. */
export const jsmCommentCreateBodySchema = z.object({
  body: z.string().min(1),
  public: z.boolean(),
});
export type JsmCommentCreateBody = z.infer<typeof jsmCommentCreateBodySchema>;

/** Answer of POST /rest/servicedeskapi/request/{issueIdOrKey}/comment. */
export const jsmCommentSchema = z.object({
  id: z.string().min(1),
  body: z.string().optional(),
  public: z.boolean(),
  created: jsmDateSchema,
});
export type JsmComment = z.infer<typeof jsmCommentSchema>;

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

/** Body of POST /rest/api/3/issue/{issueIdOrKey}/notify. At least one recipient kind is required. */
export const jiraNotifyBodySchema = z.object({
  subject: z.string().min(1).optional(),
  textBody: z.string().min(1),
  htmlBody: z.string().min(1).optional(),
  to: z
    .object({
      reporter: z.boolean().optional(),
      assignee: z.boolean().optional(),
      watchers: z.boolean().optional(),
      voters: z.boolean().optional(),
      users: z.array(z.object({ accountId: z.string().min(1) })).optional(),
      groups: z.array(z.object({ groupId: z.string().min(1) })).optional(),
    })
    .refine(
      (to) =>
        to.reporter === true ||
        to.assignee === true ||
        to.watchers === true ||
        to.voters === true ||
        (to.users?.length ?? 0) > 0 ||
        (to.groups?.length ?? 0) > 0,
      { error: 'a notification needs at least one recipient' },
    ),
  restrict: z
    .object({
      permissions: z.array(z.object({ key: z.string().min(1) })).optional(),
      groups: z.array(z.object({ groupId: z.string().min(1) })).optional(),
    })
    .optional(),
});
export type JiraNotifyBody = z.infer<typeof jiraNotifyBodySchema>;

// ---------------------------------------------------------------------------------------------
// Permissions and the current user
// ---------------------------------------------------------------------------------------------

/** GET /rest/api/3/mypermissions?permissions=…[&issueKey=…|&projectKey=…] */
export const jiraMyPermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ key: z.string().optional(), havePermission: z.boolean() })),
});

/** GET /rest/api/3/myself */
export const jiraMyselfSchema = z.object({
  accountId: z.string().min(1),
  accountType: jiraAccountTypeSchema.optional(),
  displayName: z.string().optional(),
  timeZone: z.string().optional(),
  /** null or absent when the user's privacy setting hides it (GET /user documents both). */
  locale: z.string().nullish(),
});
export type JiraMyself = z.infer<typeof jiraMyselfSchema>;

/**
 * GET /rest/api/3/user/bulk — a page of users (PageBeanUser: `startAt`, `maxResults`, `total`,
 * `isLast`, `values` of User), Jira Cloud platform REST v3, Users: Bulk get users.
 */
export const jiraUserPageSchema = z.object({
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  isLast: z.boolean().optional(),
  values: z.array(jiraUserSchema),
});
export type JiraUserPage = z.infer<typeof jiraUserPageSchema>;

// ---------------------------------------------------------------------------------------------
// Admin pickers: priorities, statuses
// ---------------------------------------------------------------------------------------------

export const jiraPriorityDetailsSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  iconUrl: z.string().optional(),
  statusColor: z.string().optional(),
});
export type JiraPriorityDetails = z.infer<typeof jiraPriorityDetailsSchema>;

/** GET /rest/api/3/priority/search — a page of priorities. */
export const jiraPriorityPageSchema = z.object({
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  isLast: z.boolean(),
  values: z.array(jiraPriorityDetailsSchema),
});

/** GET /rest/api/3/status — every status of the site. */
export const jiraStatusListSchema = z.array(
  z.object({
    id: z.string().min(1),
    name: z.string(),
    untranslatedName: z.string().optional(),
    statusCategory: z.object({ id: z.number().int(), key: jiraStatusCategoryKeySchema }),
  }),
);
export type JiraStatusDetails = z.infer<typeof jiraStatusListSchema>[number];

// ---------------------------------------------------------------------------------------------
// servicedeskapi: service desks, request types, organizations, customer requests
// ---------------------------------------------------------------------------------------------

/** servicedeskapi's page envelope: `{ size, start, limit, isLastPage, values }`. */
export function jsmPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    size: z.number().int().nonnegative(),
    start: z.number().int().nonnegative(),
    limit: z.number().int().nonnegative(),
    isLastPage: z.boolean(),
    values: z.array(item),
  });
}

/** GET /rest/api/3/label: one page of the site's labels (platform paging). */
export const jiraLabelPageSchema = z.object({
  startAt: z.number().int().nonnegative(),
  maxResults: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  isLast: z.boolean(),
  values: z.array(z.string()),
});
export type JiraLabelPage = z.infer<typeof jiraLabelPageSchema>;

export const jsmServiceDeskSchema = z.object({
  id: z.string().min(1),
  projectId: z.string().min(1),
  projectKey: z.string().min(1),
  projectName: z.string(),
});
export type JsmServiceDesk = z.infer<typeof jsmServiceDeskSchema>;

export const jsmRequestTypeSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  serviceDeskId: z.string().min(1),
  issueTypeId: z.string().optional(),
  groupIds: z.array(z.string()).optional(),
});
export type JsmRequestType = z.infer<typeof jsmRequestTypeSchema>;

/** A user in servicedeskapi answers (`reporter`, participants, organization members). */
export const jsmUserSchema = z.object({ accountId: z.string().min(1), displayName: z.string().optional() });

/** GET /rest/servicedeskapi/request/{issueIdOrKey}; `participants` with `expand=participant`. */
export const jsmCustomerRequestSchema = z.object({
  issueId: z.string().min(1),
  issueKey: z.string().min(1),
  requestTypeId: z.string().min(1),
  serviceDeskId: z.string().min(1),
  createdDate: jsmDateSchema,
  reporter: jsmUserSchema.optional(),
  participants: jsmPageSchema(jsmUserSchema).optional(),
  currentStatus: z
    .object({
      status: z.string(),
      statusCategory: z.enum(['UNDEFINED', 'NEW', 'INDETERMINATE', 'DONE']).optional(),
      statusDate: jsmDateSchema.optional(),
    })
    .optional(),
});
export type JsmCustomerRequest = z.infer<typeof jsmCustomerRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/** POST /rest/api/3/search/jql: a page of issues (ids, keys, requested properties) and the next token. */
export const jiraSearchPageSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string().regex(/^\d+$/, 'issue id must be numeric'),
      key: z.string().min(1),
      properties: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  nextPageToken: z.string().min(1).optional(),
  isLast: z.boolean().optional(),
});
export type JiraSearchPage = z.infer<typeof jiraSearchPageSchema>;

/**
 * POST /rest/api/3/search/jql with `fields: ["id"]` and no properties: a page of issue ids only.
 * Atlassian's OpenAPI description of the operation (searchAndReconsileIssuesUsingJqlPost), `fields`:
 * "`id` Returns only issue IDs. … The default is `id`." — so an issue of the answer may hold nothing
 * but its `id`; anything else Jira adds is ignored.
 */
export const jiraIssueIdPageSchema = z.object({
  issues: z.array(z.object({ id: z.string().regex(/^\d+$/, 'issue id must be numeric') })),
  nextPageToken: z.string().min(1).optional(),
  isLast: z.boolean().optional(),
});
export type JiraIssueIdPage = z.infer<typeof jiraIssueIdPageSchema>;

/**
 * POST /rest/api/3/issue/bulkfetch with fields summary, status, assignee, priority: the issues the
 * caller may browse among those asked for (others are left out without an error).
 */
export const jiraBulkFetchSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string().regex(/^\d+$/, 'issue id must be numeric'),
      key: z.string().min(1),
      fields: z.object({
        summary: z.string().optional(),
        status: jiraStatusSchema.optional(),
        assignee: jiraUserSchema.nullish(),
        priority: idNameSchema.nullish(),
      }),
    }),
  ),
  issueErrors: z.array(z.object({ id: z.union([z.string(), z.number()]).optional(), errorMessage: z.string().optional() })).optional(),
});
export type JiraBulkFetch = z.infer<typeof jiraBulkFetchSchema>;

/** POST /rest/api/3/search/jql with fields summary, project, resolutiondate and the clock property. */
export const jiraIssueDigestPageSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string().regex(/^\d+$/, 'issue id must be numeric'),
      key: z.string().min(1),
      fields: z
        .object({
          summary: z.string().optional(),
          project: z.object({ id: z.string().min(1), key: z.string().min(1) }).optional(),
          resolutiondate: jiraDateTimeSchema.nullable().optional(),
        })
        .optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  nextPageToken: z.string().min(1).optional(),
  isLast: z.boolean().optional(),
});

/** POST /rest/api/3/search/approximate-count */
export const jiraApproximateCountSchema = z.object({ count: z.number().int().nonnegative() });
