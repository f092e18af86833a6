import { type Kysely, sql } from 'kysely';

/**
 * A project's annotations by status and person, with the lead time, the last change and the
 * submission time: the statistics (server/stats/) read every number they need per person and the
 * burndown's counts from this index alone, in its order (GROUP BY status, user without a sort;
 * each person's median by an ordered seek).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index annotations_stats on annotations (project_id, status, user_id, lead_time_ms, updated_at, submitted_at)`.execute(
    db,
  );
}
