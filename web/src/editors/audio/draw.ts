import type { TileCache } from './tiles.ts';
import { visibleTiles } from './waveform.ts';

/**
 * Draws the visible part of one level on a canvas: each pixel a bar from its minimum to its
 * maximum (a silent pixel, min = max = 0, draws nothing), then the playhead. `scroll` and
 * `playheadX` are in the level's pixels; the canvas is `width` × `height` CSS pixels. Returns how
 * many tiles in view were not loaded yet (drawn blank).
 */
export function drawWaveform(
  canvas: HTMLCanvasElement,
  view: {
    width: number;
    height: number;
    scroll: number;
    level: number;
    pixels: number;
    tilePixels: number;
    playheadX: number | undefined;
  },
  tiles: TileCache | undefined,
): number {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(view.width * dpr));
  const h = Math.max(1, Math.round(view.height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  const style = getComputedStyle(canvas);
  const mid = view.height / 2;
  ctx.fillStyle = style.color;
  let missing = 0;
  for (const t of visibleTiles(view.scroll, view.width, view.pixels, view.tilePixels)) {
    const data = tiles?.get(view.level, t);
    if (!data) {
      missing += 1;
      continue;
    }
    const start = t * view.tilePixels;
    const from = Math.max(0, view.scroll - start);
    const to = Math.min(data.length / 2, view.scroll + view.width - start);
    for (let i = from; i < to; i += 1) {
      const min = data[2 * i]! / 32768;
      const max = data[2 * i + 1]! / 32768;
      if (min === 0 && max === 0) continue;
      const top = mid - max * mid;
      const bottom = mid - min * mid;
      ctx.fillRect(start + i - view.scroll, top, 1, Math.max(1, bottom - top));
    }
  }
  if (view.playheadX !== undefined) {
    const x = view.playheadX - view.scroll;
    if (x >= 0 && x <= view.width) {
      ctx.fillStyle = style.getPropertyValue('--waveform-playhead').trim() || 'red';
      ctx.fillRect(Math.round(x) - 1, 0, 2, view.height);
    }
  }
  return missing;
}
