import { type AdaptiveOverlap, adaptiveMaxProblem } from '../../core/api/adaptive-overlap.ts';
import { refreshSlots } from '../assignments/slots.repository.ts';
import type { Tx } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { adaptiveOverlapOf, clampTargets, growTargets } from './adaptive-overlap.repository.ts';

/**
 * Adaptive overlap (docs/quality.md): after a first submission, in its transaction and once the
 * item's disagreement is written, an item whose answers are all in and disagree past the threshold
 * gets one more slot (its own target grows by one), up to the maximum.
 */
export async function adaptAfterSubmit(
  tx: Tx,
  project: { id: number; overlap: number; adaptiveOverlap: string | null },
  itemId: number,
  disagreement: number | null | undefined,
): Promise<void> {
  const adaptive = adaptiveOverlapOf(project);
  if (adaptive === null || disagreement == null || disagreement <= adaptive.threshold) return;
  const grown = await growTargets(tx, { id: project.id, overlap: project.overlap, adaptive }, [itemId]);
  if (grown.length > 0) await refreshSlots(tx, project.id, project.overlap, grown);
}

/**
 * After the overlap or the adaptive setting changed: targets are brought within the new bounds,
 * items that now qualify grow (turning it on, a higher maximum, a lower threshold), and every
 * item's slots are recomputed.
 */
export async function reconcileTargets(
  tx: Tx,
  p: { id: number; overlap: number; adaptive: AdaptiveOverlap | null },
): Promise<void> {
  await clampTargets(tx, p);
  if (p.adaptive !== null) await growTargets(tx, { ...p, adaptive: p.adaptive });
  await refreshSlots(tx, p.id, p.overlap);
}

/** Refuses a maximum that does not exceed the overlap (400, naming the field). */
export function checkAdaptiveOverlap(overlap: number, adaptive: AdaptiveOverlap | null): void {
  const problem = adaptive && adaptiveMaxProblem(overlap, adaptive.max);
  if (!problem) return;
  const path = 'body.adaptiveOverlap.max';
  throw new AppError('VALIDATION_FAILED', `${path}: ${problem}`, [{ path, message: problem }]);
}
