import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { toolPath } from '../../server/media/binaries.ts';
import { upload } from '../peaks.ts';
import { progress } from '../report.ts';
import { asSignedIn, expectStatus, startBenchServer } from './server.ts';

const IFACE = {
  fields: [{ name: 'clip', label: 'Clip', type: 'video' }],
  questions: [
    { name: 'scene', label: 'Scene', type: 'frames', field: 'clip', labels: ['indoor', 'outdoor'] },
  ],
};
const RATE = 25;

/**
 * Resolves with performance.now() once the player says it is ready: the first frame on screen
 * and the timeline drawn with the video's frame count. A string: the bench runs through tsx.
 */
const READY = `new Promise((resolve) => {
  const check = () => {
    const p = document.querySelector('.video-player');
    if (p && p.dataset.state === 'ready' && document.querySelector('.video-playhead')) return resolve(performance.now());
    requestAnimationFrame(check);
  };
  check();
})`;

/**
 * Milliseconds from the last pointerdown on the timeline until the player has moved off frame
 * `window.benchFrom` and presents the frame it moved to (requestVideoFrameCallback's frame).
 */
const SEEKED = `new Promise((resolve, reject) => {
  const p = document.querySelector('.video-player');
  const give = setTimeout(() => reject(new Error('no seek in 10 s: ' + JSON.stringify(p.dataset))), 10000);
  const check = () => {
    if (p.dataset.frame !== window.benchFrom && p.dataset.shownFrame === p.dataset.frame) {
      clearTimeout(give);
      return resolve(performance.now() - window.benchDown);
    }
    requestAnimationFrame(check);
  };
  check();
})`;

export interface OpenVideoFigures {
  /** ffmpeg's time to make the video (not the product's; shown apart). */
  generateMs: number;
  /** Navigation start → the first frame shown and the timeline drawn (median). */
  openMs: number;
  /** The JS heap used after the open, after a garbage collection (largest of the runs). */
  heapMb: number;
  /** A click on the timeline at a random place → that frame presented (median, 95th percentile). */
  seekP50Ms: number;
  seekP95Ms: number;
}

/**
 * The video player on one `seconds`-long video (320×240 at 25 fps, ffmpeg's test pattern as
 * low-bitrate VP8 WebM) on a server that runs the probe job: `runs` opens of the annotation view
 * in a 1280×800 window, and `seeks` clicks on the timeline at random frames (docs/media.md, "Video").
 */
export async function measureOpenVideo(
  browser: Browser,
  opts: { seconds: number; runs: number; seeks: number },
): Promise<OpenVideoFigures> {
  const server = await startBenchServer({ runJobs: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-video-'));
  try {
    const file = path.join(dir, 'long.webm');
    progress(`browser: generating ${opts.seconds / 60} minutes of video for the player`);
    const made = performance.now();
    execFileSync(toolPath('ffmpeg'), [
      ...['-v', 'error', '-nostdin', '-f', 'lavfi', '-i', `testsrc=s=320x240:r=${RATE}:d=${opts.seconds}`],
      ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '150k', '-g', '250'],
      ...['-y', file],
    ]);
    const generateMs = performance.now() - made;
    const manager = await server.user('manager', 'Video Manager');
    const annotator = await server.user('annotator', 'Video Annotator');
    const project = (await server.call(manager, 'POST', '/api/projects', { name: 'video', interface: IFACE }))
      .body.id as number;
    await server.call(manager, 'POST', `/api/projects/${project}/members`, { email: annotator.email });
    const port = (server.verity.app.server.address() as AddressInfo).port;
    const media = await upload(port, manager.token, project, file, {
      name: 'long.webm',
      contentType: 'video/webm',
    });
    fs.rmSync(file);
    const imported = await server.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${project}/items`,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ data: { clip: media.ref } })}\n`,
    });
    expectStatus({ status: imported.statusCode, body: imported.body }, 201, 'import the video');
    const itemId = (await server.call(manager, 'GET', `/api/projects/${project}/items`)).body.items[0].id;
    const until = Date.now() + 5 * 60_000;
    while (!(await server.call(manager, 'GET', `/api/items/${itemId}`)).body.media?.clip?.facts?.frameRate) {
      if (Date.now() > until) throw new Error('the probe of the video did not come in time');
      await new Promise((r) => setTimeout(r, 200));
    }
    expectStatus(
      await server.call(annotator, 'POST', `/api/projects/${project}/assignments/next`),
      200,
      'claim',
    );
    const frames = opts.seconds * RATE;
    const opens: number[] = [];
    const seeks: number[] = [];
    let heap = 0;
    for (let run = 0; run < opts.runs; run += 1)
      await asSignedIn(browser, server, annotator, async (page) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(`/projects/${project}/annotate`);
        opens.push((await page.evaluate(READY)) as number);
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        heap = Math.max(heap, (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6);
        if (run > 0) return;
        const timeline = page.locator('.video-timeline');
        await timeline.scrollIntoViewIfNeeded();
        const box = (await timeline.boundingBox())!;
        await page.evaluate(`document.querySelector('.video-timeline').addEventListener('pointerdown',
          () => { window.benchDown = performance.now(); }, { capture: true })`);
        for (let i = 0; i < opts.seeks; i += 1) {
          // A pixel column at random, at least two away from the playhead's.
          const from = Number(await page.locator('.video-player').getAttribute('data-frame'));
          const head = (from / frames) * box.width;
          let px = Math.floor(Math.random() * box.width);
          if (Math.abs(px - head) < 2) px = (px + Math.floor(box.width / 2)) % Math.floor(box.width);
          await page.evaluate(`window.benchFrom = '${from}'`);
          await page.mouse.click(box.x + px + 0.5, box.y + box.height / 2);
          seeks.push((await page.evaluate(SEEKED)) as number);
        }
      });
    opens.sort((a, b) => a - b);
    seeks.sort((a, b) => a - b);
    const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
    return {
      generateMs,
      openMs: at(opens, 50),
      heapMb: heap,
      seekP50Ms: at(seeks, 50),
      seekP95Ms: at(seeks, 95),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
