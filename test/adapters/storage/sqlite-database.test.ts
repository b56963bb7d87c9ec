/**
 * Durable writes with a group commit (sqlite-database.ts): a write resolves only once another
 * connection — a restarted process — can read it; the writes of one turn share one commit; a failing
 * write undoes only itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commitPendingWrites, durableWrite, groupCommitStats, openSqliteDatabase, type SqliteDatabase } from '../../../src/adapters/storage/sqlite-database';

const folder = mkdtempSync(path.join(tmpdir(), 'contract-clock-sqlite-'));
const opened: SqliteDatabase[] = [];
let serial = 0;

function pair(): { writer: SqliteDatabase; reader: SqliteDatabase } {
  const file = path.join(folder, `db-${(serial += 1)}.db`);
  const writer = openSqliteDatabase(file);
  writer.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const reader = openSqliteDatabase(file);
  opened.push(writer, reader);
  return { writer, reader };
}

const count = (db: SqliteDatabase): number => Number(db.prepare('SELECT COUNT(*) FROM t').pluck().get());

afterAll(() => {
  for (const db of opened) if (db.open) db.close();
  rmSync(folder, { recursive: true, force: true });
});

it('answers a write only once it is committed: before that, no other connection sees it', async () => {
  const { writer, reader } = pair();
  const write = durableWrite(writer, () => writer.prepare('INSERT INTO t VALUES (1, ?)').run('x'));
  expect(count(reader)).toBe(0);
  await write;
  expect(count(reader)).toBe(1);
});

it('commits the writes of one turn together, once', async () => {
  const { writer, reader } = pair();
  const before = groupCommitStats(writer);
  const insert = writer.prepare('INSERT INTO t VALUES (?, ?)');
  await Promise.all(Array.from({ length: 50 }, (_, i) => durableWrite(writer, () => insert.run(i, 'x'))));
  expect(count(reader)).toBe(50);
  const after = groupCommitStats(writer);
  expect(after.commits - before.commits).toBe(1);
  expect(after.writes - before.writes).toBe(50);
});

it('undoes a failing write only, and commits the others of its turn', async () => {
  const { writer, reader } = pair();
  const insert = writer.prepare('INSERT INTO t VALUES (?, ?)');
  const first = durableWrite(writer, () => insert.run(1, 'a'));
  const failing = durableWrite(writer, () => {
    insert.run(2, 'b');
    insert.run(1, 'duplicate key');
  });
  const third = durableWrite(writer, () => insert.run(3, 'c'));
  await expect(failing).rejects.toThrow(/UNIQUE/);
  await Promise.all([first, third]);
  expect(reader.prepare('SELECT k FROM t ORDER BY k').pluck().all()).toEqual([1, 3]);
});

it('commits what is pending when asked (before closing), and refuses to leave writes behind a closed database', async () => {
  const { writer, reader } = pair();
  const write = durableWrite(writer, () => writer.prepare('INSERT INTO t VALUES (1, ?)').run('x'));
  commitPendingWrites(writer);
  await write;
  expect(count(reader)).toBe(1);
  const late = durableWrite(writer, () => writer.prepare('INSERT INTO t VALUES (2, ?)').run('y'));
  writer.close();
  await expect(late).rejects.toThrow();
  expect(count(reader)).toBe(1);
});
