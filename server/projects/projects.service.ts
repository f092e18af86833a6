import type { z } from 'zod';
import type { CreateProjectBody, Project, UpdateProjectBody } from '../../core/api/projects.ts';
import { storedInterface } from '../../core/interface/index.ts';
import { projectAccess, requireManage, requireRole } from '../access.ts';
import { checkAdjudicators } from '../adjudication/adjudication-setting.ts';
import { afterAdjudicationChange } from '../adjudication/entry.ts';
import { applyAssessmentSetting } from '../assessments/assessment-setting.ts';
import { invalidateCursors } from '../assignments/claim-cursors.repository.ts';
import { auditProjectCreate, auditProjectUpdate } from '../audit/audit-acts.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { notFound } from '../http/errors.ts';
import { adaptiveColumn, adaptiveOverlapOf } from '../quality/adaptive-overlap.repository.ts';
import { checkAdaptiveOverlap, reconcileTargets } from '../quality/adaptive-overlap.ts';
import { checkRequiredSkills } from '../skills/requirements.ts';
import { requirementText } from '../skills/routing.ts';
import { payColumn } from '../worklog/pay.ts';
import { applyInterfaceEdit } from './interface-versions.service.ts';
import {
  drawRandomKeys,
  findProject,
  findProjectForUpdate,
  insertProject,
  listProjectRows,
  reviewColumns,
  suggestionColumns,
  toProject,
  updateProjectRow,
} from './projects.repository.ts';

type ProjectOut = z.input<typeof Project>;

export async function createProject(
  ctx: AppContext,
  caller: Caller,
  body: z.output<typeof CreateProjectBody>,
): Promise<ProjectOut> {
  requireRole(caller, 'admin', 'manager');
  await checkAdjudicators(ctx.store.db, undefined, body.adjudication);
  checkAdaptiveOverlap(body.overlap, body.adaptiveOverlap);
  await checkRequiredSkills(ctx.store.db, body.requiredSkills);
  // A new project's interface is version 1, whatever version the body names.
  const row = await writeTransaction(ctx.store, async (tx) => {
    const made = await insertProject(tx, {
      name: body.name,
      interface: storedInterface(body.interface),
      interfaceVersion: 1,
      guidelines: body.guidelines,
      overlap: body.overlap,
      lockTtlSeconds: body.lockTtlSeconds,
      itemOrder: body.itemOrder,
      allowEditSubmitted: body.allowEditSubmitted,
      ...suggestionColumns(body.suggestions),
      ...reviewColumns(body.review),
      gold: body.gold ? JSON.stringify(body.gold) : null,
      adjudication: body.adjudication ? JSON.stringify(body.adjudication) : null,
      adaptiveOverlap: adaptiveColumn(body.adaptiveOverlap),
      judgeInConsensus: body.judgeInConsensus ? 1 : 0,
      pay: payColumn(body.pay),
      requiredSkills: requirementText(body.requiredSkills),
      createdBy: caller.id,
      createdAt: Date.now(),
    });
    if (body.assessment)
      await applyAssessmentSetting(tx, { projectId: made.id, gold: made.gold, setting: body.assessment });
    const project = body.assessment ? (await findProject(tx, made.id))! : made;
    await auditProjectCreate(tx, caller, project, ctx.clock());
    return project;
  });
  return toProject(ctx.store.db, row, true);
}

export async function getProject(ctx: AppContext, caller: Caller, projectId: number): Promise<ProjectOut> {
  const access = await projectAccess(ctx.store.db, caller, projectId);
  const row = await findProject(ctx.store.db, projectId);
  if (!row) throw notFound('project');
  return toProject(ctx.store.db, row, access.viewAll);
}

export async function updateProject(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof UpdateProjectBody>,
): Promise<ProjectOut> {
  await requireManage(ctx.store.db, caller, projectId);
  const { interface: edit, confirm, assessment, ...settings } = body;
  await writeTransaction(ctx.store, async (tx) => {
    const before = await findProjectForUpdate(tx, ctx.store.kind, projectId);
    if (!before) throw notFound('project');
    const now = Date.now();
    await checkAdjudicators(tx, projectId, settings.adjudication);
    await checkRequiredSkills(tx, settings.requiredSkills);
    if (edit !== undefined) {
      await applyInterfaceEdit(tx, ctx.store.kind, before, {
        interface: edit,
        confirm: confirm === true,
        userId: caller.id,
        now,
      });
    }
    const overlap = body.overlap ?? before.overlap;
    const adaptive = body.adaptiveOverlap === undefined ? adaptiveOverlapOf(before) : body.adaptiveOverlap;
    checkAdaptiveOverlap(overlap, adaptive);
    await updateProjectRow(tx, projectId, settings, now);
    if (assessment !== undefined)
      await applyAssessmentSetting(tx, { projectId, gold: before.gold, setting: assessment });
    // Targets and slots follow the overlap and the adaptive setting (docs/quality.md).
    if (overlap !== before.overlap || adaptiveColumn(adaptive) !== before.adaptiveOverlap)
      await reconcileTargets(tx, { id: projectId, overlap, adaptive });
    if (settings.adjudication !== undefined) await afterAdjudicationChange(tx, ctx.store.kind, before, now);
    if (body.itemOrder === 'random' && before.itemOrder !== 'random')
      await drawRandomKeys(tx, ctx.store.kind, projectId);
    // Claim cursors are positions in the old order, or passed items under the old requirement.
    if (
      (body.itemOrder !== undefined && body.itemOrder !== before.itemOrder) ||
      (body.requiredSkills !== undefined && requirementText(body.requiredSkills) !== before.requiredSkills)
    )
      await invalidateCursors(tx, projectId);
    await auditProjectUpdate(tx, caller, before, ctx.clock());
  });
  return getProject(ctx, caller, projectId);
}

export async function listProjects(
  ctx: AppContext,
  caller: Caller,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: ProjectOut[]; nextCursor: string | null }> {
  const rows = await listProjectRows(ctx.store.db, {
    afterId: decodeCursor(page.cursor),
    limit: page.limit + 1,
    memberId: caller.role === 'admin' || caller.role === 'manager' ? undefined : caller.id,
  });
  const shown = pageOf(rows, page.limit, (r) => r.id);
  const items: ProjectOut[] = [];
  // Agent names only for those who see every project; a member reads them in the project itself.
  const showAgent = caller.role === 'admin' || caller.role === 'manager';
  for (const row of shown.items) items.push(await toProject(ctx.store.db, row, showAgent));
  return { items, nextCursor: shown.nextCursor };
}
