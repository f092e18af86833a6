import type { ChatTurn } from '../../../core/interface/index.ts';
import { shownCandidates } from '../editors/candidates.ts';

/** The ids of `field`'s candidates in the order shown (editors/candidates.ts; A first). */
export const shownIds = (data: Record<string, unknown>, field: string, shown?: readonly string[]): string[] =>
  shownCandidates(data, field, shown).map((c) => c.id);

/** The turns of a `chat` value of checked item data; [] for anything else. */
export function turnsOf(value: unknown): ChatTurn[] {
  return Array.isArray(value)
    ? value.filter(
        (t): t is ChatTurn =>
          typeof t === 'object' && t !== null && typeof t.role === 'string' && typeof t.content === 'string',
      )
    : [];
}
