import { Readable } from 'node:stream';
import { projectAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Store } from '../db/store.ts';
import { forbidden } from '../http/errors.ts';
import { ChunkWriter, LineWriter } from './format.ts';
import { postgresExport } from './postgres-export.repository.ts';
import { sqliteExport } from './sqlite-export.repository.ts';

/** Output is cut into Buffers of this size; the stream reads one ahead while the socket drains. */
const CHUNK_BYTES = 1 << 17;

/**
 * Streams a project as JSONL, one line per item in import order with every annotation. Reads in
 * keyset pages and splices the stored JSON text unparsed, so memory stays flat at any size.
 */
export async function exportItems(ctx: AppContext, caller: Caller, projectId: number): Promise<Readable> {
  const access = await projectAccess(ctx.store.db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers can export.');
  return Readable.from(exportChunks(ctx.store, projectId), { objectMode: false, highWaterMark: CHUNK_BYTES });
}

/** The export as UTF-8 chunks of about CHUNK_BYTES; pulled, so a slow reader slows the reads. */
export async function* exportChunks(store: Store, projectId: number): AsyncGenerator<Buffer> {
  const out = new ChunkWriter(CHUNK_BYTES);
  const lines = new LineWriter(out);
  const pages =
    store.kind === 'sqlite'
      ? sqliteExport(store, projectId, lines)
      : postgresExport(store.pool, projectId, lines);
  for await (const _ of pages) yield* out.take();
}
