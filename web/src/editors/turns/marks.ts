import type { ChatTurn, TurnMark } from '../../../../core/interface/index.ts';

/**
 * The per-turn editor's pure core: which turns are asked about and the answer after each change.
 * `turn` is the index of the assistant message in the conversation, from 0, as in the answer.
 */

export interface TurnsAnswer {
  turns: TurnMark[];
}

/** What one control changes of a turn's mark: null or empty removes that part. */
export interface TurnPatch {
  rating?: number | null;
  flags?: string[];
  rewrite?: string;
}

/** The indexes of the assistant turns of a conversation (the field's value, if it is one). */
export function assistantIndexes(chat: unknown): number[] {
  if (!Array.isArray(chat)) return [];
  return (chat as ChatTurn[]).flatMap((t, i) => (t?.role === 'assistant' ? [i] : []));
}

export const markOf = (value: TurnsAnswer | undefined, turn: number): TurnMark | undefined =>
  value?.turns.find((m) => m.turn === turn);

/** The answer with `patch` applied to `turn`'s mark: marks kept sorted, empty ones dropped. */
export function updateMark(
  value: TurnsAnswer | undefined,
  turn: number,
  patch: TurnPatch,
): TurnsAnswer | null {
  const mark: TurnMark = { ...(markOf(value, turn) ?? { turn }) };
  if (patch.rating !== undefined) {
    if (patch.rating === null) delete mark.rating;
    else mark.rating = patch.rating;
  }
  if (patch.flags !== undefined) {
    if (patch.flags.length === 0) delete mark.flags;
    else mark.flags = patch.flags;
  }
  if (patch.rewrite !== undefined) {
    if (patch.rewrite === '') delete mark.rewrite;
    else mark.rewrite = patch.rewrite;
  }
  const others = (value?.turns ?? []).filter((m) => m.turn !== turn);
  const turns = Object.keys(mark).length > 1 ? [...others, mark] : others;
  turns.sort((a, b) => a.turn - b.turn);
  return turns.length > 0 ? { turns } : null;
}

/** `flags` with `flag` toggled, in the question's order. */
export function toggleFlag(
  flags: readonly string[] | undefined,
  all: readonly string[],
  flag: string,
): string[] {
  const on = new Set(flags ?? []);
  if (on.has(flag)) on.delete(flag);
  else on.add(flag);
  return all.filter((f) => on.has(f));
}

export const ratedCount = (value: TurnsAnswer | undefined): number =>
  value?.turns.filter((m) => m.rating !== undefined).length ?? 0;

/** A reply's first words on one line, for the list: at most `max` characters. */
export function excerpt(content: string, max = 160): string {
  const line = content.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** A mark in a few words, for a row whose controls are not mounted: "rated 4, 2 flags, rewritten". */
export function markSummary(mark: TurnMark): string {
  const parts: string[] = [];
  if (mark.rating !== undefined) parts.push(`rated ${mark.rating}`);
  if (mark.flags) parts.push(`${mark.flags.length} flag${mark.flags.length === 1 ? '' : 's'}`);
  if (mark.rewrite !== undefined) parts.push('rewritten');
  return parts.join(', ');
}
