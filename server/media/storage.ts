import type { Readable } from 'node:stream';

/** Bytes `start` to `end` of a stored object, both inclusive (as HTTP ranges count). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where media bytes live (docs/media.md): a folder in the data folder by default
 * (storage-local.ts) or an S3-compatible bucket (storage-s3.ts). Objects are content-addressed
 * (their key is their sha256, mediaKey), so writing one twice is harmless and a reader never sees a
 * key whose bytes differ from its name. Every backend passes storage.contract.test.ts.
 */
export interface MediaStorage {
  readonly kind: 'local' | 's3';
  /**
   * Stores the finished file at `file` under `key`, all at once: after a failure nothing is
   * stored under the key. The file is the caller's to remove.
   */
  put(key: string, file: string, meta: { size: number; contentType: string }): Promise<void>;
  /** The bytes under `key`, or the range of them; throws MissingObjectError when none. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** A path on this machine holding the object's bytes, when the backend has one (local). */
  localPath?(key: string): string;
  /** Whether an object is stored under `key`. */
  has(key: string): Promise<boolean>;
  /** Removes the object (none: nothing to do). */
  remove(key: string): Promise<void>;
  close(): Promise<void>;
}

export class MissingObjectError extends Error {
  constructor(key: string) {
    super(`no media object ${key}`);
    this.name = 'MissingObjectError';
  }
}

/** The key of content with this sha256 (hex): fanned out by its first bytes, as git does. */
export const mediaKey = (sha256: string): string =>
  `media/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/** The key of a media file's waveform peaks at one zoom level (peaks.ts), beside its bytes. */
export const peaksKey = (key: string, samplesPerPixel: number): string => `${key}.peaks-${samplesPerPixel}`;

const KEY = /^media\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}(\.peaks-[1-9][0-9]{0,6})?$/;

/** Refuses a key that is not one mediaKey makes, so no caller can reach outside the store's prefix. */
export function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a media key: ${JSON.stringify(key)}`);
}
