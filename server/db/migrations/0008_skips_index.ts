import { type Kysely, sql } from 'kysely';

/**
 * The skips of a project by item: the export reads each page's skips by item range, and the
 * stranded count looks only at items someone skipped. Partial, so it holds only skips, which
 * are few beside the other assignments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index assignments_skips on assignments (project_id, item_id, id) where status = 'skipped'`.execute(
    db,
  );
}
