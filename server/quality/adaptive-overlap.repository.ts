import { type RawBuilder, sql } from 'kysely';
import { AdaptiveOverlap } from '../../core/api/adaptive-overlap.ts';
import type { Tx } from '../db/transaction.ts';

/** A project's adaptive overlap setting from its row; null when it is off. */
export function adaptiveOverlapOf(p: { adaptiveOverlap: string | null }): AdaptiveOverlap | null {
  return p.adaptiveOverlap === null ? null : AdaptiveOverlap.parse(JSON.parse(p.adaptiveOverlap));
}

/** The setting as the projects row holds it. */
export const adaptiveColumn = (a: AdaptiveOverlap | null): string | null =>
  a === null ? null : JSON.stringify(a);

/** An item's current target (its own once grown, else the project's overlap), for a row of `items` or `table`. */
export const itemTarget = (overlap: number, table?: string): RawBuilder<number> =>
  sql<number>`coalesce(${sql.ref(table ? `${table}.target` : 'items.target')}, ${overlap})`;

/** What the growth rule reads of a project. */
export interface AdaptiveProject {
  id: number;
  overlap: number;
  adaptive: AdaptiveOverlap;
}

const humanClaims = (status: string) =>
  sql`select count(*) from assignments a where a.item_id = items.id and a.status = ${status}
    and a.user_id not in (select id from users where model_connection_id is not null)`;

/**
 * The growth rule, in one statement: an item whose human claims are all submitted (no lock
 * outstanding), at least as many as its target, whose disagreement is above the threshold and
 * whose target is below the maximum gets one more annotator than it has (capped at the maximum).
 * Gold items and items awaiting their candidates never grow. Returns the ids grown; the caller
 * then refreshes their slots. `itemIds`: those items only (a submission), else the whole project.
 */
export async function growTargets(
  tx: Tx,
  p: AdaptiveProject,
  itemIds?: readonly number[],
): Promise<number[]> {
  if (itemIds?.length === 0) return [];
  const { max, threshold } = p.adaptive;
  const submitted = sql<number>`(${humanClaims('submitted')})`;
  const target = itemTarget(p.overlap);
  let query = tx
    .updateTable('items')
    .set({ target: sql`case when ${submitted} + 1 < ${max} then ${submitted} + 1 else ${max} end` })
    .where('projectId', '=', p.id)
    .where('awaiting', '=', 0)
    .where('disagreement', '>', threshold)
    .where(sql<boolean>`${target} < ${max}`)
    .where(sql<boolean>`${target} <= ${submitted}`)
    .where(sql<boolean>`(${humanClaims('locked')}) = 0`)
    .where(sql<boolean>`not exists (select 1 from gold_items g where g.item_id = items.id)`);
  if (itemIds) query = query.where('id', 'in', itemIds);
  const rows = await query.returning('id').execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Brings grown targets within a project's new settings: with adaptive overlap off every item is
 * back at the overlap; otherwise a target at or below the (new) minimum is dropped and one above
 * the (new) maximum comes down to it. Slots are the caller's to refresh.
 */
export async function clampTargets(
  tx: Tx,
  p: { id: number; overlap: number; adaptive: AdaptiveOverlap | null },
): Promise<void> {
  const items = tx.updateTable('items').where('projectId', '=', p.id).where('target', 'is not', null);
  if (p.adaptive === null) {
    await items.set({ target: null }).execute();
    return;
  }
  await items.set({ target: null }).where('target', '<=', p.overlap).execute();
  await items.set({ target: p.adaptive.max }).where('target', '>', p.adaptive.max).execute();
}
