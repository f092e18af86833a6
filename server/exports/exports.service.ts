import { Readable } from 'node:stream';
import type { ExportFilters } from '../../core/api/export-filters.ts';
import { EXPORT_FORMAT_INFO, isMediaFormat, isZipFormat } from '../../core/api/export-formats.ts';
import {
  DEFAULT_TRANSFORM_OPTIONS,
  type ItemFiles,
  type ItemTransformer,
  itemFiles,
  itemTransformer,
} from '../../core/exports/index.ts';
import { type InterfaceDefinition, migrateInterface } from '../../core/interface/index.ts';
import { projectWithAccess } from '../access.ts';
import { recordExport } from '../audit/audit.service.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Store } from '../db/store.ts';
import { projectGoldAnswers } from '../gold/gold.repository.ts';
import { AppError, forbidden } from '../http/errors.ts';
import type { StreamedFile } from '../http/register.ts';
import { ExportMedia, mediaFieldNames } from '../media/export-media.ts';
import { hasPredictions } from '../predictions/predictions.repository.ts';
import { type ProjectConsensus, projectConsensus } from '../quality/consensus.service.ts';
import { findUserByEmail } from '../users/users.repository.ts';
import { ConsensusLineWriter } from './consensus-lines.ts';
import { exportConsensus } from './consensus-source.ts';
import { type ExportBinding, exportBinding } from './export-binding.ts';
import { itemIdsOutside } from './exports.repository.ts';
import { ChunkWriter, type Page, type PageSink } from './format.ts';
import { postgresExport } from './postgres-export.repository.ts';
import { sqliteExport } from './sqlite-export.repository.ts';
import { TransformedWriter } from './transformed.ts';
import { FilledLineWriter, unansweredAsNull } from './unanswered.ts';
import { ZipArchive, zipTransformer } from './zip-archive.ts';

/** Output is cut into Buffers of this size; the stream reads one ahead while the socket drains. */
const CHUNK_BYTES = 1 << 17;

/**
 * Streams a project in the format asked for (docs/exports.md): JSONL, one line per item in import
 * order with its annotations, narrowed by the filters (docs/data-model.md, "Export"), or the
 * lines of another format made from the same items. Reads in keyset pages; JSONL splices the
 * stored JSON text, the other formats transform an item at a time, so memory stays flat at any
 * size.
 */
export async function exportItems(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  query: ExportFilters,
  /** The origin the request came to (server/auth/origin.ts): the media formats' URLs are made absolute with it. */
  origin?: string,
): Promise<StreamedFile> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers can export.');
  const { format, pairs, threshold, includeModels, consensus, annotator, nemoPer, ...rest } = query;
  let annotatorId: number | undefined;
  if (annotator !== undefined) {
    // Any account, suspended or offboarded too: their work stays theirs (docs/users.md).
    annotatorId = (await findUserByEmail(ctx.store.db, annotator))?.id;
    if (annotatorId === undefined) {
      const message = `query.annotator: no user with the email ${annotator}`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'query.annotator', message }]);
    }
  }
  const filters = { ...rest, ...(annotatorId !== undefined ? { annotatorId } : {}) };
  if (filters.ids) {
    const outside = await itemIdsOutside(ctx.store.db, projectId, filters.ids);
    if (outside.length > 0) {
      const message = `query.ids: ${outside.length === 1 ? 'not an item' : 'not items'} of this project: ${outside.slice(0, 20).join(', ')}${outside.length > 20 ? ` and ${outside.length - 20} more` : ''}`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'query.ids', message, ids: outside }]);
    }
  }
  const iface = migrateInterface(JSON.parse(project.interface)) as InterfaceDefinition;
  const { extension } = EXPORT_FORMAT_INFO[format];
  const plain = format === 'jsonl' || format === 'csv' || format === 'rttm';
  const fileName = `project-${projectId}${plain ? '' : `-${format}`}.${extension}`;
  const kind = extension;
  let chunks: AsyncGenerator<Buffer>;
  if (isMediaFormat(format)) {
    const binding = exportBinding(
      projectId,
      project.overlap,
      filters,
      'records',
      false,
      mediaFieldNames(iface),
    );
    const options = { ...DEFAULT_TRANSFORM_OPTIONS, origin, nemoPer };
    const whose = { includeModels: includeModels === true };
    chunks = isZipFormat(format)
      ? zipChunks(ctx.store, binding, itemFiles(format, iface, options), new Date(ctx.clock()), whose)
      : transformedChunks(ctx.store, binding, itemTransformer(format, iface, options), whose);
  } else if (format === 'jsonl') {
    const predictions = await hasPredictions(ctx.store.db, projectId);
    const binding = exportBinding(
      projectId,
      project.overlap,
      filters,
      'lines',
      predictions,
      mediaFieldNames(iface),
    );
    const agreed =
      consensus === undefined
        ? undefined
        : await projectConsensus(ctx.store.db, projectId, iface, consensus, {
            judges: project.judgeInConsensus === 1,
            gold: await projectGoldAnswers(ctx.store.db, projectId),
          });
    chunks = exportChunks(ctx.store, binding, iface, agreed);
  } else {
    const judges = project.judgeInConsensus === 1;
    const agreed =
      consensus === undefined
        ? undefined
        : await exportConsensus(ctx.store.db, projectId, iface, format, consensus, judges);
    const transformer = itemTransformer(format, iface, {
      pairs: pairs ?? DEFAULT_TRANSFORM_OPTIONS.pairs,
      threshold: threshold ?? DEFAULT_TRANSFORM_OPTIONS.threshold,
      consensus: agreed,
    });
    // From the consensus, whose answers count is the project's setting (judgeInConsensus).
    chunks = transformedChunks(
      ctx.store,
      exportBinding(projectId, project.overlap, filters),
      transformer,
      agreed === undefined ? { includeModels: includeModels === true } : { consensus: { judges } },
    );
  }
  await recordExport(
    ctx,
    caller,
    { action: 'export.items', targetType: 'project', targetId: projectId, projectId },
    format,
    { ...query, format: undefined },
  );
  return { body: Readable.from(chunks, { objectMode: false, highWaterMark: CHUNK_BYTES }), kind, fileName };
}

