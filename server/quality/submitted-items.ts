import type { InterfaceDefinition } from '../../core/interface/index.ts';
import type { ItemAnnotation } from '../../core/quality/agreement.ts';
import type { Store } from '../db/store.ts';
import { forEachAnswerRow } from './answer-rows.repository.ts';
import { type AnnotatorLabel, annotatorLabels } from './metrics.repository.ts';

/** Rows per read on SQLite (each read is synchronous; other requests run between reads). */
export const ROWS = 20_000;

/** A submitted annotation as the quality passes take it: the annotator's label, answers and time. */
export interface SubmittedAnnotation extends ItemAnnotation {
  submittedAt: number;
}

export interface SubmittedItem {
  itemId: number;
  annotations: SubmittedAnnotation[];
  /** The item's fields that pairwise questions order candidates by (and those asked for); absent without any. */
  data?: Record<string, unknown>;
}

/**
 * The project's items that have submitted annotations, each with them, in item order, handed to
 * `onItem` one at a time: one pass along the (project, item, id) index, rows read as arrays
 * (answer-rows.repository.ts) and the answers parsed here. Model judges' annotations come only with
 * `includeModels`, marked `model`. The annotators' labels are read here unless the caller has them
 * (`labels`, from annotatorLabels).
 */
export async function forEachSubmittedItem(
  store: Store,
  projectId: number,
  iface: Pick<InterfaceDefinition, 'questions'>,
  options: {
    includeModels: boolean;
    batchRows?: number;
    /** Item fields to read besides a pairwise question's candidates (a media field's reference). */
    fields?: readonly string[];
    labels?: ReadonlyMap<number, AnnotatorLabel>;
  },
  onItem: (item: SubmittedItem) => void,
): Promise<void> {
  const { includeModels, batchRows = ROWS } = options;
  const labels = options.labels ?? (await annotatorLabels(store.db, projectId));
  const dataFields = [
    ...new Set([
      ...iface.questions.flatMap((q) => (q.type === 'pairwise' ? [q.field] : [])),
      ...(options.fields ?? []),
    ]),
  ];
  let current = -1;
  let annotations: SubmittedAnnotation[] = [];
  let data: Record<string, unknown> | undefined;
  const flush = () => {
    if (annotations.length > 0)
      onItem(data === undefined ? { itemId: current, annotations } : { itemId: current, annotations, data });
    annotations = [];
  };
  await forEachAnswerRow(store, { projectId, dataFields, rows: batchRows }, (row) => {
    const itemId = row[0];
    if (itemId !== current) {
      flush();
      current = itemId;
      if (dataFields.length > 0) {
        data = {};
        for (let f = 0; f < dataFields.length; f++) {
          const raw = row[5 + f] as string | null | undefined;
          data[dataFields[f] as string] = raw === null || raw === undefined ? undefined : JSON.parse(raw);
        }
      }
    }
    if (row[2] !== 'submitted') return;
    const who = labels.get(row[1]);
    if (!who || (who.model && !includeModels)) return;
    const answers = JSON.parse(row[3]) as Record<string, unknown>;
    const submittedAt = row[4] ?? 0;
    annotations.push(
      who.model
        ? { annotator: who.label, answers, submittedAt, model: true }
        : { annotator: who.label, answers, submittedAt },
    );
  });
  flush();
}
