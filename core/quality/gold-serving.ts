/** What the serving rule needs to know of an annotator's work on a project. */
export interface GoldServingState {
  /** Items served to them so far (locked, submitted or skipped; not lost locks). */
  served: number;
  /** Of those, gold items. */
  gold: number;
  warmup: number;
  /** Gold items per item after the warm-up, in [0, 1]. */
  rate: number;
  /**
   * This annotator's phase in [0, 1): shifts where in each stretch of 1/rate items the gold one
   * falls, so annotators do not all meet gold at the same positions.
   */
  phase: number;
}

/**
 * Whether the next item should be gold: while fewer than `warmup` items were served, always;
 * after it, while the gold served falls short of warmup + ⌊(served − warmup + 1) · rate + phase⌋,
 * so that over any stretch of n items after the warm-up, n · rate of them (±1) are gold.
 */
export function goldIsDue(s: GoldServingState): boolean {
  if (s.served < s.warmup) return true;
  if (s.rate <= 0) return false;
  const quota = s.warmup + Math.floor((s.served - s.warmup + 1) * s.rate + s.phase);
  return s.gold < quota;
}

/** A phase in [0, 1) from an annotator and a project, stable across requests (FNV-1a). */
export function goldPhase(userId: number, projectId: number): number {
  let h = 0x811c9dc5;
  for (const c of `${userId}:${projectId}`) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}
