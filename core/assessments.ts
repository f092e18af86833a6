/**
 * Qualification tests (docs/assessments.md), pure: an attempt's score from the gold scores of its
 * answers, and where a tutor stands with an assessment (may they start, retake, when).
 *
 * A question of an assessment is one of its items. A question's score is the mean of the gold
 * scores of the item's scored interface questions (each in [0, 1], core/quality/gold-score.ts);
 * the attempt's score is the mean of its questions' scores, and it passes when that score reaches
 * the pass mark.
 */

export const ATTEMPT_STATUSES = ['in_progress', 'pending', 'passed', 'failed'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** One gold score of an answer: an interface question of an item; null while a mark is awaited. */
export interface ScoredPart {
  itemId: number;
  question: string;
  score: number | null;
}

/** One question (item) of an attempt: its score and the scores of its parts. */
export interface QuestionResult {
  itemId: number;
  /** Mean of the parts; null while a part awaits a mark, or when the item has no scored part. */
  score: number | null;
  parts: Record<string, number | null>;
}

export interface AttemptScore {
  questions: QuestionResult[];
  /** Parts still awaiting a reviewer's mark; while any does, `score` is null. */
  awaitingMarks: number;
  /** Mean of the questions' scores (questions without a scored part left out; none at all: 0). */
  score: number | null;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The attempt's score over its questions, in the order given, from the gold scores of its answers. */
export function attemptScore(itemIds: readonly number[], parts: readonly ScoredPart[]): AttemptScore {
  const byItem = new Map<number, ScoredPart[]>(itemIds.map((id) => [id, []]));
  for (const p of parts) byItem.get(p.itemId)?.push(p);
  let awaitingMarks = 0;
  const questions = itemIds.map((itemId): QuestionResult => {
    const rows = byItem.get(itemId)!;
    const waiting = rows.filter((r) => r.score === null).length;
    awaitingMarks += waiting;
    const scores = rows.flatMap((r) => (r.score === null ? [] : [r.score]));
    return {
      itemId,
      score: waiting > 0 || scores.length === 0 ? null : mean(scores),
      parts: Object.fromEntries(rows.map((r) => [r.question, r.score])),
    };
  });
  if (awaitingMarks > 0) return { questions, awaitingMarks, score: null };
  const scored = questions.flatMap((q) => (q.score === null ? [] : [q.score]));
  return { questions, awaitingMarks, score: scored.length === 0 ? 0 : mean(scored) };
}

/** Pass or fail of a final score against the pass mark (a fraction in [0, 1]; reaching it passes). */
export const verdictOf = (score: number, passMark: number): 'passed' | 'failed' =>
  score >= passMark ? 'passed' : 'failed';

/** Where a tutor stands with an assessment. */
export const STANDINGS = [
  'not_started',
  'in_progress',
  'pending',
  'passed',
  'cooling_down',
  'can_retake',
  'no_attempts_left',
] as const;
export type Standing = (typeof STANDINGS)[number];

export interface RetakePolicy {
  maxAttempts: number;
  cooldownHours: number;
}

export interface AttemptSummary {
  status: AttemptStatus;
  finishedAt: number | null;
}

export interface StandingOf {
  standing: Standing;
  attemptsUsed: number;
  attemptsLeft: number;
  /** When the cool-down after the latest failed attempt ends (epoch ms); null when none runs or applies. */
  cooldownEndsAt: number | null;
  /** Whether a new attempt may start now. */
  canStart: boolean;
}

export const HOUR_MS = 3_600_000;

/**
 * The tutor's standing from their attempts (oldest first) at `now`. Attempts in progress or
 * awaiting marks block a new one; a pass ends the assessment for them; after a fail, a retake may
 * start once `cooldownHours` have passed since that attempt finished (at that very millisecond),
 * while fewer than `maxAttempts` attempts were made.
 */
export function standingOf(
  policy: RetakePolicy,
  attempts: readonly AttemptSummary[],
  now: number,
): StandingOf {
  const used = attempts.length;
  const left = Math.max(0, policy.maxAttempts - used);
  const last = attempts.at(-1);
  const out = (standing: Standing, cooldownEndsAt: number | null = null): StandingOf => ({
    standing,
    attemptsUsed: used,
    attemptsLeft: left,
    cooldownEndsAt,
    canStart: standing === 'not_started' || standing === 'can_retake',
  });
  if (!last) return out(left > 0 ? 'not_started' : 'no_attempts_left');
  if (last.status === 'in_progress' || last.status === 'pending' || last.status === 'passed')
    return out(last.status);
  if (left === 0) return out('no_attempts_left');
  const ends = (last.finishedAt ?? 0) + policy.cooldownHours * HOUR_MS;
  return now >= ends ? out('can_retake') : out('cooling_down', ends);
}
