import { type Kysely, sql } from 'kysely';

/**
 * When a submitted annotation was last changed by its annotator (its latest `edit` revision), kept
 * on the annotation so My work and the item page show "edited" without reading revisions. Filled
 * from the revisions already written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table annotations add column edited_at bigint`.execute(db);
  await sql`update annotations set edited_at = (
    select max(r.created_at) from annotation_revisions r where r.annotation_id = annotations.id and r.kind = 'edit'
  ) where exists (
    select 1 from annotation_revisions r where r.annotation_id = annotations.id and r.kind = 'edit'
  )`.execute(db);
}
