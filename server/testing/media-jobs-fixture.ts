import { expect } from 'vitest';
import type { RunnerOptions } from '../jobs/runner-options.ts';
import { defaultMediaConfig, type MediaConfig } from '../media/media-config.ts';
import { type Harness, jsonl, startHarness, type TestUser } from './harness.ts';
import { FAST_RUNNER, until } from './job-fixtures.ts';
import { audioInterface, uploadMedia } from './media-fixtures.ts';
import { startS3Server } from './s3-server.ts';

/** The two media stores the media tests run on: the data folder and S3 (s3rver on loopback). */
export const MEDIA_STORES: {
  name: string;
  config(): Promise<{ media: MediaConfig; close(): Promise<void> }>;
}[] = [
  { name: 'local', config: async () => ({ media: defaultMediaConfig(), close: async () => {} }) },
  {
    name: 's3',
    config: async () => {
      const s3 = await startS3Server();
      return { media: { ...defaultMediaConfig(), store: { kind: 's3', s3: s3.settings } }, close: s3.close };
    },
  },
];

/**
 * A server running its jobs (probe, peaks) on a media store, with a project holding an audio
 * field and another project's annotator (`stranger`).
 */
export interface MediaJobsWorld {
  h: Harness;
  admin: TestUser;
  stranger: TestUser;
  projectId: number;
  close(): Promise<void>;
}

export async function mediaJobsWorld(
  store: (typeof MEDIA_STORES)[number],
  runner: Partial<RunnerOptions> = {},
): Promise<MediaJobsWorld> {
  const { media, close } = await store.config();
  const h = await startHarness({ media, runJobs: true, jobRunner: { ...FAST_RUNNER, ...runner } });
  const admin = await h.user('admin');
  const stranger = await h.user('annotator');
  const p = await h.call(admin, 'POST', '/api/projects', { name: 'Recordings', interface: audioInterface });
  const other = await h.call(admin, 'POST', '/api/projects', {
    name: 'Elsewhere',
    interface: audioInterface,
  });
  await h.call(admin, 'POST', `/api/projects/${other.body.id}/members`, {
    userId: stranger.id,
    role: 'annotator',
  });
  return {
    h,
    admin,
    stranger,
    projectId: p.body.id,
    close: async () => {
      await h.close();
      await close();
    },
  };
}

/** Uploads `bytes`, imports an item whose clip it is, given to a new annotator (`who`); ids. */
export async function clipItem(w: MediaJobsWorld, bytes: Buffer, name: string) {
  const up = await uploadMedia(w.h, w.admin, w.projectId, bytes, { name });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const res = await w.h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${w.projectId}/items`,
    headers: { authorization: `Bearer ${w.admin.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl([{ data: { clip: up.body.ref }, priority: 100 }]),
  });
  expect(res.statusCode, res.body).toBe(201);
  const who = await w.h.user('annotator');
  await w.h.call(w.admin, 'POST', `/api/projects/${w.projectId}/members`, {
    userId: who.id,
    role: 'annotator',
  });
  const next = await w.h.call(who, 'POST', `/api/projects/${w.projectId}/assignments/next`);
  expect(next.body.item.data.clip).toBe(up.body.ref);
  return { itemId: next.body.item.id as number, mediaId: up.body.id as number, who };
}

/** The media's job of `kind` once it has ended, as GET /api/jobs/{id} answers it (a manager). */
export async function endedJob(w: MediaJobsWorld, kind: 'probe' | 'peaks', mediaId: number, ms = 60_000) {
  const id = await until(async () => {
    const rows = await w.h.verity.store.db
      .selectFrom('jobs')
      .select(['id', 'params', 'status'])
      .where('kind', '=', kind)
      .where('projectId', '=', w.projectId)
      .execute();
    const row = rows.find((r) => (JSON.parse(r.params) as { mediaIds: number[] }).mediaIds.includes(mediaId));
    return row && row.status !== 'queued' && row.status !== 'running' ? row.id : undefined;
  }, ms);
  const job = await w.h.call(w.admin, 'GET', `/api/jobs/${id}`);
  expect(job.status).toBe(200);
  return job.body;
}
