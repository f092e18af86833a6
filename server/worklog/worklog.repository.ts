import { type RawBuilder, sql } from 'kysely';
import { DAY_MS, type DayCount } from '../../core/worklog.ts';
import type { Db } from '../db/transaction.ts';
import { projectsManagedBy } from '../projects/members.repository.ts';
import { reworkMoments } from '../review/reworks.repository.ts';

/**
 * Whose work a caller may read (worklog.service.ts): everyone's (admins, managers), or their own
 * and that of the projects they manage (`self`); `project` narrows either to one project.
 */
export interface WorklogScope {
  self: number | null;
  project: number | null;
}

/** A UTC day range as whole days since the epoch, both ends included. */
export interface DayRange {
  from: number;
  to: number;
}

/** Aggregates come back as strings from PostgreSQL (bigint, numeric) and as numbers from SQLite. */
const num = (v: unknown): number => Number(v ?? 0);
const day = sql.lit(DAY_MS);

/** The scope as a condition on a person column and a project column. */
function scoped(db: Db, scope: WorklogScope, userCol: string, projectCol: string): RawBuilder<unknown> {
  const user = sql.ref(userCol);
  const project = sql.ref(projectCol);
  const parts: RawBuilder<unknown>[] = [];
  if (scope.project !== null) parts.push(sql`${project} = ${scope.project}`);
  if (scope.self !== null)
    parts.push(sql`(${user} = ${scope.self} or ${project} in ${projectsManagedBy(db, scope.self)})`);
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}

type Raw = { day: number | string; uid: number | string; pid: number | string; n: number | string };
const counts = (rows: (Raw & { lead?: number | string | null })[]): DayCount[] =>
  rows.map((r) => ({
    day: num(r.day),
    userId: num(r.uid),
    projectId: num(r.pid),
    n: num(r.n),
    leadMs: num(r.lead),
  }));

/**
 * Submitted annotations by the day of their first submit (the earliest `submit` revision) with
 * their summed lead times. The latest submit is never earlier than the first, so the range's start
 * bounds `submitted_at` (annotations_submitted_at); imported answers, with no submit, count nothing.
 */
export async function submissionsByDay(db: Db, scope: WorklogScope, range: DayRange): Promise<DayCount[]> {
  const { rows } = await sql<Raw & { lead: number | string | null }>`
    select w.day as day, w.uid as uid, w.pid as pid, count(*) as n, sum(w.lead) as lead from (
      select a.user_id as uid, a.project_id as pid, a.lead_time_ms as lead,
        (select min(v.created_at) from annotation_revisions v
          where v.annotation_id = a.id and v.kind = 'submit') / ${day} as day
      from annotations a
      where a.status = 'submitted' and a.submitted_at >= ${range.from * DAY_MS}
        and ${scoped(db, scope, 'a.user_id', 'a.project_id')}) w
    where w.day >= ${range.from} and w.day <= ${range.to}
    group by w.day, w.uid, w.pid`.execute(db);
  return counts(rows);
}

/** Review decisions (accepted, rejected, fixed) by the day they were made and their reviewer. */
export async function reviewsByDay(db: Db, scope: WorklogScope, range: DayRange): Promise<DayCount[]> {
  const { rows } = await sql<Raw>`
    select e.created_at / ${day} as day, e.reviewer_id as uid, e.project_id as pid, count(*) as n
    from review_events e
    where e.created_at >= ${range.from * DAY_MS} and e.created_at < ${(range.to + 1) * DAY_MS}
      and ${scoped(db, scope, 'e.reviewer_id', 'e.project_id')}
    group by e.created_at / ${day}, e.reviewer_id, e.project_id`.execute(db);
  return counts(rows);
}

/** Reworks by day and annotator, as every report counts them (review/reworks.repository.ts). */
export async function reworksByDay(db: Db, scope: WorklogScope, range: DayRange): Promise<DayCount[]> {
  const end = (range.to + 1) * DAY_MS;
  const rejections = sql`e.created_at < ${end} and ${scoped(db, scope, 'r.annotator_id', 'e.project_id')}`;
  const { rows } = await sql<Raw>`
    select x.at / ${day} as day, x.uid as uid, x.pid as pid, count(*) as n
    from (${reworkMoments(rejections)}) x
    where x.at >= ${range.from * DAY_MS} and x.at < ${end}
    group by x.at / ${day}, x.uid, x.pid`.execute(db);
  return counts(rows);
}

/** The people the rows name, whatever their status (a suspended tutor's work is still paid). */
export async function peopleByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'modelConnectionId'])
    .where('id', 'in', ids)
    .execute();
}

/** The projects the rows name, with their pay rates. */
export async function projectsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('projects').select(['id', 'name', 'pay']).where('id', 'in', ids).execute();
}
