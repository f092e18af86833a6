import { Readable } from 'node:stream';
import type { ExportFilters } from '../../core/api/export-filters.ts';
import { type InterfaceDefinition, migrateInterface } from '../../core/interface/index.ts';
import { projectWithAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Store } from '../db/store.ts';
import { AppError, forbidden } from '../http/errors.ts';
import { type ExportBinding, exportBinding } from './export-binding.ts';
import { itemIdsOutside } from './exports.repository.ts';
import { ChunkWriter } from './format.ts';
import { postgresExport } from './postgres-export.repository.ts';
import { sqliteExport } from './sqlite-export.repository.ts';
import { FilledLineWriter, unansweredAsNull } from './unanswered.ts';

/** Output is cut into Buffers of this size; the stream reads one ahead while the socket drains. */
const CHUNK_BYTES = 1 << 17;

/**
 * Streams a project as JSONL, one line per item in import order with its annotations, narrowed by
 * the filters (docs/data-model.md, "Export"). Reads in keyset pages and splices the stored JSON
 * text, so memory stays flat at any size.
 */
export async function exportItems(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  query: ExportFilters,
): Promise<Readable> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers can export.');
  const { format: _, ...filters } = query;
  if (filters.ids) {
    const outside = await itemIdsOutside(ctx.store.db, projectId, filters.ids);
    if (outside.length > 0) {
      const message = `query.ids: ${outside.length === 1 ? 'not an item' : 'not items'} of this project: ${outside.slice(0, 20).join(', ')}${outside.length > 20 ? ` and ${outside.length - 20} more` : ''}`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'query.ids', message, ids: outside }]);
    }
  }
  const iface = migrateInterface(JSON.parse(project.interface)) as InterfaceDefinition;
  const binding = exportBinding(projectId, project.overlap, filters);
  const chunks = exportChunks(ctx.store, binding, iface);
  return Readable.from(chunks, { objectMode: false, highWaterMark: CHUNK_BYTES });
}

/** The export as UTF-8 chunks of about CHUNK_BYTES; pulled, so a slow reader slows the reads. */
export async function* exportChunks(
  store: Store,
  binding: ExportBinding,
  iface: Pick<InterfaceDefinition, 'questions'>,
): AsyncGenerator<Buffer> {
  const out = new ChunkWriter(CHUNK_BYTES);
  const lines = new FilledLineWriter(out, unansweredAsNull(iface));
  const pages =
    store.kind === 'sqlite'
      ? sqliteExport(store, binding, lines)
      : postgresExport(store.pool, binding, lines);
  for await (const _ of pages) yield* out.take();
}
