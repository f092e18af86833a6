import type { Tx } from '../db/transaction.ts';

/**
 * Clears a tutor's work on an assessment's questions before a retake, inside the start
 * transaction: the revisions, annotations (their reviews go with them, by cascade), assignments
 * and gold scores of the user on the project's gold items, and the items' submission counts. The
 * earlier attempt keeps its answers and scores in its own record (assessment_attempts.results), so
 * nothing of it is lost; the unique (item, user) assignment no longer blocks answering again. The
 * user's work on ordinary items of the project is left alone. Returns the items whose answers
 * changed.
 */
export async function clearQuestionWork(tx: Tx, p: { projectId: number; userId: number }): Promise<number[]> {
  const mine = (eb: Tx) =>
    eb
      .selectFrom('assignments as a')
      .innerJoin('goldItems as g', 'g.itemId', 'a.itemId')
      .where('a.projectId', '=', p.projectId)
      .where('a.userId', '=', p.userId);
  const touched = await mine(tx).select(['a.id', 'a.itemId', 'a.status']).execute();
  if (touched.length === 0) return [];
  const assignmentIds = touched.map((t) => t.id);
  const submitted = touched.filter((t) => t.status === 'submitted').map((t) => t.itemId);
  await tx
    .deleteFrom('annotationRevisions')
    .where('annotationId', 'in', (eb) =>
      eb.selectFrom('annotations').select('id').where('assignmentId', 'in', assignmentIds),
    )
    .execute();
  await tx.deleteFrom('annotations').where('assignmentId', 'in', assignmentIds).execute();
  await tx.deleteFrom('assignments').where('id', 'in', assignmentIds).execute();
  await tx
    .deleteFrom('goldScores')
    .where('projectId', '=', p.projectId)
    .where('userId', '=', p.userId)
    .execute();
  if (submitted.length > 0)
    await tx
      .updateTable('items')
      .set((eb) => ({ submittedCount: eb('submittedCount', '-', 1) }))
      .where('id', 'in', submitted)
      .execute();
  return [...new Set(touched.map((t) => t.itemId))];
}
