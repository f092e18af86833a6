import { type Kysely, sql } from 'kysely';

/**
 * One account per model connection (docs/judge.md): the account a model judge answers as is made
 * once, by `insert … on conflict do nothing` on this index, so two managers adding the same
 * connection at once on PostgreSQL share one account rather than making two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index users_model_connection on users (model_connection_id) where model_connection_id is not null`.execute(
    db,
  );
}
