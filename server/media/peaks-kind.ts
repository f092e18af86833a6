import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { type JobKind, StepFailure } from '../jobs/kind.ts';
import { findMediaById, findPeaksOfContent, recordPeaks } from './media.repository.ts';
import { withMediaFile } from './media-file.ts';
import { type MediaJobParams, mediaIdOfStep } from './media-jobs.ts';
import type { PeaksIndex } from './peaks.ts';
import { decodePeaks, storePeaks } from './peaks-decode.ts';
import { UndecodableError } from './probe.ts';
import { mediaName } from './probe-kind.ts';

const Params = z.object({ mediaIds: z.array(z.number().int().positive()).min(1).max(100_000) });

/** Decoding may take this long at least, plus the file's duration (slower than real time is broken). */
const BASE_TIMEOUT_MS = 120_000;

/**
 * The `peaks` job kind (docs/media.md, "Waveform peaks"), planned by a probe's commit for a file
 * with sound: one step per file decodes it once and stores its peaks beside it; the commit writes
 * the index to `media.peaks`. Bytes whose peaks another project computed are not decoded again.
 */
export const peaksKind: JobKind<MediaJobParams, { index: PeaksIndex } | null> = {
  kind: 'peaks',
  params: Params,
  async plan() {
    // Planned by planMediaJob, in the probe's commit.
  },
  async run(ctx: AppContext, _job, step, signal) {
    const media = await findMediaById(ctx.store.db, mediaIdOfStep(step.key));
    if (!media) return null;
    const known = await findPeaksOfContent(ctx.store.db, media.sha256);
    if (known) return { index: JSON.parse(known) as PeaksIndex };
    const rate = media.sampleRate;
    if (!rate) throw new StepFailure(`${mediaName(media)} has no probed sample rate`, { retryable: false });
    const timeoutMs = BASE_TIMEOUT_MS + (media.durationSeconds ?? 0) * 1000;
    try {
      return await withMediaFile(
        ctx.media.storage,
        media.storageKey,
        ctx.tmpDir,
        async (file) => {
          const { index, levels } = await decodePeaks(file, rate, { timeoutMs, signal });
          await storePeaks(ctx.media.storage, media.storageKey, ctx.tmpDir, levels);
          return { index };
        },
        signal,
      );
    } catch (err) {
      if (!(err instanceof UndecodableError)) throw err;
      const reason = `${mediaName(media)}: its sound cannot be decoded for a waveform: ${err.message}`;
      await recordPeaks(ctx.store.db, media.id, { index: null, error: reason });
      throw new StepFailure(reason, { retryable: false });
    }
  },
  async commit(tx, _ctx, _job, step, result) {
    if (!result) return;
    await recordPeaks(tx, mediaIdOfStep(step.key), { index: JSON.stringify(result.index), error: null });
  },
  record: (result) =>
    result ? { samples: result.index.samples, sampleRate: result.index.sampleRate } : null,
};
