import type { MediaConfig } from './media-config.ts';
import type { MediaStorage } from './storage.ts';
import { LocalMediaStorage } from './storage-local.ts';
import { S3MediaStorage } from './storage-s3.ts';

/** The configured media storage: the data folder's `media/` by default, or the S3 bucket. */
export function openMediaStorage(
  config: MediaConfig,
  dataDir: string,
): { storage: MediaStorage; config: MediaConfig } {
  const storage =
    config.store.kind === 's3' ? new S3MediaStorage(config.store.s3) : new LocalMediaStorage(dataDir);
  return { storage, config };
}
