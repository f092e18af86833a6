import type { z } from 'zod';
import type { ReprobeMediaAnswer, ReprobeMediaBody } from '../../core/api/media.ts';
import { requireManage } from '../access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { mediaToReprobe } from './media.repository.ts';
import { planMediaJob } from './media-jobs.ts';

/** A probe job takes at most this many files (its parameters' limit); more make several jobs. */
const PER_JOB = 100_000;

/**
 * A project manager's new probe of the project's media whose probe (or waveform) failed or never
 * ran (docs/media.md, "Probing again"), e.g. after installing ffmpeg: `probe` jobs for them, whose
 * commits plan the `peaks` jobs as at upload. Media a probe or peaks job is still working on are
 * left to it. Audited as `media.reprobe`, in the transaction that plans the jobs.
 */
export async function reprobeMedia(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof ReprobeMediaBody>,
): Promise<z.input<typeof ReprobeMediaAnswer>> {
  await requireManage(ctx.store.db, caller, projectId);
  const now = ctx.clock();
  return writeTransaction(ctx.store, async (tx) => {
    const ids = await mediaToReprobe(tx, projectId, body.failedOnly);
    const jobIds: number[] = [];
    for (let at = 0; at < ids.length; at += PER_JOB) {
      const mediaIds = ids.slice(at, at + PER_JOB);
      jobIds.push(await planMediaJob(tx, { kind: 'probe', projectId, mediaIds, createdBy: caller.id }, now));
    }
    await appendAudit(
      tx,
      caller,
      {
        action: 'media.reprobe',
        targetType: 'project',
        targetId: projectId,
        projectId,
        after: { failedOnly: body.failedOnly, mediaCount: ids.length, jobIds },
      },
      now,
    );
    return { mediaCount: ids.length, jobIds };
  });
}
