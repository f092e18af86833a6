import { type Kysely, sql } from 'kysely';

/**
 * `projects.pay` (docs/worklog.md): the project's pay rate as JSON text,
 * `{"unit":"hour"|"item","rateCents":N,"currency":"EUR"}`; null (the default): no rate, the work
 * log shows the work without an amount. `annotations_submitted_at`: the work log reads a range of
 * days by submission time, on every project at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table projects add column pay text`.execute(db);
  await sql`create index annotations_submitted_at on annotations (submitted_at)`.execute(db);
}
