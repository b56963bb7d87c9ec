/**
 * The emulated Jira site in the sandbox's SQLite database: what `JiraModel` holds in memory, kept
 * durable one change at a time. A request's changes (`JiraModel.takeChanges()`) are written in one
 * transaction — an issue's own fields, each new comment and changelog entry, each property set or
 * deleted, each notification, and the small site collections (users, projects, service desks,
 * organizations, consents, counters) that changed — so the cost of a write does not grow with the
 * site, nor with an issue's history. Opening reads the whole site back into a model.
 *
 * The product events a change fires are written with it, to `jira_event_outbox`, and removed once
 * delivered (`eventDelivered`): a crash between the answer and the delivery does not swallow them —
 * the sandbox delivers what is left when it starts again (`undeliveredEvents`), as Forge's event
 * pipeline delivers an event Jira committed "at least once".
 *
 * Tables (created when missing): `jira_collections(name, value)`, `jira_issues(id, key, value)`,
 * `jira_comments(id, issue_id, value)`, `jira_changelog(id, issue_id, value)`,
 * `jira_issue_properties(issue_id, key, position, value)`, `jira_notifications(id, issue_id, value)`,
 * `jira_event_outbox(id, event)`; values are JSON. Ids are Jira's numeric ids, so rows come back in
 * creation order.
 *
 * Touches only its own tables of the database it is given.
 */
