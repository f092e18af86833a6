import type { Candidate, ChatTurn } from '../../../core/interface/index.ts';

/**
 * Candidates as an annotator sees them: in the order the server chose for them (`shown`, recorded
 * with their answer so position bias can be measured), each named by a letter of its place. Pure;
 * answers never store a letter or a place, only candidate ids.
 */

/** A candidate with its place in the order shown (0 = first) and the letter naming it there. */
export interface ShownCandidate extends Candidate {
  letter: string;
  position: number;
}

/** "A" for the first place, "B" for the second… (at most 16 candidates: up to "P"). */
export const letterAt = (position: number): string => String.fromCharCode(65 + position);

/** The candidates of a `responses` value of checked item data; [] for anything else. */
export function candidateList(value: unknown): Candidate[] {
  return Array.isArray(value)
    ? value.filter(
        (c): c is Candidate =>
          typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.content === 'string',
      )
    : [];
}

/**
 * The candidates of `field` in the order `shown` gives (the work payload's order for that field),
 * lettered by place. Ids in `shown` the item lacks are ignored, and candidates it leaves out follow
 * in the item's order: a stale or missing order still shows every candidate once. Without `shown`
 * (read-only views of the item) the item's own order.
 */
export function shownCandidates(
  data: Record<string, unknown>,
  field: string,
  shown?: readonly string[],
): ShownCandidate[] {
  const all = candidateList(Object.hasOwn(data, field) ? data[field] : undefined);
  const byId = new Map(all.map((c) => [c.id, c]));
  const ordered: Candidate[] = [];
  for (const id of shown ?? []) {
    const c = byId.get(id);
    if (c === undefined) continue;
    ordered.push(c);
    byId.delete(id);
  }
  for (const c of all) if (byId.has(c.id)) ordered.push(c);
  return ordered.map((c, position) => ({ ...c, letter: letterAt(position), position }));
}

/** The ids of `field`'s candidates in the order shown. */
export const shownIds = (data: Record<string, unknown>, field: string, shown?: readonly string[]): string[] =>
  shownCandidates(data, field, shown).map((c) => c.id);

/**
 * The shown orders a payload carries (`work.shown`, an annotation's `shown`), when it has them as
 * `{field: [ids]}`; undefined otherwise (an older server, an imported annotation).
 */
export function shownOf(payload: unknown): Record<string, string[]> | undefined {
  if (typeof payload !== 'object' || payload === null || !('shown' in payload)) return undefined;
  const shown = payload.shown;
  if (typeof shown !== 'object' || shown === null || Array.isArray(shown)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, ids] of Object.entries(shown))
    if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) out[field] = ids;
  return out;
}

/** The turns of a `chat` value of checked item data; [] for anything else. */
export function turnsOf(value: unknown): ChatTurn[] {
  return Array.isArray(value)
    ? value.filter(
        (t): t is ChatTurn =>
          typeof t === 'object' && t !== null && typeof t.role === 'string' && typeof t.content === 'string',
      )
    : [];
}
