/**
 * Waveform peaks (docs/media.md, "Waveform peaks"): for each zoom level, the minimum and maximum
 * sample of every `samplesPerPixel` samples of the mono signal, as 16-bit PCM values. Fed the
 * decoded samples in chunks (never the whole file); the finer level feeds the next (each level is
 * 4× the one before, so a coarse pixel is exactly 4 fine ones), so one pass makes all levels.
 */

import {
  PEAK_BYTES_PER_PIXEL as BYTES_PER_PIXEL,
  PEAK_LEVELS,
  TILE_PIXELS,
} from '../../core/media/peaks-format.ts';

/** The index of a file's peaks, stored as JSON in `media.peaks` and shown in item answers. */
export interface PeaksIndex {
  /** The decoded signal's rate: a pixel of level L covers L / sampleRate seconds. */
  sampleRate: number;
  /** Mono samples decoded. */
  samples: number;
  tilePixels: number;
  levels: { samplesPerPixel: number; pixels: number; tiles: number }[];
}

/** One level's pairs as they are made, in blocks, then as one buffer. */
class Level {
  private blocks: Buffer[] = [];
  private block = Buffer.alloc(TILE_PIXELS * BYTES_PER_PIXEL * 16);
  private used = 0;
  pixels = 0;
  min = 32767;
  max = -32768;
  count = 0;

  constructor(
    readonly samplesPerPixel: number,
    private readonly next: Level | null,
    private readonly ratio: number,
  ) {}

  /** Closes the current pixel (also a partial one at the end) and passes it up. */
  emit(): void {
    if (this.used === this.block.length) {
      this.blocks.push(this.block);
      this.block = Buffer.alloc(this.block.length);
      this.used = 0;
    }
    this.block.writeInt16LE(this.min, this.used);
    this.block.writeInt16LE(this.max, this.used + 2);
    this.used += BYTES_PER_PIXEL;
    this.pixels += 1;
    if (this.next) this.next.pair(this.min, this.max, this.ratio);
    this.min = 32767;
    this.max = -32768;
    this.count = 0;
  }

  /** A finer level's pixel: `ratio` of them make one of this level's. */
  pair(min: number, max: number, ratio: number): void {
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
    this.count += 1;
    if (this.count === ratio) this.emit();
  }

  finish(): void {
    if (this.count > 0) this.emit();
    this.next?.finish();
  }

  bytes(): Buffer {
    return Buffer.concat([...this.blocks, this.block.subarray(0, this.used)]);
  }
}

export class PeakBuilder {
  private readonly levels: Level[];
  private carry: number | null = null;
  samples = 0;

  constructor(readonly sampleRate: number) {
    let next: Level | null = null;
    const built: Level[] = [];
    for (const spp of [...PEAK_LEVELS].reverse()) {
      next = new Level(spp, next, next ? next.samplesPerPixel / spp : 0);
      built.unshift(next);
    }
    this.levels = built;
  }

  /** Adds signed 16-bit little-endian mono samples (a chunk may split a sample: it is carried). */
  push(chunk: Buffer): void {
    let at = 0;
    const base = this.levels[0]!;
    const spp = base.samplesPerPixel;
    if (this.carry !== null && chunk.length > 0) {
      const v = (((chunk[0]! << 8) | this.carry) << 16) >> 16;
      this.carry = null;
      at = 1;
      this.sample(base, spp, v);
    }
    const end = at + ((chunk.length - at) & ~1);
    let { min, max, count } = base;
    for (let i = at; i < end; i += 2) {
      const v = (((chunk[i + 1]! << 8) | chunk[i]!) << 16) >> 16;
      if (v < min) min = v;
      if (v > max) max = v;
      count += 1;
      if (count === spp) {
        base.min = min;
        base.max = max;
        base.emit();
        min = 32767;
        max = -32768;
        count = 0;
      }
    }
    base.min = min;
    base.max = max;
    base.count = count;
    this.samples += (end - at) / 2;
    if (end < chunk.length) this.carry = chunk[end]!;
  }

  private sample(base: Level, spp: number, v: number): void {
    if (v < base.min) base.min = v;
    if (v > base.max) base.max = v;
    base.count += 1;
    this.samples += 1;
    if (base.count === spp) base.emit();
  }

  /** Closes the last partial pixels; each level's bytes and the index. */
  finish(): { index: PeaksIndex; levels: { samplesPerPixel: number; bytes: Buffer }[] } {
    this.levels[0]!.finish();
    return {
      index: {
        sampleRate: this.sampleRate,
        samples: this.samples,
        tilePixels: TILE_PIXELS,
        levels: this.levels.map((l) => ({
          samplesPerPixel: l.samplesPerPixel,
          pixels: l.pixels,
          tiles: Math.ceil(l.pixels / TILE_PIXELS),
        })),
      },
      levels: this.levels.map((l) => ({ samplesPerPixel: l.samplesPerPixel, bytes: l.bytes() })),
    };
  }
}

/** The byte range of a tile in a level's object (inclusive, as storage ranges are); null: none. */
export function tileRange(index: PeaksIndex, samplesPerPixel: number, tile: number) {
  const level = index.levels.find((l) => l.samplesPerPixel === samplesPerPixel);
  if (!level || tile >= level.tiles) return null;
  const first = tile * index.tilePixels;
  const last = Math.min(level.pixels, first + index.tilePixels) - 1;
  return { start: first * BYTES_PER_PIXEL, end: (last + 1) * BYTES_PER_PIXEL - 1, pixels: last - first + 1 };
}
