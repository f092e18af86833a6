import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../testing/job-fixtures.ts';
import { ffmpegMade, wavTone } from '../testing/media-fixtures.ts';
import {
  clipItem,
  endedJob,
  MEDIA_STORES,
  type MediaJobsWorld,
  mediaJobsWorld,
} from '../testing/media-jobs-fixture.ts';

/**
 * Probing again (docs/media.md, "Probing again"): a probe that could not run (no ffprobe) and one
 * that failed on an undecodable file are run again on a manager's request, and a file probed
 * since gets its facts and its waveform.
 */
describe('probing media again', () => {
  let w: MediaJobsWorld;
  const before = process.env.VERITY_FFPROBE;
  beforeAll(async () => {
    // No ffprobe at first: each probe fails once (no retries), as on a machine without ffmpeg.
    process.env.VERITY_FFPROBE = '/nonexistent/ffprobe';
    w = await mediaJobsWorld(MEDIA_STORES[0]!, { maxAttempts: 1 });
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.VERITY_FFPROBE;
    else process.env.VERITY_FFPROBE = before;
    await w?.close();
  });

  const reprobe = (body: object) =>
    w.h.call(w.admin, 'POST', `/api/projects/${w.projectId}/media/reprobe`, body);
  const jobEnd = (id: number) =>
    until(async () => {
      const job = (await w.h.call(w.admin, 'GET', `/api/jobs/${id}`)).body;
      return job.status === 'queued' || job.status === 'running' ? undefined : job;
    }, 60_000);
  const jobMedia = async (id: number) => {
    const row = await w.h.verity.store.db
      .selectFrom('jobs')
      .select('params')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return (JSON.parse(row.params) as { mediaIds: number[] }).mediaIds;
  };

  it('re-runs a probe that failed or never ran, then computes the waveform; --failed-only keeps to errors', async () => {
    const tone = await clipItem(w, wavTone({ seconds: 1.5, sampleRate: 16000 }), 'tone.wav');
    const first = await endedJob(w, 'probe', tone.mediaId);
    expect(first.status).toBe('failed');
    expect(first.failures[0].error).toMatch(/VERITY_FFPROBE names \/nonexistent\/ffprobe/);
    const detail = async () => (await w.h.call(tone.who, 'GET', `/api/items/${tone.itemId}`)).body.media.clip;
    expect((await detail()).facts).toMatchObject({ durationSeconds: null, probeError: null });

    // ffprobe is "installed": later probes find it.
    delete process.env.VERITY_FFPROBE;
    const whole = ffmpegMade(
      ['-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=25', '-t', '2', '-c:v', 'mpeg4'],
      'mp4',
    );
    const broken = await clipItem(w, whole.subarray(0, Math.floor(whole.length / 2)), 'broken.mp4');
    expect((await endedJob(w, 'probe', broken.mediaId)).status).toBe('failed');

    // The list shows each file's state: the undecodable one failed with its reason, the other pending.
    const list = async (query: string) =>
      (await w.h.call(w.admin, 'GET', `/api/projects/${w.projectId}/media?${query}`)).body;
    const failedList = await list('status=failed');
    expect(failedList.items.map((m: { id: number }) => m.id)).toEqual([broken.mediaId]);
    expect(failedList.items[0]).toMatchObject({ status: 'failed', originalName: 'broken.mp4' });
    expect(failedList.items[0].facts.probeError).toMatch(/cannot be decoded/);
    expect(failedList.counts).toEqual({ failed: 1, pending: 1, ready: 0 });
    expect((await list('status=pending')).items.map((m: { id: number }) => m.id)).toEqual([tone.mediaId]);
    const firstPage = await list('limit=1');
    expect(firstPage.items.map((m: { id: number }) => m.id)).toEqual([broken.mediaId]);
    const secondPage = await list(`limit=1&cursor=${firstPage.nextCursor}`);
    expect(secondPage).toMatchObject({ items: [{ id: tone.mediaId }], nextCursor: null });
    expect(
      (await w.h.call(w.admin, 'GET', `/api/projects/${w.projectId}/media?cursor=x`)).body.error.message,
    ).toMatch(/query.cursor/);

    // Failed only: the file with a recorded probe error, not the one never probed.
    const failedOnly = await reprobe({ failedOnly: true });
    expect(failedOnly.status, JSON.stringify(failedOnly.body)).toBe(200);
    expect(failedOnly.body.mediaCount).toBe(1);
    expect(await jobMedia(failedOnly.body.jobIds[0])).toEqual([broken.mediaId]);
    const again = await jobEnd(failedOnly.body.jobIds[0]);
    expect(again.status).toBe('failed');
    expect(again.failures[0].error).toMatch(/cannot be decoded/);

    // Everything that needs it: the never-probed tone too.
    const all = await reprobe({});
    expect(all.body.mediaCount).toBe(2);
    expect(await jobMedia(all.body.jobIds[0])).toEqual([tone.mediaId, broken.mediaId].sort((a, b) => a - b));
    const ran = await jobEnd(all.body.jobIds[0]);
    expect(ran).toMatchObject({ status: 'failed', doneSteps: 1, failedSteps: 1 });
    expect((await detail()).facts).toMatchObject({
      durationSeconds: 1.5,
      sampleRate: 16000,
      probeError: null,
    });
    const peaks = await until(async () => {
      const rows = await w.h.verity.store.db
        .selectFrom('jobs')
        .select(['id', 'params', 'status'])
        .where('kind', '=', 'peaks')
        .execute();
      const row = rows.find((r) =>
        (JSON.parse(r.params) as { mediaIds: number[] }).mediaIds.includes(tone.mediaId),
      );
      return row && row.status !== 'queued' && row.status !== 'running' ? row.status : undefined;
    }, 60_000);
    expect(peaks).toBe('succeeded');
    expect((await detail()).peaks).toMatchObject({ sampleRate: 16000, samples: 24000 });
    expect((await list('status=ready')).items.map((m: { id: number }) => m.id)).toEqual([tone.mediaId]);

    // Now only the undecodable file is left to probe again; each request is in the audit log.
    expect((await reprobe({})).body.mediaCount).toBe(1);
    const entries = await w.h.verity.store.db
      .selectFrom('auditLog')
      .select(['action', 'targetId', 'after'])
      .where('action', '=', 'media.reprobe')
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.targetId, JSON.parse(e.after!).mediaCount])).toEqual([
      [String(w.projectId), 1],
      [String(w.projectId), 2],
      [String(w.projectId), 1],
    ]);
  });
});
