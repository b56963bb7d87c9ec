/**
 * zod schemas of what Forge hands the app's functions: the payloads of the Jira product events the
 * triggers subscribe to, the scheduled-trigger request, the @forge/events queue consumer event, the
 * invocation context (second argument of every function) and the resolver `context`.
 *
 * Shapes follow Forge's documentation, made lenient where Forge documents a field as optional or
 * has changed it over time; only what the handlers read is declared. Handlers must treat the issue
 * snapshot in an event as a hint and read the current issue from Jira (events arrive late, twice
 * or out of order).
 *
 * What this module may not do: I/O, Forge imports, or decide anything about contracts.
 */
import { z } from 'zod';
import { jiraChangeItemSchema } from './jira-api';

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

export const forgeUserRefSchema = z.object({ accountId: z.string().min(1) });
export type ForgeUserRef = z.infer<typeof forgeUserRefSchema>;

/**
 * `associatedUsers` is documented as `{ associatedUsers: User[] }` in the type reference but is an
 * array of users in the documented examples; both are accepted and read as an array.
 */
export const associatedUsersSchema = z
  .union([z.array(forgeUserRefSchema), z.object({ associatedUsers: z.array(forgeUserRefSchema) })])
  .transform((value) => (Array.isArray(value) ? value : value.associatedUsers));

/**
 * The issue inside an event: id and key always; `fields` is a partial snapshot at event time
 * (documented fields all optional) and is not what the clock decides on.
 */
export const forgeEventIssueSchema = z.object({
  id: z.string().regex(/^\d+$/, 'issue id must be numeric'),
  key: z.string().min(1),
  fields: z
    .object({
      status: z.object({ id: z.string(), name: z.string().optional() }).optional(),
      priority: z.object({ id: z.string(), name: z.string().optional() }).nullable().optional(),
      /** `projectTypeKey` is in the documented payload (`service_desk` for a JSM service project). */
      project: z.object({ id: z.string(), key: z.string(), projectTypeKey: z.string().optional() }).optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
    })
    .optional(),
});
export type ForgeEventIssue = z.infer<typeof forgeEventIssueSchema>;

/**
 * False only when the event itself says the issue is in a project of another type (a Jira Software
 * or business project); the manifest's filter expression drops those before Forge invokes us, this
 * keeps any other host of the handlers (the sandbox, tests) from doing I/O for them.
 *
 * @example isServiceProjectEvent(event) // false for an event from a Jira Software project
 */
export function isServiceProjectEvent(event: { readonly issue: ForgeEventIssue }): boolean {
  const type = event.issue.fields?.project?.projectTypeKey;
  return type === undefined || type === 'service_desk';
}

/** Fields common to every Jira product event payload. */
const productEventBase = {
  issue: forgeEventIssueSchema,
  /** The user who caused the event; absent for anonymous or system changes. */
  atlassianId: z.string().min(1).optional(),
  associatedUsers: associatedUsersSchema.optional(),
  // No `selfGenerated`: Jira's event reference documents no such field. Events the app caused itself
  // are dropped by the manifest's `filter.ignoreSelf`, which is Forge's documented way (issue 9).
  context: z.object({ cloudId: z.string().optional(), moduleKey: z.string().optional() }).optional(),
};

/**
 * One changed field in an `avi:jira:updated:issue` changelog — the same item shape as REST's
 * changelog (`field`, `fieldtype`, `fieldId`, `from`, `fromString`, `to`, `toString`).
 */
export const forgeChangelogItemSchema = jiraChangeItemSchema;
export type ForgeChangelogItem = z.infer<typeof forgeChangelogItemSchema>;

// ---------------------------------------------------------------------------------------------
// Product events
// ---------------------------------------------------------------------------------------------

/** `avi:jira:created:issue` (scope read:jira-work). */
export const issueCreatedEventSchema = z.object({
  eventType: z.literal('avi:jira:created:issue').optional(),
  ...productEventBase,
});
export type IssueCreatedEvent = z.infer<typeof issueCreatedEventSchema>;

/**
 * `avi:jira:updated:issue` (scope read:jira-work). `changelog.id` is the id of the changelog entry
 * and, with the issue id, a natural idempotency key. A missing changelog means "something changed":
 * re-read the issue.
 */
export const issueUpdatedEventSchema = z.object({
  eventType: z.literal('avi:jira:updated:issue').optional(),
  ...productEventBase,
  changelog: z
    .object({
      id: z.string().min(1).optional(),
      items: z.array(forgeChangelogItemSchema),
    })
    .optional(),
});
export type IssueUpdatedEvent = z.infer<typeof issueUpdatedEventSchema>;

/**
 * `avi:jira:commented:issue` (scope read:jira-work). The comment's visibility and its author's
 * account type are not reliable in the event: read the comment (expand=properties) before deciding
 * it is a public agent reply.
 */
export const issueCommentedEventSchema = z.object({
  eventType: z.literal('avi:jira:commented:issue').optional(),
  ...productEventBase,
  comment: z.object({
    id: z.string().min(1),
    author: forgeUserRefSchema.optional(),
    updateAuthor: forgeUserRefSchema.optional(),
    created: z.string().optional(),
    updated: z.string().optional(),
    jsdPublic: z.boolean().optional(),
  }),
});
export type IssueCommentedEvent = z.infer<typeof issueCommentedEventSchema>;

// ---------------------------------------------------------------------------------------------
// Scheduled trigger, queue consumer
// ---------------------------------------------------------------------------------------------

