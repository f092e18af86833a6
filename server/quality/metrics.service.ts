import type { z } from 'zod';
import type { MetricsReport } from '../../core/api/quality.ts';
import { type InterfaceDefinition, migrateInterface } from '../../core/interface/index.ts';
import { AgreementBuilder, type ItemAnnotation } from '../../core/quality/agreement.ts';
import { projectWithAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Store } from '../db/store.ts';
import { forbidden } from '../http/errors.ts';
import { forEachAnswerRow } from './answer-rows.repository.ts';
import { type AnnotatorLabel, annotatorLabels } from './metrics.repository.ts';

/**
 * The agreement report of a project (docs/quality.md), for callers who see everyone's
 * work (managers, admins, the project's reviewers). One pass over the submitted annotations in
 * item order; model judges count only with `includeModels`, and are then marked.
 */
export async function projectMetrics(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  { includeModels = false }: { includeModels?: boolean } = {},
): Promise<z.input<typeof MetricsReport>> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers of the project can see its agreement.');
  const iface = migrateInterface(JSON.parse(project.interface));
  return computeMetrics(ctx.store, projectId, iface, includeModels);
}

/** The report itself, without the access check (the bench times this). */
export async function computeMetrics(
  store: Store,
  projectId: number,
  iface: Pick<InterfaceDefinition, 'questions'>,
  includeModels: boolean,
  batchRows?: number,
): Promise<z.input<typeof MetricsReport>> {
  const builder = new AgreementBuilder(iface);
  const labels = await annotatorLabels(store.db, projectId);
  const leaveOut = !includeModels && [...labels.values()].some((l) => l.model);
  await forEachItem(
    store,
    projectId,
    iface,
    labels,
    (item, data, itemId) => {
      const counted = leaveOut ? item.filter((a) => !a.model) : item;
      if (counted.length > 0) builder.addItem(itemId, counted, data);
    },
    batchRows,
  );
  return builder.result();
}

/**
 * Each item's submitted annotations (people's and models', marked), in item order, with the item
 * fields pairwise questions need: one pass over the project's annotations, read as arrays.
 */
export async function forEachItem(
  store: Store,
  projectId: number,
  iface: Pick<InterfaceDefinition, 'questions'>,
  labels: ReadonlyMap<number, AnnotatorLabel>,
  onItem: (annotations: ItemAnnotation[], data: Record<string, unknown> | undefined, itemId: number) => void,
  rows?: number,
): Promise<void> {
  const dataFields = [...new Set(iface.questions.flatMap((q) => (q.type === 'pairwise' ? [q.field] : [])))];
  let current = -1;
  let item: ItemAnnotation[] = [];
  let data: Record<string, unknown> | undefined;
  const flush = () => {
    if (item.length > 0) onItem(item, data, current);
    item = [];
  };
  await forEachAnswerRow(store, { projectId, dataFields, ...(rows ? { rows } : {}) }, (row) => {
    const itemId = row[0];
    if (itemId !== current) {
      flush();
      current = itemId;
      if (dataFields.length > 0) {
        data = {};
        for (let f = 0; f < dataFields.length; f++) {
          const raw = row[4 + f] as string | null | undefined;
          data[dataFields[f] as string] = raw === null || raw === undefined ? undefined : JSON.parse(raw);
        }
      }
    }
    if (row[2] !== 'submitted') return;
    const who = labels.get(row[1]);
    if (!who) return;
    const answers = JSON.parse(row[3]) as Record<string, unknown>;
    item.push(who.model ? { annotator: who.label, answers, model: true } : { annotator: who.label, answers });
  });
  flush();
}
