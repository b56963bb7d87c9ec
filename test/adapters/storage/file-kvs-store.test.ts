import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOURNAL_FILE, openFileKvsStore, SNAPSHOT_FILE } from '../../../src/adapters/storage/file-kvs-store';
import { describeKeyValueStoreContract, valueOfBytes } from './key-value-store-contract';
import { TEST_ENTITIES } from './test-entities';

const folders: string[] = [];

async function freshFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'contract-clock-kvs-'));
  folders.push(folder);
  return folder;
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describeKeyValueStoreContract('FileKvsStore', async () => {
  const store = await openFileKvsStore(await freshFolder(), { entities: TEST_ENTITIES });
  return { store, dispose: () => store.close() };
});

describe('FileKvsStore persistence', () => {
  it('keeps data across a restart after close()', async () => {
    const folder = await freshFolder();
    const first = await openFileKvsStore(folder);
    await first.set('settings', { schemaVersion: 1, atRiskPercent: 80 });
    await first.transact([
      { type: 'set', key: 'open-clock:1', value: { issueId: '1' } },
      { type: 'set', key: 'open-clock:2', value: { issueId: '2' } },
    ]);
    await first.delete('open-clock:1');
    await first.close();

    const second = await openFileKvsStore(folder);
    await expect(second.get('settings')).resolves.toEqual({ schemaVersion: 1, atRiskPercent: 80 });
    await expect(second.get('open-clock:1')).resolves.toBeUndefined();
    await expect(second.get('open-clock:2')).resolves.toEqual({ issueId: '2' });
    expect(await second.journalSize()).toBe(0);
  });

  it('keeps entity items across a restart, from the journal and from the snapshot', async () => {
    const folder = await freshFolder();
    const first = await openFileKvsStore(folder, { entities: TEST_ENTITIES });
    await first.transact([
      { type: 'set', key: 'doc-1', entity: 'revisioned-doc', value: { revision: 1 } },
      { type: 'set', key: 'i-1', entity: 'due-item', value: { dueAt: 10, queue: 'a' } },
      { type: 'set', key: 'i-2', entity: 'due-item', value: { dueAt: 20, queue: 'a' } },
    ]);
    await first.transact([
      { type: 'delete', key: 'i-1', entity: 'due-item' },
      { type: 'set', key: 'doc-1', entity: 'revisioned-doc', value: { revision: 2 }, conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: 1 }] },
    ]);
    // no close(): the second store replays the journal
    const second = await openFileKvsStore(folder, { entities: TEST_ENTITIES });
    await expect(second.getEntity('revisioned-doc', 'doc-1')).resolves.toEqual({ revision: 2 });
    const page = await second.queryEntity({ entity: 'due-item', index: 'dueAt' });
    expect(page.entries).toEqual([{ key: 'i-2', value: { dueAt: 20, queue: 'a' } }]);
    await second.close();
    const third = await openFileKvsStore(folder, { entities: TEST_ENTITIES });
    await expect(third.getEntity('revisioned-doc', 'doc-1')).resolves.toEqual({ revision: 2 });
    await third.close();
  });

  it('keeps every acknowledged write when the process stops without close() (journal replay)', async () => {
    const folder = await freshFolder();
    const first = await openFileKvsStore(folder);
    await first.set('agg:2026-01:acme', { met: 3 });
    await first.set('agg:2026-01:acme', { met: 4 });
    expect(await first.journalSize()).toBeGreaterThan(0);

    const second = await openFileKvsStore(folder);
    await expect(second.get('agg:2026-01:acme')).resolves.toEqual({ met: 4 });
  });

  it('drops a transaction whose journal line was torn by a crash, and keeps working after it', async () => {
    const folder = await freshFolder();
    const first = await openFileKvsStore(folder);
    await first.set('before', 1);
    // A transaction whose append stopped half-way: no trailing newline.
    await appendFile(join(folder, JOURNAL_FILE), '{"set":[{"key":"torn-1","value":1},{"key":"tor', 'utf8');

    const second = await openFileKvsStore(folder);
    await expect(second.get('before')).resolves.toBe(1);
    await expect(second.get('torn-1')).resolves.toBeUndefined();
    await second.set('after', 2);

    const third = await openFileKvsStore(folder);
    await expect(third.get('after')).resolves.toBe(2);
    await expect(third.get('before')).resolves.toBe(1);
  });

  it('journals nothing for a rejected transaction', async () => {
    const folder = await freshFolder();
    const store = await openFileKvsStore(folder);
    await store.set('kept', 'yes');
    const size = await store.journalSize();
    await expect(
      store.transact([
        { type: 'set', key: 'new-key', value: 1 },
        { type: 'set', key: 'kept', value: valueOfBytes(240 * 1024 + 1) },
      ]),
    ).rejects.toMatchObject({ code: 'MAX_SIZE' });
    expect(await store.journalSize()).toBe(size);
    const reopened = await openFileKvsStore(folder);
    await expect(reopened.get('new-key')).resolves.toBeUndefined();
    await expect(reopened.get('kept')).resolves.toBe('yes');
  });

  it('compacts the journal into the snapshot once it passes the threshold', async () => {
    const folder = await freshFolder();
    const store = await openFileKvsStore(folder, { compactAfterBytes: 200 });
    for (let index = 0; index < 10; index += 1) await store.set(`item:${index}`, { index, padding: 'p'.repeat(50) });
    expect(await store.journalSize()).toBeLessThan(200);
    const file: unknown = JSON.parse(await readFile(join(folder, SNAPSHOT_FILE), 'utf8'));
    expect(file).toMatchObject({
      epoch: expect.any(String),
      snapshot: { schemaVersion: 1, entries: expect.arrayContaining([{ key: 'item:0', value: { index: 0, padding: 'p'.repeat(50) } }]) },
    });
    const reopened = await openFileKvsStore(folder);
    const page = await reopened.query({ prefix: 'item:', limit: 100 });
    expect(page.entries).toHaveLength(10);
  });

  it('persists restore() and clear() at once', async () => {
    const folder = await freshFolder();
    const store = await openFileKvsStore(folder);
    await store.set('old', 1);
    await store.restore({ schemaVersion: 1, entries: [{ key: 'demo:1', value: { demo: true } }] });
    await expect(store.get('old')).resolves.toBeUndefined();
    await expect((await openFileKvsStore(folder)).get('demo:1')).resolves.toEqual({ demo: true });

    await store.clear();
    expect(store.snapshot().entries).toEqual([]);
    expect((await openFileKvsStore(folder)).snapshot().entries).toEqual([]);
  });

  it('leaves only its two files in the folder (temp files are renamed away)', async () => {
    const folder = await freshFolder();
    const store = await openFileKvsStore(folder);
    await store.set('a-key', 1);
    await store.compact();
    await store.set('b-key', 2);
    expect((await readdir(folder)).sort()).toEqual([JOURNAL_FILE, SNAPSHOT_FILE].sort());
  });

  it('serializes concurrent writes: the journal order is the commit order', async () => {
    const folder = await freshFolder();
    const store = await openFileKvsStore(folder);
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.set('counter', index)));
    await expect(store.get('counter')).resolves.toBe(19);
    await expect((await openFileKvsStore(folder)).get('counter')).resolves.toBe(19);
  });

  it('ignores journal lines of an older snapshot (a crash before the journal was emptied)', async () => {
    const folder = await freshFolder();
    const store = await openFileKvsStore(folder);
    await store.set('old-entry', 1);
    const staleJournal = await readFile(join(folder, JOURNAL_FILE), 'utf8');
    expect(staleJournal).toContain('old-entry');
    await store.restore({ schemaVersion: 1, entries: [{ key: 'demo:1', value: 'demo' }] });
    await writeFile(join(folder, JOURNAL_FILE), staleJournal, 'utf8');

    const reopened = await openFileKvsStore(folder);
    await expect(reopened.get('old-entry')).resolves.toBeUndefined();
    await expect(reopened.get('demo:1')).resolves.toBe('demo');
  });

  it('keeps the content when restore() is given an invalid snapshot', async () => {
    const folder = await freshFolder();
    const store = await openFileKvsStore(folder);
    await store.set('kept', 1);
    await expect(store.restore({ schemaVersion: 1, entries: [{ key: 'bad/key', value: 1 }] })).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(store.get('kept')).resolves.toBe(1);
    await expect((await openFileKvsStore(folder)).get('kept')).resolves.toBe(1);
  });

  it.each<[string, string, string, string]>([
    ['a snapshot that is not JSON', SNAPSHOT_FILE, '{"format":', 'CORRUPT_SNAPSHOT'],
    ['a snapshot of another shape', SNAPSHOT_FILE, '{"schemaVersion":1,"entries":[]}', 'CORRUPT_SNAPSHOT'],
    ['a broken journal line before others', JOURNAL_FILE, 'garbage\n{"epoch":"x","set":[],"delete":[]}\n', 'CORRUPT_JOURNAL'],
    ['a journal line of another shape', JOURNAL_FILE, '{"set":{}}\n', 'CORRUPT_JOURNAL'],
  ])('refuses to open a folder with %s', async (_case, file, content, code) => {
    const folder = await freshFolder();
    await (await openFileKvsStore(folder)).close();
    await writeFile(join(folder, file), content, 'utf8');
    await expect(openFileKvsStore(folder)).rejects.toMatchObject({ code });
  });
});
