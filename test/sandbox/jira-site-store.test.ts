/**
 * The Jira site in SQLite (jira-site-store.ts): what the model changes is written, one request's
 * changes at a time, and read back whole; a write costs the rows it changes, not the site or the
 * issue's history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/adapters/storage/sqlite-database';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import type { ForgeJiraEvent } from '../../sandbox/jira/jira-events';
import { createJiraModel, type JiraModel } from '../../sandbox/jira/jira-model';
import { seedBaseSite, type BaseSite } from '../../sandbox/jira/jira-seed';
import { JiraSiteStore } from '../../sandbox/jira/jira-site-store';

const folder = mkdtempSync(path.join(tmpdir(), 'contract-clock-site-store-'));
const databases: SqliteDatabase[] = [];
let serial = 0;
const app = readJiraAppDefinition();

afterAll(() => {
  for (const db of databases) if (db.open) db.close();
  rmSync(folder, { recursive: true, force: true });
});

function openStore(file = path.join(folder, `site-${(serial += 1)}.db`)): { file: string; db: SqliteDatabase; store: JiraSiteStore } {
  const db = openSqliteDatabase(file);
  databases.push(db);
  return { file, db, store: new JiraSiteStore(db) };
}

function newModel(state?: unknown): { model: JiraModel; clock: { advance(ms: number): void } } {
  let now = Date.parse('2026-10-05T07:30:00Z');
  const model = createJiraModel({ clock: { now: () => new Date(now) }, app, ...(state === undefined || state === null ? {} : { state }) });
  return { model, clock: { advance: (ms) => (now += ms) } };
}

function raise(model: JiraModel, site: BaseSite, summary: string): string {
  return model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary }).key;
}

/** Rows written by `work`, as SQLite counts them. */
async function rowsWritten(db: SqliteDatabase, work: () => Promise<void>): Promise<number> {
  const before = Number(db.prepare('SELECT total_changes() AS n').pluck().get());
  await work();
  return Number(db.prepare('SELECT total_changes() AS n').pluck().get()) - before;
}

