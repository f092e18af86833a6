import type { z } from 'zod';
import type { MetricsReport } from '../../core/api/quality.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import { AgreementBuilder, type ItemAnnotation } from '../../core/quality/agreement.ts';
import { projectWithAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Db } from '../db/transaction.ts';
import { forbidden } from '../http/errors.ts';
import { annotatorLabels, itemData, type SubmittedRow, submittedAfter } from './metrics.repository.ts';

/** Annotations read per batch (whole items): memory stays bounded at any project size. */
const ROWS = 20_000;

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
  const db = ctx.store.db;
  const { project, access } = await projectWithAccess(db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers of the project can see its agreement.');
  const iface = migrateInterface(JSON.parse(project.interface));
  return computeMetrics(db, projectId, iface, includeModels);
}

/** The report itself, without the access check (the bench times this). */
export async function computeMetrics(
  db: Db,
  projectId: number,
  iface: ReturnType<typeof migrateInterface>,
  includeModels: boolean,
  batchRows = ROWS,
): Promise<z.input<typeof MetricsReport>> {
  const builder = new AgreementBuilder(iface);
  const withData = iface.questions.some((q) => q.type === 'pairwise');
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
    let item: ItemAnnotation[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as SubmittedRow;
      const who = labels.get(row.userId);
      if (who && row.status === 'submitted' && (includeModels || !who.model))
        item.push({
          annotator: who.label,
          answers: JSON.parse(row.answers),
          ...(who.model ? { model: true } : {}),
        });
      if (rows[i + 1]?.itemId !== row.itemId) {
        if (item.length > 0) {
          const raw = data?.get(row.itemId);
          builder.addItem(row.itemId, item, raw === undefined ? undefined : JSON.parse(raw));
        }
        item = [];
      }
    }
    if (lastItemId === null) break;
    after = lastItemId;
  }
  return builder.result();
}
