import { sql } from 'kysely';
import { itemSearchText } from '../../core/search-words.ts';
import type { StoreKind } from '../db/store.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * The bulk copies of a project duplication, each one INSERT … SELECT inside the store, so a
 * project of 100k items is copied without a row crossing into the process.
 */

/** Copies the members of `from` into `to`, with their roles. */
export async function copyMembers(tx: Tx, from: number, to: number, now: number): Promise<void> {
  await tx
    .insertInto('projectMembers')
    .columns(['projectId', 'userId', 'role', 'addedAt'])
    .expression((eb) =>
      eb
        .selectFrom('projectMembers')
        .select([sql.lit(to).as('projectId'), 'userId', 'role', sql.lit(now).as('addedAt')])
        .where('projectId', '=', from),
    )
    .execute();
}

/** Copies the pending invitations of `from` into `to` (same address, role and inviter). */
export async function copyInvitations(tx: Tx, from: number, to: number, now: number): Promise<void> {
  await tx
    .insertInto('projectInvitations')
    .columns(['projectId', 'email', 'role', 'invitedBy', 'createdAt'])
    .expression((eb) =>
      eb
        .selectFrom('projectInvitations')
        .select([sql.lit(to).as('projectId'), 'email', 'role', 'invitedBy', sql.lit(now).as('createdAt')])
        .where('projectId', '=', from),
    )
    .execute();
}

/**
 * Copies the items of `from` into `to` in id order: data, meta, external id, priority and random
 * key (both projects have the same order), each with `overlap` free slots (none while it awaits
 * candidates, which stays so) and no submission, and
 * their search words (migration 0009): PostgreSQL copies the column; SQLite's search table keeps
 * no text to copy, so the copies' words are made again from their data, a batch at a time.
 * Returns how many.
 */
export async function copyItems(
  tx: Tx,
  kind: StoreKind,
  p: { from: number; to: number; overlap: number; now: number },
): Promise<number> {
  const result = await sql`
    insert into items (project_id, external_id, data, meta, priority, rand, slots_left, submitted_count, created_at, awaiting${kind === 'postgres' ? sql`, search_words` : sql``})
    select ${p.to}, external_id, data, meta, priority, rand, case when awaiting = 1 then 0 else ${p.overlap} end, 0, ${p.now}, awaiting${kind === 'postgres' ? sql`, search_words` : sql``}
    from items where project_id = ${p.from} order by id`.execute(tx);
  if (kind === 'sqlite') await indexCopiedItems(tx, p.to);
  return Number(result.numAffectedRows ?? 0);
}

const INDEX_BATCH = 1000;

/** SQLite: the search table's rows for the items of a project just copied. */
async function indexCopiedItems(tx: Tx, projectId: number): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await tx
      .selectFrom('items')
      .select(['id', 'externalId', 'data'])
      .where('projectId', '=', projectId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(INDEX_BATCH)
      .execute();
    if (rows.length === 0) return;
    const values = sql.join(
      rows.map((r) => sql`(${r.id}, ${itemSearchText(JSON.parse(r.data), r.externalId)})`),
    );
    await sql`insert into items_search (rowid, words) values ${values}`.execute(tx);
    after = rows[rows.length - 1]!.id;
  }
}
