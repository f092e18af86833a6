import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';
import { itemTarget } from '../quality/adaptive-overlap.repository.ts';
import { invalidateCursors } from './claim-cursors.repository.ts';

/**
 * Recomputes free slots from the live claims (locks and submissions) of the given items, or of
 * every item in the project; used wherever claims shrink or the overlap (or an item's own target,
 * adaptive overlap: docs/quality.md) changes. `overlap` is the project's, for items without a target. A model judge's
 * submission is no claim on a person's slot and is not counted. An item awaiting its candidates
 * (migration 0019) keeps none: generation opens it. Nor does a gold item (migration 0020): it is
 * served by its own selection (server/gold/).
 */
export async function refreshSlots(
  db: Tx,
  projectId: number,
  overlap: number,
  itemIds?: number[],
): Promise<void> {
  if (itemIds && itemIds.length === 0) return;
  // Lock the rows in a statement of their own: the UPDATE below then starts after every claim
  // committed meanwhile, so its count (a new READ COMMITTED snapshot on PostgreSQL) includes them.
  let lock = db.updateTable('items').set({ slotsLeft: sql`slots_left` }).where('projectId', '=', projectId);
  if (itemIds) lock = lock.where('id', 'in', itemIds);
  await lock.execute();
  // A model judge's submission takes no slot (docs/judge.md): its account is left out.
  const free = sql<number>`${itemTarget(overlap)} - (select count(*) from assignments a where a.item_id = items.id and a.status in ('locked', 'submitted')
    and a.user_id not in (select id from users where model_connection_id is not null))`;
  const isGold = sql<boolean>`exists (select 1 from gold_items g where g.item_id = items.id)`;
  let query = db
    .updateTable('items')
    .set({
      slotsLeft: sql`case when awaiting = 1 or ${isGold} then 0 when ${free} > 0 then ${free} else 0 end`,
    })
    .where('projectId', '=', projectId);
  if (itemIds) {
    if (itemIds.length === 0) return;
    query = query.where('id', 'in', itemIds);
  }
  await query.execute();
  // Slots came back (a lock expired, a skip, a larger overlap): claim cursors may have passed them.
  await invalidateCursors(db, projectId);
}