/**
 * The request a `scheduledTrigger` function receives: `{ context: { cloudId, moduleKey }, contextToken }`.
 * It runs without a user; a thrown error is not retried (the next tick runs anyway).
 */
export const scheduledTriggerEventSchema = z.object({
  context: z.object({ cloudId: z.string().min(1), moduleKey: z.string().min(1) }),
  contextToken: z.string().optional(),
});
export type ScheduledTriggerEvent = z.infer<typeof scheduledTriggerEventSchema>;

/** Present when Forge redelivers a queue event after the consumer failed or asked for a retry. */
export const queueRetryContextSchema = z.object({
  retryCount: z.number().int().nonnegative(),
  retryReason: z.string(),
  retryData: z.unknown().optional(),
});

/**
 * The event a @forge/events queue consumer receives (`AsyncEvent` in @forge/events): the pushed
 * `body` plus the queue, job and event ids. Build the schema with the body's own schema.
 *
 * @example queueConsumerEventSchema(z.object({ month: z.string() })).parse(event).body.month
 */
export function queueConsumerEventSchema<Body extends z.ZodType>(body: Body) {
  return z.object({
    body,
    queueName: z.string().min(1),
    jobId: z.string().min(1),
    eventId: z.string().min(1),
    retryContext: queueRetryContextSchema.optional(),
  });
}

/** An `AsyncEvent` (has `body` and `eventId`) is read as its body; anything else is taken as the body. */
function unwrapAsyncEvent(payload: unknown): unknown {
  if (typeof payload === 'object' && payload !== null && 'body' in payload && 'eventId' in payload) return payload.body;
  return payload;
}

/**
 * The consumer declared with `resolver: { function, method }` (as in manifest.yml) is called like a
 * resolver: `{ payload, context }`, with `payload` the pushed body (or, on newer runtimes, the whole
 * `AsyncEvent` with `body`) and `context.jobId` / `context.retryContext`. Both payload forms are
 * accepted and read as the body.
 */
export function queueResolverRequestSchema<Body extends z.ZodType>(body: Body) {
  return z.object({
    payload: z.preprocess(unwrapAsyncEvent, body),
    context: z.looseObject({
      jobId: z.string().optional(),
      retryContext: queueRetryContextSchema.optional(),
      installContext: z.string().optional(),
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// Invocation context and resolver context
// ---------------------------------------------------------------------------------------------

/** The app's license; only present for paid Marketplace apps in production. */
export const forgeLicenseSchema = z.object({
  isActive: z.boolean(),
  isEvaluation: z.boolean().nullable().optional(),
  type: z.string().nullable().optional(),
  trialEndDate: z.string().nullable().optional(),
  subscriptionEndDate: z.string().nullable().optional(),
});
export type ForgeLicense = z.infer<typeof forgeLicenseSchema>;

/**
 * Second argument of every Forge function (triggers, scheduled triggers, consumers):
 * `{ installContext, principal?, license?, installation?, workspaceId? }`. `principal` is not a
 * real user for scheduled triggers.
 */
export const forgeInvocationContextSchema = z.object({
  installContext: z.string().min(1),
  principal: forgeUserRefSchema.optional(),
  license: forgeLicenseSchema.optional(),
  workspaceId: z.string().optional(),
});
export type ForgeInvocationContext = z.infer<typeof forgeInvocationContextSchema>;

/**
 * `context.extension` of a resolver call. Which parts are present depends on the module:
 * `issue` + `project` for `jira:issuePanel`, `request` + `portal` for the JSM portal panels,
 * `gadget` + `dashboard` for `jira:dashboardGadget`, only `type` for `jira:adminPage`.
 */
export const forgeExtensionSchema = z.object({
  type: z.string().min(1),
  issue: z
    .object({
      id: z.string().regex(/^\d+$/, 'issue id must be numeric'),
      key: z.string().min(1),
      type: z.string().optional(),
      typeId: z.string().optional(),
    })
    .optional(),
  project: z.object({ id: z.string().min(1), key: z.string().min(1), type: z.string().optional() }).optional(),
  /**
   * JSM portal modules (manifest reference, "Extension context"): `request.key` and `request.typeId`
   * (a number: the request type) on a portal request, `portal.id` (a number: the service desk).
   */
  request: z.object({ key: z.string().min(1), typeId: z.union([z.string(), z.number()]).transform(String).optional() }).optional(),
  portal: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).optional(),
  gadget: z.object({ id: z.string().optional() }).optional(),
  dashboard: z.object({ id: z.string().optional() }).optional(),
  gadgetConfiguration: z.record(z.string(), z.unknown()).optional(),
});
export type ForgeExtension = z.infer<typeof forgeExtensionSchema>;

/**
 * `context` of a @forge/resolver call: the UI's context merged with what the platform vouches for
 * (`accountId` from the invocation principal, `installContext`, `license`). `accountId` is absent
 * for anonymous portal visitors. `locale` and `timezone` come from the user's browser and are only
 * display hints, never input to authorization or deadlines.
 */
export const resolverContextSchema = z.object({
  accountId: z.string().min(1).optional(),
  accountType: z.string().optional(),
  cloudId: z.string().min(1).optional(),
  siteUrl: z.string().optional(),
  moduleKey: z.string().min(1),
  localId: z.string().optional(),
  installContext: z.string().optional(),
  environmentType: z.string().optional(),
  extension: forgeExtensionSchema,
  license: forgeLicenseSchema.nullable().optional(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
});
export type ResolverContext = z.infer<typeof resolverContextSchema>;
