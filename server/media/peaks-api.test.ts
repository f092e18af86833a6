import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEAK_LEVELS, readPeakTile, TILE_PIXELS } from '../../core/media/peaks-format.ts';
import type { TestUser } from '../testing/harness.ts';
import { wavTone } from '../testing/media-fixtures.ts';
import {
  clipItem,
  endedJob,
  MEDIA_STORES,
  type MediaJobsWorld,
  mediaJobsWorld,
} from '../testing/media-jobs-fixture.ts';
import { peaksKey } from './storage.ts';

/** Waveform peaks (docs/media.md, "Waveform peaks"): computed in a job, served in tiles. */
describe.each(MEDIA_STORES)('waveform peaks on the $name store', (store) => {
  let w: MediaJobsWorld;
  let tone: Awaited<ReturnType<typeof clipItem>>;
  // 40 s at 8 kHz: 320,000 samples, 1,250 pixels at 256 samples per pixel: tiles of 1,024 and 226.
  const SECONDS = 40;
  beforeAll(async () => {
    w = await mediaJobsWorld(store);
    tone = await clipItem(
      w,
      wavTone({ seconds: SECONDS, sampleRate: 8000, hz: 440, amplitude: 0.5 }),
      'tone.wav',
    );
    expect((await endedJob(w, 'peaks', tone.mediaId)).status).toBe('succeeded');
  });
  afterAll(async () => {
    await w?.close();
  });

  const tile = (who: TestUser | null, itemId: number, query: string, headers: Record<string, string> = {}) =>
    w.h.verity.app.inject({
      method: 'GET',
      url: `/api/items/${itemId}/media/clip/peaks?${query}`,
      headers: { ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...headers },
    });

  it('indexes the levels in the item answer and stores each beside the media', async () => {
    const clip = (await w.h.call(tone.who, 'GET', `/api/items/${tone.itemId}`)).body.media.clip;
    const samples = SECONDS * 8000;
    expect(clip.peaks).toEqual({
      url: `/api/items/${tone.itemId}/media/clip/peaks`,
      sampleRate: 8000,
      samples,
      tilePixels: TILE_PIXELS,
      levels: PEAK_LEVELS.map((spp) => {
        const pixels = Math.ceil(samples / spp);
        return { samplesPerPixel: spp, pixels, tiles: Math.ceil(pixels / TILE_PIXELS) };
      }),
    });
    const row = await w.h.verity.store.db
      .selectFrom('media')
      .select('storageKey')
      .where('id', '=', tone.mediaId)
      .executeTakeFirstOrThrow();
    for (const spp of PEAK_LEVELS)
      expect(await w.h.verity.ctx.media.storage.has(peaksKey(row.storageKey, spp))).toBe(true);
  });

  it('a 0.5 sine has min ≈ −0.5 and max ≈ 0.5 in every pixel of every tile, the tiles cut exactly', async () => {
    for (const spp of PEAK_LEVELS) {
      const pixels = Math.ceil((SECONDS * 8000) / spp);
      const tiles = Math.ceil(pixels / TILE_PIXELS);
      let seen = 0;
      for (let t = 0; t < tiles; t += 1) {
        const res = await tile(tone.who, tone.itemId, `level=${spp}&tile=${t}`);
        expect(res.statusCode, res.body).toBe(200);
        const pairs = readPeakTile(res.rawPayload);
        expect(pairs.length).toBe(Math.min(TILE_PIXELS, pixels - t * TILE_PIXELS));
        for (const p of pairs) {
          expect(p.max).toBeGreaterThan(0.49);
          expect(p.max).toBeLessThanOrEqual(0.5);
          expect(p.min).toBeLessThan(-0.49);
          expect(p.min).toBeGreaterThanOrEqual(-0.5);
        }
        seen += pairs.length;
      }
      expect(seen).toBe(pixels);
      const past = await tile(tone.who, tone.itemId, `level=${spp}&tile=${tiles}`);
      expect(past.statusCode).toBe(400);
      expect(past.json().error.message).toBe(
        `tile: level ${spp} has ${tiles} tile${tiles === 1 ? '' : 's'} (0 to ${tiles - 1})`,
      );
    }
    const odd = await tile(tone.who, tone.itemId, 'level=300&tile=0');
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.message).toMatch(/^query.level: write one of 256, 1024, 4096, 16384/);
  });

  it('silence gives zeros', async () => {
    const quiet = await clipItem(w, wavTone({ seconds: 3, sampleRate: 8000, amplitude: 0 }), 'quiet.wav');
    expect((await endedJob(w, 'peaks', quiet.mediaId)).status).toBe('succeeded');
    const res = await tile(quiet.who, quiet.itemId, 'level=256&tile=0');
    expect(res.statusCode).toBe(200);
    const pairs = readPeakTile(res.rawPayload);
    expect(pairs.length).toBe(Math.ceil((3 * 8000) / 256));
    expect(pairs.every((p) => p.min === 0 && p.max === 0)).toBe(true);
  });

  it('is cacheable privately: an ETag, revalidated (304) each time', async () => {
    const res = await tile(tone.who, tone.itemId, 'level=1024&tile=0');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}-1024-0"$/);
    const again = await tile(tone.who, tone.itemId, 'level=1024&tile=0', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // Errors are still never cached.
    expect((await tile(tone.who, tone.itemId, 'level=1024&tile=99')).headers['cache-control']).toBe(
      'no-store',
    );
  });

  it('follows the media rule: another project annotator gets 404, no sign-in 401', async () => {
    const stranger = await tile(w.stranger, tone.itemId, 'level=256&tile=0');
    expect(stranger.statusCode).toBe(404);
    expect(stranger.headers.etag).toBeUndefined();
    const etag = (await tile(tone.who, tone.itemId, 'level=256&tile=0')).headers.etag as string;
    expect(
      (await tile(w.stranger, tone.itemId, 'level=256&tile=0', { 'if-none-match': etag })).statusCode,
    ).toBe(404);
    expect((await tile(null, tone.itemId, 'level=256&tile=0')).statusCode).toBe(401);
  });
});
