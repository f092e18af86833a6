import { type Answers, validateAnswers } from './answers.ts';
import { describeValue, isPlainObject, ownValue } from './field-error.ts';
import type { InterfaceDefinition } from './interface.ts';
import type { QuestionDefinition } from './questions/registry.ts';

/**
 * A model's reply (answer-schema.ts) read back: parsed, checked against the questions asked, then
 * validated by `validateAnswers`, the check every submitted answer goes through. Each problem is
 * a sentence naming the question and what was wrong, fit for a job step's error.
 */
export type ModelAnswers =
  | { ok: true; answers: Answers; confidence: number | null }
  | { ok: false; problems: string[] };

const refuse = (...problems: string[]): ModelAnswers => ({ ok: false, problems });

/**
 * The answers of a reply `content` to `questions` about an item with `data`: every question asked
 * must be answered, and the answers must pass submit validation as the questions are defined
 * (`required` included). With `confidence`, the reply's `confidence` must be a number from 0 to 1.
 */
export function readModelAnswers(
  iface: Pick<InterfaceDefinition, 'fields' | 'questions' | 'version'>,
  questions: readonly QuestionDefinition[],
  data: Record<string, unknown>,
  content: string,
  opts: { confidence?: boolean } = {},
): ModelAnswers {
  let reply: unknown;
  try {
    reply = JSON.parse(content);
  } catch {
    return refuse(`the reply is not JSON: ${describeValue(content.slice(0, 80))}`);
  }
  if (!isPlainObject(reply)) return refuse(`the reply must be a JSON object, got ${describeValue(reply)}`);
  const answers = ownValue(reply, 'answers');
  if (!isPlainObject(answers))
    return refuse(`the reply must hold "answers" as an object, got ${describeValue(answers)}`);
  const problems: string[] = [];
  const asked = new Set(questions.map((q) => q.name));
  for (const key of Object.keys(answers))
    if (!asked.has(key))
      problems.push(`question "${key}": not asked (the questions are ${[...asked].join(', ')})`);
  for (const q of questions) {
    const given = ownValue(answers, q.name);
    if (given === undefined || given === null) problems.push(`question "${q.name}": no answer in the reply`);
  }
  let confidence: number | null = null;
  if (opts.confidence) {
    const c = ownValue(reply, 'confidence');
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1)
      problems.push(`confidence: must be a number from 0 to 1, got ${describeValue(c)}`);
    else confidence = c;
  }
  if (problems.length > 0) return refuse(...problems);
  // Only the questions asked, so a required question of another kind (left to people) is no
  // reason to refuse; each asked one is held to submit rules.
  const checked = validateAnswers({ ...iface, questions: [...questions] }, answers, data, { partial: false });
  if (!checked.ok)
    return refuse(
      ...checked.errors.map((e) => {
        const name = questions.find(
          (q) => e.path === q.name || e.path.startsWith(`${q.name}.`) || e.path.startsWith(`${q.name}[`),
        )?.name;
        return name ? `question "${name}": ${e.message}` : e.message;
      }),
    );
  return { ok: true, answers: checked.value, confidence };
}

/** The problems of a refused reply as one message, the first few in full. */
export function modelAnswersMessage(problems: readonly string[], max = 3): string {
  const shown = problems.slice(0, max).join('; ');
  const more = problems.length > max ? ` (and ${problems.length - max} more)` : '';
  return `The model's answers were refused: ${shown}${more}.`;
}
