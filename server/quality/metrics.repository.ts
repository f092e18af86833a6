import type { Db } from '../db/transaction.ts';

/** An account that annotated in the project, with the label the exports know it by. */
export interface AnnotatorLabel {
  /** The account's email, or its name for accounts without one. */
  label: string;
  model: boolean;
}

/** One annotation; only submitted ones count, the caller drops the drafts. */
export interface SubmittedRow {
  itemId: number;
  userId: number;
  status: 'draft' | 'submitted';
  answers: string;
  submittedAt: number | null;
}

/** Everyone with an annotation in the project, by user id (a small read: one row per person). */
export async function annotatorLabels(db: Db, projectId: number): Promise<Map<number, AnnotatorLabel>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'modelConnectionId'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('annotations').select('userId').distinct().where('projectId', '=', projectId),
    )
    .execute();
  return new Map(rows.map((r) => [r.id, { label: r.email ?? r.name, model: r.modelConnectionId !== null }]));
}

/**
 * The project's annotations after item `afterItemId`, in item order, whole items only: up to about
 * `rows` rows along the (project, item, id) index. Drafts come too: a condition on the status
 * would let the planner pick the statistics index and sort the rest of the project on every read. `lastItemId` is where the next read
 * starts; null after the last.
 */
export async function submittedAfter(
  db: Db,
  { projectId, afterItemId, rows }: { projectId: number; afterItemId: number; rows: number },
): Promise<{ annotations: SubmittedRow[]; lastItemId: number | null }> {
  const read = (after: number, limit: number | null, only?: number) =>
    db
      .selectFrom('annotations')
      .select(['itemId', 'userId', 'status', 'answers', 'submittedAt'])
      .where('projectId', '=', projectId)
      .$if(only === undefined, (q) => q.where('itemId', '>', after))
      .$if(only !== undefined, (q) => q.where('itemId', '=', only as number))
      .orderBy('itemId')
      .orderBy('id')
      .$if(limit !== null, (q) => q.limit(limit as number))
      .execute();
  const got = await read(afterItemId, rows);
  if (got.length < rows) return { annotations: got, lastItemId: null };
  // The last item may go on past the limit: leave it to the next read, unless it is the only one.
  const lastItem = (got[got.length - 1] as SubmittedRow).itemId;
  let cut = got.length;
  while (cut > 0 && (got[cut - 1] as SubmittedRow).itemId === lastItem) cut--;
  if (cut > 0) return { annotations: got.slice(0, cut), lastItemId: (got[cut - 1] as SubmittedRow).itemId };
  return { annotations: await read(afterItemId, null, lastItem), lastItemId: lastItem };
}

/** The data of the project's items with ids in [from, to], for questions that need it (pairwise). */
export async function itemData(
  db: Db,
  projectId: number,
  from: number,
  to: number,
): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('items')
    .select(['id', 'data'])
    .where('projectId', '=', projectId)
    .where('id', '>=', from)
    .where('id', '<=', to)
    .execute();
  return new Map(rows.map((r) => [r.id, r.data]));
}
