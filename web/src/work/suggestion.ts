import { sameAnswer } from '../../../core/suggestions.ts';
import type { Work } from './api.ts';

type Answers = Record<string, unknown>;

/**
 * Where a question's answer stands against the suggestion (docs/suggestions.md): still the
 * suggested answer (`suggested`), confirmed with Accept (`accepted`), or the tutor's own
 * (`changed`: another answer, or none).
 */
export type SuggestionMark = 'suggested' | 'accepted' | 'changed';

/** The mark of each question the suggestion answers. */
export function suggestionMarks(
  suggested: Answers,
  current: Answers,
  accepted: ReadonlySet<string>,
): Record<string, SuggestionMark> {
  const marks: Record<string, SuggestionMark> = {};
  for (const [question, value] of Object.entries(suggested)) {
    const given = Object.hasOwn(current, question) ? current[question] : undefined;
    const same = given !== undefined && given !== null && sameAnswer(given, value);
    marks[question] = !same ? 'changed' : accepted.has(question) ? 'accepted' : 'suggested';
  }
  return marks;
}

/**
 * The answers an assignment opens with: a fresh item in the queue (no answers anywhere, neither
 * in this browser nor on the server) starts from the suggestion; anything else as restored.
 */
export function withSuggestion<S extends string>(
  restored: { answers: Answers; source: S },
  work: Pick<Work, 'annotation' | 'suggestion'>,
  queue: boolean,
): { answers: Answers; source: S | 'suggestion' } {
  const empty = restored.source === 'server' && work.annotation === null;
  if (!queue || !empty || !work.suggestion) return restored;
  return { answers: { ...work.suggestion.answers }, source: 'suggestion' };
}
