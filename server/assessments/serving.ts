import type { AssignmentRow, ItemRow } from '../assignments/assignments.repository.ts';
import type { Tx } from '../db/transaction.ts';
import { findUndoneGoldItem, lockGoldItem } from '../gold/serving.repository.ts';
import { AppError } from '../http/errors.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { attemptsOf } from './attempts.repository.ts';

/**
 * takeAssessmentItem: the claim of an assessment project, inside the caller's claim transaction
 * (serialised per project and annotator). Every question (gold item) is served to every tutor once
 * per attempt, whatever the overlap, in priority then import order; nothing else of the project is
 * served. Undefined when the attempt has every question: the tutor is done. Refused before a first
 * attempt was started, so nobody answers a test they did not enrol in.
 */
export async function takeAssessmentItem(
  tx: Tx,
  p: { project: ProjectRow; userId: number; expiresAt: number; now: number },
): Promise<{ assignment: AssignmentRow; item: ItemRow } | undefined> {
  const at = { projectId: p.project.id, userId: p.userId };
  const attempts = await attemptsOf(tx, at);
  const last = attempts.at(-1);
  if (!last)
    throw new AppError(
      'ASSESSMENT_UNAVAILABLE',
      'This project is an assessment: start an attempt on the Assessments page first.',
    );
  if (last.status !== 'in_progress') return undefined;
  const item = await findUndoneGoldItem(tx, at);
  if (!item) return undefined;
  const assignment = await lockGoldItem(tx, { ...at, itemId: item.id, expiresAt: p.expiresAt, now: p.now });
  return { assignment, item };
}
