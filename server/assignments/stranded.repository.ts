import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/transaction.ts';

/**
 * Stranded items: those that cannot complete with the current members (docs/data-model.md).
 *
 * An item is stranded when its submissions, plus its live locks, plus the members who could
 * still take it fall short of the overlap. Those members are the project's annotators (members
 * with the role `annotator` whose account is active) who hold no locked, submitted or skipped
 * assignment of the item (an expired lock of their own does not count: they can claim it again).
 * With `slots_left = overlap − (live locks + submissions)`, an open item (`slots_left > 0`) is
 * stranded when `annotators − annotators who touched it < slots_left`.
 */

/** The project's annotators: members with the role `annotator` and an active account, model judges left out. */
export async function countAnnotators(db: Db, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('projectMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(sql<number>`count(*)`.as('n'))
    .where('m.projectId', '=', projectId)
    .where('m.role', '=', 'annotator')
    .where('u.status', '=', 'active')
    .where('u.modelConnectionId', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * True for a stranded row of `items as i`, given the project's annotator count: an open item with
 * more free slots than annotators is stranded at once; any other open item costs one probe of its
 * assignments (the (item_id, user_id) index).
 */
export const isStranded = (annotators: number): RawBuilder<boolean> =>
  sql<boolean>`(i.slots_left > 0 and (i.slots_left > ${annotators} or ${annotators} - (select count(*) from assignments a
    inner join project_members m on m.project_id = a.project_id and m.user_id = a.user_id
    inner join users u on u.id = a.user_id
    where a.item_id = i.id and a.status in ('locked', 'submitted', 'skipped')
      and m.role = 'annotator' and u.status = 'active' and u.model_connection_id is null) < i.slots_left))`;

/**
 * How many of the project's items are stranded. With at least `overlap` annotators only an item
 * someone skipped can be (every other open item has enough untouched annotators left), so the
 * count then looks only at items with a skip.
 */
export async function countStranded(
  db: Db,
  { projectId, overlap }: { projectId: number; overlap: number },
): Promise<number> {
  const annotators = await countAnnotators(db, projectId);
  let query = db
    .selectFrom('items as i')
    .select(sql<number>`count(*)`.as('n'))
    .where('i.projectId', '=', projectId)
    .where(isStranded(annotators));
  if (annotators >= overlap) {
    query = query.where('i.id', 'in', (eb) =>
      eb
        .selectFrom('assignments as s')
        .select('s.itemId')
        .where('s.projectId', '=', projectId)
        .where('s.status', '=', 'skipped'),
    );
  }
  return Number((await query.executeTakeFirstOrThrow()).n);
}
