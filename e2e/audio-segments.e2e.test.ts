import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postItems } from '../server/testing/factories.ts';
import { FAST_RUNNER } from '../server/testing/job-fixtures.ts';
import { ffmpegMade, uploaded } from '../server/testing/media-fixtures.ts';
import { checkPage, describeFindings } from './axe.ts';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  // The server runs its jobs, so the upload's probe and peaks are computed as in production.
  e = await startE2E({ runJobs: true, jobRunner: FAST_RUNNER });
});
afterAll(async () => e?.close());

const RATE = 16_000;
/** The finest peaks level: 256 samples a pixel, so one pixel is 16 ms and 6 s fit in 375 px. */
const PX_PER_SECOND = RATE / 256;
const PIXEL = 1 / PX_PER_SECOND;

/** 6 s made by ffmpeg: a 440 Hz burst from 1 s to 2.5 s and a 660 Hz one from 3.5 s to 5 s. */
const BURSTS = ffmpegMade(
  [
    '-f',
    'lavfi',
    '-i',
    `aevalsrc=0.5*sin(2*PI*440*t)*between(t\\,1\\,2.5)+0.5*sin(2*PI*660*t)*between(t\\,3.5\\,5):s=${RATE}:d=6`,
    '-c:a',
    'pcm_s16le',
  ],
  'wav',
);

const IFACE = {
  fields: [{ name: 'clip', type: 'audio', label: 'Recording' }],
  questions: [
    {
      name: 'events',
      type: 'segments',
      field: 'clip',
      labels: ['speech', 'music'],
      text: 'optional',
      speakers: 'optional',
      required: true,
    },
  ],
};

const TRANSCRIPT = {
  fields: IFACE.fields,
  questions: [
    {
      name: 'said',
      type: 'segments',
      field: 'clip',
      mode: 'transcript',
      text: 'required',
      speakers: 'optional',
      speakerNames: ['ann', 'bob'],
    },
  ],
};

async function projectWithRecording(
  iface: object = IFACE,
): Promise<{ projectId: number; itemId: number; lead: any; tutor: any }> {
  const lead = await e.user('manager');
  const tutor = await e.user('annotator');
  const p = await e.api.call(lead, 'POST', '/api/projects', { name: 'Bursts', interface: iface });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  const projectId: number = p.body.id;
  await e.api.call(lead, 'POST', `/api/projects/${projectId}/members`, { email: tutor.email });
  const ref = await uploaded(e.api, lead, projectId, BURSTS);
  await postItems(e.verity, lead, projectId, [{ data: { clip: ref } }]);
  const itemId: number = (await e.api.call(lead, 'GET', `/api/projects/${projectId}/items`)).body.items[0].id;
  await expect
    .poll(
      async () => (await e.api.call(lead, 'GET', `/api/items/${itemId}`)).body.media?.clip?.peaks ?? null,
      {
        timeout: 30_000,
        interval: 100,
      },
    )
    .not.toBeNull();
  return { projectId, itemId, lead, tutor };
}

/** Seeks the recording as a key press would, and waits until the player has it. */
async function seekTo(page: Page, seconds: number) {
  await page.evaluate((t) => {
    const a = document.querySelector('audio')!;
    a.currentTime = t;
  }, seconds);
  await page.waitForFunction(
    (t) => Math.abs(document.querySelector('audio')!.currentTime - t) < 1e-3,
    seconds,
  );
}

async function storedAnswers(lead: any, projectId: number, tutor: any) {
  const exported = await e.api.call(lead, 'GET', `/api/projects/${projectId}/export`);
  const [line] = String(exported.body)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const [stored] = line.annotations.filter((a: any) => a.annotator === tutor.email);
  expect(stored.status).toBe('submitted');
  return stored.answers;
}

const rows = (page: Page) =>
  page.locator('.region-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      start: Number((tr as HTMLElement).dataset.start),
      end: Number((tr as HTMLElement).dataset.end),
    })),
  );

