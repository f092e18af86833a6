import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Keyframe } from '../core/interface/index.ts';
import { boxAt } from '../core/interface/questions/track-boxes.ts';
import { frameAt, frameStart, parseFrameRate } from '../core/media/frame-rate.ts';
import { FAST_RUNNER } from '../server/testing/job-fixtures.ts';
import { ffmpegMade } from '../server/testing/media-fixtures.ts';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  // The server runs its jobs, so each upload is probed (frame rate, size) as in production.
  e = await startE2E({ runJobs: true, jobRunner: FAST_RUNNER });
});
afterAll(async () => e?.close());

const IFACE = {
  fields: [{ name: 'clip', label: 'Clip', type: 'video' }],
  questions: [
    { name: 'events', label: 'Events', type: 'segments', field: 'clip', labels: ['moving', 'still'] },
    { name: 'scene', label: 'Scene', type: 'frames', field: 'clip', labels: ['indoor', 'outdoor'] },
    { name: 'objects', label: 'Objects', type: 'tracks', field: 'clip', labels: ['square', 'person'] },
  ],
};

/**
 * 2 s at 25 fps, 320×240, black, with a white 40×40 square whose top-left corner is at
 * (20 + 6n, 100) in frame n until it stops at x = 260 (frame 40): the true box of every frame.
 * The position follows the frame's time `t` (n / 25 s), which every ffmpeg counts the same way.
 */
const square = () =>
  ffmpegMade(
    [
      ...['-f', 'lavfi', '-i', 'color=c=black:s=320x240:r=25:d=2'],
      ...['-f', 'lavfi', '-i', 'color=c=white:s=40x40:r=25:d=2'],
      ...['-filter_complex', "[0][1]overlay=x='min(20+t*150,260)':y=100:eval=frame"],
      ...['-c:v', 'libvpx', '-b:v', '400k'],
    ],
    'webm',
  );
const squareX = (n: number) => Math.min(20 + n * 6, 260);
/** 5 s of ffmpeg's test pattern at NTSC's 30000/1001 (about 29.97) frames a second. */
const ntsc = () =>
  ffmpegMade(
    ['-f', 'lavfi', '-i', 'testsrc=s=160x120:r=30000/1001:d=5', '-c:v', 'libvpx', '-b:v', '200k'],
    'webm',
  );

