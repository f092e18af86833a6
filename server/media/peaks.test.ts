import { describe, expect, it } from 'vitest';
import { PEAK_LEVELS, readPeakTile, TILE_PIXELS } from '../../core/media/peaks-format.ts';
import { PeakBuilder, tileRange } from './peaks.ts';

/** Signed 16-bit little-endian samples. */
const pcm = (values: readonly number[]): Buffer => {
  const b = Buffer.alloc(values.length * 2);
  for (const [i, v] of values.entries()) b.writeInt16LE(v, i * 2);
  return b;
};

describe('waveform peaks', () => {
  it('takes the min and max of every samplesPerPixel samples at each level, the last pixel partial', () => {
    const samples = Array.from({ length: 256 * 5 + 10 }, (_, i) => ((i * 37) % 2001) - 1000);
    const b = new PeakBuilder(8000);
    b.push(pcm(samples));
    const { index, levels } = b.finish();
    expect(index.samples).toBe(samples.length);
    expect(index.levels.map((l) => l.pixels)).toEqual([6, 2, 1, 1]);
    const fine = readPeakTile(levels[0]!.bytes);
    for (let p = 0; p < 6; p += 1) {
      const part = samples.slice(p * 256, (p + 1) * 256);
      expect(fine[p]!.min * 32768).toBe(Math.min(...part));
      expect(fine[p]!.max * 32768).toBe(Math.max(...part));
    }
    const coarse = readPeakTile(levels[1]!.bytes);
    expect(coarse[0]!.max * 32768).toBe(Math.max(...samples.slice(0, 1024)));
    expect(coarse[1]!.min * 32768).toBe(Math.min(...samples.slice(1024)));
    expect(readPeakTile(levels[3]!.bytes)[0]!.max * 32768).toBe(Math.max(...samples));
  });

  it('is the same however the bytes are split into chunks, odd splits included', () => {
    const samples = Array.from({ length: 5000 }, (_, i) => Math.round(Math.sin(i / 7) * 30000));
    const whole = new PeakBuilder(16000);
    whole.push(pcm(samples));
    const split = new PeakBuilder(16000);
    const bytes = pcm(samples);
    for (let at = 0; at < bytes.length; at += 333) split.push(bytes.subarray(at, at + 333));
    const a = whole.finish();
    const b = split.finish();
    expect(b.index).toEqual(a.index);
    for (let l = 0; l < PEAK_LEVELS.length; l += 1)
      expect(b.levels[l]!.bytes.equals(a.levels[l]!.bytes)).toBe(true);
  });

  it('cuts levels into tiles of TILE_PIXELS pixels, the last shorter, exactly', () => {
    const b = new PeakBuilder(8000);
    b.push(Buffer.alloc((TILE_PIXELS * 256 + 300) * 2));
    const { index } = b.finish();
    expect(index.levels[0]).toEqual({ samplesPerPixel: 256, pixels: TILE_PIXELS + 2, tiles: 2 });
    expect(tileRange(index, 256, 0)).toEqual({ start: 0, end: TILE_PIXELS * 4 - 1, pixels: TILE_PIXELS });
    expect(tileRange(index, 256, 1)).toEqual({ start: TILE_PIXELS * 4, end: TILE_PIXELS * 4 + 7, pixels: 2 });
    expect(tileRange(index, 256, 2)).toBeNull();
    expect(tileRange(index, 512, 0)).toBeNull();
  });
});