describe('JiraSiteStore', () => {
  it('answers null for a database without a site', () => {
    expect(openStore().store.load()).toBeNull();
  });

  it('writes each request\u2019s changes and reads back exactly the site the model holds', async () => {
    const { file, store } = openStore();
    const { model, clock } = newModel();
    const site = seedBaseSite(model);
    await store.persist(model);
    const key = raise(model, site, 'Mailbox full');
    await store.persist(model);
    clock.advance(60_000);
    model.addComment(site.users.sanne.accountId, key, { body: 'Looking into it', internal: false });
    model.addComment(site.users.sanne.accountId, key, { body: 'internal', internal: true });
    model.setIssueProperty(site.users.sanne.accountId, key, 'zeta', { n: 1 });
    model.setIssueProperty(site.users.sanne.accountId, key, 'alpha', { n: 2 });
    model.setIssueProperty(site.users.sanne.accountId, key, 'zeta', { n: 3 });
    await store.persist(model);
    model.transitionToStatus(site.users.sanne.accountId, key, 'Waiting for customer');
    model.deleteIssueProperty(site.users.sanne.accountId, key, 'alpha');
    model.setAppFieldValues(model.app.accountId, [{ field: 'contract-deadline', issueIds: [model.findIssue(key)?.id ?? ''], value: '2026-10-06T10:00:00Z' }]);
    model.notify(model.app.accountId, key, { subject: 'At risk', textBody: 'soon', to: { assignee: true, reporter: true } });
    model.revokeConsent(site.users.sanne.accountId);
    model.grantConsent(site.users.noor.accountId);
    raise(model, site, 'Second');
    await store.persist(model);
    expect(model.hasChanges()).toBe(false);

    const reopened = openStore(file).store.load();
    const restored = newModel(reopened).model;
    expect(restored.exportState()).toEqual(model.exportState());
    // properties keep the order they were first set in
    expect(Object.keys(restored.findIssue(key)?.properties ?? {})).toEqual(['zeta']);
  });

  it('replaces whatever it held with a whole site', async () => {
    const { store } = openStore();
    const first = newModel().model;
    const site = seedBaseSite(first);
    raise(first, site, 'Only in the first');
    await store.persist(first);
    const second = newModel().model;
    seedBaseSite(second);
    store.replaceWith(second.exportState());
    expect(newModel(store.load()).model.exportState()).toEqual(second.exportState());
  });

  it('costs the rows a change touches, however long the issue\u2019s history and however large the site', async () => {
    const { db, store } = openStore();
    const { model } = newModel();
    const site = seedBaseSite(model);
    await store.persist(model);
    const key = raise(model, site, 'Busy request');
    for (let i = 0; i < 300; i += 1) model.setPriority(site.users.sanne.accountId, key, i % 2 === 0 ? 'High' : 'Low');
    for (let i = 0; i < 200; i += 1) raise(model, site, `Other ${i}`);
    await store.persist(model);
    // one property write: the property row only
    expect(await rowsWritten(db, async () => {
      model.setIssueProperty(model.app.accountId, key, 'contract-clock', { state: 'running' });
      await store.persist(model);
    })).toBe(1);
    // one edit: the issue row, its changelog entry, the id counters and the event it fires (until delivered)
    expect(await rowsWritten(db, async () => {
      model.setPriority(site.users.sanne.accountId, key, 'Highest');
      await store.persist(model);
    })).toBe(4);
  });

  it('keeps the events a change fires until they are delivered, for a restarted sandbox to deliver', async () => {
    const { file, store } = openStore();
    const { model } = newModel();
    const site = seedBaseSite(model);
    await store.persist(model);
    const fired: ForgeJiraEvent[] = [];
    model.events.on((event) => fired.push(event));
    const key = raise(model, site, 'Printer jams');
    model.addComment(site.users.sanne.accountId, key, { body: 'On it', internal: false });
    await store.persist(model);
    expect(fired).toHaveLength(2);
    const [created, commented] = fired;
    if (created === undefined || commented === undefined) throw new Error('two events expected');
    // the created event was delivered; the commented one was not when the process died
    await store.eventDelivered(created);
    const reopened = openStore(file).store;
    const undelivered = reopened.undeliveredEvents();
    expect(undelivered).toEqual([commented]);
    const [again] = undelivered;
    if (again === undefined) throw new Error('one event expected');
    await reopened.eventDelivered(again);
    expect(openStore(file).store.undeliveredEvents()).toEqual([]);
  });

  it('does not keep an event that was delivered before its change was written', async () => {
    const { store } = openStore();
    const { model } = newModel();
    const site = seedBaseSite(model);
    const fired: ForgeJiraEvent[] = [];
    model.events.on((event) => fired.push(event));
    raise(model, site, 'Changed outside a request');
    const [created] = fired;
    if (created === undefined) throw new Error('an event expected');
    await store.eventDelivered(created);
    await store.persist(model);
    expect(store.undeliveredEvents()).toEqual([]);
  });

  it('keeps the changes pending when the write fails, and writes them with the next one', async () => {
    const { db, store } = openStore();
    const { model } = newModel();
    const site = seedBaseSite(model);
    await store.persist(model);
    raise(model, site, 'First');
    db.exec('CREATE TRIGGER refuse BEFORE INSERT ON jira_issues BEGIN SELECT RAISE(ABORT, \'disk full\'); END;');
    await expect(store.persist(model)).rejects.toThrow('disk full');
    expect(model.hasChanges()).toBe(true);
    expect(newModel(store.load()).model.issues()).toHaveLength(0);
    db.exec('DROP TRIGGER refuse');
    raise(model, site, 'Second');
    await store.persist(model);
    expect(newModel(store.load()).model.issues().map((i) => i.summary)).toEqual(['First', 'Second']);
  });
});
