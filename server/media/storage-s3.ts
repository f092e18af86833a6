import fs from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { type ByteRange, checkKey, type MediaStorage, MissingObjectError } from './storage.ts';

/** An S3-compatible bucket (VERITY_S3_*, docs/media.md). The keys are never logged with credentials. */
export interface S3Settings {
  bucket: string;
  region: string;
  /** A non-AWS endpoint (MinIO, Ceph, R2…); undefined: AWS's own for the region. */
  endpoint?: string | undefined;
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers need. */
  forcePathStyle: boolean;
  /** Static credentials; undefined: the SDK's default chain (instance role, AWS_* variables…). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** A prefix before every key, so one bucket can hold several deployments. */
  prefix: string;
}

const isMissing = (err: unknown): boolean => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * One PutObject per media object (with its length, so the SDK streams the file): S3 makes an
 * object visible only once its upload completed, so a failed put leaves nothing under the key.
 */
export class S3MediaStorage implements MediaStorage {
  readonly kind = 's3';
  private readonly client: S3Client;
  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      maxAttempts: 3,
      // Checksums only where S3 requires them: many S3-compatible servers refuse the SDK's
      // default aws-chunked uploads with trailing checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(key: string): string {
    checkKey(key);
    return `${this.settings.prefix}${key}`;
  }

  async put(key: string, file: string, meta: { size: number; contentType: string }): Promise<void> {
    const objectKey = this.objectKey(key);
    // Opened first, so a missing file fails here rather than inside the SDK's retries.
    const handle = await fs.promises.open(file, 'r');
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: objectKey,
          Body: handle.createReadStream({ autoClose: false }),
          ContentLength: meta.size,
          ContentType: meta.contentType,
        }),
      );
    } finally {
      await handle.close();
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.settings.bucket,
          Key: this.objectKey(key),
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      const body = out.Body as Readable;
      if (!range) return body;
      // Never more than was asked: a server that ignored the range (no Content-Range) sends the
      // whole object, and some misread a range that ends at byte 0.
      const skip = out.ContentRange ? 0 : range.start;
      return body.pipe(byteWindow(skip, range.end - range.start + 1));
    } catch (err) {
      if (isMissing(err)) throw new MissingObjectError(key);
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
    );
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

/** A stream of `length` bytes after skipping `skip`, ending early once it has them. */
function byteWindow(skip: number, length: number): Transform {
  let seen = 0;
  let sent = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const from = Math.max(0, skip - seen);
      seen += chunk.length;
      if (from >= chunk.length || sent >= length) return done();
      const part = chunk.subarray(from, from + (length - sent));
      sent += part.length;
      done(null, part);
    },
  });
}
