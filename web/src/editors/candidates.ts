// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { type Candidate, candidatesOf } from '../../../core/interface/fields/candidate.ts';

/** A candidate as the tutor sees it: its place in their shown order and the letter naming it. */
export interface ShownCandidate extends Candidate {
  /** A, B, C… by shown position; answers never store it (they name `id`). */
  letter: string;
}

export const letterAt = (position: number): string => String.fromCharCode(65 + position);

/**
 * The candidates of a `responses` field in the order this annotator was shown them (`shown`, the
 * work payload's order for the field), each with its letter. Ids in `shown` the item lacks are
 * ignored and candidates it leaves out follow in the item's order, so a stale or missing order
 * still shows every candidate once.
 */
export function shownCandidates(
  data: Record<string, unknown>,
  field: string,
  shown?: readonly string[],
): ShownCandidate[] {
  const all = candidatesOf(data, field);
  const byId = new Map(all.map((c) => [c.id, c]));
  const ordered: Candidate[] = [];
  for (const id of shown ?? []) {
    const c = byId.get(id);
    if (!c) continue;
    ordered.push(c);
    byId.delete(id);
  }
  for (const c of all) if (byId.has(c.id)) ordered.push(c);
  return ordered.map((c, i) => ({ ...c, letter: letterAt(i) }));
}

/** "Response B" for a candidate id, or the id itself when the item no longer has it. */
export function candidateName(candidates: readonly ShownCandidate[], id: string | null | undefined): string {
  const c = candidates.find((x) => x.id === id);
  return c ? `Response ${c.letter}` : `response ${JSON.stringify(id)}`;
}
