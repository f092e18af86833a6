import type { Tx } from '../db/transaction.ts';

/** Sets a project's assessment column (JSON text or null) and, when given, its gold settings' text. */
export async function writeAssessmentColumns(
  tx: Tx,
  p: { projectId: number; assessment: string | null; gold?: string | undefined },
): Promise<void> {
  await tx
    .updateTable('projects')
    .set({ assessment: p.assessment, ...(p.gold === undefined ? {} : { gold: p.gold }) })
    .where('id', '=', p.projectId)
    .execute();
}
