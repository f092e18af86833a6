import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { type JobKind, StepFailure } from '../jobs/kind.ts';
import { findMediaById, type MediaRow, recordProbe } from './media.repository.ts';
import { withMediaFile } from './media-file.ts';
import { type MediaJobParams, mediaIdOfStep, planMediaJob } from './media-jobs.ts';
import { probeFile, UndecodableError } from './probe.ts';
import type { ProbedFacts } from './probe-facts.ts';

const Params = z.object({ mediaIds: z.array(z.number().int().positive()).min(1).max(100_000) });

/** A media file as messages name it: its id and the name it was uploaded with. */
export const mediaName = (m: Pick<MediaRow, 'id' | 'originalName'>): string =>
  `media ${m.id}${m.originalName ? ` (${JSON.stringify(m.originalName)})` : ''}`;

/**
 * The `probe` job kind (docs/media.md, "Probing"): one step per media file, planned when a file
 * is stored (upload, fetch by URL, import). A step runs ffprobe on the file (a copy in the temp
 * folder for S3) and its commit writes the facts, and plans a `peaks` job when the file has sound.
 * A file ffprobe cannot read gets `probe_error` (ffprobe's reason) and fails its step, naming it.
 */
export const probeKind: JobKind<MediaJobParams, ProbedFacts | null> = {
  kind: 'probe',
  params: Params,
  async plan() {
    // Planned by planMediaJob, in the transaction that stores the file.
  },
  async run(ctx, _job, step, signal) {
    const media = await findMediaById(ctx.store.db, mediaIdOfStep(step.key));
    if (!media) return null; // its project was deleted since
    try {
      return await withMediaFile(
        ctx.media.storage,
        media.storageKey,
        ctx.tmpDir,
        (file) => probeFile(file, media.contentType, signal),
        signal,
      );
    } catch (err) {
      if (!(err instanceof UndecodableError)) throw err;
      const reason = `${mediaName(media)} cannot be decoded: ${err.message}`;
      await recordProbe(ctx.store.db, media.id, { ...NO_FACTS, probeError: reason }, ctx.clock());
      throw new StepFailure(reason, { retryable: false });
    }
  },
  async commit(tx, ctx: AppContext, job, step, facts) {
    if (!facts) return;
    const mediaId = mediaIdOfStep(step.key);
    const { hasAudio, codecs, ...rest } = facts;
    const now = ctx.clock();
    await recordProbe(tx, mediaId, { ...rest, codecs: JSON.stringify(codecs), probeError: null }, now);
    if (hasAudio && job.projectId !== null)
      await planMediaJob(
        tx,
        { kind: 'peaks', projectId: job.projectId, mediaIds: [mediaId], createdBy: job.createdBy },
        now,
      );
  },
  record: (facts) => facts,
};

const NO_FACTS = {
  durationSeconds: null,
  sampleRate: null,
  channels: null,
  frameRate: null,
  width: null,
  height: null,
  codecs: null,
};
