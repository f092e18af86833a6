import type { Readable } from 'node:stream';

/** The bytes of an item's media field as the route answers them (register.ts, responseKind `media`). */
export interface MediaAnswer {
  /** 304: the client's copy (If-None-Match) is current; no body is sent. */
  status: 200 | 206 | 304;
  body: Readable;
  contentType: string;
  /** Whether a browser may show it inline (a probed audio, video or image type). */
  inline: boolean;
  fileName: string;
  size: number;
  range: { start: number; end: number } | null;
  /**
   * Unset: never cached (`no-store`, as every API answer). Set (waveform peaks, which never change
   * for the same bytes): `private, no-cache` with this ETag, so a browser keeps a copy but asks
   * each time, and the access rule is checked on every request (a 304 costs no body).
   */
  etag?: string;
}

/**
 * The headers of a media answer (docs/media.md, "Serving"): the probed type; `nosniff`, so a
 * browser never second-guesses it; `inline` only for a probed audio, video or image type, else an
 * attachment; and a policy under which a document opened from the media path could run nothing
 * and load nothing (`default-src 'none'; sandbox`).
 */
export function mediaHeaders(
  media: Pick<MediaAnswer, 'contentType' | 'inline' | 'fileName' | 'size' | 'range' | 'etag' | 'status'>,
) {
  const length = media.range ? media.range.end - media.range.start + 1 : media.size;
  return {
    ...(media.etag ? { etag: media.etag, 'cache-control': 'private, no-cache' } : {}),
    ...(media.status === 304 ? {} : { 'content-length': String(length) }),
    'content-type': media.contentType,
    'accept-ranges': 'bytes',
    ...(media.range
      ? { 'content-range': `bytes ${media.range.start}-${media.range.end}/${media.size}` }
      : {}),
    'x-content-type-options': 'nosniff',
    // The name is ours (media-<id>.<ext>, ASCII), never the uploader's.
    'content-disposition': `${media.inline ? 'inline' : 'attachment'}; filename="${media.fileName}"`,
    'content-security-policy': "default-src 'none'; sandbox",
  };
}
