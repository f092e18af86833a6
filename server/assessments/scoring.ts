import { attemptScore, type QuestionResult, verdictOf } from '../../core/assessments.ts';
import { effectiveLevel } from '../../core/skills.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { grantSkills, heldSkills, unknownSkills } from '../skills/user-skills.repository.ts';
import { findUserById } from '../users/users.repository.ts';
import {
  type AttemptRow,
  answeredIds,
  attemptsOf,
  firstSubmittedAnswers,
  goldPartsOf,
  lockAttemptsOf,
  questionIds,
  updateAttempt,
} from './attempts.repository.ts';

/** What an attempt keeps per question (assessment_attempts.results, JSON text). */
export interface StoredQuestion extends QuestionResult {
  answers: Record<string, unknown> | null;
}
export interface AttemptResults {
  questions: StoredQuestion[];
}

export const resultsOf = (a: Pick<AttemptRow, 'results'>): AttemptResults =>
  a.results === null ? { questions: [] } : (JSON.parse(a.results) as AttemptResults);

async function inProgressOrPending(tx: Tx, at: { projectId: number; userId: number }) {
  await lockAttemptsOf(tx, at);
  const last = (await attemptsOf(tx, at)).at(-1);
  return last && (last.status === 'in_progress' || last.status === 'pending') ? last : undefined;
}

/**
 * afterAssessmentSubmit: in the submit transaction, after the answer's gold scores are written.
 * When the tutor's attempt now has every question answered, it finishes and is scored: `pending`
 * while a free-text answer awaits a reviewer's mark, else passed or failed. Nothing is read on an
 * ordinary project.
 */
export async function afterAssessmentSubmit(
  tx: Tx,
  p: { project: Pick<ProjectRow, 'id' | 'assessment'>; userId: number; now: number },
): Promise<void> {
  if (p.project.assessment === null) return;
  const at = { projectId: p.project.id, userId: p.userId };
  const attempt = await inProgressOrPending(tx, at);
  if (attempt?.status !== 'in_progress') return;
  const ids = await questionIds(tx, at.projectId);
  const answered = await answeredIds(tx, at);
  if (ids.some((id) => !answered.has(id))) return;
  await scoreAttempt(tx, { attempt, itemIds: ids, finishedAt: p.now, now: p.now });
}

/**
 * afterAssessmentMark: in the transaction of a reviewer's mark on a gold answer. A pending attempt
 * of that tutor is scored again, and gets its verdict once no answer awaits a mark.
 */
export async function afterAssessmentMark(
  tx: Tx,
  p: { project: Pick<ProjectRow, 'id' | 'assessment'>; userId: number; now: number },
): Promise<void> {
  if (p.project.assessment === null) return;
  const attempt = await inProgressOrPending(tx, { projectId: p.project.id, userId: p.userId });
  if (attempt?.status !== 'pending') return;
  const itemIds = resultsOf(attempt).questions.map((q) => q.itemId);
  await scoreAttempt(tx, { attempt, itemIds, finishedAt: attempt.finishedAt ?? p.now, now: p.now });
}

async function scoreAttempt(
  tx: Tx,
  p: { attempt: AttemptRow; itemIds: number[]; finishedAt: number; now: number },
): Promise<void> {
  const at = { projectId: p.attempt.projectId, userId: p.attempt.userId };
  const [parts, answers] = await Promise.all([goldPartsOf(tx, at), firstSubmittedAnswers(tx, at)]);
  const scored = attemptScore(p.itemIds, parts);
  const results: AttemptResults = {
    questions: scored.questions.map((q) => ({ ...q, answers: answers.get(q.itemId) ?? null })),
  };
  const common = { results: JSON.stringify(results), finishedAt: p.finishedAt };
  if (scored.score === null) {
    await updateAttempt(tx, p.attempt.id, { ...common, status: 'pending' });
    return;
  }
  const status = verdictOf(scored.score, p.attempt.passMark);
  await updateAttempt(tx, p.attempt.id, { ...common, status, score: scored.score, scoredAt: p.now });
  if (status === 'passed') await grantEarned(tx, { attempt: p.attempt, now: p.now });
}

/**
 * A pass grants the attempt's skill at its level, from the assessment, with the attempt's id, and
 * appends `skill.earn` to the audit log (actor: the system). A level the tutor already holds as
 * high or higher, by the hierarchy rule (core/skills.ts), is never lowered: nothing is granted
 * then. Neither is a skill removed from the catalogue since: the pass stays on the attempt.
 */
async function grantEarned(tx: Tx, p: { attempt: AttemptRow; now: number }): Promise<void> {
  const { userId, skill, level, id, projectId } = p.attempt;
  if ((await unknownSkills(tx, [skill])).length > 0) return;
  const held = await heldSkills(tx, userId);
  if (effectiveLevel(held, skill) >= level) return;
  await grantSkills(tx, {
    userId,
    skills: [{ skill, level }],
    source: 'assessment',
    grantedBy: null,
    assessmentAttemptId: id,
    now: p.now,
  });
  const user = await findUserById(tx, userId);
  await appendAudit(
    tx,
    null,
    {
      action: 'skill.earn',
      targetType: 'user',
      targetId: userId,
      targetEmail: user?.email ?? null,
      projectId,
      before: { skill, level: held.get(skill) ?? null },
      after: { skill, level, source: 'assessment', assessmentAttemptId: id },
    },
    p.now,
  );
}
