import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
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

/**
 * Rows of model judges' accounts (docs/judge.md) are left out of the statistics unless asked for:
 * `userId not in (the model accounts)`, an uncorrelated subquery both stores run once.
 */
const humansOnly = (eb: ExpressionBuilder<Database, 'annotations' | 'assignments'>) =>
  eb('userId', 'not in', eb.selectFrom('users').select('id').where('modelConnectionId', 'is not', null));

/** Aggregates come back as strings from PostgreSQL (bigint, numeric) and as numbers from SQLite. */
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Per person, what they did in the project: submissions, active time and last change from their
 * annotations (drafts included), skips and their times from the skipped assignments, the median
 * lead time of their submissions. Each read walks an index of the project's own rows:
 * annotations_stats (migration 0012) in its order, and assignments_skips.
 */
export async function workByUser(
  db: Db,
  projectId: number,
  { includeModels }: { includeModels: boolean },
): Promise<{ rows: WorkRow[]; annotations: AnnotationsState }> {
  const [annotations, skips] = await Promise.all([
    db
      .selectFrom('annotations')
      .$if(!includeModels, (q) => q.where(humansOnly))
      .select((eb) => [
        'status',
        'userId',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('leadTimeMs').as('activeMs'),
        eb.fn.max('updatedAt').as('last'),
      ])
      .where('projectId', '=', projectId)
      .groupBy(['status', 'userId'])
      .execute(),
    db
      .selectFrom('assignments')
      .select((eb) => ['userId', eb.fn.countAll<number>().as('n'), eb.fn.max('updatedAt').as('last')])
      .where('projectId', '=', projectId)
      .where('status', '=', 'skipped')
      .$if(!includeModels, (q) => q.where(humansOnly))
      .groupBy('userId')
      .execute(),
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
  const state: AnnotationsState = { count: 0, lastChange: null };
  for (const a of annotations) {
    state.count += num(a.n);
    state.lastChange = later(state.lastChange, a.last);
    const r = row(a.userId);
    if (a.status === 'submitted') r.submitted = num(a.n);
    r.activeMs += num(a.activeMs);
    r.lastActiveAt = later(r.lastActiveAt, a.last);
  }
  for (const s of skips) {
    const r = row(s.userId);
    r.skipped = num(s.n);
    r.lastActiveAt = later(r.lastActiveAt, s.last);
  }
  for (const r of rows.values()) {
    if (r.submitted > 0)
      r.medianMs = await medianLeadTime(db, { projectId, userId: r.userId, count: r.submitted });
  }
  return { rows: [...rows.values()], annotations: state };
}

/** How many annotations the project has and when one last changed: what the answers depend on. */
export interface AnnotationsState {
  count: number;
  lastChange: number | null;
}

/**
 * The median lead time of one person's `count` submitted annotations: the middle one in order of
 * lead time (odd count), or the mean of the middle two (even). One ordered seek into
 * annotations_stats, which skips the lower half inside the index; the same SQL on both stores.
 */
async function medianLeadTime(
  db: Db,
  { projectId, userId, count }: { projectId: number; userId: number; count: number },
): Promise<number> {
  const middle = await db
    .selectFrom('annotations')
    .select('leadTimeMs')
    .where('projectId', '=', projectId)
    .where('status', '=', 'submitted')
    .where('userId', '=', userId)
    .orderBy('leadTimeMs')
    .limit(count % 2 === 1 ? 1 : 2)
    .offset(Math.floor((count - 1) / 2))
    .execute();
  return middle.reduce((sum, m) => sum + num(m.leadTimeMs), 0) / middle.length;
}

/** A person the table names: a member, or someone who has worked in the project. */
export interface PersonRow {
  id: number;
  name: string;
  email: string | null;
  modelConnectionId: number | null;
}

/**
 * The project's annotators (members with the role `annotator`, whether or not they have done
 * anything) and the accounts in `ids` (everyone who has), by id.
 */
export async function peopleOf(
  db: Db,
  projectId: number,
  ids: number[],
  { includeModels }: { includeModels: boolean },
): Promise<PersonRow[]> {
  const members = db
    .selectFrom('projectMembers')
    .select('userId')
    .where('projectId', '=', projectId)
    .where('role', '=', 'annotator');
  const columns = ['id', 'name', 'email', 'modelConnectionId'] as const;
  let query = db.selectFrom('users').select(columns).where('id', 'in', members);
  if (ids.length > 0) {
    query = db
      .selectFrom('users')
      .select(columns)
      .where((eb) => eb.or([eb('id', 'in', members), eb('id', 'in', ids)]));
  }
  if (!includeModels) query = query.where('modelConnectionId', 'is', null);
  return query.orderBy('id').execute();
}

/**
 * The project's item count and the work there is to do: each item's own target (adaptive overlap
 * may have grown it, migration 0023), the project's overlap where it has none.
 */
export async function countItems(
  db: Db,
  projectId: number,
  overlap: number,
): Promise<{ items: number; target: number }> {
  const row = await db
    .selectFrom('items')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(coalesce(target, ${overlap})), 0)`.as('t'),
    ])
    .where('projectId', '=', projectId)
    .executeTakeFirstOrThrow();
  return { items: num(row.n), target: num(row.t) };
}

/** The first and last submission times of the project (people's: a judge takes no slot), null when nothing is submitted. */
export async function submissionSpan(
  db: Db,
  projectId: number,
): Promise<{ first: number; last: number } | null> {
  const row = await db
    .selectFrom('annotations')
    .select((eb) => [eb.fn.min('submittedAt').as('first'), eb.fn.max('submittedAt').as('last')])
    .where('projectId', '=', projectId)
    .where('status', '=', 'submitted')
    .where(humansOnly)
    .executeTakeFirst();
  const first = numOrNull(row?.first);
  const last = numOrNull(row?.last);
  return first === null || last === null ? null : { first, last };
}

/**
 * Submissions per time bucket of `bucketMs` (whole hours or days since the epoch, UTC): the
 * bucket's index and its count, in order; people's submissions only (a judge takes no slot). Integer division is the same on both stores.
 */
export async function submissionsPerBucket(
  db: Db,
  { projectId, bucketMs }: { projectId: number; bucketMs: number },
): Promise<{ bucket: number; count: number }[]> {
  const { rows } = await sql<{ bucket: number | string; n: number | string }>`
    select submitted_at / ${sql.lit(bucketMs)} as bucket, count(*) as n
    from annotations
    where project_id = ${projectId} and status = 'submitted' and submitted_at is not null
      and user_id not in (select id from users where model_connection_id is not null)
    group by submitted_at / ${sql.lit(bucketMs)}
    order by bucket`.execute(db);
  return rows.map((r) => ({ bucket: num(r.bucket), count: num(r.n) }));
}

/**
 * One batch of the project's submitted answers (the stored JSON text): those on the project's
 * next `items` items after item `afterItemId`, and the last of those items (null at the end). Walks
 * the project's items (items_project) and their annotations (annotations_item), so a batch costs
 * the same at any depth and never reads another project's rows.
 */
export async function submittedAnswersAfter(
  db: Db,
  {
    projectId,
    afterItemId,
    items,
    includeModels,
  }: { projectId: number; afterItemId: number; items: number; includeModels: boolean },
): Promise<{ answers: string[]; lastItemId: number | null }> {
  const ids = await db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', projectId)
    .where('id', '>', afterItemId)
    .orderBy('id')
    .limit(items)
    .execute();
  const last = ids[ids.length - 1]?.id;
  if (last === undefined) return { answers: [], lastItemId: null };
  const rows = await db
    .selectFrom('annotations')
    .select('answers')
    .where('itemId', '>', afterItemId)
    .where('itemId', '<=', last)
    .where('projectId', '=', projectId)
    .where('status', '=', 'submitted')
    .$if(!includeModels, (q) => q.where(humansOnly))
    .execute();
  return { answers: rows.map((r) => r.answers), lastItemId: ids.length < items ? null : last };
}
