import type { RankingAnswer } from '../../../../core/interface/index.ts';

/**
 * The ranking editor's kernel, pure: the candidates as rows, best first, each either in a place of
 * its own or tied with the row above (`tied`). Moves and tie toggles return new rows; `orderOf`
 * turns rows into the answer `{order: [[id], [id, id], …]}`.
 */
export interface Row {
  id: string;
  /** In the same place as the row above (never on the first row). */
  tied: boolean;
}

/** The first row is never tied. */
const normalised = (rows: Row[]): Row[] =>
  rows[0]?.tied ? [{ ...rows[0], tied: false }, ...rows.slice(1)] : rows;

/**
 * Rows from a stored answer: its places in order (ids the item lacks and repeats left out; ties
 * only when allowed), then every candidate it does not place, in the order shown. `ranked` says
 * whether the answer placed anything: an unranked list is shown in the order shown.
 */
export function rowsFrom(
  answer: unknown,
  ids: readonly string[],
  allowTies: boolean,
): { rows: Row[]; ranked: boolean } {
  const order =
    typeof answer === 'object' && answer !== null && Array.isArray((answer as RankingAnswer).order)
      ? (answer as RankingAnswer).order
      : [];
  const known = new Set(ids);
  const rows: Row[] = [];
  for (const tier of order) {
    if (!Array.isArray(tier)) continue;
    let first = true;
    for (const id of tier) {
      if (typeof id !== 'string' || !known.has(id)) continue;
      known.delete(id);
      rows.push({ id, tied: allowTies && !first });
      first = false;
    }
  }
  const ranked = rows.length > 0;
  for (const id of ids) if (known.has(id)) rows.push({ id, tied: false });
  return { rows: normalised(rows), ranked };
}

/**
 * Moves the row at `from` to index `to`. The moved row leaves its tie (a row that was tied only
 * to it is then in a place of its own), and dropped between two tied rows it joins their place.
 */
export function move(rows: readonly Row[], from: number, to: number): Row[] {
  const moved = rows[from];
  if (moved === undefined || from === to || to < 0 || to >= rows.length) return [...rows];
  const out = rows.filter((_, i) => i !== from);
  const follower = out[from];
  if (follower && from < out.length) out[from] = { ...follower, tied: follower.tied && moved.tied };
  const below = out[to];
  out.splice(to, 0, { id: moved.id, tied: to > 0 && below !== undefined && below.tied });
  return normalised(out);
}

/** Ties the row at `index` with the row above, or unties it. */
export function toggleTie(rows: readonly Row[], index: number): Row[] {
  if (index <= 0 || index >= rows.length) return [...rows];
  return rows.map((r, i) => (i === index ? { ...r, tied: !r.tied } : r));
}

/** The answer's places, best first: each inner list one place (several ids: a tie). */
export function orderOf(rows: readonly Row[]): string[][] {
  const order: string[][] = [];
  for (const r of rows) {
    const last = order.at(-1);
    if (r.tied && last) last.push(r.id);
    else order.push([r.id]);
  }
  return order;
}

/** The place (1-based) of the row at `index`: rows tied together share one. */
export function placeOf(rows: readonly Row[], index: number): number {
  let place = 0;
  for (let i = 0; i <= index && i < rows.length; i++) if (!rows[i]!.tied) place += 1;
  return place;
}

/** The ids sharing the place of the row at `index`, itself left out. */
export function tiedWith(rows: readonly Row[], index: number): string[] {
  let start = index;
  while (start > 0 && rows[start]!.tied) start -= 1;
  let end = index + 1;
  while (end < rows.length && rows[end]!.tied) end += 1;
  return rows.slice(start, end).flatMap((r, i) => (start + i === index ? [] : [r.id]));
}

/** A sentence saying where the row at `index` is now, for the live region. */
export function describePlace(rows: readonly Row[], index: number, name: (id: string) => string): string {
  const row = rows[index];
  if (!row) return '';
  const places = placeOf(rows, rows.length - 1);
  const ties = tiedWith(rows, index).map(name);
  const tie = ties.length > 0 ? `, tied with ${ties.join(' and ')}` : '';
  return `${name(row.id)}: place ${placeOf(rows, index)} of ${places}${tie}.`;
}
