/**
 * Opens the embedded SQLite database (better-sqlite3) the sandbox keeps its state in, with the
 * settings that make a committed transaction durable before the caller is answered:
 *
 * - `journal_mode = WAL`: a commit appends to the write-ahead log instead of rewriting pages, readers
 *   never block the writer, and a crash at any point leaves the last committed state (SQLite,
 *   "Write-Ahead Logging").
 * - `synchronous = FULL`: in WAL mode the log is fsynced at every commit, so a committed transaction
 *   survives a power loss or an operating-system crash as well, not only a crash of the process
 *   ("PRAGMA synchronous": NORMAL would only sync at checkpoints). The sandbox acknowledges a write
 *   only after that commit returned. `NORMAL` is offered for the soak script's comparison.
 *
 * An fsync per commit costs milliseconds (3.8 ms measured on this project's CI disk, against 0.09 ms
 * with NORMAL), and better-sqlite3 waits for it. So writes are *group-committed* (`durableWrite`):
 * every write made in one turn of the event loop goes into one transaction — each in a savepoint of
 * its own, so a failing write undoes only itself — which is committed (one fsync) on the next turn;
 * only then do the writes' promises resolve. A lone write costs one fsync as before; under load many
 * writes share one. Nothing is acknowledged before it is durable. A read between write and commit
 * sees the pending write (one connection): whatever it leads to is written to the same database in
 * the same or a later commit, so a crash can lose both, never the cause without the effect.
 *
 * One process per database file (the sandbox holds it open); this module touches only that file
 * and its `-wal` / `-shm` companions. Never used in production (Forge hosts its own storage).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface OpenSqliteOptions {
  /** Default FULL: every commit is fsynced (see the module header). */
  readonly synchronous?: SqliteSynchronous;
}

/**
 * Opens (creating when needed) a database file; `':memory:'` for a throw-away one.
 *
 * @example const db = openSqliteDatabase('.sandbox-data/state/sandbox.db');
 */
export function openSqliteDatabase(file: string, options: OpenSqliteOptions = {}): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    // another connection (e.g. a test reading the file) waits instead of failing at once
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The database's durability settings as SQLite reports them (for tests and the soak's figures). */
export function durabilityOf(db: SqliteDatabase): { journalMode: string; synchronous: SqliteSynchronous | 'OFF' | 'EXTRA' } {
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  const level = Number(db.pragma('synchronous', { simple: true }));
  const synchronous = level === 0 ? 'OFF' : level === 1 ? 'NORMAL' : level === 2 ? 'FULL' : 'EXTRA';
  return { journalMode, synchronous };
}

interface GroupCommit {
  /** writes waiting for the open transaction's commit */
  waiting: { resolve: () => void; reject: (error: unknown) => void }[];
  scheduled: boolean;
  stats: { commits: number; writes: number };
}

const groups = new WeakMap<SqliteDatabase, GroupCommit>();

/** Read afresh each time: executing SQL changes it. */
function inTransaction(db: SqliteDatabase): boolean {
  return db.inTransaction;
}

function groupOf(db: SqliteDatabase): GroupCommit {
  let group = groups.get(db);
  if (group === undefined) {
    group = { waiting: [], scheduled: false, stats: { commits: 0, writes: 0 } };
    groups.set(db, group);
  }
  return group;
}

/**
 * Commits the writes waiting on `db` now (normally the next turn of the event loop does). Call it
 * before closing the database.
 */
export function commitPendingWrites(db: SqliteDatabase): void {
  const group = groupOf(db);
  group.scheduled = false;
  const waiting = group.waiting.splice(0);
  if (!db.open || !db.inTransaction) {
    for (const w of waiting) w.reject(new Error('The database was closed before the write was committed.'));
    return;
  }
  try {
    db.exec('COMMIT');
  } catch (error) {
    // a failed COMMIT may or may not have ended the transaction (SQLite, "COMMIT"): end it either way
    if (inTransaction(db)) db.exec('ROLLBACK');
    for (const w of waiting) w.reject(error);
    return;
  }
  group.stats.commits += 1;
  group.stats.writes += waiting.length;
  for (const w of waiting) w.resolve();
}

/** How many group commits `db` made, and how many writes they held (the soak's writes per fsync). */
export function groupCommitStats(db: SqliteDatabase): { commits: number; writes: number } {
  return { ...groupOf(db).stats };
}

/**
 * Runs `write` (synchronous SQL) as part of the current group commit and resolves with its result once
 * it is durable (see the module header). A `write` that throws undoes its own changes only and rejects.
 *
 * @example await durableWrite(db, () => db.prepare('INSERT INTO t VALUES (?)').run(1));
 */
export function durableWrite<T>(db: SqliteDatabase, write: () => T): Promise<T> {
  const group = groupOf(db);
  let result: T;
  try {
    if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
    // inside the open transaction better-sqlite3 makes this a savepoint
    result = db.transaction(write)();
  } catch (error) {
    if (group.waiting.length === 0 && db.inTransaction) db.exec('ROLLBACK');
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  if (!group.scheduled) {
    group.scheduled = true;
    setImmediate(() => {
      commitPendingWrites(db);
    });
  }
  return new Promise<T>((resolve, reject) => {
    group.waiting.push({
      resolve: () => {
        resolve(result);
      },
      reject,
    });
  });
}
