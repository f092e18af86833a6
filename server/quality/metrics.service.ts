import type { z } from 'zod';
import type { MetricsReport } from '../../core/api/quality.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import { AgreementBuilder } from '../../core/quality/agreement.ts';
import { projectWithAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Db } from '../db/transaction.ts';
import { forbidden } from '../http/errors.ts';
import { submittedBatch } from './metrics.repository.ts';

/** Items read per batch: memory stays bounded at any project size. */
const ITEM_BATCH = 2000;

/**
 * The agreement report of a project (docs/quality-agreement.md), for callers who see everyone's
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
): Promise<z.input<typeof MetricsReport>> {
  const builder = new AgreementBuilder(iface);
  const withData = iface.questions.some((q) => q.type === 'pairwise');
  let after = 0;
  for (;;) {
    const batch = await submittedBatch(db, {
      projectId,
      afterItemId: after,
      items: ITEM_BATCH,
      includeModels,
      withData,
    });
    let at = 0;
    for (const item of batch.items) {
      const annotations = [];
      while (at < batch.annotations.length && batch.annotations[at]?.itemId === item.id) {
        const row = batch.annotations[at++];
        if (!row) break;
        annotations.push({ annotator: row.annotator, answers: JSON.parse(row.answers), model: row.model });
      }
      if (annotations.length > 0)
        builder.addItem(item.id, annotations, item.data === null ? undefined : JSON.parse(item.data));
    }
    if (batch.lastItemId === null) break;
    after = batch.lastItemId;
  }
  return builder.result();
}
