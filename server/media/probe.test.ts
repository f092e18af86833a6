import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../testing/harness.ts';
import { ffmpegMade, wavTone } from '../testing/media-fixtures.ts';
import {
  clipItem,
  endedJob,
  MEDIA_STORES,
  type MediaJobsWorld,
  mediaJobsWorld,
} from '../testing/media-jobs-fixture.ts';

/** Probing (docs/media.md, "Probing"): the probe job after an upload, its facts in item answers. */
describe.each(MEDIA_STORES)('probing on the $name store', (store) => {
  let w: MediaJobsWorld;
  beforeAll(async () => {
    w = await mediaJobsWorld(store);
  });
  afterAll(async () => {
    await w?.close();
  });

  const detail = async (item: { itemId: number; who: TestUser }) =>
    (await w.h.call(item.who, 'GET', `/api/items/${item.itemId}`)).body;

  it('probes an uploaded WAV tone in a job, with progress, and the item answer carries its facts', async () => {
    const item = await clipItem(w, wavTone({ seconds: 1.5, sampleRate: 16000 }), 'tone.wav');
    const job = await endedJob(w, 'probe', item.mediaId);
    expect(job).toMatchObject({ status: 'succeeded', totalSteps: 1, doneSteps: 1, progress: 1, error: null });
    const clip = (await detail(item)).media.clip;
    expect(clip.facts).toEqual({
      durationSeconds: 1.5,
      sampleRate: 16000,
      channels: 1,
      frameRate: null,
      frameRateValue: null,
      width: null,
      height: null,
      codecs: ['pcm_s16le'],
      probeError: null,
    });
    // A file with sound gets its waveform next.
    expect((await endedJob(w, 'peaks', item.mediaId)).status).toBe('succeeded');
    expect((await detail(item)).media.clip.peaks).toMatchObject({ sampleRate: 16000, samples: 24000 });
  });

  it('probes silence too: the facts of a file with nothing to hear', async () => {
    const silence = wavTone({ seconds: 2, sampleRate: 8000, amplitude: 0 });
    const item = await clipItem(w, silence, 'silence.wav');
    expect((await endedJob(w, 'probe', item.mediaId)).status).toBe('succeeded');
    expect((await detail(item)).media.clip.facts).toMatchObject({ durationSeconds: 2, sampleRate: 8000 });
  });

  it("probes a video made by ffmpeg: its exact frame rate, size, codecs and sound's rate", async () => {
    const video = ffmpegMade(
      [
        ...['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=30000/1001'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=22050'],
        ...['-t', '1', '-c:v', 'mpeg4', '-c:a', 'aac', '-ac', '1'],
      ],
      'mp4',
    );
    const item = await clipItem(w, video, 'pattern.mp4');
    expect((await endedJob(w, 'probe', item.mediaId)).status).toBe('succeeded');
    const facts = (await detail(item)).media.clip.facts;
    expect(facts).toMatchObject({
      sampleRate: 22050,
      channels: 1,
      frameRate: '30000/1001',
      width: 64,
      height: 48,
      codecs: ['mpeg4', 'aac'],
      probeError: null,
    });
    expect(facts.frameRateValue).toBeCloseTo(29.97, 2);
    expect(facts.durationSeconds).toBeGreaterThan(0.9);
    expect(facts.durationSeconds).toBeLessThan(1.2);
  });

  it('a file that cannot be decoded: probe_error names the media and the reason, and the job fails', async () => {
    // A real MP4 cut in half: its type sniffs right, but its index (at the end) is gone.
    const whole = ffmpegMade(
      ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=25', '-t', '2', '-c:v', 'mpeg4'],
      'mp4',
    );
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const item = await clipItem(w, cut, 'broken.mp4');
    const job = await endedJob(w, 'probe', item.mediaId);
    expect(job.status).toBe('failed');
    expect(job.failures[0].key).toBe(`media:${item.mediaId}`);
    expect(job.failures[0].error).toMatch(
      new RegExp(`^media ${item.mediaId} \\("broken.mp4"\\) cannot be decoded: .*moov atom not found`),
    );
    const clip = (await detail(item)).media.clip;
    expect(clip.facts.probeError).toBe(job.failures[0].error);
    expect(clip.facts.durationSeconds).toBeNull();
    expect(clip.peaks).toBeNull();
    // No waveform is planned for it, and asking for one says why.
    const peaks = await w.h.call(
      item.who,
      'GET',
      `/api/items/${item.itemId}/media/clip/peaks?level=256&tile=0`,
    );
    expect(peaks.status).toBe(409);
    expect(peaks.body.error.message).toMatch(/cannot be decoded/);
  });
});
