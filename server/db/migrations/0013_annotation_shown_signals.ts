import { type Kysely, sql } from 'kysely';

/**
 * What the work loop records beside the answers (JSON text, null on annotations from before and on
 * imported ones): `shown`, the order each `responses` field's candidates were shown in
 * ({field: [candidate ids]}); `signals`, the integrity signals of written answers summed over saves
 * ({question: {pastedChars, typedChars, typingMs, focusChanges}}); and `flags`, the flags those
 * signals raise against the latest answers ({question: [flag]}; null when none), kept so the item
 * list can filter by them in SQL on both stores.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table annotations add column shown text`.execute(db);
  await sql`alter table annotations add column signals text`.execute(db);
  await sql`alter table annotations add column flags text`.execute(db);
}
