import type { RewriteAnswer } from '../../../../core/interface/index.ts';
import type { ShownCandidate } from '../candidates.ts';

/**
 * The rewrite editor's choice of where to start, pure: a candidate's text or a blank page
 * (`source` null). Switching replaces the text only when nothing would be lost; otherwise the
 * editor asks first.
 */

/** The text a source starts from: the candidate's content, or '' from scratch (or an unknown id). */
export const originalOf = (
  candidates: readonly ShownCandidate[],
  source: string | null | undefined,
): string => candidates.find((c) => c.id === source)?.content ?? '';

/** The answer when starting from `source`: its text, ready to edit. */
export const startFrom = (candidates: readonly ShownCandidate[], source: string | null): RewriteAnswer => ({
  text: originalOf(candidates, source),
  source,
});

/** Whether switching would lose writing: the text is neither blank nor its source's text untouched. */
export function switchLosesWork(
  value: RewriteAnswer | undefined,
  candidates: readonly ShownCandidate[],
): boolean {
  if (!value || value.text.trim() === '') return false;
  return value.text !== originalOf(candidates, value.source);
}

/** The answer after typing: the source stays what it was (null when nothing was chosen). */
export const withText = (value: RewriteAnswer | undefined, text: string): RewriteAnswer => ({
  text,
  source: value?.source ?? null,
});
