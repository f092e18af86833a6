import { sql } from 'kysely';
import type { Db } from '../db/transaction.ts';
import { reworkMoments } from '../review/reworks.repository.ts';

/** A UTC day as whole days since the epoch: integer division is the same on both stores. */
export const DAY_MS = 86_400_000;

/** Raw SQL's column names come back camel-cased (the Kysely plugin): the aliases here are one word. */
/** Aggregates come back as strings from PostgreSQL (bigint, numeric) and as numbers from SQLite. */
const num = (v: unknown): number => Number(v ?? 0);

/** Per person who submitted in the project: submissions, UTC days with one, summed lead time. */
export async function throughputByUser(db: Db, projectId: number) {
  const { rows } = await sql<{
    uid: number | string;
    annotator: string;
    model: number | string;
    n: number | string;
    days: number | string;
    lead: number | string | null;
  }>`
    select a.user_id as uid, coalesce(u.email, u.name) as annotator,
      case when u.model_connection_id is null then 0 else 1 end as model,
      count(*) as n, count(distinct a.submitted_at / ${sql.lit(DAY_MS)}) as days,
      sum(a.lead_time_ms) as lead
    from annotations a join users u on u.id = a.user_id
    where a.project_id = ${projectId} and a.status = 'submitted'
    group by a.user_id, u.email, u.name, u.model_connection_id`.execute(db);
  return rows.map((r) => ({
    userId: num(r.uid),
    annotator: r.annotator,
    model: num(r.model) === 1,
    submitted: num(r.n),
    activeDays: num(r.days),
    leadMs: num(r.lead),
  }));
}

/** Review decisions per UTC day (days since the epoch) and outcome. */
export async function decisionsPerDay(db: Db, projectId: number) {
  const { rows } = await sql<{ day: number | string; outcome: string; n: number | string }>`
    select created_at / ${sql.lit(DAY_MS)} as day, outcome, count(*) as n
    from review_events where project_id = ${projectId}
    group by created_at / ${sql.lit(DAY_MS)}, outcome`.execute(db);
  return rows.map((r) => ({ day: num(r.day), outcome: r.outcome, count: num(r.n) }));
}

/** Reworks per UTC day, as every report counts them (review/reworks.repository.ts). */
export async function reworksPerDay(db: Db, projectId: number) {
  const { rows } = await sql<{ day: number | string; n: number | string }>`
    select at / ${sql.lit(DAY_MS)} as day, count(*) as n
    from (${reworkMoments(sql`e.project_id = ${projectId}`)}) reworks
    where at is not null
    group by at / ${sql.lit(DAY_MS)}`.execute(db);
  return rows.map((r) => ({ day: num(r.day), count: num(r.n) }));
}
