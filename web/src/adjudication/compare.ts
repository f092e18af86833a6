import type { InterfaceDefinition } from '../../../core/interface/index.ts';
import { type DiffPart, elide, wordDiff } from '../editors/rewrite/word-diff.ts';
import { answerAsText } from '../work/review-changes.ts';

/**
 * The adjudication page's comparison, pure: for each question, every annotator's answer as words,
 * which ones differ from the most common answer, and each answer's word diff against the first
 * annotator's (the first is the reference the others are read against).
 */

export interface AnswerCell {
  annotator: string;
  text: string;
  /** Not the most common answer (ties: the first annotator's); false when everyone agrees. */
  differs: boolean;
  /** The word diff from the first annotator's answer; null for the first, or when it is the same. */
  diff: DiffPart[] | null;
}

export interface QuestionComparison {
  question: string;
  label: string;
  agree: boolean;
  cells: AnswerCell[];
}

/** Object keys sorted at every level, so equal answers compare equal whatever their key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : x,
  );

export function compareAnswers(
  iface: Pick<InterfaceDefinition, 'questions'>,
  answers: readonly { annotator: string; answers: Record<string, unknown> }[],
): QuestionComparison[] {
  return iface.questions.map((q) => {
    const keys = answers.map((a) => canonical(a.answers[q.name]));
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    let common = keys[0];
    for (const [k, n] of counts) if (n > (counts.get(common ?? '') ?? 0)) common = k;
    const agree = counts.size <= 1;
    const texts = answers.map((a) => answerAsText(a.answers[q.name]));
    const first = texts[0] ?? '';
    const cells = answers.map((a, i) => ({
      annotator: a.annotator,
      text: texts[i] ?? '',
      differs: !agree && keys[i] !== common,
      diff: i === 0 || keys[i] === keys[0] ? null : elide(wordDiff(first, texts[i] ?? '').parts),
    }));
    return { question: q.name, label: q.label ?? q.name, agree, cells };
  });
}
