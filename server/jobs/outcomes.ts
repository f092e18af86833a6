import type { AppContext } from '../context.ts';
import { type Tx, writeTransaction } from '../db/transaction.ts';
import { addSettled } from './jobs.repository.ts';
import type { JobKind, JobRecord, StepRecord } from './kind.ts';
import { markDoneMany, markFailed, markRetry } from './steps.repository.ts';

/**
 * Writing finished steps (docs/jobs.md, "Exactly once"): a batch of outcomes in one durable write
 * transaction, each step marked only if its runner still holds it, and a done step's outcome
 * written by its kind's commit() in that same transaction; then each job's counts, and its end.
 */

export type Outcome =
  | { type: 'done'; result: unknown }
  | { type: 'retry'; error: string; runAfter: number }
  | { type: 'fail'; error: string };

export interface Finished {
  kind: JobKind;
  job: JobRecord;
  step: StepRecord;
  outcome: Outcome;
}

/**
 * Writes the outcomes; returns how many were written (the others were no longer held: cancelled,
 * or taken by another runner after their lease ran out, and are discarded). When the batch's
 * transaction fails (a kind's commit threw), each outcome is written again in its own, and a
 * done step whose commit still throws fails with that error instead.
 */
export async function writeOutcomes(
  ctx: AppContext,
  owner: string,
  batch: readonly Finished[],
  log: (message: string, err?: unknown) => void,
): Promise<void> {
  if (batch.length === 0) return;
  try {
    await writeTransaction(ctx.store, (tx) => writeBatch(tx, ctx, owner, batch));
    return;
  } catch (err) {
    if (batch.length === 1) {
      const [one] = batch as [Finished];
      if (one.outcome.type !== 'done') throw err;
      log(`job ${one.job.id} step ${one.step.key}: writing its outcome failed`, err);
      const error = `its outcome could not be written: ${messageOf(err)}`;
      await writeTransaction(ctx.store, (tx) =>
        writeBatch(tx, ctx, owner, [{ ...one, outcome: { type: 'fail', error } }]),
      );
      return;
    }
  }
  for (const one of batch) {
    try {
      await writeOutcomes(ctx, owner, [one], log);
    } catch (err) {
      // Left running: its lease runs out and another attempt is made.
      log(`job ${one.job.id} step ${one.step.key}: could not be settled`, err);
    }
  }
}

/**
 * writeOutcomes, and then `then` (the runner's next claim) in the same transaction, which saves
 * the claim a transaction of its own. Its answer, or undefined when that transaction failed: the
 * outcomes are then written alone, as writeOutcomes does, and the caller claims on its own.
 */
export async function writeOutcomesThen<T>(
  ctx: AppContext,
  owner: string,
  batch: readonly Finished[],
  log: (message: string, err?: unknown) => void,
  then: (tx: Tx) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await writeTransaction(ctx.store, async (tx) => {
      await writeBatch(tx, ctx, owner, batch);
      return then(tx);
    });
  } catch (err) {
    log('jobs: writing finished steps with a claim failed; writing them alone', err);
  }
  await writeOutcomes(ctx, owner, batch, log);
  return undefined;
}

async function writeBatch(tx: Tx, ctx: AppContext, owner: string, batch: readonly Finished[]) {
  const now = Date.now();
  const perJob = new Map<number, { done: number; failed: number }>();
  const count = (jobId: number) => {
    const known = perJob.get(jobId);
    if (known) return known;
    const c = { done: 0, failed: 0 };
    perJob.set(jobId, c);
    return c;
  };
  // Steps in id order: two transactions that touch the same rows take their locks in one order.
  const sorted = [...batch].sort((a, b) => a.step.id - b.step.id);
  const done = sorted.filter((f) => f.outcome.type === 'done');
  const marked = await markDoneMany(
    ctx.store,
    tx,
    owner,
    done.map((f) => ({ id: f.step.id, result: resultText(f) })),
    now,
  );
  const byJob = new Map<number, Finished[]>();
  for (const f of done) {
    if (!marked.has(f.step.id)) continue;
    byJob.set(f.job.id, [...(byJob.get(f.job.id) ?? []), f]);
  }
  for (const [jobId, finished] of [...byJob].sort((a, b) => a[0] - b[0])) {
    const { kind, job } = finished[0]!;
    const results = finished.map((f) => ({
      step: f.step,
      result: (f.outcome as { result: unknown }).result,
    }));
    if (kind.commitMany) await kind.commitMany(tx, ctx, job, results);
    else for (const r of results) await kind.commit(tx, ctx, job, r.step, r.result);
    count(jobId).done += finished.length;
  }
  for (const { job, step, outcome } of sorted) {
    if (outcome.type === 'fail') {
      if (await markFailed(tx, owner, step.id, outcome.error, now)) count(job.id).failed += 1;
    } else if (outcome.type === 'retry') {
      await markRetry(tx, owner, step.id, outcome.error, outcome.runAfter, now);
    }
  }
  for (const jobId of [...perJob.keys()].sort((a, b) => a - b)) {
    const c = perJob.get(jobId)!;
    await addSettled(tx, jobId, c.done, c.failed, now);
  }
}

function resultText({ kind, outcome }: Finished): string | null {
  if (outcome.type !== 'done' || outcome.result === undefined) return null;
  const kept = kind.record ? kind.record(outcome.result) : outcome.result;
  return kept === undefined ? null : JSON.stringify(kept);
}

/** An error's message for a step's record: its first line, bounded. */
export function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = text.split('\n')[0] ?? '';
  return line.length > 1000 ? `${line.slice(0, 999)}…` : line || 'failed with no message';
}