import { z } from 'zod';
import { durableWrite, type SqliteDatabase } from '../../src/adapters/storage/sqlite-database';
import type { JiraModel, SiteChanges, SiteCollection } from './jira-model';
import { forgeJiraEventSchema, type ForgeJiraEvent } from './jira-events';
import type { IssueRecord, JiraSiteState } from './jira-state';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS jira_collections (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS jira_issues (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS jira_comments (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, value TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS jira_comments_by_issue ON jira_comments (issue_id, id);
  CREATE TABLE IF NOT EXISTS jira_changelog (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, value TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS jira_changelog_by_issue ON jira_changelog (issue_id, id);
  CREATE TABLE IF NOT EXISTS jira_issue_properties (
    issue_id INTEGER NOT NULL, key TEXT NOT NULL, position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (issue_id, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS jira_notifications (id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS jira_event_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, event TEXT NOT NULL);
`;

const collectionNames: readonly SiteCollection[] = ['users', 'projects', 'serviceDesks', 'organizations', 'consents', 'counters'];

const collectionRowSchema = z.object({ name: z.string(), value: z.string() });
const issueRowSchema = z.object({ id: z.number(), value: z.string() });
const childRowSchema = z.object({ issue_id: z.number(), value: z.string() });
const propertyRowSchema = z.object({ issue_id: z.number(), key: z.string(), value: z.string() });
const valueRowSchema = z.object({ value: z.string() });
const countRowSchema = z.object({ count: z.number() });

function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** An issue's own fields: what `jira_issues` keeps (comments, changelog and properties have their tables). */
function coreOf(issue: IssueRecord): string {
  const { comments: _comments, changelog: _changelog, properties: _properties, ...core } = issue;
  return JSON.stringify(core);
}

function collectionOf(model: JiraModel, name: SiteCollection): unknown {
  switch (name) {
    case 'users':
      return model.users();
    case 'projects':
      return model.projects();
    case 'serviceDesks':
      return model.serviceDesks();
    case 'organizations':
      return model.organizations();
    case 'consents':
      return model.consents();
    case 'counters':
      return model.counters();
  }
}

/**
 * The Jira site's tables in a sandbox database.
 *
 * @example
 * const site = new JiraSiteStore(db);
 * const model = createJiraModel({ clock, app, state: site.load() ?? undefined });
 * // … after each request:
 * site.persist(model);
 */
export class JiraSiteStore {
  private readonly statements;
  /** outbox row of each event written or read back, until it is delivered */
  private readonly outboxIds = new WeakMap<ForgeJiraEvent, number>();
  /** events delivered before their change was written (a change made outside a request): not to be kept */
  private readonly deliveredEarly = new WeakSet<ForgeJiraEvent>();

  constructor(private readonly db: SqliteDatabase) {
    db.exec(SCHEMA);
    this.statements = {
      putCollection: db.prepare(
        'INSERT INTO jira_collections (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      ),
      putIssue: db.prepare('INSERT INTO jira_issues (id, key, value) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value'),
      putComment: db.prepare('INSERT OR REPLACE INTO jira_comments (id, issue_id, value) VALUES (?, ?, ?)'),
      putChangelog: db.prepare('INSERT OR REPLACE INTO jira_changelog (id, issue_id, value) VALUES (?, ?, ?)'),
      putProperty: db.prepare(
        'INSERT INTO jira_issue_properties (issue_id, key, position, value) ' +
          'VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM jira_issue_properties WHERE issue_id = ?), ?) ' +
          'ON CONFLICT (issue_id, key) DO UPDATE SET value = excluded.value',
      ),
      removeProperty: db.prepare('DELETE FROM jira_issue_properties WHERE issue_id = ? AND key = ?'),
      putNotification: db.prepare('INSERT OR REPLACE INTO jira_notifications (id, issue_id, value) VALUES (?, ?, ?)'),
      issueByKey: db.prepare('SELECT value FROM jira_issues WHERE key = ?'),
      propertyOf: db.prepare('SELECT value FROM jira_issue_properties WHERE issue_id = ? AND key = ?'),
      countIssues: db.prepare('SELECT COUNT(*) AS count FROM jira_issues'),
      putEvent: db.prepare('INSERT INTO jira_event_outbox (event) VALUES (?)'),
      removeEvent: db.prepare('DELETE FROM jira_event_outbox WHERE id = ?'),
      outbox: db.prepare('SELECT id, event FROM jira_event_outbox ORDER BY id'),
    };
  }

  /**
   * Writes what changed in `model` since the last call, in one transaction, and resolves once it is
   * durable (a group commit: sqlite-database.ts). When the write fails the changes go back to the
   * model's pending ones, so the next call writes them too.
   */
  async persist(model: JiraModel): Promise<void> {
    if (!model.hasChanges()) return;
    const changes = model.takeChanges();
    try {
      await durableWrite(this.db, () => {
        this.write(changes, (name) => collectionOf(model, name));
      });
    } catch (error) {
      model.restoreChanges(changes);
      throw error;
    }
  }

  /** Replaces whatever the tables hold with a whole site (`exportState()` of a model: a fresh install). */
  replaceWith(state: JiraSiteState): void {
    this.db.transaction(() => {
      this.db.exec(
        'DELETE FROM jira_collections; DELETE FROM jira_issues; DELETE FROM jira_comments; DELETE FROM jira_changelog; ' +
          'DELETE FROM jira_issue_properties; DELETE FROM jira_notifications;',
      );
      const issues = state.issues;
      this.write(
        {
          collections: new Set(collectionNames),
          issues: new Set(issues),
          comments: issues.flatMap((issue) => issue.comments.map((comment) => ({ issueId: issue.id, comment }))),
          changelog: issues.flatMap((issue) => issue.changelog.map((entry) => ({ issueId: issue.id, entry }))),
          properties: new Map(issues.map((issue) => [issue, new Set(Object.keys(issue.properties))])),
          notifications: state.notifications,
          events: [],
        },
        (name) => state[name],
      );
    })();
  }

  /**
   * The stored site in `exportState()` form, for `createJiraModel({ state })` (which checks its
   * shape), or null when the tables hold none.
   */
  load(): Record<string, unknown> | null {
    const collections = new Map<string, unknown>();
    for (const raw of this.db.prepare('SELECT name, value FROM jira_collections').iterate()) {
      const row = collectionRowSchema.parse(raw);
      collections.set(row.name, parseJson(row.value));
    }
    if (!collections.has('counters')) return null;
    const issues: Record<string, unknown>[] = [];
    const byId = new Map<number, { comments: unknown[]; changelog: unknown[]; properties: Record<string, unknown> }>();
    for (const raw of this.db.prepare('SELECT id, value FROM jira_issues ORDER BY id').iterate()) {
      const row = issueRowSchema.parse(raw);
      const parts = { comments: [], changelog: [], properties: {} };
      byId.set(row.id, parts);
      issues.push({ ...z.record(z.string(), z.unknown()).parse(parseJson(row.value)), ...parts });
    }
    for (const [table, part] of [
      ['jira_comments', 'comments'],
      ['jira_changelog', 'changelog'],
    ] as const) {
      for (const raw of this.db.prepare(`SELECT issue_id, value FROM ${table} ORDER BY id`).iterate()) {
        const row = childRowSchema.parse(raw);
        byId.get(row.issue_id)?.[part].push(parseJson(row.value));
      }
    }
    for (const raw of this.db.prepare('SELECT issue_id, key, value FROM jira_issue_properties ORDER BY issue_id, position').iterate()) {
      const row = propertyRowSchema.parse(raw);
      const parts = byId.get(row.issue_id);
      if (parts !== undefined) parts.properties[row.key] = parseJson(row.value);
    }
    const notifications = this.db
      .prepare('SELECT value FROM jira_notifications ORDER BY id')
      .all()
      .map((raw) => parseJson(valueRowSchema.parse(raw).value));
    return {
      schemaVersion: 1,
      users: collections.get('users'),
      projects: collections.get('projects'),
      serviceDesks: collections.get('serviceDesks'),
      organizations: collections.get('organizations'),
      consents: collections.get('consents') ?? [],
      counters: collections.get('counters'),
      issues,
      notifications,
    };
  }

  /**
   * The events written with their changes and not yet delivered (oldest first), to be delivered
   * again; each is removed by `eventDelivered` like a new one.
   */
  undeliveredEvents(): ForgeJiraEvent[] {
    return this.statements.outbox.all().map((raw) => {
      const row = z.object({ id: z.number(), event: z.string() }).parse(raw);
      const event = forgeJiraEventSchema.parse(JSON.parse(row.event));
      this.outboxIds.set(event, row.id);
      return event;
    });
  }

  /** Forgets a delivered event (its handler ran, whatever it answered). Resolves once that is durable. */
  async eventDelivered(event: ForgeJiraEvent): Promise<void> {
    const id = this.outboxIds.get(event);
    if (id === undefined) {
      this.deliveredEarly.add(event);
      return;
    }
    this.outboxIds.delete(event);
    await durableWrite(this.db, () => this.statements.removeEvent.run(id));
  }

  /** How many issues are stored (the soak's check that nothing acknowledged was lost). */
  issueCount(): number {
    return countRowSchema.parse(this.statements.countIssues.get()).count;
  }

  /** Whether an issue with this key is stored, and its entity property `key` as stored (undefined when absent). */
  storedIssue(issueKey: string, propertyKey: string): { exists: boolean; property: unknown } {
    const row = valueRowSchema.optional().parse(this.statements.issueByKey.get(issueKey));
    if (row === undefined) return { exists: false, property: undefined };
    const id = z.object({ id: z.string() }).parse(parseJson(row.value)).id;
    const property = valueRowSchema.optional().parse(this.statements.propertyOf.get(Number(id), propertyKey));
    return { exists: true, property: property === undefined ? undefined : parseJson(property.value) };
  }

  private write(changes: SiteChanges, collection: (name: SiteCollection) => unknown): void {
    const s = this.statements;
    this.db.transaction(() => {
      for (const name of changes.collections) s.putCollection.run(name, JSON.stringify(collection(name)));
      for (const issue of changes.issues) s.putIssue.run(Number(issue.id), issue.key, coreOf(issue));
      for (const { issueId, comment } of changes.comments) s.putComment.run(Number(comment.id), Number(issueId), JSON.stringify(comment));
      for (const { issueId, entry } of changes.changelog) s.putChangelog.run(Number(entry.id), Number(issueId), JSON.stringify(entry));
      for (const [issue, keys] of changes.properties) {
        const id = Number(issue.id);
        for (const key of keys) {
          if (Object.prototype.hasOwnProperty.call(issue.properties, key)) s.putProperty.run(id, key, id, JSON.stringify(issue.properties[key]));
          else s.removeProperty.run(id, key);
        }
      }
      for (const notification of changes.notifications) s.putNotification.run(Number(notification.id), Number(notification.issueId), JSON.stringify(notification));
      for (const event of changes.events) {
        if (!this.deliveredEarly.has(event)) this.outboxIds.set(event, Number(s.putEvent.run(JSON.stringify(event)).lastInsertRowid));
      }
    })();
  }
}
