import type { Db } from '../db/transaction.ts';

/** An account that annotated in the project, with the label the exports know it by. */
export interface AnnotatorLabel {
  /** The account's email, or its name for accounts without one. */
  label: string;
  model: boolean;
}

/** Everyone with an annotation in the project, by user id (a small read: one row per person). */
export async function annotatorLabels(db: Db, projectId: number): Promise<Map<number, AnnotatorLabel>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'modelConnectionId'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('annotations').select('userId').distinct().where('projectId', '=', projectId),
    )
    .execute();
  return new Map(rows.map((r) => [r.id, { label: r.email ?? r.name, model: r.modelConnectionId !== null }]));
}

/** The probed facts of every media file of the project, by media id (one small row per file). */
export async function projectMediaFacts(
  db: Db,
  projectId: number,
): Promise<Map<number, { durationSeconds: number | null; frameRate: string | null }>> {
  const rows = await db
    .selectFrom('media')
    .select(['id', 'durationSeconds', 'frameRate'])
    .where('projectId', '=', projectId)
    .execute();
  return new Map(rows.map((r) => [r.id, { durationSeconds: r.durationSeconds, frameRate: r.frameRate }]));
}
