import type { Tx } from '../db/transaction.ts';

/**
 * Suggested answers per item and agent (migration 0015's `predictions`). Written by the model
 * suggestions job (server/judge/suggest-kind.ts) and by imports: one row per (item, agent), a
 * newer prediction of the same agent replacing the older.
 */
export async function upsertPredictions(
  tx: Tx,
  rows: readonly {
    projectId: number;
    itemId: number;
    agent: string;
    score: number | null;
    answers: string;
    source: 'import' | 'model';
    createdAt: number;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('predictions')
    .values(rows.map((r) => ({ ...r })))
    .onConflict((oc) =>
      oc.columns(['itemId', 'agent']).doUpdateSet((eb) => ({
        projectId: eb.ref('excluded.projectId'),
        score: eb.ref('excluded.score'),
        answers: eb.ref('excluded.answers'),
        source: eb.ref('excluded.source'),
        createdAt: eb.ref('excluded.createdAt'),
      })),
    )
    .execute();
}
