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
