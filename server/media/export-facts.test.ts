import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegMade, wavTone } from '../testing/media-fixtures.ts';
import {
  clipItem,
  endedJob,
  MEDIA_STORES,
  type MediaJobsWorld,
  mediaJobsWorld,
} from '../testing/media-jobs-fixture.ts';

/** Export lines carry each media field's URL and its probed facts (docs/media.md, "Export lines"). */
describe('media facts in JSONL export lines', () => {
  let w: MediaJobsWorld;
  beforeAll(async () => {
    w = await mediaJobsWorld(MEDIA_STORES[0]!);
  });
  afterAll(async () => {
    await w?.close();
  });

  const exportLines = async (query = '') => {
    const res = await w.h.verity.app.inject({
      method: 'GET',
      url: `/api/projects/${w.projectId}/export${query}`,
      headers: { authorization: `Bearer ${w.admin.token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return new Map(
      res.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .map((l) => [l.id as number, l]),
    );
  };

  it('holds the facts of a probed WAV and the probe error of a file that cannot be decoded', async () => {
    const tone = await clipItem(w, wavTone({ seconds: 1.5, sampleRate: 16000 }), 'tone.wav');
    const whole = ffmpegMade(
      ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=25', '-t', '2', '-c:v', 'mpeg4'],
      'mp4',
    );
    const broken = await clipItem(w, whole.subarray(0, Math.floor(whole.length / 2)), 'broken.mp4');
    expect((await endedJob(w, 'probe', tone.mediaId)).status).toBe('succeeded');
    const failed = await endedJob(w, 'probe', broken.mediaId);
    expect(failed.status).toBe('failed');

    const lines = await exportLines();
    const toneLine = lines.get(tone.itemId);
    // The served URL stays where it was; the facts sit beside it, as item answers give them.
    expect(toneLine.media).toEqual({ clip: `/api/items/${tone.itemId}/media/clip` });
    const answer = (await w.h.call(tone.who, 'GET', `/api/items/${tone.itemId}`)).body.media.clip;
    expect(toneLine.mediaFacts).toEqual({
      clip: {
        mediaId: tone.mediaId,
        contentType: 'audio/wav',
        size: answer.size,
        durationSeconds: 1.5,
        sampleRate: 16000,
        channels: 1,
        frameRate: null,
        frameRateValue: null,
        width: null,
        height: null,
        codecs: ['pcm_s16le'],
        probeError: null,
      },
    });
    expect(toneLine.mediaFacts.clip).toMatchObject(answer.facts);

    const brokenLine = lines.get(broken.itemId);
    expect(brokenLine.mediaFacts.clip).toMatchObject({
      mediaId: broken.mediaId,
      contentType: 'video/mp4',
      durationSeconds: null,
      codecs: null,
      probeError: failed.failures[0].error,
    });
    expect(brokenLine.mediaFacts.clip.probeError).toMatch(/^media \d+ \("broken.mp4"\) cannot be decoded: /);
  });

  it('holds the facts of the items a filter keeps (ids), read by the page ids', async () => {
    const more = [];
    for (let i = 0; i < 3; i++)
      more.push(
        await clipItem(w, wavTone({ seconds: 0.5, sampleRate: 8000, hz: 200 + i * 50 }), `t${i}.wav`),
      );
    for (const m of more) expect((await endedJob(w, 'probe', m.mediaId)).status).toBe('succeeded');
    const picked = more[1]!;
    const only = await exportLines(`?ids=${picked.itemId}`);
    expect([...only.keys()]).toEqual([picked.itemId]);
    expect(only.get(picked.itemId).mediaFacts.clip).toMatchObject({
      mediaId: picked.mediaId,
      durationSeconds: 0.5,
      sampleRate: 8000,
    });
    const all = await exportLines();
    for (const m of more) expect(all.get(m.itemId).mediaFacts.clip.mediaId).toBe(m.mediaId);
  });
});
