/**
 * How item data refers to media (docs/media.md): a media field's value is `media:<id>`, the id of
 * a media row of the item's project, or, in an import line only, an http(s) URL (fetched at import
 * and replaced by `media:<id>`) or a path relative to the CLI's `--media` folder (uploaded by the
 * CLI and replaced likewise). Stored items hold `media:<id>` only.
 */
export type MediaReference =
  | { kind: 'media'; id: number }
  | { kind: 'url'; url: string }
  | { kind: 'path'; path: string };

const MEDIA_REF = /^media:([1-9][0-9]{0,15})$/;

export function parseMediaReference(value: string): MediaReference {
  const m = MEDIA_REF.exec(value);
  if (m) return { kind: 'media', id: Number(m[1]) };
  if (/^https?:\/\//i.test(value)) return { kind: 'url', url: value };
  return { kind: 'path', path: value };
}

export const mediaRef = (id: number): string => `media:${id}`;

/** The media id each of `fields` holds in an item's data (`media:<id>`); other values are left out. */
export function mediaIdsByField(
  data: Record<string, unknown>,
  fields: readonly string[],
): Map<string, number> {
  const ids = new Map<string, number>();
  for (const field of fields) {
    const v = Object.hasOwn(data, field) ? data[field] : undefined;
    const ref = typeof v === 'string' ? parseMediaReference(v) : null;
    if (ref?.kind === 'media') ids.set(field, ref.id);
  }
  return ids;
}

/** Where an item's media is served from, relative to the server's origin. */
export const itemMediaPath = (itemId: number, field: string): string =>
  `/api/items/${itemId}/media/${encodeURIComponent(field)}`;
