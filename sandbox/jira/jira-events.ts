/**
 * Forge product events of the emulated Jira: the payload shapes of `avi:jira:created:issue`,
 * `avi:jira:updated:issue` (with `changelog: { id, items }` and `associatedStatuses` on a status
 * change) and `avi:jira:commented:issue` (with `comment`), built from the model at the moment of
 * the change; the emitter the model fires them on; and a dispatcher that delivers them to a handler
 * the way Forge does — optionally late, twice, or out of order — so idempotent handlers can be shown.
 *
 * Payloads are snapshots (plain JSON): a delayed delivery carries the state of its own moment, as a
 * late Forge event does. Delivery uses timers; it never touches the model.
 */
import { ORGANIZATIONS_FIELD_ID, REQUEST_TYPE_FIELD_ID, type StatusDef } from './jira-catalog';
import type { JiraModel } from './jira-model';
import { renderComment, renderOrganization, renderPriority, renderProject, renderResolution, renderStatus, renderUser } from './jira-representations';
import { z } from 'zod';
import { changeItemSchema, type ChangeItem, type ChangelogRecord, type CommentRecord, type IssueRecord, type UserRecord } from './jira-state';
import { formatJiraDateTime } from './jira-time';

export const ISSUE_CREATED = 'avi:jira:created:issue';
export const ISSUE_UPDATED = 'avi:jira:updated:issue';
export const ISSUE_COMMENTED = 'avi:jira:commented:issue';

/** A user in an event's issue fields and `associatedUsers`: Forge sends the accountId only. */
export interface ForgeUserRef {
  accountId: string;
}

export interface ForgeIssue {
  id: string;
  key: string;
  /** summary, issuetype, creator, created, updated, project, reporter, assignee, status, priority,
   * labels, components, resolution, resolutiondate, and the JSM request type / organizations fields */
  fields: Record<string, unknown>;
}

interface ForgeEventBase {
  // No `selfGenerated` flag: Jira's event reference documents none. Forge's `ignoreSelf` filter
  // (sandbox/runtime/trigger-filter.ts) decides by who caused the event.
  /** the user who caused the event */
  atlassianId: string;
  associatedUsers: ForgeUserRef[];
  issue: ForgeIssue;
}

export interface IssueCreatedEvent extends ForgeEventBase {
  eventType: typeof ISSUE_CREATED;
}

export interface IssueUpdatedEvent extends ForgeEventBase {
  eventType: typeof ISSUE_UPDATED;
  changelog: { id: string; items: ChangeItem[] };
  /** [previous, current] status, only when the status changed */
  associatedStatuses?: [{ id: string; name: string }, { id: string; name: string }] | undefined;
}

export interface IssueCommentedEvent extends ForgeEventBase {
  eventType: typeof ISSUE_COMMENTED;
  comment: {
    id: string;
    self: string;
    author: Record<string, unknown>;
    updateAuthor: Record<string, unknown>;
    body: unknown;
    created: string;
    updated: string;
    jsdPublic: boolean;
  };
}

export type ForgeJiraEvent = IssueCreatedEvent | IssueUpdatedEvent | IssueCommentedEvent;

const eventBaseSchema = z.object({
  atlassianId: z.string(),
  associatedUsers: z.array(z.object({ accountId: z.string() })),
  issue: z.object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()) }),
});
const statusRefSchema = z.object({ id: z.string(), name: z.string() });

/** A stored event read back (the sandbox keeps undelivered events: jira-site-store.ts). */
export const forgeJiraEventSchema = z.discriminatedUnion('eventType', [
  eventBaseSchema.extend({ eventType: z.literal(ISSUE_CREATED) }),
  eventBaseSchema.extend({
    eventType: z.literal(ISSUE_UPDATED),
    changelog: z.object({ id: z.string(), items: z.array(changeItemSchema) }),
    associatedStatuses: z.tuple([statusRefSchema, statusRefSchema]).optional(),
  }),
  eventBaseSchema.extend({
    eventType: z.literal(ISSUE_COMMENTED),
    comment: z.object({
      id: z.string(),
      self: z.string(),
      author: z.record(z.string(), z.unknown()),
      updateAuthor: z.record(z.string(), z.unknown()),
      body: z.unknown(),
      created: z.string(),
      updated: z.string(),
      jsdPublic: z.boolean(),
    }),
  }),
]) satisfies z.ZodType<ForgeJiraEvent>;
export type ForgeJiraEventType = ForgeJiraEvent['eventType'];

