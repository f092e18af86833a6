import type {
  LiveAnswer,
  Preference,
  RewriteAnswer,
  RubricGrade,
  StepsAnswer,
  TurnMark,
} from '../interface/index.ts';

/**
 * The answer shapes of the tutor's question kinds (docs/data-model.md), read defensively: answers
 * were checked when written, but under the interface of that time, so an answer that does not
 * have the shape an export needs is passed over rather than trusted.
 */

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function pairwiseOf(answer: unknown): Preference | undefined {
  if (!isObject(answer)) return undefined;
  const { preferred, strength } = answer;
  if (!(preferred === null || typeof preferred === 'string') || !isNumber(strength)) return undefined;
  return { preferred, strength };
}

/** A ranking's tiers, best first, each a list of candidate ids (ties share a tier). */
export function rankingOf(answer: unknown): string[][] | undefined {
  if (!isObject(answer) || !Array.isArray(answer.order)) return undefined;
  const tiers = answer.order as unknown[];
  const ok = tiers.every((t) => Array.isArray(t) && t.every((id) => typeof id === 'string'));
  return ok ? (tiers as string[][]) : undefined;
}

export function rubricOf(answer: unknown): RubricGrade[] | undefined {
  if (!isObject(answer) || !Array.isArray(answer.grades)) return undefined;
  const grades = answer.grades as unknown[];
  const ok = grades.every(
    (g) =>
      isObject(g) &&
      isObject(g.scores) &&
      isNumber(g.total) &&
      (g.candidate === undefined || typeof g.candidate === 'string'),
  );
  return ok ? (grades as RubricGrade[]) : undefined;
}

export function stepsOf(answer: unknown): StepsAnswer | undefined {
  if (!isObject(answer) || !Array.isArray(answer.steps)) return undefined;
  const { candidate, firstError } = answer;
  if (candidate !== undefined && typeof candidate !== 'string') return undefined;
  if (!(firstError === null || isNumber(firstError))) return undefined;
  const ok = (answer.steps as unknown[]).every(
    (s) => s === null || (isObject(s) && typeof s.verdict === 'string'),
  );
  return ok ? (answer as unknown as StepsAnswer) : undefined;
}

export function rewriteOf(answer: unknown): RewriteAnswer | undefined {
  if (!isObject(answer) || typeof answer.text !== 'string') return undefined;
  const source = answer.source ?? null;
  if (!(source === null || typeof source === 'string')) return undefined;
  return answer.text.trim() === '' ? undefined : { text: answer.text, source };
}

export function turnsAnswerOf(answer: unknown): TurnMark[] | undefined {
  if (!isObject(answer) || !Array.isArray(answer.turns)) return undefined;
  const turns = answer.turns as unknown[];
  return turns.every((t) => isObject(t) && Number.isInteger(t.turn)) ? (turns as TurnMark[]) : undefined;
}

/** A live answer's conversation and marks, when every message is a `{role, content}`. */
export function liveOf(answer: unknown): LiveAnswer | undefined {
  if (!isObject(answer) || !Array.isArray(answer.messages)) return undefined;
  const messages = answer.messages as unknown[];
  const roles = ['system', 'user', 'assistant'];
  const ok = messages.every(
    (m) => isObject(m) && typeof m.content === 'string' && roles.includes(m.role as string),
  );
  const turns = turnsAnswerOf({ turns: answer.turns ?? [] });
  return ok && turns ? { messages: messages as LiveAnswer['messages'], turns } : undefined;
}
