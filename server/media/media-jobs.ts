import type { Tx } from '../db/transaction.ts';
import { insertJob, insertSteps, settleTotal } from '../jobs/jobs.repository.ts';

/** The media jobs' parameters: the media files they work on, one step each (`media:<id>`). */
export interface MediaJobParams {
  mediaIds: number[];
}

export const mediaStepKey = (mediaId: number): string => `media:${mediaId}`;

export function mediaIdOfStep(key: string): number {
  const m = /^media:(\d+)$/.exec(key);
  if (!m) throw new Error(`not a media step: ${key}`);
  return Number(m[1]);
}

/**
 * Creates a `probe` or `peaks` job for media files inside the caller's transaction (the upload's
 * or the probe's commit), so a file is never stored without its probe planned. The runners find
 * it at their next poll (at most 200 ms).
 */
export async function planMediaJob(
  tx: Tx,
  job: { kind: 'probe' | 'peaks'; projectId: number; mediaIds: readonly number[]; createdBy: number | null },
  now: number,
): Promise<number> {
  const jobId = await insertJob(tx, {
    kind: job.kind,
    projectId: job.projectId,
    params: JSON.stringify({ mediaIds: [...job.mediaIds] } satisfies MediaJobParams),
    lane: null,
    createdBy: job.createdBy,
    now,
  });
  await insertSteps(tx, { jobId, lane: null, keys: job.mediaIds.map(mediaStepKey), now });
  await settleTotal(tx, jobId, now);
  return jobId;
}
