/**
 * The sandbox's data folder (site-files.ts): a demo is installed as a copy of its database, never
 * mixed with the write-ahead log of the database it replaces; a folder from before SQLite is moved
 * aside, not lost.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryKvsStore } from '../../src/adapters/storage/memory-kvs-store';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import { createJiraModel } from '../../sandbox/jira/jira-model';
import { seedBaseSite } from '../../sandbox/jira/jira-seed';
import { demoFiles, installDemo, openSandboxDatabase, setAsidePreSqliteState, stateFiles, writeSandboxDatabase } from '../../sandbox/site-files';

const folder = mkdtempSync(path.join(tmpdir(), 'contract-clock-site-files-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function siteWith(summary: string | null) {
  const model = createJiraModel({ clock: { now: () => new Date('2026-10-05T07:30:00Z') }, app: readJiraAppDefinition() });
  const site = seedBaseSite(model);
  if (summary !== null) model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary });
  return model.exportState();
}

it('installs a demo as a copy of its database, over a live one whose write-ahead log is still there', async () => {
  const dataDir = path.join(folder, 'install');
  const demo = demoFiles(dataDir, 'abc123abc123');
  const store = new MemoryKvsStore();
  await store.set('demo-key', { demo: true });
  writeSandboxDatabase(demo.database, siteWith('From the demo'), store.snapshot());
  expect(existsSync(`${demo.database}-wal`)).toBe(false);

  const state = stateFiles(dataDir);
  // a live database that was not closed cleanly: its last changes are still in its -wal file
  const live = openSandboxDatabase(state.database);
  live.db.pragma('wal_autocheckpoint = 0');
  live.site.replaceWith(siteWith('Live, to be replaced'));
  await live.kvs.set('live-key', 1);
  copyFileSync(`${state.database}-wal`, path.join(folder, 'left-behind-wal'));
  live.close();
  copyFileSync(path.join(folder, 'left-behind-wal'), `${state.database}-wal`);

  installDemo(demo, state, 'abc123abc123', new Date('2026-10-05T08:00:00Z'));
  const installed = openSandboxDatabase(state.database);
  try {
    const issues = storedSummaries(installed.site.load()).issues;
    expect(issues.map((i) => i.summary)).toEqual(['From the demo']);
    await expect(installed.kvs.get('demo-key')).resolves.toEqual({ demo: true });
    await expect(installed.kvs.get('live-key')).resolves.toBeUndefined();
  } finally {
    installed.close();
  }
  expect(JSON.parse(readFileSync(state.origin, 'utf8'))).toMatchObject({ demoHash: 'abc123abc123' });
});

it('moves a data folder from before SQLite aside instead of reading it, and only then', () => {
  const dataDir = path.join(folder, 'old');
  const state = stateFiles(dataDir);
  expect(setAsidePreSqliteState(state)).toBeNull();
  mkdirSync(path.join(state.dir, 'kvs'), { recursive: true });
  writeFileSync(state.preSqliteSite, '{"schemaVersion":1}');
  const moved = setAsidePreSqliteState(state);
  expect(moved).toBe(path.join(dataDir, 'state-before-sqlite'));
  expect(existsSync(path.join(dataDir, 'state-before-sqlite', 'jira-site.json'))).toBe(true);
  expect(existsSync(state.dir)).toBe(false);
  // a second old folder does not overwrite the first one set aside
  mkdirSync(state.dir, { recursive: true });
  writeFileSync(state.preSqliteSite, '{}');
  expect(setAsidePreSqliteState(state)).toBe(path.join(dataDir, 'state-before-sqlite-2'));
});

/** The stored site's issues, read as the test needs them. */
function storedSummaries(state: Record<string, unknown> | null): { issues: { summary: string }[] } {
  const issues = state?.issues;
  if (!Array.isArray(issues)) throw new Error('no site stored');
  return { issues: issues.map((i: unknown) => ({ summary: typeof i === 'object' && i !== null && 'summary' in i ? String(i.summary) : '' })) };
}
