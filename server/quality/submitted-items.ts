import type { ItemAnnotation } from '../../core/quality/agreement.ts';
import type { Db } from '../db/transaction.ts';
import { annotatorLabels, itemData, type SubmittedRow, submittedAfter } from './metrics.repository.ts';

/** Annotations read per batch (whole items): memory stays bounded at any project size. */
export const ROWS = 20_000;

/** A submitted annotation as the quality passes take it: the annotator's label, answers and time. */
export interface SubmittedAnnotation extends ItemAnnotation {
  submittedAt: number;
}

export interface SubmittedItem {
  itemId: number;
  annotations: SubmittedAnnotation[];
  /** The item's fields, read only when asked for (pairwise questions order candidates by them). */
  data?: Record<string, unknown>;
}

/**
 * The project's items that have submitted annotations, each with them, in item order: one pass
 * along the (project, item, id) index, `batchRows` rows a read. Model judges' annotations come
 * only with `includeModels`, marked `model`.
 */
export async function* submittedItems(
  db: Db,
  projectId: number,
  {
    includeModels,
    withData,
    batchRows = ROWS,
  }: { includeModels: boolean; withData: boolean; batchRows?: number },
): AsyncGenerator<SubmittedItem> {
  const labels = await annotatorLabels(db, projectId);
  let after = 0;
  for (;;) {
    const { annotations: rows, lastItemId } = await submittedAfter(db, {
      projectId,
      afterItemId: after,
      rows: batchRows,
    });
    const first = rows[0]?.itemId;
    const data =
      withData && first !== undefined
        ? await itemData(db, projectId, first, rows[rows.length - 1]?.itemId ?? first)
        : undefined;
    let item: SubmittedAnnotation[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as SubmittedRow;
      const who = labels.get(row.userId);
      if (who && row.status === 'submitted' && (includeModels || !who.model))
        item.push({
          annotator: who.label,
          answers: JSON.parse(row.answers),
          submittedAt: row.submittedAt ?? 0,
          ...(who.model ? { model: true } : {}),
        });
      if (rows[i + 1]?.itemId !== row.itemId) {
        if (item.length > 0) {
          const raw = data?.get(row.itemId);
          yield {
            itemId: row.itemId,
            annotations: item,
            ...(raw === undefined ? {} : { data: JSON.parse(raw) }),
          };
        }
        item = [];
      }
    }
    if (lastItemId === null) break;
    after = lastItemId;
  }
}
