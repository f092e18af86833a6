import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/transaction.ts';

/** One submitted annotation of an item, with the label its annotator is known by in exports. */
export interface SubmittedRow {
  itemId: number;
  /** The account's email, or its name for accounts without one. */
  annotator: string;
  model: boolean;
  answers: string;
}

/** A batch of items in id order with their submitted annotations. */
export interface ItemBatch {
  items: { id: number; data: string | null }[];
  /** Ordered by item id. */
  annotations: SubmittedRow[];
  /** Where the next batch starts; null after the last. */
  lastItemId: number | null;
}

const humansOnly = (eb: ExpressionBuilder<Database, 'annotations' | 'users'>) =>
  eb('users.modelConnectionId', 'is', null);

/**
 * The next `items` items of a project after `afterItemId` and their submitted annotations (model
 * judges' only with `includeModels`); the items' data only when asked (pairwise questions need the
 * candidates' order). Two reads per batch, each along the project's (project, item) index.
 */
export async function submittedBatch(
  db: Db,
  {
    projectId,
    afterItemId,
    items,
    includeModels,
    withData,
  }: { projectId: number; afterItemId: number; items: number; includeModels: boolean; withData: boolean },
): Promise<ItemBatch> {
  const rows = await db
    .selectFrom('items')
    .select('id')
    .$if(withData, (q) => q.select('data'))
    .where('projectId', '=', projectId)
    .where('id', '>', afterItemId)
    .orderBy('id')
    .limit(items)
    .execute();
  const last = rows[rows.length - 1]?.id;
  if (last === undefined) return { items: [], annotations: [], lastItemId: null };
  const annotations = await db
    .selectFrom('annotations')
    .innerJoin('users', 'users.id', 'annotations.userId')
    .select([
      'annotations.itemId',
      'annotations.answers',
      'users.email',
      'users.name',
      'users.modelConnectionId',
    ])
    .where('annotations.projectId', '=', projectId)
    .where('annotations.itemId', '>', afterItemId)
    .where('annotations.itemId', '<=', last)
    .where('annotations.status', '=', 'submitted')
    .$if(!includeModels, (q) => q.where(humansOnly))
    .orderBy('annotations.itemId')
    .orderBy('annotations.id')
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, data: 'data' in r ? (r.data as string) : null })),
    annotations: annotations.map((a) => ({
      itemId: a.itemId,
      annotator: a.email ?? a.name,
      model: a.modelConnectionId !== null,
      answers: a.answers,
    })),
    lastItemId: rows.length < items ? null : last,
  };
}
