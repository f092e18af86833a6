import { type InterfaceDefinition, MEDIA_FIELD_TYPES } from '../../core/interface/index.ts';
import { mediaRef, parseMediaReference } from '../../core/media/reference.ts';
import { MEDIA_TYPES, type MediaType } from '../../core/media/sniff.ts';
import type { AppContext, Caller } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { findMediaBySource, findProjectMediaMany, type MediaRow } from './media.repository.ts';
import { fetchIntoProject } from './media.service.ts';

/** An import line whose data the media fields are resolved in, in place. */
export interface MediaLine {
  line: number;
  data: Record<string, unknown>;
}

/** Which probed kinds each media field type takes: a recording may come in a video container. */
const ACCEPTS: Record<string, readonly string[]> = {
  audio: ['audio', 'video'],
  video: ['video'],
  image: ['image'],
};

/**
 * The media references of an import's lines (docs/media.md, "References in item data"): a
 * `media:<id>` must be a media file of this project whose kind fits the field; an http(s) URL is
 * fetched now (through the outbound guard) and replaced by `media:<id>`. Each problem names the
 * line and field. A URL fetched for a line that then fails, or for an import that is undone, leaves
 * a media row no item refers to: harmless (only the project's items can reach it) and found again
 * by the next import of the same URL, which then fetches nothing.
 */
export class ImportMedia {
  private readonly fields: { name: string; type: string }[];
  constructor(
    private readonly ctx: AppContext,
    private readonly projectId: number,
    private readonly importer: Pick<Caller, 'id' | 'email' | 'name'>,
    iface: InterfaceDefinition,
  ) {
    this.fields = iface.fields.filter((f) => MEDIA_FIELD_TYPES.includes(f.type));
  }

  get active(): boolean {
    return this.fields.length > 0;
  }

  /** Resolves the lines' references in place; the problem of each line that has one. */
  async resolve(lines: readonly MediaLine[]): Promise<Map<number, string>> {
    const problems = new Map<number, string>();
    const ids = new Set<number>();
    for (const l of lines)
      for (const f of this.fields) {
        const v = l.data[f.name];
        if (typeof v !== 'string') continue;
        const ref = parseMediaReference(v);
        if (ref.kind === 'media') ids.add(ref.id);
      }
    const known = new Map<number, MediaRow>(
      (await findProjectMediaMany(this.ctx.store.db, this.projectId, [...ids])).map((r) => [r.id, r]),
    );
    for (const l of lines) {
      for (const f of this.fields) {
        const v = l.data[f.name];
        if (typeof v !== 'string') continue;
        const at = `line ${l.line}: data.${f.name}`;
        const ref = parseMediaReference(v);
        let row: MediaRow | undefined;
        if (ref.kind === 'media') {
          row = known.get(ref.id);
          if (!row) {
            problems.set(l.line, `${at}: ${v} is not a media file of this project`);
            break;
          }
        } else if (ref.kind === 'url') {
          try {
            row = await this.fetch(ref.url);
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            problems.set(l.line, `${at}: ${err.message}`);
            break;
          }
          known.set(row.id, row);
          l.data[f.name] = mediaRef(row.id);
        } else continue;
        const kind = MEDIA_TYPES[row.contentType as MediaType] as string | undefined;
        if (!kind || !ACCEPTS[f.type]?.includes(kind)) {
          problems.set(
            l.line,
            `${at}: ${v} is ${row.contentType}, not ${f.type === 'image' ? 'an image' : f.type}`,
          );
          break;
        }
      }
    }
    return problems;
  }

  private async fetch(url: string): Promise<MediaRow> {
    const before = await findMediaBySource(this.ctx.store.db, this.projectId, url);
    if (before) return before;
    return (await fetchIntoProject(this.ctx, this.importer, this.projectId, url)).row;
  }
}
