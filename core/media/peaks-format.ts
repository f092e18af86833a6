/**
 * The waveform peaks' format (docs/media.md, "Waveform peaks"), shared by the server that makes
 * them and the clients that read them. A level's tile is up to TILE_PIXELS pixels, each a pair
 * (min, max) of signed 16-bit little-endian PCM values of the mono signal (divide by 32768 for
 * −1…1); a pixel of level L covers L samples at the file's sample rate; the last tile is shorter.
 */

/** Samples per pixel of each level, finest first; each is 4× the one before. */
export const PEAK_LEVELS = [256, 1024, 4096, 16384] as const;
export const TILE_PIXELS = 1024;
export const PEAK_BYTES_PER_PIXEL = 4;

/** A tile's (min, max) pairs read back as numbers in −1…1. */
export function readPeakTile(bytes: Uint8Array): { min: number; max: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { min: number; max: number }[] = [];
  for (let at = 0; at + PEAK_BYTES_PER_PIXEL <= bytes.byteLength; at += PEAK_BYTES_PER_PIXEL)
    out.push({ min: view.getInt16(at, true) / 32768, max: view.getInt16(at + 2, true) / 32768 });
  return out;
}
