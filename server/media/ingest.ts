import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../../core/api/route.ts';
import { isInlineType, SNIFF_BYTES, sniffType } from '../../core/media/sniff.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { insertOrFindMedia, type MediaRow } from './media.repository.ts';
import { planMediaJob } from './media-jobs.ts';
import { mediaKey } from './storage.ts';

/** A file arriving for a project: an upload's body or a fetched URL's. */
export interface Incoming {
  projectId: number;
  caller: Pick<Caller, 'id' | 'email' | 'name'>;
  source: AsyncIterable<Uint8Array | string>;
  originalName: string | null;
  sourceUrl: string | null;
}

export const tooLarge = (maxBytes: number): AppError =>
  new AppError('PAYLOAD_TOO_LARGE', `A media file may have at most ${formatBytes(maxBytes)}.`, {
    limitBytes: maxBytes,
  });

/** What the first bytes of a refused file look like, for the message. */
function lookOf(head: Buffer): string {
  const text = head.toString('latin1').trimStart();
  if (text.startsWith('<')) return 'markup (HTML, SVG or XML)';
  if (head.length > 0 && /^[\t\n\r\x20-\x7e]*$/.test(head.toString('latin1'))) return 'text';
  return 'a format Verity does not recognise';
}

/**
 * Stores an incoming file: written to a temporary file in the data folder while its sha256, size
 * and first bytes are taken; refused unless its bytes are audio, video or an image (by their magic
 * numbers: a file named .wav holding HTML is refused, whatever its Content-Type said); then put in
 * the media storage under its content key and recorded as the project's (or found, when the
 * project has the same bytes), with its `probe` job planned in the same transaction. Nothing is stored when any step fails; the temporary file is
 * always removed.
 */
export async function ingest(
  ctx: AppContext,
  incoming: Incoming,
): Promise<{ row: MediaRow; created: boolean }> {
  const { maxBytes } = ctx.media.config;
  fs.mkdirSync(ctx.tmpDir, { recursive: true, mode: 0o700 });
  const temp = path.join(ctx.tmpDir, `media-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const out = await fs.promises.open(temp, 'w', 0o600);
  try {
    try {
      for await (const chunk of incoming.source) {
        const bytes =
          typeof chunk === 'string'
            ? Buffer.from(chunk)
            : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        size += bytes.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        if (head.length < SNIFF_BYTES)
          head = Buffer.concat([head, bytes.subarray(0, SNIFF_BYTES - head.length)]);
        hash.update(bytes);
        for (let at = 0; at < bytes.length; ) at += (await out.write(bytes, at)).bytesWritten;
      }
    } finally {
      await out.close();
    }
    if (size === 0) throw new AppError('VALIDATION_FAILED', 'The media file is empty.');
    const contentType = sniffType(head);
    if (!isInlineType(contentType))
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `The file is not audio, video or an image Verity recognises: its bytes look like ${lookOf(head)} (accepted: WAV, MP3, FLAC, Ogg, M4A, MP4, WebM, MOV, PNG, JPEG, GIF, WebP).`,
      );
    const sha256 = hash.digest('hex');
    const storageKey = mediaKey(sha256);
    if (!(await ctx.media.storage.has(storageKey)))
      await ctx.media.storage.put(storageKey, temp, { size, contentType });
    const now = ctx.clock();
    return await writeTransaction(ctx.store, async (tx) => {
      const found = await insertOrFindMedia(tx, {
        projectId: incoming.projectId,
        sha256,
        size,
        contentType,
        originalName: incoming.originalName,
        storageKey,
        sourceUrl: incoming.sourceUrl,
        uploadedBy: incoming.caller.id,
        createdAt: now,
      });
      if (found.created) {
        await planMediaJob(
          tx,
          {
            kind: 'probe',
            projectId: incoming.projectId,
            mediaIds: [found.row.id],
            createdBy: incoming.caller.id,
          },
          now,
        );
        await appendAudit(
          tx,
          incoming.caller,
          {
            action: incoming.sourceUrl ? 'media.fetch' : 'media.upload',
            targetType: 'media',
            targetId: found.row.id,
            projectId: incoming.projectId,
            after: { sha256, size, contentType, sourceUrl: incoming.sourceUrl },
          },
          now,
        );
      }
      return found;
    });
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}
