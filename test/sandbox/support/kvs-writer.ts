/**
 * A child process for the crash test of the SQLite KVS: writes transactions of two keys (`a:<n>` and
 * `b:<n>`) one after another into the database file it is given, and prints `ACK <n>` after each
 * one resolved — until it is killed.
 *
 * Usage: node --import tsx test/sandbox/support/kvs-writer.ts <database file>
 */
import { openSqliteDatabase } from '../../../src/adapters/storage/sqlite-database';
import { openSqliteKvsStore } from '../../../src/adapters/storage/sqlite-kvs-store';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file === undefined) throw new Error('Usage: kvs-writer.ts <database file>');
  const store = openSqliteKvsStore(openSqliteDatabase(file));
  process.stdout.write('READY writing\n');
  for (let n = 0; ; n += 1) {
    await store.transact([
      { type: 'set', key: `a:${n}`, value: { n, padding: 'x'.repeat(2000) } },
      { type: 'set', key: `b:${n}`, value: { n } },
    ]);
    process.stdout.write(`ACK ${n}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
