import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './connect.ts';

// SQLite only: PostgreSQL's files are the database server's business.
const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});
const tempParent = () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-mode-'));
  folders.push(parent);
  return parent;
};
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('SQLite file permissions', () => {
  it('creates the data folder, the database and its -wal and -shm for their owner only', async () => {
    const dataDir = path.join(tempParent(), 'verity-data');
    const store = await openStore({ dataDir });
    try {
      await store.db.insertInto('settings').values({ key: 'probe', value: 'x' }).execute();
      const db = path.join(dataDir, 'verity.db');
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(modeOf(file).toString(8), file).toBe('600');
    } finally {
      await store.close();
    }
  });

  it('tightens an existing database (and its -wal) left readable by others', async () => {
    const dataDir = tempParent();
    const first = await openStore({ dataDir });
    await first.close();
    const db = path.join(dataDir, 'verity.db');
    fs.chmodSync(db, 0o644);
    fs.writeFileSync(`${db}-wal`, '', { mode: 0o644 });
    fs.chmodSync(`${db}-wal`, 0o644);
    const again = await openStore({ dataDir });
    try {
      expect(modeOf(db).toString(8)).toBe('600');
      expect(modeOf(`${db}-wal`).toString(8)).toBe('600');
    } finally {
      await again.close();
    }
  });
});
