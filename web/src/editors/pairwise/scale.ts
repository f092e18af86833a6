import type { PairwiseAnswer, Preference } from '../../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { maxStrength } from '../../../../core/interface/questions/pairwise-scale.ts';

/**
 * The pairwise editor's kernel, pure: a point of the symmetric scale (0 = "A much better" …
 * scale−1 = "B much better") ↔ a preference `{preferred: id | null, strength}`, where A and B are
 * the two candidates in the order this annotator was shown them (`pair`). The answer names ids,
 * so the same answer reads the same whichever side each candidate was shown on.
 */

/** An answer being written: any part may still be missing (drafts). */
export type PairwiseDraft = Partial<PairwiseAnswer>;

/** The point of `pref` on the scale, or undefined when it is unset or names neither candidate. */
export function pointOf(
  pref: Partial<Preference> | undefined,
  pair: readonly string[],
  scale: number,
): number | undefined {
  const m = maxStrength(scale);
  const strength = pref?.strength;
  if (strength === undefined || !Number.isInteger(strength) || strength < 0 || strength > m) return undefined;
  if (pref?.preferred === null) return strength === 0 ? m : undefined;
  if (strength === 0) return undefined;
  if (pref?.preferred === pair[0]) return m - strength;
  if (pref?.preferred === pair[1]) return m + strength;
  return undefined;
}

/** The preference at `point` of the scale (0-based), A = pair[0], B = pair[1]. */
export function preferenceAt(point: number, pair: readonly string[], scale: number): Preference {
  const m = maxStrength(scale);
  if (point === m) return { preferred: null, strength: 0 };
  const preferred = point < m ? pair[0] : pair[1];
  return { preferred: preferred ?? null, strength: Math.abs(point - m) };
}

/** Whatever a stored answer holds, read as a draft (anything unrecognised left out). */
export function readPairwise(value: unknown): PairwiseDraft {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const out: PairwiseDraft = {};
  if (typeof v.preferred === 'string' || v.preferred === null) out.preferred = v.preferred;
  if (typeof v.strength === 'number') out.strength = v.strength;
  if (typeof v.justification === 'string') out.justification = v.justification;
  if (typeof v.criteria === 'object' && v.criteria !== null && !Array.isArray(v.criteria))
    out.criteria = v.criteria as Record<string, Preference>;
  return out;
}

/** The draft to store: null when nothing is left in it (the question is unanswered again). */
const settled = (d: PairwiseDraft): PairwiseDraft | null => (Object.keys(d).length === 0 ? null : d);

/** The draft with its overall preference set (or cleared). */
export function withOverall(draft: PairwiseDraft, pref: Preference | undefined): PairwiseDraft | null {
  const { preferred: _p, strength: _s, ...rest } = draft;
  return settled(pref ? { ...pref, ...rest } : rest);
}

/** The draft with criterion `name`'s preference set (or cleared). */
export function withCriterion(
  draft: PairwiseDraft,
  name: string,
  pref: Preference | undefined,
): PairwiseDraft | null {
  const { [name]: _, ...others } = draft.criteria ?? {};
  const criteria = pref ? { ...others, [name]: pref } : others;
  const { criteria: _c, ...rest } = draft;
  return settled(Object.keys(criteria).length > 0 ? { ...rest, criteria } : rest);
}

/** The draft with its justification (an empty text removes it). */
export function withJustification(draft: PairwiseDraft, text: string): PairwiseDraft | null {
  const { justification: _, ...rest } = draft;
  return settled(text === '' ? rest : { ...rest, justification: text });
}

/** Whether the chosen overall strength needs a justification (`requireFrom` absent: never). */
export function justificationRequired(requireFrom: number | undefined, draft: PairwiseDraft): boolean {
  return requireFrom !== undefined && draft.strength !== undefined && draft.strength >= requireFrom;
}

/** The answer after digit `n` (1-based point) picks the overall preference, or undefined past the scale. */
export function digitAnswer(
  value: unknown,
  n: number,
  pair: readonly string[],
  scale: number,
): PairwiseDraft | null | undefined {
  if (n < 1 || n > scale || pair.length !== 2) return undefined;
  return withOverall(readPairwise(value), preferenceAt(n - 1, pair, scale));
}
