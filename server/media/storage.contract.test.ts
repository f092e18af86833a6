import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server } from '../testing/s3-server.ts';
import { type MediaStorage, MissingObjectError, mediaKey } from './storage.ts';
import { LocalMediaStorage } from './storage-local.ts';
import { S3MediaStorage } from './storage-s3.ts';

const collect = async (stream: Readable): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-storage-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A file of `size` random bytes and its key. */
function blob(size: number): { file: string; key: string; bytes: Buffer } {
  const bytes = randomBytes(size);
  const file = path.join(tmp, `blob-${randomBytes(4).toString('hex')}`);
  fs.writeFileSync(file, bytes);
  return { file, key: mediaKey(createHash('sha256').update(bytes).digest('hex')), bytes };
}

const backends: [string, () => Promise<{ storage: MediaStorage; close(): Promise<void> }>][] = [
  ['local', async () => ({ storage: new LocalMediaStorage(path.join(tmp, 'root')), close: async () => {} })],
  [
    's3 (s3rver on loopback)',
    async () => {
      const s3 = await startS3Server();
      const storage = new S3MediaStorage(s3.settings);
      return {
        storage,
        close: async () => {
          await storage.close();
          await s3.close();
        },
      };
    },
  ],
];

describe.each(backends)('media storage: %s', (_name, open) => {
  let storage: MediaStorage;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, close } = await open());
  });
  afterAll(() => close());

  it('stores a file under its key and reads it back whole', async () => {
    const b = blob(100_000);
    expect(await storage.has(b.key)).toBe(false);
    await storage.put(b.key, b.file, { size: b.bytes.length, contentType: 'audio/wav' });
    expect(await storage.has(b.key)).toBe(true);
    expect((await collect(await storage.read(b.key))).equals(b.bytes)).toBe(true);
  });

  it('reads a byte range, both ends inclusive', async () => {
    const b = blob(5000);
    await storage.put(b.key, b.file, { size: 5000, contentType: 'audio/wav' });
    expect(
      (await collect(await storage.read(b.key, { start: 0, end: 0 }))).equals(b.bytes.subarray(0, 1)),
    ).toBe(true);
    const middle = await collect(await storage.read(b.key, { start: 1000, end: 2999 }));
    expect(middle.equals(b.bytes.subarray(1000, 3000))).toBe(true);
    const tail = await collect(await storage.read(b.key, { start: 4900, end: 4999 }));
    expect(tail.equals(b.bytes.subarray(4900))).toBe(true);
  });

  it('stores the same content twice without harm', async () => {
    const b = blob(64);
    await storage.put(b.key, b.file, { size: 64, contentType: 'image/png' });
    await storage.put(b.key, b.file, { size: 64, contentType: 'image/png' });
    expect((await collect(await storage.read(b.key))).equals(b.bytes)).toBe(true);
  });

  it('answers MissingObjectError for a key with nothing stored', async () => {
    const b = blob(10);
    await expect(storage.read(b.key)).rejects.toBeInstanceOf(MissingObjectError);
  });

  it('leaves nothing under the key when the put fails', async () => {
    const b = blob(10);
    fs.rmSync(b.file);
    await expect(storage.put(b.key, b.file, { size: 10, contentType: 'audio/wav' })).rejects.toThrow();
    expect(await storage.has(b.key)).toBe(false);
  });

  it('removes an object', async () => {
    const b = blob(10);
    await storage.put(b.key, b.file, { size: 10, contentType: 'audio/wav' });
    await storage.remove(b.key);
    expect(await storage.has(b.key)).toBe(false);
  });

  it('refuses a key that is not a media key', async () => {
    await expect(storage.read('../../etc/passwd')).rejects.toThrow(/not a media key/);
    await expect(storage.has('media/../../x')).rejects.toThrow(/not a media key/);
  });
});
