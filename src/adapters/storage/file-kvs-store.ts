/**
 * The sandbox's KVS: the Forge-faithful MemoryKvsStore, persisted in a folder so data survives a
 * restart. Never used in production (Forge hosts its own storage).
 *
 * On disk:
 * - `kvs-snapshot.json` — `{ format, epoch, snapshot }` with every entry (the MemoryKvsStore snapshot
 *   format), only ever replaced whole: written to a temp file, flushed, then renamed over the old
 *   one, so a crash leaves either the old or the new snapshot, never half of one.
 * - `kvs-journal.jsonl` — one line per committed set/delete/transaction since that snapshot,
 *   appended before the change becomes visible, each tagged with the snapshot's epoch. A
 *   transaction is one line, so a line torn by a crash is dropped whole on the next open:
 *   all-or-nothing survives the restart too.
 *
 * Opening replays the journal lines of the snapshot's epoch and compacts (new snapshot, new epoch,
 * empty journal); the journal is also compacted once it grows past `compactAfterBytes`. Because every
 * new snapshot gets a new epoch, lines left behind by a crash between writing a snapshot and emptying
 * the journal are ignored — also after `restore()`, which must not bring old entries back.
 * Appends are not fsynced: the journal survives a crash of the process, not of the machine.
 * One process per folder; this module may touch only the folder it is given.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, open, readFile, rename, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  StorageError,
  type EntityQueryRequest,
  type KeyValueStore,
  type QueryPage,
  type QueryRequest,
  type StorableValue,
  type StoreOperation,
} from './key-value-store';
import type { EntityCatalog } from './entity-rules';
import { kvsSnapshotSchema, MemoryKvsStore, type KvsSnapshot, type PreparedMutation } from './memory-kvs-store';

export const SNAPSHOT_FILE = 'kvs-snapshot.json';
export const JOURNAL_FILE = 'kvs-journal.jsonl';
const SNAPSHOT_FORMAT = 'contract-clock-sandbox-kvs';

const snapshotFileSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  epoch: z.string().min(1),
  snapshot: kvsSnapshotSchema,
});

const journalLineSchema = z.object({
  epoch: z.string(),
  set: z.array(z.object({ key: z.string(), value: z.unknown(), entity: z.string().optional() })),
  delete: z.array(z.union([z.string(), z.object({ key: z.string(), entity: z.string() })])),
});

export interface FileKvsStoreOptions {
  /** Compact the journal into the snapshot once it is larger than this (default 8 MiB). */
  readonly compactAfterBytes?: number;
  /** The custom entities the store accepts (default: the app's, as manifest.yml declares them). */
  readonly entities?: EntityCatalog;
}

function parseJson(text: string): unknown {
  return JSON.parse(text);
}

