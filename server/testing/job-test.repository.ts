import type { Db, Tx } from '../db/transaction.ts';
import { insertStepsSelect } from '../jobs/jobs.repository.ts';

/**
 * The test job kind's writes (job-test-kind.ts): each committed step is a `settings` row keyed by
 * its job and step, so a second commit of a step breaks the key's uniqueness, and a count shows
 * one row per step. Test-only.
 */

const outcomeKey = (jobId: number, key: string) => `job-test:${jobId}:${key}`;

export async function recordTestOutcome(tx: Tx, jobId: number, key: string, value: string): Promise<void> {
  await tx
    .insertInto('settings')
    .values({ key: outcomeKey(jobId, key), value })
    .execute();
}

export async function recordTestOutcomes(
  tx: Tx,
  jobId: number,
  rows: readonly { key: string; value: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('settings')
    .values(rows.map((r) => ({ key: outcomeKey(jobId, r.key), value: r.value })))
    .execute();
}

/** The committed steps' keys of a job, with what each stored. */
export async function readTestOutcomes(db: Db, jobId: number): Promise<Map<string, string>> {
  const prefix = outcomeKey(jobId, '');
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'like', `${prefix}%`)
    .execute();
  return new Map(rows.map((r) => [r.key.slice(prefix.length), r.value]));
}

/** Seeds `settings` rows a job can plan its steps from (insertStepsSelect). */
export async function seedStepSources(db: Db, prefix: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db
    .insertInto('settings')
    .values(names.map((n) => ({ key: `${prefix}${n}`, value: n })))
    .execute();
}

/** One step per `settings` row under `prefix`, its key the row's value, by INSERT … SELECT. */
export async function planFromSettings(tx: Tx, jobId: number, lane: string | null, prefix: string) {
  await insertStepsSelect(
    tx,
    { jobId, lane },
    tx.selectFrom('settings').select('value as key').where('key', 'like', `${prefix}%`),
  );
}

/** A job's steps as stored, in key order (assertions). */
export async function readTestSteps(db: Db, jobId: number) {
  return db.selectFrom('jobSteps').selectAll().where('jobId', '=', jobId).orderBy('key').execute();
}

/** Makes a job's waiting steps ready now, as if their back-off had passed (tests do not wait). */
export async function readyNow(db: Db, jobId: number): Promise<void> {
  await db
    .updateTable('jobSteps')
    .set({ runAfter: 0 })
    .where('jobId', '=', jobId)
    .where('status', '=', 'pending')
    .execute();
}

/** Ends a fixture job as failed, each of its steps failed with `error` (screens with failures). */
export async function failFixtureJob(db: Db, jobId: number, error: string): Promise<void> {
  const now = Date.now();
  const steps = await db
    .updateTable('jobSteps')
    .set({ status: 'failed', error, attempts: 1, updatedAt: now })
    .where('jobId', '=', jobId)
    .returning('id')
    .execute();
  await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      failedSteps: steps.length,
      error: `${steps.length} of ${steps.length} steps failed; the first: ${error}`,
      startedAt: now,
      finishedAt: now,
      updatedAt: now,
    })
    .where('id', '=', jobId)
    .execute();
}
