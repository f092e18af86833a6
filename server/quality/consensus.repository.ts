import type { Db } from '../db/transaction.ts';

/** One submitted annotation as the consensus reads it: its item, its author and its answers' JSON. */
export interface SubmittedAnswers {
  itemId: number;
  userId: number;
  answers: string;
}

/**
 * Every submitted annotation of a project by a person (model judges' accounts left out, docs/judge.md),
 * ordered by item then id. Drafts never count.
 */
export function submittedAnswers(db: Db, projectId: number): Promise<SubmittedAnswers[]> {
  return db
    .selectFrom('annotations')
    .select(['itemId', 'userId', 'answers'])
    .where('projectId', '=', projectId)
    .where('status', '=', 'submitted')
    .where((eb) =>
      eb('userId', 'not in', eb.selectFrom('users').select('id').where('modelConnectionId', 'is not', null)),
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