function newEpoch(): string {
  return randomBytes(8).toString('hex');
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function journalLine(epoch: string, mutation: PreparedMutation): string {
  const sets = mutation.sets.map(
    ({ key, entity, json }) => `{"key":${JSON.stringify(key)},"value":${json}${entity === undefined ? '' : `,"entity":${JSON.stringify(entity)}`}}`,
  );
  const deletes = mutation.deletes.map(({ key, entity }) => (entity === undefined ? JSON.stringify(key) : JSON.stringify({ key, entity })));
  return `{"epoch":${JSON.stringify(epoch)},"set":[${sets.join(',')}],"delete":[${deletes.join(',')}]}\n`;
}

/** Writes `text` to `path` atomically: temp file in the same folder, fsync, rename. */
async function writeFileAtomically(folder: string, path: string, text: string): Promise<void> {
  const temp = join(folder, `.${SNAPSHOT_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // Make the rename itself durable where the platform allows syncing a directory (not on Windows).
  try {
    const directory = await open(folder, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  } catch {
    // Durability of the rename is best effort; the data itself is already flushed.
  }
}

function corrupt(code: 'CORRUPT_SNAPSHOT' | 'CORRUPT_JOURNAL', message: string, cause?: unknown): StorageError {
  return new StorageError(code, message, cause === undefined ? {} : { cause });
}

/**
 * A KeyValueStore persisted under a folder (see the module header). Create it with
 * `openFileKvsStore`.
 */
export class FileKvsStore implements KeyValueStore {
  /** Serializes every change so the journal order is the commit order. */
  private tail: Promise<void> = Promise.resolve();
  private journalBytes = 0;
  private epoch = '';
  private readonly compactAfterBytes: number;

  private constructor(
    private readonly folder: string,
    private readonly memory: MemoryKvsStore,
    options: FileKvsStoreOptions,
  ) {
    this.compactAfterBytes = options.compactAfterBytes ?? 8 * 1024 * 1024;
  }

  /** Use `openFileKvsStore`. */
  static async open(folder: string, options: FileKvsStoreOptions = {}): Promise<FileKvsStore> {
    await mkdir(folder, { recursive: true });
    const store = new FileKvsStore(folder, new MemoryKvsStore(undefined, options.entities), options);
    const snapshotPath = join(folder, SNAPSHOT_FILE);
    const snapshotText = await readIfExists(snapshotPath);
    if (snapshotText !== undefined) {
      let parsed: unknown;
      try {
        parsed = parseJson(snapshotText);
      } catch (error) {
        throw corrupt('CORRUPT_SNAPSHOT', `${snapshotPath} is not valid JSON.`, error);
      }
      const file = snapshotFileSchema.safeParse(parsed);
      if (!file.success) throw corrupt('CORRUPT_SNAPSHOT', `${snapshotPath} is not a KVS snapshot: ${file.error.message}`);
      store.memory.restore(file.data.snapshot);
      store.epoch = file.data.epoch;
      const journalPath = join(folder, JOURNAL_FILE);
      const journalText = await readIfExists(journalPath);
      if (journalText !== undefined) store.replay(journalText, journalPath);
    }
    // A fresh epoch for this run; also drops a torn last line, which later appends would extend.
    await store.compactNow();
    return store;
  }

  get(key: string): Promise<unknown> {
    return this.memory.get(key);
  }

  set(key: string, value: StorableValue): Promise<void> {
    return this.transact([{ type: 'set', key, value }]);
  }

  delete(key: string): Promise<void> {
    return this.transact([{ type: 'delete', key }]);
  }

  query(request: QueryRequest): Promise<QueryPage> {
    return this.memory.query(request);
  }

  getEntity(entity: string, key: string): Promise<unknown> {
    return this.memory.getEntity(entity, key);
  }

  queryEntity(request: EntityQueryRequest): Promise<QueryPage> {
    return this.memory.queryEntity(request);
  }

  /**
   * Checked like Forge, journaled, then made visible; a rejected transaction leaves no trace. The
   * conditions are evaluated in the write queue, right before the journal append, so no other write
   * can come between the check and the commit.
   */
  transact(operations: readonly StoreOperation[]): Promise<void> {
    return this.enqueue(async () => {
      const mutation = this.memory.prepare(operations);
      if (mutation.sets.length === 0 && mutation.deletes.length === 0) return;
      const line = journalLine(this.epoch, mutation);
      await appendFile(join(this.folder, JOURNAL_FILE), line, 'utf8');
      this.memory.commit(mutation);
      this.journalBytes += Buffer.byteLength(line, 'utf8');
      if (this.journalBytes > this.compactAfterBytes) {
        // The change is durable in the journal; a failed compaction is retried after the next write.
        await this.compactNow().catch(() => undefined);
      }
    });
  }

  /** Every entry, in key order. */
  snapshot(): KvsSnapshot {
    return this.memory.snapshot();
  }

  /**
   * Replaces the whole content (e.g. with the demo data) and persists it at once. The snapshot is
   * checked like `MemoryKvsStore.restore`; when it fails, nothing changes.
   */
  restore(snapshot: unknown): Promise<void> {
    return this.enqueue(async () => {
      const next = new MemoryKvsStore(undefined, this.memory.entities);
      next.restore(snapshot);
      await this.persist(next);
      this.memory.restore(next.snapshot());
    });
  }

  /** Removes every entry, on disk too. */
  clear(): Promise<void> {
    return this.restore({ schemaVersion: 1, entries: [] });
  }

  /** Folds the journal into a new snapshot. */
  compact(): Promise<void> {
    return this.enqueue(() => this.compactNow());
  }

  /** Waits for pending writes and compacts; the folder can then be opened again. */
  async close(): Promise<void> {
    await this.compact();
  }

  /** The folder this store persists to. */
  get location(): string {
    return this.folder;
  }

  /** Current size of the journal in bytes (for tests and the sandbox's status page). */
  async journalSize(): Promise<number> {
    try {
      return (await stat(join(this.folder, JOURNAL_FILE))).size;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return 0;
      throw error;
    }
  }

  private compactNow(): Promise<void> {
    return this.persist(this.memory);
  }

  /** Writes `content` as the new snapshot under a new epoch, then empties the journal. */
  private async persist(content: MemoryKvsStore): Promise<void> {
    const epoch = newEpoch();
    const text = `{"format":${JSON.stringify(SNAPSHOT_FORMAT)},"epoch":${JSON.stringify(epoch)},"snapshot":${content.snapshotJson()}}`;
    await writeFileAtomically(this.folder, join(this.folder, SNAPSHOT_FILE), text);
    // From here on the old journal lines belong to an old epoch and are ignored when opening.
    this.epoch = epoch;
    this.journalBytes = 0;
    await truncate(join(this.folder, JOURNAL_FILE)).catch(() => undefined);
  }

  private replay(journalText: string, journalPath: string): void {
    const lines = journalText.split('\n');
    // The text after the last newline is a line whose append did not finish: drop it.
    lines.pop();
    lines.forEach((text, index) => {
      const where = `${journalPath} line ${index + 1}`;
      if (text.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = parseJson(text);
      } catch (error) {
        throw corrupt('CORRUPT_JOURNAL', `${where} is not valid JSON.`, error);
      }
      const line = journalLineSchema.safeParse(parsed);
      if (!line.success) throw corrupt('CORRUPT_JOURNAL', `${where}: ${line.error.message}`);
      if (line.data.epoch !== this.epoch) return;
      const operations: StoreOperation[] = [];
      for (const { key, value, entity } of line.data.set) {
        if (
          typeof value !== 'string' &&
          typeof value !== 'number' &&
          typeof value !== 'boolean' &&
          (typeof value !== 'object' || value === null)
        ) {
          throw corrupt('CORRUPT_JOURNAL', `${where}: bad value for "${key}".`);
        }
        operations.push(entity === undefined ? { type: 'set', key, value } : { type: 'set', key, value, entity });
      }
      for (const entry of line.data.delete) {
        operations.push(typeof entry === 'string' ? { type: 'delete', key: entry } : { type: 'delete', key: entry.key, entity: entry.entity });
      }
      this.memory.commit(this.memory.prepare(operations));
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.tail.then(work);
    // Keep the chain alive after a failure; the caller still sees the rejection through `run`.
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/**
 * Opens (creating when needed) the persisted KVS in `folder`, e.g. the git-ignored `.sandbox-data/`.
 *
 * @example const store = await openFileKvsStore('.sandbox-data/kvs');
 */
export function openFileKvsStore(folder: string, options: FileKvsStoreOptions = {}): Promise<FileKvsStore> {
  return FileKvsStore.open(folder, options);
}
