/**
 * The type of a file as its first bytes say (magic numbers), never as its name or the client's
 * Content-Type claim. Only the types below are recognised; anything else is
 * `application/octet-stream`, which the media path serves as an attachment only. No text type is
 * ever returned (HTML, SVG, XML and scripts are text), so nothing the media path serves can run.
 */
export const SNIFF_BYTES = 64;

/** The probed types, and whether a browser may show each inline. */
export const MEDIA_TYPES = {
  'audio/wav': 'audio',
  'audio/mpeg': 'audio',
  'audio/flac': 'audio',
  'audio/ogg': 'audio',
  'audio/mp4': 'audio',
  'audio/webm': 'audio',
  'video/mp4': 'video',
  'video/webm': 'video',
  'video/quicktime': 'video',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
} as const;
export type MediaType = keyof typeof MEDIA_TYPES;
export type MediaKind = (typeof MEDIA_TYPES)[MediaType];
export const OCTET_STREAM = 'application/octet-stream';
export type ProbedType = MediaType | typeof OCTET_STREAM;

const ascii = (b: Uint8Array, at: number, text: string): boolean => {
  if (b.length < at + text.length) return false;
  for (let i = 0; i < text.length; i += 1) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};
const bytes = (b: Uint8Array, at: number, values: readonly number[]): boolean =>
  b.length >= at + values.length && values.every((v, i) => b[at + i] === v);

/** ISO base media (MP4, MOV, M4A): a `ftyp` box whose brand says audio, video or QuickTime. */
function isoMedia(b: Uint8Array): ProbedType | null {
  if (!ascii(b, 4, 'ftyp')) return null;
  const brand = String.fromCharCode(...b.subarray(8, 12));
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  return 'video/mp4';
}

/** The probed type of a file from its first bytes (at least SNIFF_BYTES when the file has them). */
export function sniffType(head: Uint8Array): ProbedType {
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'audio/wav';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 0, 'fLaC')) return 'audio/flac';
  if (ascii(head, 0, 'OggS')) return 'audio/ogg';
  if (ascii(head, 0, 'ID3')) return 'audio/mpeg';
  // An MPEG audio frame: 11 sync bits, then a layer that is not "reserved".
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) !== 0)
    return 'audio/mpeg';
  if (bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes(head, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'image/gif';
  return isoMedia(head) ?? OCTET_STREAM;
}

/** Whether the probed type is one a browser may show inline (audio, video or an image). */
export const isInlineType = (type: string): type is MediaType => Object.hasOwn(MEDIA_TYPES, type);
