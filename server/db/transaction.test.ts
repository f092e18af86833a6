import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_INTERVAL_MS, startImportWorker } from '../imports/worker-client.ts';
import { freshStoreConfig, testStore } from '../testing/harness.ts';
import { openStore } from './connect.ts';
import type { Store } from './store.ts';
import { writeTransaction } from './transaction.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A store of the test pass's kind with one connection, so a setting left behind would show. */
async function oneConnectionStore(): Promise<Store> {
  const { config, cleanup } = await freshStoreConfig();
  const store = await openStore({ ...config, poolSize: 1 });
  cleanups.push(cleanup, () => store.close());
  return store;
}

/** How the store's connection waits for the disk at commit: 'full'/'normal' (SQLite), 'on'/'off'. */
async function commitSetting(tx: Store['db']): Promise<string> {
  if (testStore() === 'sqlite') {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(tx);
    return ({ 1: 'normal', 2: 'full' } as Record<number, string>)[rows[0]!.synchronous] ?? '?';
  }
  const { rows } = await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(tx);
  return rows[0]!.s;
}

describe('writeTransaction durability', () => {
  const relaxed = testStore() === 'sqlite' ? 'normal' : 'off';
  const strict = testStore() === 'sqlite' ? 'full' : 'on';

  it('waits for the disk by default, and not inside a transaction marked not durable', async () => {
    const store = await oneConnectionStore();
    expect(await writeTransaction(store, (tx) => commitSetting(tx))).toBe(strict);
    expect(await writeTransaction(store, (tx) => commitSetting(tx), { durable: false })).toBe(relaxed);
  });

  it('restores waiting for the disk afterwards, also when the transaction fails', async () => {
    const store = await oneConnectionStore();
    await writeTransaction(store, async () => undefined, { durable: false });
    expect(await writeTransaction(store, (tx) => commitSetting(tx))).toBe(strict);
    await expect(
      writeTransaction(
        store,
        async () => {
          throw new Error('boom');
        },
        { durable: false },
      ),
    ).rejects.toThrow('boom');
    expect(await writeTransaction(store, (tx) => commitSetting(tx))).toBe(strict);
  });
});

describe.runIf(testStore() === 'sqlite')('checkpoints with the import worker started', () => {
  const walPages = (store: Store) =>
    store.kind === 'sqlite' ? store.sqlite.pragma('wal_autocheckpoint', { simple: true }) : undefined;

  it('are left to SQLite without the worker', async () => {
    const store = await oneConnectionStore();
    expect(walPages(store)).toBe(1000);
  });

  it('are run by the worker: committed pages reach the database file with the server never checkpointing', async () => {
    const store = await oneConnectionStore();
    if (store.kind !== 'sqlite') throw new Error('unreachable');
    void startImportWorker(store);
    expect(walPages(store)).toBe(0);
    const before = fs.statSync(store.file).size;
    // ~2 MB of new pages: they stay in the WAL until a checkpoint copies them into the file.
    await writeTransaction(store, async (tx) => {
      await sql`create table filler (b blob)`.execute(tx);
      for (let k = 0; k < 64; k++) await sql`insert into filler values (randomblob(32768))`.execute(tx);
    });
    expect(fs.statSync(store.file).size).toBe(before);
    const deadline = Date.now() + CHECKPOINT_INTERVAL_MS * 10;
    while (fs.statSync(store.file).size < before + 2_000_000 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.statSync(store.file).size).toBeGreaterThan(before + 2_000_000);
  });

  it('keep the WAL bounded under writes that never pause', async () => {
    const store = await oneConnectionStore();
    if (store.kind !== 'sqlite') throw new Error('unreachable');
    const restartAt = 512 * 1024;
    await startImportWorker(store, { intervalMs: 25, walRestartBytes: restartAt });
    await writeTransaction(store, (tx) => sql`create table filler (b blob)`.execute(tx));
    const wal = `${store.file}-wal`;
    let peak = 0;
    // ~40 MB of pages, one 64 KB row a transaction, back to back: the worker's checkpoints run
    // beside these writes and never find a moment with nothing new in the log.
    for (let k = 0; k < 600; k++) {
      await writeTransaction(store, (tx) => sql`insert into filler values (randomblob(65536))`.execute(tx));
      if (k % 4 === 0) await sql`delete from filler`.execute(store.db);
      peak = Math.max(peak, fs.statSync(wal).size);
      // As between requests: the event loop turns (the checkpoint timer can fire), no pause.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // A round may see up to one interval of writes past the threshold before the WAL starts over.
    expect(peak).toBeLessThan(8 * 1024 * 1024);
  });
});
