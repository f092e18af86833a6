import type { InterfaceDefinition } from '../../../core/interface/index.ts';

/**
 * What a reviewer's fix changed, question by question, as text the word diff can compare: the
 * annotator's answer and the reviewer's. Pure; unchanged questions are left out.
 */

export interface AnswerChange {
  question: string;
  label: string;
  before: string;
  after: string;
}

/** Object keys sorted at every level, so two equal answers give the same text. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;

/** An answer as words: text as typed, options joined, a rewrite's text; anything else as JSON. */
export function answerAsText(answer: unknown): string {
  if (answer === undefined || answer === null) return '';
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number' || typeof answer === 'boolean') return String(answer);
  if (Array.isArray(answer) && answer.every((x) => typeof x !== 'object' || x === null))
    return answer.map(String).join(', ');
  const text = (answer as { text?: unknown }).text;
  if (typeof text === 'string' && Object.keys(answer).length === 1) return text;
  return JSON.stringify(canonical(answer));
}

export function answerChanges(
  iface: Pick<InterfaceDefinition, 'questions'>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): AnswerChange[] {
  const out: AnswerChange[] = [];
  for (const q of iface.questions) {
    const a = before[q.name];
    const b = after[q.name];
    if (JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))) continue;
    out.push({ question: q.name, label: q.label ?? q.name, before: answerAsText(a), after: answerAsText(b) });
  }
  return out;
}
