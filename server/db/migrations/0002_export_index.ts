import { type Kysely, sql } from 'kysely';

/**
 * Exports read annotations by item range within a project. Without this index SQLite chose the
 * (project_id, user_id) index and read every annotation of the project for every batch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index annotations_project_item on annotations (project_id, item_id, id)`.execute(db);
}
