import type { z } from 'zod';
import type { Annotation } from '../../core/api/assignments.ts';
import type { Tx } from '../db/transaction.ts';
import { type AssignmentRow, findAnnotationByAssignment, toAnnotation } from './assignments.repository.ts';

export interface AnswerWrite {
  kind: 'draft' | 'submit' | 'edit';
  answers: Record<string, unknown>;
  activeMs: number;
  now: number;
  key?: string;
  /** A draft of edits to a submitted annotation: kept aside, the submitted answers stay. */
  pending?: boolean;
}

/**
 * Writes the caller's answers for an assignment and appends a revision: every change is kept,
 * drafts included, so no version of anyone's work is ever lost.
 */
export async function recordAnswers(
  tx: Tx,
  a: AssignmentRow,
  userId: number,
  w: AnswerWrite,
): Promise<z.input<typeof Annotation>> {
  const json = JSON.stringify(w.answers);
  const existing = await tx
    .selectFrom('annotations')
    .select(['id', 'revision', 'status'])
    .where('assignmentId', '=', a.id)
    .executeTakeFirst();
  const submitted = w.kind !== 'draft' || w.pending === true;
  let annotationId: number;
  let revision: number;
  if (!existing) {
    revision = 1;
    const row = await tx
      .insertInto('annotations')
      .values({
        assignmentId: a.id,
        itemId: a.itemId,
        projectId: a.projectId,
        userId,
        status: submitted ? 'submitted' : 'draft',
        answers: json,
        pendingAnswers: null,
        leadTimeMs: w.activeMs,
        revision,
        createdAt: w.now,
        updatedAt: w.now,
        submittedAt: w.kind === 'submit' ? w.now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    annotationId = row.id;
  } else {
    annotationId = existing.id;
    revision = existing.revision + 1;
    await tx
      .updateTable('annotations')
      .set((eb) => ({
        ...(w.pending ? { pendingAnswers: json } : { answers: json, pendingAnswers: null }),
        status: submitted ? 'submitted' : 'draft',
        leadTimeMs: eb('leadTimeMs', '+', w.activeMs),
        revision,
        updatedAt: w.now,
        ...(w.kind === 'submit' ? { submittedAt: w.now } : {}),
      }))
      .where('id', '=', existing.id)
      .execute();
  }
  await tx
    .insertInto('annotationRevisions')
    .values({
      annotationId,
      revision,
      userId,
      kind: w.kind,
      answers: json,
      idempotencyKey: w.key ?? null,
      createdAt: w.now,
    })
    .execute();
  return toAnnotation((await findAnnotationByAssignment(tx, a.id))!);
}
