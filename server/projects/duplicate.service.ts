import type { z } from 'zod';
import type { DuplicateProjectBody, Project } from '../../core/api/projects.ts';
import { migrateInterface, storedInterface } from '../../core/interface/index.ts';
import { projectAccess, requireRole } from '../access.ts';
import { auditProjectCreate } from '../audit/audit-acts.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { notFound } from '../http/errors.ts';
import { copyInvitations, copyItems, copyMembers } from './duplicate.repository.ts';
import { findProject, insertProject, toProject } from './projects.repository.ts';

/**
 * duplicateProject: a new project for the next batch, with the source's current interface as its
 * version 1, its guidelines, settings, members and pending invitations, and (given `items`) its
 * items without their annotations. One transaction; the copies are INSERT … SELECT. Creating a
 * project is for admins and managers, so project managers may not duplicate either.
 */
export async function duplicateProject(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof DuplicateProjectBody>,
): Promise<z.input<typeof Project>> {
  await projectAccess(ctx.store.db, caller, projectId);
  requireRole(caller, 'admin', 'manager');
  const row = await writeTransaction(ctx.store, async (tx) => {
    const source = await findProject(tx, projectId);
    if (!source) throw notFound('project');
    const now = Date.now();
    const copy = await insertProject(tx, {
      name: body.name,
      interface: storedInterface(migrateInterface(JSON.parse(source.interface))),
      interfaceVersion: 1,
      guidelines: source.guidelines,
      overlap: source.overlap,
      lockTtlSeconds: source.lockTtlSeconds,
      itemOrder: source.itemOrder,
      allowEditSubmitted: source.allowEditSubmitted,
      suggestionsMode: source.suggestionsMode,
      suggestionsAgent: source.suggestionsAgent,
      reviewMode: source.reviewMode,
      reviewPercent: source.reviewPercent,
      adaptiveOverlap: source.adaptiveOverlap,
      judgeInConsensus: source.judgeInConsensus,
      pay: source.pay,
      requiredSkills: source.requiredSkills,
      createdBy: caller.id,
      createdAt: now,
    });
    await copyMembers(tx, source.id, copy.id, now);
    await copyInvitations(tx, source.id, copy.id, now);
    if (body.items)
      await copyItems(tx, ctx.store.kind, { from: source.id, to: copy.id, overlap: source.overlap, now });
    await auditProjectCreate(tx, caller, copy, ctx.clock(), { duplicateOf: source.id, items: body.items });
    return copy;
  });
  return toProject(ctx.store.db, row, true);
}
