import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { scoreGoldAnswers } from '../../core/quality/gold-score.ts';
import type { Tx } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { findGoldAnswers } from './gold.repository.ts';
import { goldInUse, goldSettingsOf } from './gold-settings.ts';
import { accuracySince, insertPause, insertScores, latestPause } from './scores.repository.ts';

const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;

/**
 * scoreGoldSubmission: inside the submit transaction, the first submission of a gold item is
 * scored per question (free text waits for a mark), then the quality bar is checked. Nothing is
 * read on a project that never set up gold (no gold item can have been served).
 */
export async function scoreGoldSubmission(
  tx: Tx,
  s: {
    project: ProjectRow;
    iface: InterfaceDefinition;
    itemId: number;
    userId: number;
    annotationId: number;
    answers: Record<string, unknown>;
    now: number;
  },
): Promise<void> {
  if (!goldInUse(s.project)) return;
  const gold = await findGoldAnswers(tx, s.itemId);
  if (!gold) return;
  const settings = goldSettingsOf(s.project);
  const scores = scoreGoldAnswers(s.iface.questions, s.answers, gold, settings.questions);
  await insertScores(
    tx,
    Object.entries(scores).map(([question, r]) => {
      const { status: _, ...detail } = r;
      const hasDetail = r.status === 'scored' && (r.parts !== undefined || r.spanF1 !== undefined);
      return {
        projectId: s.project.id,
        itemId: s.itemId,
        userId: s.userId,
        annotationId: s.annotationId,
        question,
        score: r.status === 'scored' ? r.score : null,
        detail: hasDetail ? JSON.stringify(detail) : null,
        scoredAt: s.now,
      };
    }),
  );
  await checkBar(tx, { project: s.project, userId: s.userId, now: s.now });
}

/**
 * Pauses the annotator when the bar is set and, over the gold scored since their last pause was
 * lifted (or ever), at least `after` gold items are scored and the mean score is below
 * `minAccuracy`. An annotator already paused is left as they are.
 */
export async function checkBar(
  tx: Tx,
  p: { project: ProjectRow; userId: number; now: number },
): Promise<void> {
  const { bar } = goldSettingsOf(p.project);
  if (!bar) return;
  const at = { projectId: p.project.id, userId: p.userId };
  const last = await latestPause(tx, at);
  if (last && last.liftedAt === null) return;
  const { items, sum, n } = await accuracySince(tx, { ...at, since: last?.liftedAt ?? 0 });
  if (items < bar.after || n === 0 || sum / n >= bar.minAccuracy) return;
  await insertPause(tx, {
    ...at,
    rule: `gold accuracy below ${percent(bar.minAccuracy)} after ${bar.after} scored gold items`,
    accuracy: sum / n,
    scored: items,
    now: p.now,
  });
}

/**
 * Refuses an annotator paused on the project, naming the rule that paused them. Nothing is read on
 * a project that never set up gold (nobody can be paused there).
 */
export async function requireNotPaused(
  tx: Tx,
  p: { project: Pick<ProjectRow, 'id' | 'gold'>; userId: number },
): Promise<void> {
  if (!goldInUse(p.project)) return;
  const pause = await latestPause(tx, { projectId: p.project.id, userId: p.userId });
  if (!pause || pause.liftedAt !== null) return;
  throw new AppError(
    'GOLD_PAUSED',
    `You are paused on this project by its quality bar: ${pause.rule} (yours was ${percent(pause.accuracy)}). Your answers are kept; a project manager can lift the pause.`,
  );
}
