import type { z } from 'zod';
import type {
  AssessmentAttempts,
  MyAssessments,
  MyAttempt,
  StartedAttempt,
} from '../../core/api/assessments.ts';
import { type Standing, standingOf } from '../../core/assessments.ts';
import { projectWithAccess } from '../access.ts';
import { interfaceOf } from '../assignments/assignments.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type AppContext, type Caller, iso, isoOrNull } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { findProjectWithMembership, upsertMember } from '../projects/members.repository.ts';
import { refreshDisagreement } from '../quality/disagreement.ts';
import { assessmentOf } from './assessment-setting.ts';
import {
  type AttemptRow,
  answeredCounts,
  assessmentProjects,
  attemptsOf,
  attemptsOfUser,
  insertAttempt,
  projectAttempts,
  questionCounts,
  questionIds,
} from './attempts.repository.ts';
import { resultsOf } from './scoring.ts';
import { clearQuestionWork } from './work-reset.repository.ts';

type AttemptOut = z.input<typeof MyAttempt>;

/** An attempt as its tutor sees it: scores per question by position, never a gold answer. */
function myAttempt(a: AttemptRow, answeredNow: number): AttemptOut {
  const questions = resultsOf(a).questions;
  return {
    attempt: a.attemptNo,
    status: a.status,
    score: a.score,
    passMark: a.passMark,
    startedAt: iso(a.startedAt),
    finishedAt: isoOrNull(a.finishedAt),
    scoredAt: isoOrNull(a.scoredAt),
    answered: a.status === 'in_progress' ? answeredNow : questions.length,
    questions: questions.map((q, i) => ({ position: i + 1, score: q.score })),
  };
}

/** The assessments the caller may take (open to all, or of a project they are a member of), with their standing. */
export async function listMyAssessments(
  ctx: AppContext,
  caller: Caller,
): Promise<z.input<typeof MyAssessments>> {
  const db = ctx.store.db;
  const projects = (await assessmentProjects(db, caller.id))
    .map((p) => ({ ...p, setting: assessmentOf(p)! }))
    .filter((p) => p.memberRole !== null || p.setting.openToAll);
  const ids = projects.map((p) => p.id);
  const [attempts, counts, answered] = await Promise.all([
    attemptsOfUser(db, caller.id),
    questionCounts(db, ids),
    answeredCounts(db, caller.id, ids),
  ]);
  const now = ctx.clock();
  return {
    items: projects.map((p) => {
      const mine = attempts.filter((a) => a.projectId === p.id);
      const s = standingOf(p.setting, mine, now);
      const scored = mine.filter((a) => a.score !== null).at(-1);
      return {
        projectId: p.id,
        projectName: p.name,
        ...p.setting,
        questions: counts.get(p.id) ?? 0,
        member: p.memberRole !== null,
        standing: s.standing,
        canStart: s.canStart && (counts.get(p.id) ?? 0) > 0,
        attemptsUsed: s.attemptsUsed,
        attemptsLeft: s.attemptsLeft,
        cooldownEndsAt: isoOrNull(s.cooldownEndsAt),
        lastScore: scored?.score ?? null,
        attempts: mine.map((a) => myAttempt(a, answered.get(p.id) ?? 0)),
      };
    }),
  };
}

const refusals: Partial<Record<Standing, string>> = {
  passed: 'You passed this assessment already.',
  pending: 'Your last attempt waits for a reviewer to mark a free-text answer; its result comes first.',
  no_attempts_left: 'You have used every attempt at this assessment.',
  cooling_down: 'You may retake this assessment once the cool-down after your last attempt ends.',
};

/**
 * startAttempt: a new attempt at the project's assessment, or the one in progress. One
 * transaction, serialised per project and tutor: the retake policy is checked against the clock
 * (ctx.clock), an open assessment enrols a non-member as an annotator, and a retake clears the
 * tutor's earlier work on the questions (kept in the earlier attempt's record) so they answer them
 * again.
 */
export async function startAttempt(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<z.input<typeof StartedAttempt>> {
  const row = await findProjectWithMembership(ctx.store.db, projectId, caller.id);
  if (!row) throw notFound('project');
  const { memberRole, ...project } = row;
  const setting = assessmentOf(project);
  const seesProject = memberRole !== null || caller.role === 'admin' || caller.role === 'manager';
  if (!setting) throw seesProject ? notFound('assessment') : notFound('project');
  if (memberRole === null && !setting.openToAll) {
    if (seesProject) throw forbidden("This assessment is open to the project's members only.");
    throw notFound('project');
  }
  const at = { projectId, userId: caller.id };
  return writeTransaction(
    ctx.store,
    async (tx) => {
      const now = ctx.clock();
      const attempts = await attemptsOf(tx, at);
      const standing = standingOf(setting, attempts, now);
      const last = attempts.at(-1);
      if (standing.standing === 'in_progress' && last) {
        const answered = await answeredCounts(tx, caller.id, [projectId]);
        return { created: false, projectId, attempt: myAttempt(last, answered.get(projectId) ?? 0) };
      }
      if (!standing.canStart)
        throw new AppError('ASSESSMENT_UNAVAILABLE', refusals[standing.standing], {
          standing: standing.standing,
          cooldownEndsAt: isoOrNull(standing.cooldownEndsAt),
        });
      if ((await questionIds(tx, projectId)).length === 0)
        throw new AppError('ASSESSMENT_UNAVAILABLE', 'This assessment has no questions yet.');
      if (memberRole === null) {
        await upsertMember(tx, { projectId, userId: caller.id, role: 'annotator', addedAt: now });
        const entry = { action: 'assessment.enrol', targetType: 'member', targetId: caller.id, projectId };
        await appendAudit(
          tx,
          caller,
          { ...entry, targetEmail: caller.email, after: { role: 'annotator' } },
          now,
        );
      }
      if (attempts.length > 0) {
        const cleared = await clearQuestionWork(tx, at);
        if (cleared.length > 0) await refreshDisagreement(tx, interfaceOf(project), cleared);
      }
      const attempt = await insertAttempt(tx, {
        ...at,
        attemptNo: attempts.length + 1,
        skill: setting.skill,
        level: setting.level,
        passMark: setting.passMark,
        startedAt: now,
      });
      return { created: true, projectId, attempt: myAttempt(attempt, 0) };
    },
    { serializeOn: [projectId, caller.id] },
  );
}

/** Every attempt at the project's assessment, with scores per question and the answers (managers, reviewers). */
export async function assessmentAttempts(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<z.input<typeof AssessmentAttempts>> {
  const db = ctx.store.db;
  const { project, access } = await projectWithAccess(db, caller, projectId);
  if (!access.viewAll) throw forbidden("Only the project's managers and reviewers see its attempts.");
  const [rows, ids] = await Promise.all([projectAttempts(db, projectId), questionIds(db, projectId)]);
  return {
    assessment: assessmentOf(project),
    questions: ids.length,
    attempts: rows.map((a) => ({
      id: a.id,
      userId: a.userId,
      tutor: a.tutor,
      attempt: a.attemptNo,
      status: a.status,
      skill: a.skill,
      level: a.level,
      passMark: a.passMark,
      score: a.score,
      startedAt: iso(a.startedAt),
      finishedAt: isoOrNull(a.finishedAt),
      scoredAt: isoOrNull(a.scoredAt),
      questions: resultsOf(a).questions.map((q, i) => ({ position: i + 1, ...q })),
    })),
  };
}
