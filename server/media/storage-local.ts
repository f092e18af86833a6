import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { type ByteRange, checkKey, type MediaStorage, MissingObjectError } from './storage.ts';

/**
 * Media in a folder of the data folder (`<dataDir>/media/…`). A put copies the file to a
 * temporary name in the same folder, fsyncs it, and renames it into place: the rename is atomic,
 * so a reader sees the whole object or none, and a crash leaves at most a `.tmp-*` file (removed
 * by the next put that fails, never served: keys never end that way).
 */
export class LocalMediaStorage implements MediaStorage {
  readonly kind = 'local';
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, file: string): Promise<void> {
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.tmp-${randomUUID()}`;
    try {
      await fs.promises.copyFile(file, temp);
      const handle = await fs.promises.open(temp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(temp, target);
    } catch (err) {
      await fs.promises.rm(temp, { force: true });
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathOf(key);
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingObjectError(key);
      throw err;
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  localPath(key: string): string {
    return this.pathOf(key);
  }

  async has(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    try {
      await fs.promises.access(file);
      return true;
    } catch {
      return false;
    }
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {}
}
