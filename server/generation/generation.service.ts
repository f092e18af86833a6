import type { z } from 'zod';
import type { GenerateRequest, JobStarted } from '../../core/api/generation.ts';
import { type InterfaceDefinition, migrateInterface } from '../../core/interface/index.ts';
import { requireManage } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { findConnection, findConnectionByName, laneOf } from '../models/connections.repository.ts';
import { findProject } from '../projects/projects.repository.ts';
import { generationFields, targetMismatch } from './fit.ts';
import { type GenerateJobParams, generateKind } from './generation.kind.ts';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', `body.${path}: ${message}`, [{ path: `body.${path}`, message }]);

/**
 * Starts a `generate` job (docs/generation.md) for a project's managers and admins: checks the
 * connection, the fields and that K candidates fit them, then enqueues the job, whose steps are
 * planned in the same transaction. Returns at once; the job runs in the background.
 */
export async function startGeneration(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof GenerateRequest>,
): Promise<JobStarted> {
  await requireManage(ctx.store.db, caller, projectId);
  const project = await findProject(ctx.store.db, projectId);
  if (!project) throw notFound('project');
  const connection =
    typeof body.connection === 'number'
      ? await findConnection(ctx.store.db, body.connection)
      : await findConnectionByName(ctx.store.db, body.connection);
  if (!connection) throw notFound('model connection');
  const iface = interfaceOf(project.interface, project.interfaceVersion);
  const fit = generationFields(iface, {
    field: body.field,
    promptField: body.promptField,
    k: body.candidates,
  });
  if (!fit.ok) throw invalid(fit.path, fit.message);
  let targetProjectId = projectId;
  if (body.mode === 'new' && body.targetProjectId !== undefined && body.targetProjectId !== projectId) {
    targetProjectId = body.targetProjectId;
    await requireManage(ctx.store.db, caller, targetProjectId);
    const target = await findProject(ctx.store.db, targetProjectId);
    if (!target) throw notFound('project');
    const targetIface = interfaceOf(target.interface, target.interfaceVersion);
    const mismatch = targetMismatch(iface, targetIface, fit);
    if (mismatch) throw invalid('targetProjectId', mismatch);
    const targetFit = generationFields(targetIface, {
      field: fit.field,
      promptField: fit.promptField,
      k: body.candidates,
    });
    if (!targetFit.ok) throw invalid(targetFit.path, `in the target project, ${targetFit.message}`);
  } else if (
    body.mode === 'same' &&
    body.targetProjectId !== undefined &&
    body.targetProjectId !== projectId
  ) {
    throw invalid(
      'targetProjectId',
      'a target project is for mode "new"; mode "same" fills this project\'s items',
    );
  }
  const params: GenerateJobParams = {
    connectionId: connection.id,
    connectionName: connection.name,
    candidates: body.candidates,
    field: fit.field,
    promptField: fit.promptField,
    mode: body.mode,
    targetProjectId,
    params: body.params ?? {},
    ...(body.system ? { system: body.system } : {}),
  };
  const jobId = await ctx.jobs.enqueue({
    kind: generateKind.kind,
    projectId,
    params,
    lane: laneOf(connection.id),
    createdBy: caller.id,
  });
  return { jobId };
}

const interfaceOf = (text: string, version: number): InterfaceDefinition =>
  migrateInterface(JSON.parse(text), version);
