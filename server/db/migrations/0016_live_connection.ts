import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * Live mode (docs/live.md): `projects.live_connection_id` names the model connection a project's
 * `live` questions talk to, or null for none. A project setting rather than part of the
 * interface: the interface is shared and exported, a connection is an admin's configuration.
 * No foreign key, like `users.model_connection_id`: a removed connection reads as none.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  await sql.raw(`alter table projects add column live_connection_id ${big}`).execute(db);
}