// ---------------------------------------------------------------------------------------------
// payloads
// ---------------------------------------------------------------------------------------------

/** The issue as an event carries it: a fixed set of fields, dates in UTC, users as accountIds. */
function eventIssue(model: JiraModel, issue: IssueRecord): ForgeIssue {
  // events have no viewer: render as the app would see the issue, in UTC
  const ctx = { model, viewer: { ...model.appUser(), timeZone: 'UTC' } };
  const ref = (accountId: string | null): ForgeUserRef | null => (accountId === null ? null : { accountId });
  const project = model.getProject(issue.projectId);
  const priority = issue.priorityId === null ? undefined : model.findPriority(issue.priorityId);
  const resolution = issue.resolutionId === null ? undefined : model.findResolution(issue.resolutionId);
  const issueType = model.findIssueType(issue.issueTypeId);
  const requestType = issue.requestTypeId === null ? undefined : model.findRequestType(issue.requestTypeId);
  const fields: Record<string, unknown> = {
    summary: issue.summary,
    issuetype: issueType === undefined ? null : { id: issueType.id, name: issueType.name, subtask: false, description: issueType.description },
    creator: ref(issue.creatorId),
    created: formatJiraDateTime(issue.createdMs, 'UTC'),
    updated: formatJiraDateTime(issue.updatedMs, 'UTC'),
    project: renderProject(ctx, project),
    reporter: ref(issue.reporterId),
    assignee: ref(issue.assigneeId),
    status: renderStatus(ctx, model.getStatus(issue.statusId)),
    priority: priority === undefined ? null : renderPriority(ctx, priority),
    labels: [...issue.labels],
    components: issue.componentIds.map((id) => {
      const component = project.components.find((c) => c.id === id);
      return { id, name: component?.name ?? id };
    }),
    resolution: resolution === undefined ? null : renderResolution(ctx, resolution),
    resolutiondate: issue.resolutionDateMs === null ? null : formatJiraDateTime(issue.resolutionDateMs, 'UTC'),
    [REQUEST_TYPE_FIELD_ID]:
      requestType === undefined
        ? null
        : { requestType: { id: requestType.id, name: requestType.name, serviceDeskId: requestType.serviceDeskId, issueTypeId: requestType.issueTypeId } },
    [ORGANIZATIONS_FIELD_ID]: issue.organizationIds.flatMap((id) => {
      const organization = model.findOrganization(id);
      return organization === undefined ? [] : [renderOrganization(ctx, organization)];
    }),
  };
  for (const field of model.appFields) {
    const value = issue.appFieldValues[field.id] ?? null;
    fields[field.id] = field.type === 'datetime' && typeof value === 'string' ? formatJiraDateTime(Date.parse(value), 'UTC') : value;
  }
  // a snapshot: later changes to the issue must not show in an event delivered late
  return structuredClone({ id: issue.id, key: issue.key, fields });
}

function baseOf(model: JiraModel, issue: IssueRecord, actor: UserRecord, associated: (string | null)[]): ForgeEventBase {
  const users = [...new Set([actor.accountId, ...associated.filter((id): id is string => id !== null)])];
  return {
    atlassianId: actor.accountId,
    associatedUsers: users.map((accountId) => ({ accountId })),
    issue: eventIssue(model, issue),
  };
}

/** avi:jira:created:issue for a new issue. */
export function buildCreatedEvent(model: JiraModel, issue: IssueRecord, actor: UserRecord): IssueCreatedEvent {
  return { eventType: ISSUE_CREATED, ...baseOf(model, issue, actor, []) };
}

