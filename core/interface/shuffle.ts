import { candidatesOf } from './fields/responses.ts';
import type { InterfaceDefinition } from './interface.ts';

/**
 * The order in which candidates are shown, per item, annotator and field, so a position bias
 * (preferring whatever comes first) can be measured and removed. The permutation is a pure
 * function of its seed: the server computes it on every request and records it with the answer,
 * and a given person sees the same order every time they open the same item.
 */

/** FNV-1a, 32 bits, over the seed's UTF-16 code units. */
function fnv1a(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast generator of floats in [0, 1) from a 32-bit state. */
function mulberry32(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A deterministic permutation of `ids` for `seed` (Fisher–Yates driven by mulberry32(FNV-1a(seed))). */
export function shownOrder(ids: readonly string[], seed: string): string[] {
  const out = [...ids];
  const random = mulberry32(fnv1a(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** The seed of one list: one order per item, annotator and field. */
export const shownSeed = (itemId: number, userId: number, field: string): string =>
  `${itemId}:${userId}:${field}`;

/**
 * The order shown to `userId` of every `responses` field of the item: `{field: [candidate ids]}`,
 * first shown first ("A" = [0], "B" = [1]). An interface without such fields gives `{}`.
 */
export function shownOrders(
  iface: Pick<InterfaceDefinition, 'fields'>,
  data: Record<string, unknown>,
  itemId: number,
  userId: number,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const field of iface.fields) {
    if (field.type !== 'responses') continue;
    const ids = candidatesOf(data, field.name).map((c) => c.id);
    out[field.name] = shownOrder(ids, shownSeed(itemId, userId, field.name));
  }
  return out;
}