describe('the video editors', () => {
  it('mark a segment and a frame by keys, draw a two-keyframe track by mouse, submit; frame steps stay exact at 29.97', async () => {
    const lead = await e.user('manager');
    const tutor = await e.user('annotator');
    const p = await e.api.call(lead, 'POST', '/api/projects', { name: 'Squares', interface: IFACE });
    const projectId: number = p.body.id;
    await e.api.call(lead, 'POST', `/api/projects/${projectId}/members`, { email: tutor.email });
    const refs: string[] = [];
    for (const bytes of [square(), ntsc()]) {
      const up = await e.verity.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/media?name=clip.webm`,
        headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'video/webm' },
        payload: bytes,
      });
      expect(up.statusCode).toBe(201);
      refs.push(JSON.parse(up.body).ref);
    }
    const imported = await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/items`,
      headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'application/x-ndjson' },
      payload: refs.map((ref) => `${JSON.stringify({ data: { clip: ref } })}\n`).join(''),
    });
    expect(imported.statusCode).toBe(201);
    const itemIds: number[] = (await e.api.call(lead, 'GET', `/api/projects/${projectId}/items`)).body.items
      .map((i: { id: number }) => i.id)
      .sort((a: number, b: number) => a - b);
    // The probe jobs run; the frame rates appear in the items' answers.
    const rates: string[] = [];
    for (const id of itemIds) {
      const deadline = Date.now() + 30_000;
      let rate: string | null = null;
      while (!rate && Date.now() < deadline) {
        rate = (await e.api.call(lead, 'GET', `/api/items/${id}`)).body.media?.clip?.facts?.frameRate ?? null;
        if (!rate) await new Promise((r) => setTimeout(r, 100));
      }
      rates.push(rate!);
    }
    expect(rates).toEqual(['25/1', '30000/1001']);
    const PAL = parseFrameRate('25/1')!;
    const NTSC = parseFrameRate('30000/1001')!;

    const { page } = await e.open(tutor);
    const media: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/media/clip')) media.push(r.headers().range);
    });
    await page.goto(`/projects/${projectId}/annotate`);
    const events = page.getByRole('region', { name: 'Events: Clip player' });
    const scene = page.getByRole('region', { name: 'Scene: Clip player' });
    const objects = page.getByRole('region', { name: 'Objects: Clip player' });
    for (const player of [events, scene, objects])
      await expect.poll(() => player.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    // The three questions share one video: one <video>, shown at the first question's player.
    expect(await page.locator('video').count()).toBe(1);
    expect(await events.locator('video').count()).toBe(1);
    const frameOf = async (player: typeof events) => Number(await player.getAttribute('data-frame'));
    const press = async (key: string, times = 1) => {
      for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
    };

    // A segment by keys: [ at frame 10, ] at frame 30 (ten frames a Shift step), labelled by a digit.
    await events.focus();
    await press('.', 10);
    expect(await frameOf(events)).toBe(10);
    await press('[');
    await press('Shift+Period', 2);
    expect(await frameOf(events)).toBe(30);
    await press(']');
    await press('2');
    await events.getByRole('button', { name: /^Frames 10–29 · 0:00\.400–0:01\.200 · still$/ }).waitFor();

    // A frame classified: frame 5 is outdoor. The clock is shared, so the frames question starts
    // where the segments question left it; a step there moves every question's current frame.
    await scene.focus();
    expect(await frameOf(scene)).toBe(30);
    await press('Home');
    await press('.', 5);
    for (const player of [events, scene, objects]) {
      expect(await frameOf(player)).toBe(5);
      expect(await player.locator('.video-frame').textContent()).toBe('5');
    }
    await press('2');
    await scene.getByRole('button', { name: 'Frame 5 · outdoor' }).waitFor();

    // A track by mouse: the square's box drawn at frame 0, then moved onto it at frame 40. The
    // tracks question draws over the shared picture (in the first question's player).
    await objects.focus();
    await press('Home');
    expect(await frameOf(scene)).toBe(0);
    const overlay = events.locator('.video-stage svg.video-overlay');
    const toScreen = async (x: number, y: number) => {
      const b = (await overlay.boundingBox())!;
      return { x: b.x + (x * b.width) / 320, y: b.y + (y * b.height) / 240 };
    };
    const drag = async (from: [number, number], to: [number, number]) => {
      await overlay.scrollIntoViewIfNeeded();
      const a = await toScreen(...from);
      const b = await toScreen(...to);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
      await page.mouse.move(b.x, b.y, { steps: 4 });
      await page.mouse.up();
    };
    await drag([20, 100], [60, 140]);
    const t1 = overlay.locator('rect.track-box[data-track="t1"]');
    await expect.poll(() => t1.getAttribute('class')).toContain('keyframe');
    // A press on the drawing gave the tracks question focus, so the keys are its.
    expect(await objects.evaluate((el) => el === document.activeElement)).toBe(true);
    await objects.focus();
    await press('Shift+Period', 4);
    expect(await frameOf(objects)).toBe(40);
    // At frame 40 the box holds where it was (interpolation needs a later keyframe); dragged by its body.
    await expect.poll(() => t1.getAttribute('class')).toContain('interpolated');
    await drag([40, 120], [40 + squareX(40) - 20, 120]);
    await expect.poll(() => t1.getAttribute('class')).toContain('keyframe');
    await objects.getByRole('row', { name: /t1 .* 2 0–49 \(50 frames\)/ }).waitFor();

    // Frame 20, between the keyframes: the drawn box is interpolated, on the square.
    await objects.focus();
    await press('Shift+Comma', 2);
    expect(await frameOf(objects)).toBe(20);
    await expect.poll(() => t1.getAttribute('data-frame')).toBe('20');
    expect(await t1.getAttribute('class')).toContain('interpolated');
    const drawn = await t1.evaluate((r) =>
      ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))),
    );
    expect(Math.abs(drawn[0]! - squareX(20))).toBeLessThanOrEqual(2);
    expect(Math.abs(drawn[1]! - 100)).toBeLessThanOrEqual(2);
    expect(Math.abs(drawn[2]! - 40)).toBeLessThanOrEqual(2);
    expect(Math.abs(drawn[3]! - 40)).toBeLessThanOrEqual(2);
    // And the picture is frame 20: its white square's left edge, read from the shown frame's pixels.
    await expect.poll(() => objects.getAttribute('data-shown-frame')).toBe('20');
    const whiteFrom = await page.locator('video').evaluate((v: HTMLVideoElement) => {
      const c = document.createElement('canvas');
      c.width = v.videoWidth;
      c.height = v.videoHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(v, 0, 0);
      const row = ctx.getImageData(0, 120, c.width, 1).data;
      for (let x = 0; x < c.width; x += 1) if (row[x * 4]! > 128) return x;
      return -1;
    });
    expect(Math.abs(whiteFrom - squareX(20))).toBeLessThanOrEqual(2);
    // The video came by Range requests.
    expect(media.length).toBeGreaterThan(0);
    expect(media.every((range) => range?.startsWith('bytes='))).toBe(true);

    const findings = await checkPage(page, { page: 'annotate', theme: 'light', state: 'video editors' });
    expect(findings, describeFindings(findings)).toEqual([]);

    // Enter on a player submits; the next item (the 29.97 video) opens.
    await objects.focus();
    await press('Enter');
    const next = page.getByRole('region', { name: 'Scene: Clip player' });
    await expect.poll(() => next.getAttribute('data-frame'), { timeout: 15_000 }).toBe('0');
    const first = (await e.api.call(lead, 'GET', `/api/items/${itemIds[0]}`)).body;
    const answers = first.annotations[0].answers;
    expect(answers.events).toHaveLength(1);
    expect(answers.events[0].start).toBeCloseTo(frameStart(10, PAL), 6);
    expect(answers.events[0].end).toBeCloseTo(frameStart(30, PAL), 6);
    expect(answers.events[0].label).toBe('still');
    expect(answers.scene).toEqual([{ frame: 5, label: 'outdoor' }]);
    const track = answers.objects[0] as { id: string; label: string; keyframes: Keyframe[] };
    expect(track).toMatchObject({ id: 't1', label: 'square' });
    expect(track.keyframes.map((k) => k.frame)).toEqual([0, 40]);
    for (const n of [0, 20, 40]) {
      const b = boxAt(track.keyframes, n)!;
      expect(Math.abs(b.x - squareX(n))).toBeLessThanOrEqual(2);
      expect(Math.abs(b.y - 100)).toBeLessThanOrEqual(2);
      expect(Math.abs(b.width - 40)).toBeLessThanOrEqual(2);
      expect(Math.abs(b.height - 40)).toBeLessThanOrEqual(2);
    }

    // At 30000/1001, 100 steps land on frame 100: the number, the time and the frame the browser shows.
    await expect.poll(() => next.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    await next.focus();
    await press('.', 100);
    expect(await frameOf(next)).toBe(100);
    expect(await next.locator('.video-time').textContent()).toContain('Frame 100 of 150 · 0:03.337');
    await expect.poll(() => next.getAttribute('data-shown-frame')).toBe('100');
    const t = await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
    expect(frameAt(t, NTSC)).toBe(100);
    await press('End');
    expect(await frameOf(next)).toBe(149);
    await press('Home');
    expect(await frameOf(next)).toBe(0);
  });
});
