import { sql } from 'kysely';
import { type AssignmentRow, type ItemRow, withProfiles } from '../assignments/assignments.repository.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * The reads and the write that serve gold items (docs/quality.md, "Serving"). A gold item has
 * no free slot, so the ordinary claim never reads it; it is locked here with an assignment like
 * any other, without a slot: every annotator may get every gold item once.
 */

/** How many items an annotator was served on a project (not lost locks), and how many were gold. */
export async function servedCounts(
  tx: Tx,
  p: { projectId: number; userId: number },
): Promise<{ served: number; gold: number }> {
  const row = await tx
    .selectFrom('assignments as a')
    .leftJoin('goldItems as g', 'g.itemId', 'a.itemId')
    .select([sql<number>`count(*)`.as('served'), sql<number>`count(g.item_id)`.as('gold')])
    .where('a.projectId', '=', p.projectId)
    .where('a.userId', '=', p.userId)
    .where('a.status', '!=', 'expired')
    .executeTakeFirstOrThrow();
  return { served: Number(row.served), gold: Number(row.gold) };
}

/**
 * A gold item of the project the annotator never held (a lost lock of theirs does not count),
 * among those routing by skill lets them take (`profiles`: see server/skills/routing.ts).
 */
export async function findUndoneGoldItem(
  tx: Tx,
  p: { projectId: number; userId: number; profiles?: number[] | undefined },
): Promise<ItemRow | undefined> {
  const profiles = p.profiles;
  let query = tx
    .selectFrom('goldItems as g')
    .innerJoin('items as i', 'i.id', 'g.itemId')
    .selectAll('i')
    .where('g.projectId', '=', p.projectId)
    .where('i.awaiting', '=', 0)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('assignments as a')
            .select(sql`1`.as('one'))
            .whereRef('a.itemId', '=', 'g.itemId')
            .where('a.userId', '=', p.userId)
            .where('a.status', '!=', 'expired'),
        ),
      ),
    )
    .orderBy('i.priority', 'desc')
    .orderBy('i.id')
    .limit(1);
  if (profiles) query = query.where((eb) => withProfiles(eb, profiles));
  return query.executeTakeFirst();
}

/** Locks a gold item for the annotator, or revives their lost lock on it (keeping its draft). */
export async function lockGoldItem(
  tx: Tx,
  p: { projectId: number; itemId: number; userId: number; expiresAt: number; now: number },
): Promise<AssignmentRow> {
  return tx
    .insertInto('assignments')
    .values({
      projectId: p.projectId,
      itemId: p.itemId,
      userId: p.userId,
      status: 'locked',
      lockExpiresAt: p.expiresAt,
      skipReason: null,
      createdAt: p.now,
      updatedAt: p.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['itemId', 'userId'])
        .doUpdateSet({ status: 'locked', lockExpiresAt: p.expiresAt, updatedAt: p.now })
        .where('assignments.status', '=', 'expired'),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