/** The export as UTF-8 chunks of about CHUNK_BYTES; pulled, so a slow reader slows the reads. */
export async function* exportChunks(
  store: Store,
  binding: ExportBinding,
  iface: Pick<InterfaceDefinition, 'questions' | 'fields'>,
  consensus?: ProjectConsensus,
): AsyncGenerator<Buffer> {
  const out = new ChunkWriter(CHUNK_BYTES);
  const fill = unansweredAsNull(iface);
  const lines =
    consensus === undefined ? new FilledLineWriter(out, fill) : new ConsensusLineWriter(out, fill, consensus);
  lines.media = binding.shape.media ? ExportMedia.of(iface) : null;
  yield* chunksOf(store, binding, out, lines);
}

/**
 * Another format's lines (core/exports), as UTF-8 chunks; the header (CSV's) first, even with no
 * rows. Reads records, and submitted annotations only when the format asks (the training formats),
 * whatever the filters say; the training formats leave model judges' annotations out unless
 * `includeModels` (docs/judge.md). From the consensus, each item comes with its final and gold
 * answers and every submitted annotation, model judges' only with `judges`.
 */
export async function* transformedChunks(
  store: Store,
  binding: ExportBinding,
  transformer: ItemTransformer,
  whose: { includeModels?: boolean; consensus?: { judges: boolean } } = {},
  /** Where the lines go (a ZIP format's archive writes its bytes there too). */
  out = new ChunkWriter(CHUNK_BYTES),
): AsyncGenerator<Buffer> {
  const { shape } = binding;
  const submittedOnly = shape.submittedOnly || transformer.submittedOnly;
  const consensus = whose.consensus !== undefined;
  const humansOnly =
    whose.consensus !== undefined
      ? !whose.consensus.judges
      : transformer.submittedOnly && whose.includeModels !== true;
  const records = {
    ...binding,
    shape: { ...shape, rows: 'records' as const, submittedOnly, humansOnly, consensus },
  };
  if (transformer.header !== '') out.write(transformer.header);
  yield* chunksOf(store, records, out, new TransformedWriter(out, transformer));
  yield* out.take();
}

/**
 * A ZIP format's archive as chunks: the same record reads as transformedChunks, each item's files
 * compressed into the archive's chunks as the page is written, the archive's directory at the end.
 */
export async function* zipChunks(
  store: Store,
  binding: ExportBinding,
  files: ItemFiles,
  mtime: Date,
  whose: { includeModels?: boolean } = {},
): AsyncGenerator<Buffer> {
  const out = new ChunkWriter(CHUNK_BYTES);
  const zip = new ZipArchive(mtime, (bytes) => out.copy(bytes, 0, bytes.length));
  yield* transformedChunks(store, binding, zipTransformer(files, zip), whose, out);
  zip.end();
  yield* out.take();
}

async function* chunksOf(
  store: Store,
  binding: ExportBinding,
  out: ChunkWriter,
  sink: PageSink<Page>,
): AsyncGenerator<Buffer> {
  const pages =
    store.kind === 'sqlite' ? sqliteExport(store, binding, sink) : postgresExport(store.pool, binding, sink);
  for await (const _ of pages) yield* out.take();
}
