import { sql } from 'kysely';
import { annotatorKindOf, annotatorLabelOf } from '../assignments/assignments.repository.ts';
import type { GoldScoresTable } from '../db/schema.ts';
import type { Db, Tx } from '../db/transaction.ts';

/** The tables of gold scores and pauses (migration 0020). */

/** A score as it is first written: the row without a reviewer's mark. */
export type ScoreWrite = Omit<GoldScoresTable, 'markedBy' | 'markedAt'>;

/** Records the scores of one gold submission; a repeated submission of the same item keeps the first. */
export async function insertScores(tx: Tx, rows: ScoreWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('goldScores')
    .values(rows.map((r) => ({ ...r, markedBy: null, markedAt: null })))
    .onConflict((oc) => oc.columns(['itemId', 'userId', 'question']).doNothing())
    .execute();
}

/** A reviewer's mark on an answer waiting for one; false when there is none such. */
export async function markScore(
  tx: Tx,
  m: {
    projectId: number;
    itemId: number;
    userId: number;
    question: string;
    score: number;
    by: number;
    now: number;
  },
): Promise<boolean> {
  const res = await tx
    .updateTable('goldScores')
    .set({ score: m.score, markedBy: m.by, markedAt: m.now })
    .where('projectId', '=', m.projectId)
    .where('itemId', '=', m.itemId)
    .where('userId', '=', m.userId)
    .where('question', '=', m.question)
    .where('score', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Every score of a project, with its annotator's label and kind (human or model). */
export function projectScores(db: Db, projectId: number) {
  return db
    .selectFrom('goldScores as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select([
      's.itemId',
      's.userId',
      's.question',
      's.score',
      's.annotationId',
      annotatorLabelOf('u').as('annotator'),
      annotatorKindOf('u').as('kind'),
    ])
    .where('s.projectId', '=', projectId)
    .orderBy('s.userId')
    .orderBy('s.itemId')
    .execute();
}

/** The mean score and the gold items scored of an annotator on a project since a time. */
export async function accuracySince(
  tx: Tx,
  p: { projectId: number; userId: number; since: number },
): Promise<{ items: number; sum: number; n: number }> {
  const row = await tx
    .selectFrom('goldScores')
    .select([
      sql<number>`count(distinct item_id)`.as('items'),
      sql<number>`coalesce(sum(score), 0)`.as('sum'),
      sql<number>`count(score)`.as('n'),
    ])
    .where('projectId', '=', p.projectId)
    .where('userId', '=', p.userId)
    .where('scoredAt', '>', p.since)
    .where('score', 'is not', null)
    .executeTakeFirstOrThrow();
  return { items: Number(row.items), sum: Number(row.sum), n: Number(row.n) };
}

/** The annotator's latest pause on the project, lifted or not. */
export function latestPause(db: Db, p: { projectId: number; userId: number }) {
  return db
    .selectFrom('goldPauses')
    .selectAll()
    .where('projectId', '=', p.projectId)
    .where('userId', '=', p.userId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertPause(
  tx: Tx,
  p: { projectId: number; userId: number; rule: string; accuracy: number; scored: number; now: number },
): Promise<void> {
  await tx
    .insertInto('goldPauses')
    .values({
      projectId: p.projectId,
      userId: p.userId,
      rule: p.rule,
      accuracy: p.accuracy,
      scored: p.scored,
      pausedAt: p.now,
      liftedBy: null,
      liftedAt: null,
    })
    .execute();
}

/** Lifts the annotator's live pause; false when they are not paused. */
export async function liftPause(
  tx: Tx,
  p: { projectId: number; userId: number; by: number; now: number },
): Promise<boolean> {
  const res = await tx
    .updateTable('goldPauses')
    .set({ liftedBy: p.by, liftedAt: p.now })
    .where('projectId', '=', p.projectId)
    .where('userId', '=', p.userId)
    .where('liftedAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Every pause of a project, newest first, with the labels of the annotator and the lifter. */
export function projectPauses(db: Db, projectId: number) {
  return db
    .selectFrom('goldPauses as p')
    .innerJoin('users as u', 'u.id', 'p.userId')
    .leftJoin('users as l', 'l.id', 'p.liftedBy')
    .select([
      'p.userId',
      'p.rule',
      'p.accuracy',
      'p.scored',
      'p.pausedAt',
      'p.liftedAt',
      annotatorLabelOf('u').as('annotator'),
      annotatorLabelOf('l').$castTo<string | null>().as('liftedBy'),
    ])
    .where('p.projectId', '=', projectId)
    .orderBy('p.id', 'desc')
    .execute();
}

/** The answers waiting for a reviewer's mark, with the submitted and the gold answers. */
export function marksDue(db: Db, projectId: number) {
  return db
    .selectFrom('goldScores as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .innerJoin('annotations as n', 'n.id', 's.annotationId')
    .innerJoin('goldItems as g', 'g.itemId', 's.itemId')
    .select([
      's.itemId',
      's.userId',
      's.question',
      'n.answers',
      sql<string>`g.answers`.as('gold'),
      annotatorLabelOf('u').as('annotator'),
    ])
    .where('s.projectId', '=', projectId)
    .where('s.score', 'is', null)
    .orderBy('s.scoredAt')
    .execute();
}
