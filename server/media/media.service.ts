import type { z } from 'zod';
import type { ImportMediaUrlBody, MediaInfo } from '../../core/api/media.ts';
import { type InterfaceDefinition, MEDIA_FIELD_TYPES, migrateInterface } from '../../core/interface/index.ts';
import { parseRange } from '../../core/media/range.ts';
import { parseMediaReference } from '../../core/media/reference.ts';
import { isInlineType } from '../../core/media/sniff.ts';
import { projectWithAccess, requireManage, seesEveryItem } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { assignmentsOfItem, findItem } from '../items/items.repository.ts';
import { ingest, tooLarge } from './ingest.ts';
import { findProjectMedia, type MediaRow } from './media.repository.ts';
import { toMediaInfo } from './media-info.ts';
import type { MediaAnswer } from './serve.ts';
import { fetchMediaUrl } from './url-fetch.ts';

type Info = z.input<typeof MediaInfo>;

/** An upload's body as the route receives it. */
export interface MediaUpload {
  source: AsyncIterable<Uint8Array | string>;
  contentLength: number | undefined;
  name: string | undefined;
}

/** A project manager's upload of one file; a body declared over the limit is refused unread. */
export async function uploadMedia(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  upload: MediaUpload,
): Promise<Info> {
  await requireManage(ctx.store.db, caller, projectId);
  if (upload.contentLength !== undefined && upload.contentLength > ctx.media.config.maxBytes)
    throw tooLarge(ctx.media.config.maxBytes);
  const { row, created } = await ingest(ctx, {
    projectId,
    caller,
    source: upload.source,
    originalName: upload.name ?? null,
    sourceUrl: null,
  });
  return toMediaInfo(row, created);
}

/** A project manager's import of one file by URL, fetched on the server through the outbound guard. */
export async function importMediaUrl(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof ImportMediaUrlBody>,
): Promise<Info> {
  await requireManage(ctx.store.db, caller, projectId);
  const { row, created } = await fetchIntoProject(ctx, caller, projectId, body.url);
  return toMediaInfo(row, created);
}

/** Fetches a URL into the project's media (the import's URLs come here too). */
export async function fetchIntoProject(
  ctx: AppContext,
  caller: Pick<Caller, 'id' | 'email' | 'name'>,
  projectId: number,
  url: string,
) {
  const fetched = await fetchMediaUrl(url, ctx.media.config.url, ctx.media.config.maxBytes);
  try {
    return await ingest(ctx, { projectId, caller, source: fetched.body, originalName: null, sourceUrl: url });
  } finally {
    await fetched.close();
  }
}

/**
 * The media row of an item's media field, if the caller may see the item (the rule of getItem:
 * those who see all of the project's work, and annotators with an assignment on it; anyone else
 * a 404, as for an item that does not exist). Shared by the bytes and the waveform peaks.
 */
export async function visibleItemMedia(
  ctx: AppContext,
  caller: Caller,
  params: { itemId: number; field: string },
): Promise<MediaRow> {
  const db = ctx.store.db;
  const item = await findItem(db, params.itemId);
  if (!item) throw notFound('item');
  const { project, access } = await projectWithAccess(db, caller, item.projectId).catch(() => {
    throw notFound('item');
  });
  if (
    !seesEveryItem(project, caller, access) &&
    (await assignmentsOfItem(db, { itemId: item.id, userId: caller.id })).length === 0
  )
    throw notFound('item');
  const iface = migrateInterface(JSON.parse(project.interface)) as InterfaceDefinition;
  const field = iface.fields.find((f) => f.name === params.field);
  if (!field || !MEDIA_FIELD_TYPES.includes(field.type))
    throw new AppError('NOT_FOUND', `The project has no media field "${params.field}".`);
  const value = (JSON.parse(item.data) as Record<string, unknown>)[field.name];
  const ref = typeof value === 'string' ? parseMediaReference(value) : null;
  const media = ref?.kind === 'media' ? await findProjectMedia(db, item.projectId, ref.id) : undefined;
  if (!media) throw new AppError('NOT_FOUND', `The item has no media in "${field.name}".`);
  return media;
}

/**
 * An item's media, to whoever may see the item (visibleItemMedia). One range is served as 206;
 * several ranges as the whole file (200); an unsatisfiable one is a 416.
 */
export async function getItemMedia(
  ctx: AppContext,
  caller: Caller,
  params: { itemId: number; field: string },
  rangeHeader: string | undefined,
): Promise<MediaAnswer> {
  const media = await visibleItemMedia(ctx, caller, params);
  const range = parseRange(rangeHeader, media.size);
  if (range.kind === 'unsatisfiable')
    throw new AppError('RANGE_NOT_SATISFIABLE', `The file has ${media.size} bytes.`, { size: media.size });
  const span = range.kind === 'partial' ? { start: range.start, end: range.end } : null;
  const body = await ctx.media.storage.read(media.storageKey, span ?? undefined);
  const inline = isInlineType(media.contentType);
  return {
    status: span ? 206 : 200,
    body,
    contentType: inline ? media.contentType : 'application/octet-stream',
    inline,
    fileName: `media-${media.id}${extensionOf(media.contentType)}`,
    size: media.size,
    range: span,
  };
}

const EXTENSIONS: Record<string, string> = {
  'audio/wav': '.wav',
  'audio/mpeg': '.mp3',
  'audio/flac': '.flac',
  'audio/ogg': '.ogg',
  'audio/mp4': '.m4a',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/quicktime': '.mov',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
};
const extensionOf = (type: string): string => EXTENSIONS[type] ?? '.bin';
