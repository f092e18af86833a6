import { type Selectable, sql } from 'kysely';
import type { PredictionsTable } from '../db/schema.ts';
import type { Db, Tx } from '../db/transaction.ts';

/**
 * The `predictions` table (migration 0015): suggested answers per item and agent, imported with
 * the items (server/imports/) or written by a model job. One row per (item, agent).
 */

/** A prediction to store; `answers` is JSON text already checked against the interface. */
export type PredictionWrite = Omit<Selectable<PredictionsTable>, 'id'>;

/** Rows per INSERT: 7 parameters each, well under SQLite's limit of bound parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts predictions, or replaces the answers, score, source and time of the one an agent
 * already has for the item. A later row for the same (item, agent) wins over an earlier one.
 */
export async function upsertPredictions(tx: Tx, rows: readonly PredictionWrite[]): Promise<void> {
  // One statement may not touch a row twice (PostgreSQL refuses it): keep the last of each pair.
  const last = new Map<string, PredictionWrite>();
  for (const r of rows) last.set(`${r.itemId}\u0000${r.agent}`, r);
  const unique = [...last.values()];
  for (let at = 0; at < unique.length; at += ROWS_PER_STATEMENT) {
    await tx
      .insertInto('predictions')
      .values(unique.slice(at, at + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc.columns(['itemId', 'agent']).doUpdateSet({
          score: sql<number | null>`excluded.score`,
          answers: sql<string>`excluded.answers`,
          source: sql<'import' | 'model'>`excluded.source`,
          createdAt: sql<number>`excluded.created_at`,
        }),
      )
      .execute();
  }
}

/** A stored prediction as read back. */
export interface PredictionRow {
  itemId: number;
  agent: string;
  score: number | null;
  /** JSON text. */
  answers: string;
  source: 'import' | 'model';
  createdAt: number;
}

/** The predictions of one item, by agent name. */
export async function predictionsOfItem(db: Db, itemId: number): Promise<PredictionRow[]> {
  return db
    .selectFrom('predictions')
    .select(['itemId', 'agent', 'score', 'answers', 'source', 'createdAt'])
    .where('itemId', '=', itemId)
    .orderBy('agent')
    .execute();
}

/** The predictions of some items (an export's page), each item's by agent name. */
export async function predictionsOfItems(db: Db, itemIds: readonly number[]): Promise<PredictionRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('predictions')
    .select(['itemId', 'agent', 'score', 'answers', 'source', 'createdAt'])
    .where('itemId', 'in', itemIds)
    .orderBy('itemId')
    .orderBy('agent')
    .execute();
}

/** Whether the project has any prediction (one probe of its index). */
export async function hasPredictions(db: Db, projectId: number): Promise<boolean> {
  const row = await db
    .selectFrom('predictions')
    .select('id')
    .where('projectId', '=', projectId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A submitted annotation made with a suggestion shown, and that suggestion's answers (JSON text). */
export interface SuggestedSubmission {
  id: number;
  agent: string;
  submitted: string;
  suggested: string;
}

/**
 * A page of the project's submitted annotations that were shown a suggestion still stored, by
 * annotation id after `afterId`, with the suggested answers of the agent they were shown.
 */
export async function suggestedSubmissionsAfter(
  db: Db,
  page: { projectId: number; afterId: number; limit: number },
): Promise<SuggestedSubmission[]> {
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('predictions as p', (join) =>
      join.onRef('p.itemId', '=', 'a.itemId').onRef('p.agent', '=', 'a.suggestedBy'),
    )
    .select(['a.id', 'p.agent', 'a.answers as submitted', 'p.answers as suggested'])
    .where('a.projectId', '=', page.projectId)
    .where('a.suggestedBy', 'is not', null)
    .where('a.status', '=', 'submitted')
    .where('a.id', '>', page.afterId)
    .orderBy('a.id')
    .limit(page.limit)
    .execute();
  return rows;
}

/** The latest change to the project's predictions (count and newest time), to key cached statistics. */
export async function predictionsState(db: Db, projectId: number): Promise<string> {
  const row = await db
    .selectFrom('predictions')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('createdAt').as('last')])
    .where('projectId', '=', projectId)
    .executeTakeFirst();
  return `${row?.n ?? 0}:${row?.last ?? 0}`;
}
