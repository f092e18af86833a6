import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MediaStorage } from './storage.ts';

/**
 * Runs `use` with a path on this machine holding the object's bytes, for ffprobe and ffmpeg: the
 * stored file itself in the data folder; for S3, a copy streamed to a temporary file in `tmpDir`
 * (never held in memory), removed afterwards. A copy rather than a presigned URL: the tools then
 * seek freely (an MP4's index may be at its end) and never speak to the bucket themselves.
 */
export async function withMediaFile<T>(
  storage: MediaStorage,
  key: string,
  tmpDir: string,
  use: (file: string) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const local = storage.localPath?.(key);
  if (local) return use(local);
  await fs.promises.mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const temp = path.join(tmpDir, `media-copy-${randomUUID()}`);
  try {
    await pipeline(
      await storage.read(key),
      fs.createWriteStream(temp, { mode: 0o600 }),
      ...(signal ? [{ signal }] : []),
    );
    return await use(temp);
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}
