import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { upload, writeLavfiWav } from '../peaks.ts';
import { progress } from '../report.ts';
import { measureSeeks, type SeekFigures } from './seek-audio.ts';
import { asSignedIn, expectStatus, startBenchServer } from './server.ts';

const IFACE = {
  fields: [{ name: 'clip', type: 'audio' }],
  questions: [{ name: 'speech', type: 'choice', options: ['yes', 'no'] }],
};

/**
 * Resolves with performance.now() once the canvas has drawn pixels and the audio element knows the
 * duration. A string: the bench runs through tsx, whose helpers a function's source would need.
 */
const INKED = `new Promise((resolve) => {
  const check = () => {
    const c = document.querySelector('canvas.waveform-canvas');
    const a = document.querySelector('audio');
    if (c && c.width > 1 && a && a.duration > 0) {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < d.length; i += 4 * 97) if (d[i] > 0) return resolve(performance.now());
    }
    requestAnimationFrame(check);
  };
  check();
})`;

export interface OpenAudioFigures {
  /** Navigation start → the waveform's first tiles drawn and the recording's duration known (median). */
  openMs: number;
  /** The JS heap used after the open, after a garbage collection (largest of the runs). */
  heapMb: number;
  /** The same after zooming to the finest level and scrolling 40 views on through the recording. */
  heapScrolledMb: number;
  /** The peak tiles fetched by one open. */
  tiles: number;
  /** Seeks of 5 s at the finest level, timed in the last run (seek-audio.ts). */
  seeks: SeekFigures;
}

/**
 * The waveform player of one `seconds`-long recording (16 kHz mono 16-bit WAV made by ffmpeg,
 * a 440 Hz sine whose volume swells and fades every 10 s) on a server that runs the peaks job:
 * `runs` opens of the annotation view in a 1280×800 window (docs/media.md, "The player").
 */
export async function measureOpenAudio(
  browser: Browser,
  opts: { seconds: number; runs: number; seeks: number },
): Promise<OpenAudioFigures> {
  const server = await startBenchServer({ runJobs: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-audio-'));
  try {
    const wav = path.join(dir, 'long.wav');
    progress(`browser: generating ${(opts.seconds / 3600).toFixed(2)} h of audio for the player`);
    const expr = `aevalsrc=0.5*sin(2*PI*440*t)*abs(sin(PI*t/10)):s=16000:d=${opts.seconds}`;
    writeLavfiWav(expr, wav);
    const manager = await server.user('manager', 'Audio Manager');
    const annotator = await server.user('annotator', 'Audio Annotator');
    const project = (await server.call(manager, 'POST', '/api/projects', { name: 'audio', interface: IFACE }))
      .body.id as number;
    await server.call(manager, 'POST', `/api/projects/${project}/members`, { email: annotator.email });
    const port = (server.verity.app.server.address() as AddressInfo).port;
    const media = await upload(port, manager.token, project, wav);
    fs.rmSync(wav);
    const imported = await server.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${project}/items`,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ data: { clip: media.ref } })}\n`,
    });
    expectStatus({ status: imported.statusCode, body: imported.body }, 201, 'import the recording');
    const itemId = (await server.call(manager, 'GET', `/api/projects/${project}/items`)).body.items[0].id;
    const until = Date.now() + 10 * 60_000;
    while (!(await server.call(manager, 'GET', `/api/items/${itemId}`)).body.media?.clip?.peaks) {
      if (Date.now() > until) throw new Error('the peaks of the recording did not come in time');
      await new Promise((r) => setTimeout(r, 200));
    }
    expectStatus(
      await server.call(annotator, 'POST', `/api/projects/${project}/assignments/next`),
      200,
      'claim',
    );
    const opens: number[] = [];
    let heap = 0;
    let heapScrolled = 0;
    let tiles = 0;
    let seeks: SeekFigures = { drawnMs: [], seekedMs: [] };
    for (let run = 0; run < opts.runs; run += 1)
      await asSignedIn(browser, server, annotator, async (page) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const heapUsed = async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          const { metrics } = await cdp.send('Performance.getMetrics');
          return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
        };
        let fetched = 0;
        page.on('request', (r) => {
          if (r.url().includes('/peaks?')) fetched += 1;
        });
        await page.goto(`/projects/${project}/annotate`);
        // Inked and ready: the canvas has drawn pixels and the audio element knows the duration.
        const openMs = (await page.evaluate(INKED)) as number;
        opens.push(openMs);
        tiles = fetched;
        heap = Math.max(heap, await heapUsed());
        const player = page.getByRole('region', { name: 'clip player' });
        await player.focus();
        for (let i = 0; i < 3; i += 1) await page.keyboard.press('+');
        await page.evaluate(`(async () => {
          const el = document.querySelector('.waveform-scroll');
          for (let i = 0; i < 40; i += 1) {
            el.scrollLeft += el.clientWidth;
            await new Promise((r) => setTimeout(r, 30));
          }
        })()`);
        await page.waitForTimeout(300);
        heapScrolled = Math.max(heapScrolled, await heapUsed());
        if (run === opts.runs - 1) {
          // From the middle of the recording, zoomed in still: a stretch no view has shown, so the
          // first seek jumps the view there and later ones page on into tiles not fetched yet.
          await page.waitForFunction(`document.querySelector('audio').duration > 0`);
          await page.evaluate(`new Promise((resolve) => {
            const a = document.querySelector('audio');
            a.addEventListener('seeked', resolve, { once: true });
            a.currentTime = Math.floor(a.duration / 2);
          })`);
          seeks = await measureSeeks(page, opts.seeks);
        }
      });
    opens.sort((a, b) => a - b);
    return {
      openMs: opens[Math.floor(opens.length / 2)]!,
      heapMb: heap,
      heapScrolledMb: heapScrolled,
      tiles,
      seeks,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