/** avi:jira:updated:issue for one changelog entry; `statuses` = [from, to] on a transition. */
export function buildUpdatedEvent(
  model: JiraModel,
  issue: IssueRecord,
  actor: UserRecord,
  entry: ChangelogRecord,
  statuses: [StatusDef, StatusDef] | null,
): IssueUpdatedEvent {
  const assigneeChanges = entry.items.filter((item) => item.fieldId === 'assignee').flatMap((item) => [item.from, item.to]);
  return {
    eventType: ISSUE_UPDATED,
    ...baseOf(model, issue, actor, assigneeChanges),
    changelog: { id: entry.id, items: entry.items.map((item) => ({ ...item })) },
    ...(statuses === null
      ? {}
      : {
          associatedStatuses: [
            { id: statuses[0].id, name: statuses[0].name },
            { id: statuses[1].id, name: statuses[1].name },
          ],
        }),
  };
}

/** avi:jira:commented:issue for a new comment (public reply or internal note). */
export function buildCommentedEvent(model: JiraModel, issue: IssueRecord, actor: UserRecord, comment: CommentRecord): IssueCommentedEvent {
  const ctx = { model, viewer: { ...model.appUser(), timeZone: 'UTC' } };
  const rendered = renderComment(ctx, issue, comment, new Set());
  const author = model.findUser(comment.authorId) ?? actor;
  const updateAuthor = model.findUser(comment.updateAuthorId) ?? actor;
  return {
    eventType: ISSUE_COMMENTED,
    ...baseOf(model, issue, actor, []),
    comment: structuredClone({
      id: comment.id,
      self: typeof rendered['self'] === 'string' ? rendered['self'] : '',
      author: renderUser(ctx, author),
      updateAuthor: renderUser(ctx, updateAuthor),
      body: comment.body,
      created: formatJiraDateTime(comment.createdMs, 'UTC'),
      updated: formatJiraDateTime(comment.updatedMs, 'UTC'),
      jsdPublic: !comment.internal,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// emitter
// ---------------------------------------------------------------------------------------------

export type ForgeJiraEventListener = (event: ForgeJiraEvent) => void;

/**
 * The model's event source. Listeners run synchronously inside the change that fired the event;
 * one that throws does not undo the change: its error is kept in `listenerErrors`.
 */
export class ForgeEventEmitter {
  private readonly listeners = new Set<ForgeJiraEventListener>();
  private readonly history: ForgeJiraEvent[] = [];
  readonly listenerErrors: { event: ForgeJiraEvent; error: unknown }[] = [];
  /** how many past events `recent()` keeps */
  historyLimit = 1000;

  /** Subscribes; returns the unsubscribe function. */
  on(listener: ForgeJiraEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: ForgeJiraEvent): void {
    this.history.push(event);
    if (this.history.length > this.historyLimit) this.history.splice(0, this.history.length - this.historyLimit);
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error: unknown) {
        this.listenerErrors.push({ event, error });
      }
    }
  }

  /** The most recent events, oldest first (for the sandbox's event log). */
  recent(): readonly ForgeJiraEvent[] {
    return this.history;
  }
}

// ---------------------------------------------------------------------------------------------
// dispatcher
// ---------------------------------------------------------------------------------------------

export interface DeliveryRecord {
  /** order in which the model fired the event (1-based) */
  sequence: number;
  /** 0 = the original delivery, 1 = the duplicate */
  copy: number;
  eventType: ForgeJiraEventType;
  issueKey: string;
  /** wall-clock ms (timer time, not the sandbox clock) */
  deliveredAt: number;
  error?: unknown;
}

export interface EventTimers {
  /** runs `callback` after `ms`; returns the function that cancels it */
  schedule(callback: () => void, ms: number): () => void;
  /** wall-clock ms, for DeliveryRecord.deliveredAt */
  now(): number;
}

const realTimers: EventTimers = {
  schedule: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    return () => {
      clearTimeout(handle);
    };
  },
  now: () => Date.now(),
};

/** mulberry32: a small seeded generator, so a default dispatcher reorders the same way every run */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EventDispatcherOptions {
  /** runs the app's trigger handler for one event */
  deliver: (event: ForgeJiraEvent) => Promise<void> | void;
  /** base delay before delivery, ms; default 0 */
  delayMs?: number;
  /** extra random delay in [0, jitterMs) per delivery; a jitter larger than the gap between
   * events lets a later event overtake an earlier one (Forge's "no guaranteed order") */
  jitterMs?: number;
  /** probability that an event is delivered a second time (Forge's "at least once"); default 0 */
  duplicateProbability?: number;
  /** only these event types are delivered (default all) */
  eventTypes?: readonly ForgeJiraEventType[];
  /** random source in [0, 1); default seeded (repeatable) */
  random?: () => number;
  timers?: EventTimers;
  /** called when the handler throws or rejects; the error is also kept on the DeliveryRecord */
  onError?: (error: unknown, event: ForgeJiraEvent) => void;
  /** called with the event as emitted once its (first) delivery is over, whether the handler succeeded or not */
  onSettled?: (event: ForgeJiraEvent) => void;
}

export interface EventDispatcher {
  /** every delivery so far, in delivery order */
  readonly log: readonly DeliveryRecord[];
  /** deliveries waiting for their timer */
  pendingCount(): number;
  /** delivers everything pending now, one by one in due order, and waits for them */
  flush(): Promise<void>;
  /** resolves when nothing is pending or running */
  whenIdle(): Promise<void>;
  /** unsubscribes and drops what is pending */
  stop(): void;
}

interface Pending {
  sequence: number;
  copy: number;
  dueAt: number;
  event: ForgeJiraEvent;
  cancel: () => void;
}

/**
 * Delivers the model's events to a handler as Forge would: asynchronously, optionally delayed,
 * duplicated and reordered.
 *
 * @example
 * const dispatcher = createEventDispatcher(model.events, { deliver: runTrigger, delayMs: 500, jitterMs: 2000, duplicateProbability: 0.2 });
 */
export function createEventDispatcher(source: ForgeEventEmitter, options: EventDispatcherOptions): EventDispatcher {
  const timers = options.timers ?? realTimers;
  const random = options.random ?? seededRandom(20260401);
  const pending: Pending[] = [];
  const running = new Set<Promise<void>>();
  const log: DeliveryRecord[] = [];
  let sequence = 0;
  let stopped = false;

  const run = async (item: Pending): Promise<void> => {
    const record: DeliveryRecord = {
      sequence: item.sequence,
      copy: item.copy,
      eventType: item.event.eventType,
      issueKey: item.event.issue.key,
      deliveredAt: timers.now(),
    };
    log.push(record);
    try {
      // each delivery gets its own copy, as two Forge invocations never share an object
      await options.deliver(structuredClone(item.event));
    } catch (error: unknown) {
      record.error = error;
      options.onError?.(error, item.event);
    }
    if (item.copy === 0) options.onSettled?.(item.event);
  };

  const start = (item: Pending): Promise<void> => {
    const index = pending.indexOf(item);
    if (index >= 0) pending.splice(index, 1);
    const promise = run(item).finally(() => running.delete(promise));
    running.add(promise);
    return promise;
  };

  const schedule = (event: ForgeJiraEvent, seq: number, copy: number): void => {
    const delay = Math.max(0, (options.delayMs ?? 0) + random() * (options.jitterMs ?? 0));
    const item: Pending = { sequence: seq, copy, dueAt: timers.now() + delay, event, cancel: () => undefined };
    item.cancel = timers.schedule(() => {
      if (!stopped && pending.includes(item)) void start(item);
    }, delay);
    pending.push(item);
  };

  const unsubscribe = source.on((event) => {
    if (stopped) return;
    if (options.eventTypes !== undefined && !options.eventTypes.includes(event.eventType)) return;
    sequence += 1;
    schedule(event, sequence, 0);
    if (random() < (options.duplicateProbability ?? 0)) schedule(event, sequence, 1);
  });

  return {
    log,
    pendingCount: () => pending.length,
    flush: async () => {
      // handlers may cause new events (the app writes to Jira): keep going until quiet
      for (;;) {
        const next = [...pending].sort((a, b) => a.dueAt - b.dueAt || a.sequence - b.sequence || a.copy - b.copy)[0];
        if (next === undefined) {
          if (running.size === 0) return;
          await Promise.all([...running]);
          continue;
        }
        next.cancel();
        await start(next);
      }
    },
    whenIdle: async () => {
      while (pending.length > 0 || running.size > 0) {
        if (running.size > 0) await Promise.all([...running]);
        else await new Promise<void>((resolve) => timers.schedule(resolve, 5));
      }
    },
    stop: () => {
      stopped = true;
      unsubscribe();
      for (const item of pending.splice(0)) item.cancel();
    },
  };
}
