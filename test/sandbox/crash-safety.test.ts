/**
 * Crash safety with a real SIGKILL (issue 10, item 13): a child process writes under load and is
 * killed mid-flight; whatever it acknowledged before must be in its database when it is opened again.
 * (The sandbox of before lost 19 of 109 acknowledged creates this way: its site file was written on
 * a 400 ms debounce.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../src/adapters/storage/sqlite-database';
import { openSqliteKvsStore } from '../../src/adapters/storage/sqlite-kvs-store';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import { createJiraModel } from '../../sandbox/jira/jira-model';
import { startChild } from '../../sandbox/soak/child-process';
import { openSandboxDatabase, stateFiles } from '../../sandbox/site-files';

jest.setTimeout(120_000);

const folder = mkdtempSync(path.join(tmpdir(), 'contract-clock-crash-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

it('keeps every request the sandbox acknowledged when it is killed with SIGKILL under load', async () => {
  const dataDir = path.join(folder, 'sandbox');
  const child = await startChild({ module: 'sandbox/soak/sandbox-process.ts', args: [dataDir, '--start', 'base', '--frozen'] });
  const url = child.ready;
  const acknowledged: string[] = [];
  const customer = `Basic ${Buffer.from('alice@acme.example:token').toString('base64')}`;
  const desk = (await (await fetch(`${url}/rest/servicedeskapi/servicedesk`, { headers: { authorization: customer } })).json()) as { values: { id: string }[] };
  const serviceDeskId = desk.values[0]?.id ?? '';
  const types = (await (await fetch(`${url}/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype`, { headers: { authorization: customer } })).json()) as {
    values: { id: string }[];
  };
  const requestTypeId = types.values[0]?.id ?? '';
  let killed = false;
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; !killed; i += 1) {
      try {
        const response = await fetch(`${url}/rest/servicedeskapi/request`, {
          method: 'POST',
          headers: { authorization: customer, 'content-type': 'application/json' },
          body: JSON.stringify({ serviceDeskId, requestTypeId, requestFieldValues: { summary: `Crash test ${w}-${i}` } }),
        });
        if (response.status === 201) acknowledged.push(((await response.json()) as { issueKey: string }).issueKey);
      } catch {
        return; // the connection died with the process
      }
    }
  };
  const workers = Array.from({ length: 6 }, (_, w) => worker(w));
  while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 10));
  // the app's handlers are writing too (records, app field values) while requests are in flight
  const { signal } = await child.kill('SIGKILL');
  killed = true;
  await Promise.all(workers);
  expect(signal).toBe('SIGKILL');

  const database = openSandboxDatabase(stateFiles(dataDir).database);
  try {
    const state = database.site.load();
    expect(state).not.toBeNull();
    const model = createJiraModel({ clock: { now: () => new Date() }, app: readJiraAppDefinition(), state: state ?? undefined });
    const missing = acknowledged.filter((key) => model.findIssue(key) === undefined);
    expect({ acknowledged: acknowledged.length, missing }).toEqual({ acknowledged: acknowledged.length, missing: [] });
  } finally {
    database.close();
  }
});

it('keeps every storage transaction that resolved, whole, when the writer is killed with SIGKILL', async () => {
  const file = path.join(folder, 'kvs.db');
  const child = await startChild({ module: 'test/sandbox/support/kvs-writer.ts', args: [file] });
  let last = -1;
  child.onLine((line) => {
    if (line.startsWith('ACK ')) last = Number(line.slice(4));
  });
  while (last < 300) await new Promise((resolve) => setTimeout(resolve, 5));
  await child.kill('SIGKILL');
  const db = openSqliteDatabase(file);
  try {
    const store = openSqliteKvsStore(db);
    for (let n = 0; n <= last; n += 1) {
      await expect(store.get(`a:${n}`)).resolves.toMatchObject({ n });
      await expect(store.get(`b:${n}`)).resolves.toEqual({ n });
    }
    // the transaction in flight when it died is there whole or not at all
    const a = await store.get(`a:${last + 1}`);
    const b = await store.get(`b:${last + 1}`);
    expect(a === undefined).toBe(b === undefined);
  } finally {
    db.close();
  }
});
