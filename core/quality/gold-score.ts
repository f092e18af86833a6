import type {
  PairwiseAnswer,
  QuestionDefinition,
  RankingAnswer,
  RubricAnswer,
  StepsAnswer,
} from '../interface/index.ts';
import { framesGoldScore, segmentsGoldScore, tracksGoldScore } from './gold-media.ts';
import { pairwiseScore, rankingScore } from './gold-order.ts';
import { rubricScore, stepsScore } from './gold-parts.ts';
import { type LabelledSpan, type SpanF1, spanF1 } from './gold-spans.ts';

/** How one question is scored against gold; every property is optional (docs/quality.md). */
export interface GoldQuestionOptions {
  /**
   * Numbers, ratings and rubric scales: an answer within this distance of gold counts 1. Default:
   * 0 for ratings and rubric scales, for numbers a relative 1e-9 (|a − g| ≤ 1e-9 · max(|a|, |g|)).
   */
  tolerance?: number;
  /** Spans: which F1 is the score; default overlap. Both are reported. */
  spanMatch?: 'exact' | 'overlap';
  /** Segments and tracks: the IoU a segment or a box needs to match gold's; default 0.5. */
  iou?: number;
}

/** One question's score against gold, or that a person must mark it (free text). */
export type QuestionGoldScore =
  | { status: 'scored'; score: number; parts?: Record<string, number>; spanF1?: SpanF1 }
  | { status: 'needsReview' };

/** Question kinds a reviewer marks by hand: nothing in their answers can be compared exactly. */
export const REVIEWED_KINDS: ReadonlySet<string> = new Set(['text', 'rewrite', 'turns', 'live']);

const RELATIVE_NUMBER_TOLERANCE = 1e-9;

const scored = (score: number): QuestionGoldScore => ({ status: 'scored', score });

function withinTolerance(given: number, gold: number, tolerance: number | undefined, relative: boolean) {
  if (tolerance !== undefined) return Math.abs(given - gold) <= tolerance;
  const allowed = relative ? RELATIVE_NUMBER_TOLERANCE * Math.max(Math.abs(given), Math.abs(gold)) : 0;
  return Math.abs(given - gold) <= allowed;
}

/**
 * One question's answer against its gold answer; both are validated answers of `question`. A
 * missing answer (undefined or null) scores 0, except for the kinds a reviewer marks.
 */
export function scoreGoldAnswer(
  question: QuestionDefinition,
  given: unknown,
  gold: unknown,
  options: GoldQuestionOptions = {},
): QuestionGoldScore {
  if (REVIEWED_KINDS.has(question.type)) return { status: 'needsReview' };
  if (given === undefined || given === null) return scored(0);
  switch (question.type) {
    case 'choice':
      return scored(given === gold ? 1 : 0);
    case 'multi_choice':
      return scored(jaccard(given as string[], gold as string[]));
    case 'number':
    case 'rating':
      return scored(
        withinTolerance(given as number, gold as number, options.tolerance, question.type === 'number')
          ? 1
          : 0,
      );
    case 'spans': {
      const f1 = spanF1(given as LabelledSpan[], gold as LabelledSpan[]);
      return { status: 'scored', score: options.spanMatch === 'exact' ? f1.exact : f1.overlap, spanF1: f1 };
    }
    case 'pairwise':
      return { status: 'scored', ...pairwiseScore(given as PairwiseAnswer, gold as PairwiseAnswer) };
    case 'ranking':
      return scored(rankingScore(given as RankingAnswer, gold as RankingAnswer));
    case 'rubric':
      return {
        status: 'scored',
        ...rubricScore(question, given as RubricAnswer, gold as RubricAnswer, options.tolerance),
      };
    case 'steps':
      return { status: 'scored', ...stepsScore(given as StepsAnswer, gold as StepsAnswer) };
    case 'segments':
      return { status: 'scored', ...segmentsGoldScore(question, given as never, gold as never, options.iou) };
    case 'frames':
      return scored(framesGoldScore(question, given as never, gold as never));
    case 'tracks':
      return { status: 'scored', ...tracksGoldScore(given as never, gold as never, options.iou) };
    default:
      return { status: 'needsReview' };
  }
}

/** Jaccard similarity of two sets of options; two empty sets agree fully. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  const union = new Set([...left, ...right]);
  if (union.size === 0) return 1;
  let both = 0;
  for (const x of left) if (right.has(x)) both++;
  return both / union.size;
}

/**
 * Every question with a gold answer, scored: answers keyed by question name. Questions gold leaves
 * out (or null) are not scored.
 */
export function scoreGoldAnswers(
  questions: readonly QuestionDefinition[],
  answers: Readonly<Record<string, unknown>>,
  gold: Readonly<Record<string, unknown>>,
  options: Readonly<Record<string, GoldQuestionOptions>> = {},
): Record<string, QuestionGoldScore> {
  const out: Record<string, QuestionGoldScore> = {};
  for (const q of questions) {
    const want = Object.hasOwn(gold, q.name) ? gold[q.name] : undefined;
    if (want === undefined || want === null) continue;
    const given = Object.hasOwn(answers, q.name) ? answers[q.name] : undefined;
    out[q.name] = scoreGoldAnswer(q, given, want, Object.hasOwn(options, q.name) ? options[q.name] : {});
  }
  return out;
}
