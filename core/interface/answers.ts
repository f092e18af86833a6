import {
  type Checked,
  describeValue,
  type FieldError,
  fieldError,
  isPlainObject,
  ownValue,
} from './field-error.ts';
import type { InterfaceDefinition } from './interface.ts';
import type { AnswerContext } from './questions/kind.ts';
import { questionKindOf } from './questions/registry.ts';

/** Answers by question name. A missing or null answer means unanswered. */
export type Answers = Record<string, unknown>;

/**
 * Checks answers against the interface and returns them normalised: question order, unanswered
 * (null) questions dropped, each value in its kind's canonical form (spans sorted, selections in
 * option order). `partial: true` is for drafts: completeness rules (`required`, `minSelected`) wait
 * until submit, but whatever is given must still be well-formed.
 */
export function validateAnswers(
  iface: InterfaceDefinition,
  answers: unknown,
  data: Record<string, unknown>,
  opts: { partial: boolean; media?: AnswerContext['media'] },
): Checked<Answers> {
  if (!isPlainObject(answers)) {
    return {
      ok: false,
      errors: [{ path: '', message: `answers: must be a JSON object, got ${describeValue(answers)}` }],
    };
  }
  const names = new Set(iface.questions.map((q) => q.name));
  const errors: FieldError[] = Object.keys(answers)
    .filter((key) => !names.has(key))
    .map((key) => fieldError(key, `unknown question '${key}'`));
  const entries: [string, unknown][] = [];
  for (const question of iface.questions) {
    const kind = questionKindOf(question.type);
    const given = ownValue(answers, question.name);
    const blank = given === undefined || given === null || kind.isBlank?.(given) === true;
    if (blank && question.required && !opts.partial)
      errors.push(fieldError(question.name, 'an answer is required'));
    if (given === undefined || given === null) continue;
    const result = kind.validate(given, question, { data, partial: opts.partial, media: opts.media });
    if (result.ok) entries.push([question.name, result.value]);
    else errors.push(...result.issues.map((i) => fieldError(question.name + (i.at ?? ''), i.message)));
  }
  // fromEntries defines own properties, so no name can reach a prototype.
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: Object.fromEntries(entries) };
}

/**
 * Checks a suggestion's answers (an imported prediction, a model's structured output): any subset
 * of the questions, each answer given checked exactly as a submitted answer is (the completeness
 * rules of its kind included), since a tutor can submit an accepted suggestion unchanged.
 */
export function validateSuggestedAnswers(
  iface: InterfaceDefinition,
  answers: unknown,
  data: Record<string, unknown>,
  opts: { media?: AnswerContext['media'] } = {},
): Checked<Answers> {
  const optional = { ...iface, questions: iface.questions.map((q) => ({ ...q, required: false })) };
  return validateAnswers(optional, answers, data, { partial: false, media: opts.media });
}
