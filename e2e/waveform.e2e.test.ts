import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_RUNNER } from '../server/testing/job-fixtures.ts';
import { audioInterface } from '../server/testing/media-fixtures.ts';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  // The server runs its jobs, so the upload's probe and peaks are computed as in production.
  e = await startE2E({ runJobs: true, jobRunner: FAST_RUNNER });
});
afterAll(async () => e?.close());

const RATE = 8000;

/** A mono 16-bit WAV made here: `tone` seconds of a 440 Hz sine, then `silence` seconds of zeros. */
function toneThenSilence(tone: number, silence: number): Buffer {
  const n = (tone + silence) * RATE;
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < tone * RATE; i += 1)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / RATE) * 16000), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

describe('the waveform player', () => {
  it('draws the tone and not the silence from peak tiles, and plays, seeks and changes speed by keys', async () => {
    const lead = await e.user('manager');
    const tutor = await e.user('annotator');
    const p = await e.api.call(lead, 'POST', '/api/projects', { name: 'Tones', interface: audioInterface });
    const projectId: number = p.body.id;
    await e.api.call(lead, 'POST', `/api/projects/${projectId}/members`, { email: tutor.email });
    const up = await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/media?name=tone.wav`,
      headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'audio/wav' },
      payload: toneThenSilence(10, 10),
    });
    expect(up.statusCode).toBe(201);
    const imported = await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/items`,
      headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ data: { clip: JSON.parse(up.body).ref } })}\n`,
    });
    expect(imported.statusCode).toBe(201);
    const items = await e.api.call(lead, 'GET', `/api/projects/${projectId}/items`);
    const itemId: number = items.body.items[0].id;
    // The peaks job runs; its index appears in the item's answer.
    const deadline = Date.now() + 30_000;
    let peaks: { levels: { samplesPerPixel: number; pixels: number }[] } | null = null;
    while (!peaks && Date.now() < deadline) {
      peaks = (await e.api.call(lead, 'GET', `/api/items/${itemId}`)).body.media?.clip?.peaks ?? null;
      if (!peaks) await new Promise((r) => setTimeout(r, 100));
    }
    expect(peaks?.levels[0]).toMatchObject({ samplesPerPixel: 256, pixels: 625 });

    const { page } = await e.open(tutor);
    const media: { url: string; range: string | undefined }[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/media/clip')) media.push({ url: r.url(), range: r.headers().range });
    });
    await page.goto(`/projects/${projectId}/annotate`);
    const canvas = page.getByRole('img', { name: /^Waveform of clip, 0:20 long; playhead at 0:00$/ });
    await canvas.waitFor();
    // The same canvas, found by what stays: its name changes as the playhead moves.
    const wave = page.locator('canvas.waveform-canvas');
    // 20 s at 8 kHz: 625 px at 256 samples a pixel, which fits the view; the tone is px 0–312.
    const inked = () =>
      wave.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d')!;
        const scale = c.width / c.getBoundingClientRect().width;
        const column = (x: number) => {
          const d = ctx.getImageData(Math.round(x * scale), 0, 1, c.height).data;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n += 1;
          return n;
        };
        const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => column(a + i));
        return { tone: range(20, 300), silence: range(330, 620) };
      });
    await expect.poll(async () => (await inked()).tone.every((n) => n > 10), { timeout: 10_000 }).toBe(true);
    const { silence } = await inked();
    expect(silence.every((n) => n === 0)).toBe(true);
    // Tiles only: one tile of the finest level, no other level; the sound itself by Range.
    const tiles = media.filter((m) => m.url.includes('/peaks'));
    expect(tiles.map((m) => new URL(m.url).search)).toEqual(['?level=256&tile=0']);
    expect(media.filter((m) => !m.url.includes('/peaks')).every((m) => m.range?.startsWith('bytes='))).toBe(
      true,
    );

    // The player passes axe: labelled controls, the canvas named with its duration and position.
    const findings = await checkPage(page, { page: 'annotate', theme: 'light', state: 'waveform player' });
    expect(findings, describeFindings(findings)).toEqual([]);

    const player = page.getByRole('region', { name: 'clip player' });
    const audio = page.locator('audio');
    const now = () => audio.evaluate((a: HTMLAudioElement) => a.currentTime);
    await player.focus();
    await page.keyboard.press(' ');
    await page.waitForFunction(() => {
      const a = document.querySelector('audio')!;
      return !a.paused && a.currentTime > 0.2;
    });
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('audio')!.paused);
    const t0 = await now();
    await page.keyboard.press('ArrowRight');
    expect(await now()).toBeCloseTo(t0 + 5, 1);
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await now()).toBeCloseTo(t0 + 4, 1);
    await expect.poll(() => wave.getAttribute('aria-label')).toMatch(/playhead at 0:0[4-5]$/);
    // Digits still pick labels while the player has focus.
    await page.keyboard.press('1');
    await expect.poll(() => page.getByRole('radio', { name: 'yes' }).isChecked()).toBe(true);
    // The finest level is shown already (Zoom in is off); zooming out fetches the next level's one tile.
    expect(await page.getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => media.filter((m) => m.url.includes('/peaks')).length).toBe(2);
    expect(media.some((m) => m.url.endsWith('/peaks?level=1024&tile=0'))).toBe(true);
    // `+` on the player zooms back in, to the finest level: its tile is kept, not fetched again.
    await player.focus();
    await page.keyboard.press('+');
    await expect.poll(() => page.getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(true);
    expect(media.filter((m) => m.url.includes('/peaks')).length).toBe(2);
    await page.getByLabel('Speed').selectOption('1.5');
    expect(await audio.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);
    // Clicking the waveform seeks to where it was clicked: at 256 samples a pixel, px 100 is 3.2 s.
    const box = (await wave.boundingBox())!;
    await page.mouse.click(box.x + 100, box.y + box.height / 2);
    expect(await now()).toBeCloseTo(3.2, 0);
  });
});
