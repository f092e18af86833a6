import { sql } from 'kysely';
import type { Db } from '../db/transaction.ts';

export interface ProgressCounts {
  done: number;
  left: number;
  previousAssignmentId: number | null;
}

/**
 * A user's counter on a project and the assignment to go back to, in one statement of scalar
 * subqueries, each on an index: their submitted and held assignments and the latest submitted or
 * skipped one (probes of `assignments_user`), the project's open items (the partial index of
 * open items, `items_open_seq`), and those of them the user already touched (their own
 * assignments, each a primary-key probe of its item).
 *
 * left = open items − open items the user touched + the item the user holds: an item the user
 * holds counts whether or not it still has a free slot, one they submitted or skipped never does.
 * An expired lock of theirs counts as untouched, as the claim sees it.
 */
export async function readProgress(
  db: Db,
  { projectId, userId, before }: { projectId: number; userId: number; before?: number | undefined },
): Promise<ProgressCounts> {
  const own = (status: 'submitted' | 'skipped' | 'locked') =>
    db
      .selectFrom('assignments')
      .where('userId', '=', userId)
      .where('projectId', '=', projectId)
      .where('status', '=', status);
  const latest = (status: 'submitted' | 'skipped') => {
    const query = own(status).select((eb) => eb.fn.max('id').as('id'));
    return before === undefined ? query : query.where('id', '<', before);
  };
  const row = await db
    .selectNoFrom((eb) => [
      own('submitted')
        .select((e) => e.fn.countAll().as('n'))
        .$asScalar()
        .as('done'),
      own('locked')
        .select((e) => e.fn.countAll().as('n'))
        .$asScalar()
        .as('held'),
      eb
        .selectFrom('items')
        .select((e) => e.fn.countAll().as('n'))
        .where('projectId', '=', projectId)
        // A literal, not a parameter: the planners use the partial index of open items only then.
        .where(sql<boolean>`slots_left > 0`)
        .$asScalar()
        .as('open'),
      eb
        .selectFrom('assignments as a')
        .innerJoin('items as i', 'i.id', 'a.itemId')
        .select((e) => e.fn.countAll().as('n'))
        .where('a.userId', '=', userId)
        .where('a.projectId', '=', projectId)
        .where('a.status', '!=', 'expired')
        .where(sql<boolean>`i.slots_left > 0`)
        .$asScalar()
        .as('touchedOpen'),
      latest('submitted').$asScalar().as('lastSubmitted'),
      latest('skipped').$asScalar().as('lastSkipped'),
    ])
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  const previous = Math.max(n(row.lastSubmitted), n(row.lastSkipped));
  return {
    done: n(row.done),
    left: n(row.open) - n(row.touchedOpen) + n(row.held),
    previousAssignmentId: previous > 0 ? previous : null,
  };
}
