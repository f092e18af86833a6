import type { z } from 'zod';
import type { GoldAccuracy, GoldMarkBody, GoldPause, GoldReport } from '../../core/api/gold.ts';
import { wilsonInterval } from '../../core/quality/wilson.ts';
import { projectWithAccess, requireManage } from '../access.ts';
import { afterAssessmentMark } from '../assessments/scoring.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { emailOf } from '../audit/audit-read.repository.ts';
import { type AppContext, type Caller, iso } from '../context.ts';
import type { Db } from '../db/transaction.ts';
import { writeTransaction } from '../db/transaction.ts';
import { notFound } from '../http/errors.ts';
import { countGoldItems } from './gold.repository.ts';
import { goldSettingsOf } from './gold-settings.ts';
import { liftPause, markScore, marksDue, projectPauses, projectScores } from './scores.repository.ts';
import { checkBar } from './scoring.ts';

type Accuracy = z.input<typeof GoldAccuracy>;
type PauseOut = z.input<typeof GoldPause>;

/** Managers, admins and the project's reviewers; anyone else is told the project does not exist. */
async function requireViewAll(db: Db, caller: Caller, projectId: number) {
  const { project, access } = await projectWithAccess(db, caller, projectId);
  if (!access.viewAll) throw notFound('project');
  return project;
}

/** The mean of scores with its count and 95 % Wilson interval (successes: the sum). */
export function accuracyOf(scores: number[]): Accuracy {
  const sum = scores.reduce((s, x) => s + x, 0);
  return {
    n: scores.length,
    accuracy: scores.length === 0 ? null : sum / scores.length,
    interval: wilsonInterval(sum, scores.length),
  };
}

const pauseOut = (p: Awaited<ReturnType<typeof projectPauses>>[number]): PauseOut => ({
  userId: p.userId,
  annotator: p.annotator,
  rule: p.rule,
  accuracy: p.accuracy,
  scored: p.scored,
  pausedAt: iso(p.pausedAt),
  liftedBy: p.liftedBy,
  liftedAt: p.liftedAt === null ? null : iso(p.liftedAt),
});

/** Gold accuracy per annotator (overall and per question, with Wilson intervals), pauses and marks due. */
export async function goldReport(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  query: { includeModels: boolean },
): Promise<z.input<typeof GoldReport>> {
  const db = ctx.store.db;
  const project = await requireViewAll(db, caller, projectId);
  const [scores, pauses, due, goldItems] = await Promise.all([
    projectScores(db, projectId),
    projectPauses(db, projectId),
    marksDue(db, projectId),
    countGoldItems(db, projectId),
  ]);
  const byUser = new Map<number, typeof scores>();
  for (const s of scores) {
    if (s.kind === 'model' && !query.includeModels) continue;
    const rows = byUser.get(s.userId);
    if (rows) rows.push(s);
    else byUser.set(s.userId, [s]);
  }
  const annotators = [...byUser.entries()].map(([userId, rows]) => {
    // One pass: the scored answers overall and per question (a question only awaiting marks has none).
    const scored: number[] = [];
    const perQuestion = new Map<string, number[]>();
    for (const r of rows) {
      const list = perQuestion.get(r.question) ?? [];
      if (list.length === 0) perQuestion.set(r.question, list);
      if (r.score === null) continue;
      list.push(r.score);
      scored.push(r.score);
    }
    const questions: Record<string, Accuracy> = {};
    for (const [name, list] of perQuestion) questions[name] = accuracyOf(list);
    const live = pauses.find((p) => p.userId === userId && p.liftedAt === null);
    return {
      userId,
      annotator: rows[0]!.annotator,
      kind: rows[0]!.kind,
      items: new Set(rows.map((r) => r.itemId)).size,
      overall: accuracyOf(scored),
      questions,
      awaitingMarks: rows.length - scored.length,
      paused: live ? pauseOut(live) : null,
    };
  });
  return {
    settings: goldSettingsOf(project),
    goldItems,
    annotators,
    pauses: pauses.map(pauseOut),
    awaitingMarks: due.map((d) => ({
      itemId: d.itemId,
      userId: d.userId,
      annotator: d.annotator,
      question: d.question,
      answer: (JSON.parse(d.answers) as Record<string, unknown>)[d.question] ?? null,
      gold: (JSON.parse(d.gold) as Record<string, unknown>)[d.question] ?? null,
    })),
  };
}

/** A project manager lifts an annotator's pause; recorded with who and when. */
export async function liftGoldPause(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  userId: number,
): Promise<PauseOut> {
  await requireManage(ctx.store.db, caller, projectId);
  const lifted = await writeTransaction(ctx.store, async (tx) => {
    if (!(await liftPause(tx, { projectId, userId, by: caller.id, now: Date.now() }))) return false;
    const entry = { targetType: 'user', targetId: userId, targetEmail: await emailOf(tx, userId), projectId };
    const [before, after] = [{ paused: true }, { paused: false }];
    await appendAudit(tx, caller, { action: 'gold.lift_pause', ...entry, before, after }, ctx.clock());
    return true;
  });
  if (!lifted) throw notFound('pause');
  const pause = (await projectPauses(ctx.store.db, projectId)).find((p) => p.userId === userId)!;
  return pauseOut(pause);
}

/** A reviewer's (or manager's) mark on a free-text answer to a gold item; the bar is checked again. */
export async function markGoldAnswer(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof GoldMarkBody>,
): Promise<{ marked: true }> {
  const project = await requireViewAll(ctx.store.db, caller, projectId);
  await writeTransaction(ctx.store, async (tx) => {
    const now = Date.now();
    const marked = await markScore(tx, { projectId, ...body, by: caller.id, now });
    if (!marked) throw notFound('answer awaiting a mark');
    await checkBar(tx, { project, userId: body.userId, now });
    await afterAssessmentMark(tx, { project, userId: body.userId, now: ctx.clock() });
  });
  return { marked: true };
}
