import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioInterface, wavTone } from '../server/testing/media-fixtures.ts';
import { type E2E, startE2E } from './harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('media in the browser', () => {
  it('uploads a recording with a progress bar, and the item plays it from the media path', async () => {
    const lead = await e.user('manager', 'Mara Media');
    const created = await e.api.call(lead, 'POST', '/api/projects', {
      name: 'Recordings',
      interface: audioInterface,
    });
    const projectId: number = created.body.id;
    const wav = wavTone({ seconds: 30, sampleRate: 16000 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-e2e-')), 'interview.wav');
    fs.writeFileSync(file, wav);

    const { page, context } = await e.open(lead);
    await page.goto(`/projects/${projectId}/import`);
    // Every value the bar shows, recorded as it changes; the upload is throttled so there are several.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        for (const bar of Array.from(document.querySelectorAll('[role=progressbar]')))
          seen.push(bar.getAttribute('aria-valuenow')!);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 400_000,
    });
    await page.getByLabel('Media files').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload file' }).click();
    const row = page
      .getByRole('table', { name: 'Uploaded media' })
      .getByRole('row', { name: /interview\.wav/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[1]).toMatch(/^media:\d+$/);
    expect(cells[2]).toBe('audio/wav');
    const seen = (await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).map(Number);
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // The project's media list shows it too, not yet probed (this server runs no jobs).
    const listed = page
      .getByRole('table', { name: 'Project media' })
      .getByRole('row', { name: /interview\.wav/ });
    await listed.waitFor();
    expect(await listed.getByRole('cell').allTextContents()).toContain('Being probed');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    const imported = await e.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/items`,
      headers: { authorization: `Bearer ${lead.token}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ data: { clip: cells[1] } })}\n`,
    });
    expect(imported.statusCode).toBe(201);
    const items = await e.api.call(lead, 'GET', `/api/projects/${projectId}/items`);
    await page.goto(`/items/${items.body.items[0].id}`);
    const audio = page.locator('audio');
    await audio.waitFor({ state: 'attached' });
    // This server runs no jobs: the peaks never come, the player says so, and the sound still plays.
    await page.getByRole('status').filter({ hasText: 'The waveform is being prepared' }).waitFor();
    // The browser fetched the file by Range from the media path and decoded its header: 30 s.
    await page.waitForFunction(() => (document.querySelector('audio')?.duration ?? 0) > 0);
    expect(Math.round(await audio.evaluate((a: HTMLAudioElement) => a.duration))).toBe(30);
  });
});
