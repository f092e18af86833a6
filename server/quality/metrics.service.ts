import type { z } from 'zod';
import type { MetricsReport } from '../../core/api/quality.ts';
import {
  type InterfaceDefinition,
  mediaQuestionFields,
  migrateInterface,
} from '../../core/interface/index.ts';
import { AgreementBuilder } from '../../core/quality/agreement.ts';
import { projectWithAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Store } from '../db/store.ts';
import { forbidden } from '../http/errors.ts';
import { mediaOfItem } from './item-media-facts.ts';
import { projectMediaFacts } from './metrics.repository.ts';
import { forEachSubmittedItem, ROWS } from './submitted-items.ts';

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
  batchRows = ROWS,
): Promise<z.input<typeof MetricsReport>> {
  const builder = new AgreementBuilder(iface);
  const fields = mediaQuestionFields(iface);
  const facts = fields.length > 0 ? await projectMediaFacts(store.db, projectId) : undefined;
  await forEachSubmittedItem(store, projectId, iface, { includeModels, batchRows, fields }, (item) => {
    const media = facts && mediaOfItem(item.data, fields, facts);
    builder.addItem(item.itemId, item.annotations, item.data, media);
  });
  return builder.result();
}