describe('marking regions of a recording', () => {
  it('creates, adjusts and labels regions by keys and mouse, transcribes, names speakers and submits', async () => {
    const { projectId, itemId, lead, tutor } = await projectWithRecording();
    const { page } = await e.open(tutor);
    await page.goto(`/projects/${projectId}/annotate`);
    const player = page.getByRole('region', { name: 'Recording player' });
    await page.getByRole('img', { name: /^Waveform of Recording, 0:06 long/ }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('waveform')))
      .toBe(true);
    // The editor's player replaces the item's own: one recording on the page.
    expect(await page.locator('audio').count()).toBe(1);

    // By keys: Shift+→ seeks 1 s, [ marks the start; at 2.5 s ] ends it; 1 labels it speech.
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction(() => document.querySelector('audio')!.currentTime === 1);
    await page.keyboard.press('[');
    await seekTo(page, 2.5);
    await player.focus();
    await page.keyboard.press(']');
    await expect.poll(() => rows(page)).toEqual([{ start: 1, end: 2.5 }]);
    await page.keyboard.press('1');
    await expect.poll(() => page.getByLabel('Label of region 1').inputValue()).toBe('speech');

    // By mouse: a drag on empty waveform from 3.5 s to 4.5 s, then its end edge dragged to 5 s.
    const layer = page.getByTestId('region-layer');
    const box = (await layer.boundingBox())!;
    const x = (t: number) => box.x + t * PX_PER_SECOND;
    const y = box.y + box.height / 2;
    const drag = async (from: number, to: number) => {
      await page.mouse.move(x(from), y);
      await page.mouse.down();
      await page.mouse.move(x((from + to) / 2), y, { steps: 4 });
      await page.mouse.move(x(to), y, { steps: 4 });
      await page.mouse.up();
    };
    await drag(3.5, 4.5);
    await expect.poll(async () => (await rows(page)).length).toBe(2);
    await drag(4.5, 5);
    await expect.poll(async () => (await rows(page))[1]?.end ?? 0).toBeGreaterThan(4.9);
    // The drag left the player focused and the new region selected: 2 labels it music.
    await page.keyboard.press('2');
    await expect.poll(() => page.getByLabel('Label of region 2').inputValue()).toBe('music');

    // A click on a region selects it; Tab steps to the next; Delete and Ctrl+Z take it out and back.
    await page.mouse.click(x(1.75), y);
    await expect(
      page.locator('.region-table tr[aria-current="true"]').getAttribute('data-start'),
    ).resolves.toBe('1');
    await page.keyboard.press('Tab');
    await expect(
      page.locator('.region-table tr[aria-current="true"]').getAttribute('data-start'),
    ).resolves.toMatch(/^3\.[45]/);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await rows(page)).length).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await rows(page)).length).toBe(2);

    // The transcription and the speakers; a typed name becomes an RTTM token, and is offered again.
    await page.getByLabel('Text of region 1').fill('hello world');
    await page.getByLabel('Speaker of region 1').fill('Ann Lee');
    await expect.poll(() => page.getByLabel('Speaker of region 1').inputValue()).toBe('Ann_Lee');
    expect(
      await page
        .locator('.segments-editor datalist option')
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
    ).toEqual(['Ann_Lee']);
    await page.getByLabel('Speaker of region 2').fill('Bob');

    for (const theme of ['light', 'dark'] as const) {
      // As the theme switch does (web/src/ui/theme.ts).
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      const findings = await checkPage(page, { page: 'annotate', theme, state: 'audio segments' });
      expect(findings, describeFindings(findings)).toEqual([]);
    }

    // Enter in a box keeps the value and gives the player focus back; Enter there submits.
    await page.getByLabel('Speaker of region 2').press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('waveform')))
      .toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('All done').waitFor();

    const answers = await storedAnswers(lead, projectId, tutor);
    const [first, second] = answers.events;
    expect(first).toEqual({ start: 1, end: 2.5, label: 'speech', speaker: 'Ann_Lee', text: 'hello world' });
    expect(second).toMatchObject({ label: 'music', speaker: 'Bob' });
    expect(second.text).toBeUndefined();
    expect(Math.abs(second.start - 3.5)).toBeLessThanOrEqual(PIXEL);
    expect(Math.abs(second.end - 5)).toBeLessThanOrEqual(PIXEL);

    // The lead downloads the tutor's regions as WebVTT from the item's page.
    const { page: leadPage } = await e.open(lead);
    await leadPage.goto(`/items/${itemId}`);
    const [download] = await Promise.all([
      leadPage.waitForEvent('download'),
      leadPage.getByRole('link', { name: 'WebVTT' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`item-${itemId}.${tutor.email}.events.vtt`);
    const vtt = fs.readFileSync((await download.path())!, 'utf8');
    const blocks = vtt.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('WEBVTT');
    expect(blocks[1]).toBe('00:00:01.000 --> 00:00:02.500\n<v Ann_Lee>hello world');
    const [timing, text] = blocks[2]!.split('\n');
    const clock = (t: string) => {
      const [h, m, sec] = t.split(':').map(Number) as [number, number, number];
      return h * 3600 + m * 60 + sec;
    };
    const [from, to] = timing!.split(' --> ').map(clock) as [number, number];
    expect(from).toBeCloseTo(second.start, 3);
    expect(to).toBeCloseTo(second.end, 3);
    expect(text).toBe('<v Bob>music');
    expect(blocks).toHaveLength(3);
  });

  it('writes a transcript: lines with timestamps, Enter splits at the playhead or starts a line, the playing line is marked', async () => {
    const { projectId, lead, tutor } = await projectWithRecording(TRANSCRIPT);
    const { page } = await e.open(tutor);
    await page.goto(`/projects/${projectId}/annotate`);
    const player = page.getByRole('region', { name: 'Recording player' });
    await page.getByRole('img', { name: /^Waveform of Recording, 0:06 long/ }).waitFor();
    await seekTo(page, 1);
    await player.focus();
    await page.keyboard.press('[');
    await seekTo(page, 2.5);
    await page.keyboard.press(']');
    const first = page.getByLabel('Text, 00:00:01.000 – 00:00:02.500');
    await first.fill('hello world');
    // Enter with the playhead inside the line splits it there, and the text at the caret.
    await seekTo(page, 1.8);
    await first.press('Home');
    for (let i = 0; i < 5; i += 1) await first.press('ArrowRight');
    await first.press('Enter');
    const second = page.getByLabel('Text, 00:00:01.800 – 00:00:02.500');
    await expect.poll(() => second.inputValue()).toBe('world');
    expect(await page.getByLabel('Text, 00:00:01.000 – 00:00:01.800').inputValue()).toBe('hello');
    await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    // With the playhead past the line, Enter at its end starts a line from its end to the playhead.
    await seekTo(page, 4);
    await second.press('End');
    await second.press('Enter');
    const third = page.getByLabel('Text, 00:00:02.500 – 00:00:04.000');
    await expect.poll(() => third.evaluate((el) => el === document.activeElement)).toBe(true);
    await third.fill('again');
    // Esc gives the player its keys back.
    await third.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('waveform')))
      .toBe(true);
    // The line playing is marked as the playhead moves.
    const current = () => page.locator('.transcript-line[aria-current="time"] .line-stamp').textContent();
    await seekTo(page, 1.2);
    await expect.poll(current).toBe('[00:00:01.000 – 00:00:01.800]');
    await seekTo(page, 3);
    await expect.poll(current).toBe('[00:00:02.500 – 00:00:04.000]');
    // Backspace at the start of a line joins it to the line before.
    await third.press('Home');
    await third.press('Backspace');
    const joined = page.getByLabel('Text, 00:00:01.800 – 00:00:04.000');
    await expect.poll(() => joined.inputValue()).toBe('world again');
    // The playhead (3 s) is in the joined line now.
    await expect.poll(current).toBe('[00:00:01.800 – 00:00:04.000]');
    await page.getByLabel('Speaker, 00:00:01.000 – 00:00:01.800').selectOption('ann');
    await page.getByLabel('Speaker, 00:00:01.800 – 00:00:04.000').selectOption('bob');

    const findings = await checkPage(page, { page: 'annotate', theme: 'light', state: 'audio transcript' });
    expect(findings, describeFindings(findings)).toEqual([]);
    await joined.press('Control+Enter');
    await page.getByText('All done').waitFor();
    expect((await storedAnswers(lead, projectId, tutor)).said).toEqual([
      { start: 1, end: 1.8, speaker: 'ann', text: 'hello' },
      { start: 1.8, end: 4, speaker: 'bob', text: 'world again' },
    ]);
  });
});
