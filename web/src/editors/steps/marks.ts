import type { StepMark, StepsAnswer, StepVerdict } from '../../../../core/interface/index.ts';

/**
 * The step checker's pure core: the answer after each mark or note, and the keys that mark.
 * `firstError` is recomputed with every change, as core computes it on save.
 */

export const VERDICT_KEYS: Readonly<Record<string, StepVerdict>> = {
  c: 'correct',
  i: 'incorrect',
  u: 'unverifiable',
};

export const VERDICT_LABELS: Readonly<Record<StepVerdict, string>> = {
  correct: 'Correct',
  incorrect: 'Incorrect',
  unverifiable: 'Unverifiable',
};

/** The verdict a plain key press gives (c, i, u; either case), else undefined. */
export function verdictForKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): StepVerdict | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return Object.hasOwn(VERDICT_KEYS, e.key.toLowerCase()) ? VERDICT_KEYS[e.key.toLowerCase()] : undefined;
}

/** The marks of `value` as a list of exactly `count` (unmarked steps null). */
export function marksOf(value: StepsAnswer | undefined, count: number): (StepMark | null)[] {
  return Array.from({ length: count }, (_, i) => value?.steps[i] ?? null);
}

export const firstErrorOf = (marks: readonly (StepMark | null)[]): number | null => {
  const i = marks.findIndex((m) => m?.verdict === 'incorrect');
  return i < 0 ? null : i;
};

function answer(candidate: string | undefined, marks: (StepMark | null)[]): StepsAnswer | null {
  if (candidate === undefined && marks.every((m) => m === null)) return null;
  return {
    ...(candidate !== undefined ? { candidate } : {}),
    steps: marks,
    firstError: firstErrorOf(marks),
  };
}

/**
 * The answer with step `index` given `verdict`. A correction belongs to an incorrect step only,
 * so it goes when the verdict changes to another; the comment stays.
 */
export function setVerdict(
  value: StepsAnswer | undefined,
  count: number,
  index: number,
  verdict: StepVerdict,
  candidate?: string,
): StepsAnswer | null {
  const marks = marksOf(value, count);
  const before = marks[index];
  const mark: StepMark = { verdict };
  if (verdict === 'incorrect' && before?.correction !== undefined) mark.correction = before.correction;
  if (before?.comment !== undefined) mark.comment = before.comment;
  marks[index] = mark;
  return answer(candidate, marks);
}

/** The answer with a step's correction or comment set ('' removes it); an unmarked step is unchanged. */
export function setNote(
  value: StepsAnswer | undefined,
  count: number,
  index: number,
  key: 'correction' | 'comment',
  text: string,
  candidate?: string,
): StepsAnswer | null {
  const marks = marksOf(value, count);
  const before = marks[index];
  if (!before) return value ?? null;
  const mark: StepMark = { ...before };
  if (text === '') delete mark[key];
  else mark[key] = text;
  marks[index] = mark;
  return answer(candidate, marks);
}

/** A fresh answer checking `candidate`: nothing marked yet. */
export const startOn = (candidate: string, count: number): StepsAnswer | null =>
  answer(
    candidate,
    Array.from({ length: count }, () => null),
  );

/** Whether the step at `index` is the first incorrect one, whose correction is required. */
export const correctionRequired = (marks: readonly (StepMark | null)[], index: number): boolean =>
  firstErrorOf(marks) === index;

export const markedCount = (marks: readonly (StepMark | null)[]): number =>
  marks.filter((m) => m !== null).length;

/** The step index after moving by `delta`, kept within the list. */
export const moveIndex = (index: number, delta: number, count: number): number =>
  Math.max(0, Math.min(count - 1, index + delta));
