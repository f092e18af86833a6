import { sql } from 'kysely';
import type { Db } from '../db/transaction.ts';

/** One person's counts in a project, before names are attached (stats.service.ts). */
export interface WorkRow {
  userId: number;
  submitted: number;
  skipped: number;
  activeMs: number;
  medianMs: number | null;
  lastActiveAt: number | null;
}

/** Aggregates come back as strings from PostgreSQL (bigint, numeric) and as numbers from SQLite. */
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Per person, what they did in the project: submissions, active time and last change from their
 * annotations; skips and last change from their assignments; the median lead time of their
 * submissions. Three GROUP BY queries over the project's rows, merged by user.
 */
export async function workByUser(db: Db, projectId: number): Promise<WorkRow[]> {
  const [annotations, assignments, medians] = await Promise.all([
    db
      .selectFrom('annotations')
      .select((eb) => [
        'userId',
        sql<number>`count(case when status = 'submitted' then 1 end)`.as('submitted'),
        eb.fn.sum<number>('leadTimeMs').as('activeMs'),
        eb.fn.max('updatedAt').as('last'),
      ])
      .where('projectId', '=', projectId)
      .groupBy('userId')
      .execute(),
    db
      .selectFrom('assignments')
      .select((eb) => [
        'userId',
        sql<number>`count(case when status = 'skipped' then 1 end)`.as('skipped'),
        eb.fn.max('updatedAt').as('last'),
      ])
      .where('projectId', '=', projectId)
      .groupBy('userId')
      .execute(),
    medianLeadTimes(db, projectId),
  ]);
  const rows = new Map<number, WorkRow>();
  const row = (userId: number): WorkRow => {
    let r = rows.get(userId);
    if (!r) {
      r = { userId, submitted: 0, skipped: 0, activeMs: 0, medianMs: null, lastActiveAt: null };
      rows.set(userId, r);
    }
    return r;
  };
  const later = (a: number | null, b: unknown): number | null =>
    b === null || b === undefined ? a : Math.max(a ?? 0, Number(b));
  for (const a of annotations) {
    const r = row(a.userId);
    r.submitted = num(a.submitted);
    r.activeMs = num(a.activeMs);
    r.lastActiveAt = later(r.lastActiveAt, a.last);
  }
  for (const a of assignments) {
    const r = row(a.userId);
    r.skipped = num(a.skipped);
    r.lastActiveAt = later(r.lastActiveAt, a.last);
  }
  for (const [userId, medianMs] of medians) row(userId).medianMs = medianMs;
  return [...rows.values()];
}

/**
 * The median lead time of each person's submitted annotations: their submissions numbered in
 * order of lead time, then the middle one (odd count) or the mean of the middle two (even). The
 * window functions and integer division read the same on SQLite and PostgreSQL, so one query
 * serves both (PostgreSQL's percentile_cont would give the same number).
 */
async function medianLeadTimes(db: Db, projectId: number): Promise<Map<number, number>> {
  const { rows } = await sql<{ userId: number; median: number | string }>`
    select user_id, avg(lead_time_ms) as median from (
      select user_id, lead_time_ms,
        row_number() over (partition by user_id order by lead_time_ms) as n,
        count(*) over (partition by user_id) as total
      from annotations
      where project_id = ${projectId} and status = 'submitted'
    ) ranked
    where n in ((total + 1) / 2, (total + 2) / 2)
    group by user_id`.execute(db);
  return new Map(rows.map((r) => [Number(r.userId), Number(r.median)]));
}

/** A person the table names: a member, or someone who has worked in the project. */
export interface PersonRow {
  id: number;
  name: string;
  email: string | null;
}

/**
 * The project's annotators (members with the role `annotator`, whether or not they have done
 * anything) and the accounts in `ids` (everyone who has), by id.
 */
export async function peopleOf(db: Db, projectId: number, ids: number[]): Promise<PersonRow[]> {
  const members = db
    .selectFrom('projectMembers')
    .select('userId')
    .where('projectId', '=', projectId)
    .where('role', '=', 'annotator');
  let query = db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', members);
  if (ids.length > 0) {
    query = db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where((eb) => eb.or([eb('id', 'in', members), eb('id', 'in', ids)]));
  }
  return query.orderBy('id').execute();
}

/** The project's item count: with the overlap, the work there is to do. */
export async function countItems(db: Db, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('items')
    .select(sql<number>`count(*)`.as('n'))
    .where('projectId', '=', projectId)
    .executeTakeFirstOrThrow();
  return num(row.n);
}

/** The first and last submission times of the project, null when nothing is submitted. */
export async function submissionSpan(
  db: Db,
  projectId: number,
): Promise<{ first: number; last: number } | null> {
  const row = await db
    .selectFrom('annotations')
    .select((eb) => [eb.fn.min('submittedAt').as('first'), eb.fn.max('submittedAt').as('last')])
    .where('projectId', '=', projectId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  const first = numOrNull(row?.first);
  const last = numOrNull(row?.last);
  return first === null || last === null ? null : { first, last };
}

/**
 * Submissions per time bucket of `bucketMs` (whole hours or days since the epoch, UTC): the
 * bucket's index and its count, in order. Integer division is the same on both stores.
 */
export async function submissionsPerBucket(
  db: Db,
  { projectId, bucketMs }: { projectId: number; bucketMs: number },
): Promise<{ bucket: number; count: number }[]> {
  const { rows } = await sql<{ bucket: number | string; n: number | string }>`
    select submitted_at / ${sql.lit(bucketMs)} as bucket, count(*) as n
    from annotations
    where project_id = ${projectId} and status = 'submitted' and submitted_at is not null
    group by submitted_at / ${sql.lit(bucketMs)}
    order by bucket`.execute(db);
  return rows.map((r) => ({ bucket: num(r.bucket), count: num(r.n) }));
}

/**
 * One batch of the project's submitted answers (the stored JSON text), in order of id after
 * `afterId`. Walks the primary key, so every batch costs the same at any depth.
 */
export async function submittedAnswersAfter(
  db: Db,
  { projectId, afterId, limit }: { projectId: number; afterId: number; limit: number },
): Promise<{ id: number; answers: string }[]> {
  return db
    .selectFrom('annotations')
    .select(['id', 'answers'])
    .where('projectId', '=', projectId)
    .where('status', '=', 'submitted')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
