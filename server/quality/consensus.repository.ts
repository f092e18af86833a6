import type { Db } from '../db/transaction.ts';

/** One submitted annotation as the consensus reads it: its item, its author and its answers' JSON. */
export interface SubmittedAnswers {
  itemId: number;
  userId: number;
  answers: string;
}

/**
 * Every submitted annotation of a project by a person, ordered by item then id; model judges'
 * (docs/judge.md) too only with `models` (the project's `judgeInConsensus`). Drafts never count.
 */
export function submittedAnswers(
  db: Db,
  projectId: number,
  { models = false }: { models?: boolean } = {},
): Promise<SubmittedAnswers[]> {
  return db
    .selectFrom('annotations')
    .select(['itemId', 'userId', 'answers'])
    .where('projectId', '=', projectId)
    .where('status', '=', 'submitted')
    .$if(!models, (q) =>
      q.where((eb) =>
        eb(
          'userId',
          'not in',
          eb.selectFrom('users').select('id').where('modelConnectionId', 'is not', null),
        ),
      ),
    )
    .orderBy('itemId')
    .orderBy('id')
    .execute();
}

/** The data JSON of the project's items that have a submitted annotation (candidates of pairs and rankings). */
export function answeredItemData(db: Db, projectId: number): Promise<{ id: number; data: string }[]> {
  return db
    .selectFrom('items')
    .select(['id', 'data'])
    .where('projectId', '=', projectId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('annotations')
          .select('annotations.id')
          .whereRef('annotations.itemId', '=', 'items.id')
          .where('annotations.status', '=', 'submitted'),
      ),
    )
    .execute();
}
