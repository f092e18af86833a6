import type { Page } from 'playwright-core';

export interface SeekFigures {
  /** Key press → the canvas drawn with the playhead at the new time and every tile in view loaded. */
  drawnMs: number[];
  /** Key press → the audio element's `seeked`: it can play from the new time. */
  seekedMs: number[];
}

/**
 * `count` seeks of 5 s (→ on the player) in an open waveform player, each timed in the page from
 * the key's dispatch: to the waveform drawn at the new position (the canvas's data-playhead and
 * data-missing, written by each draw; seen at the next animation frame) and to the sound ready
 * there. At the finest level 5 s is a few hundred pixels, so every few seeks the view pages on and
 * fetches tiles. A string: the bench runs through tsx, whose helpers a function's source would need.
 */
export async function measureSeeks(page: Page, count: number): Promise<SeekFigures> {
  const script = `(async () => {
    const player = document.querySelector('section.waveform');
    const a = document.querySelector('audio');
    const c = document.querySelector('canvas.waveform-canvas');
    const drawnMs = [];
    const seekedMs = [];
    for (let i = 0; i < ${count}; i += 1) {
      const target = Math.min(a.currentTime + 5, a.duration);
      const seeked = new Promise((r) => a.addEventListener('seeked', () => r(performance.now()), { once: true }));
      const t0 = performance.now();
      player.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      const drawn = await new Promise((r) => {
        const check = () => {
          if (Math.abs(Number(c.dataset.playhead) - target) < 0.01 && c.dataset.missing === '0') r(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      });
      drawnMs.push(drawn - t0);
      seekedMs.push((await seeked) - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { drawnMs, seekedMs };
  })()`;
  return (await page.evaluate(script)) as SeekFigures;
}
