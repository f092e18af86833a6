import type { z } from 'zod';
import type {
  CreateModelConnectionBody,
  ModelConnection,
  ModelTestResult,
  UpdateModelConnectionBody,
} from '../../core/api/models.ts';
import { requireRole } from '../access.ts';
import { auditConnection } from '../audit/audit-acts.ts';
import { type AppContext, type Caller, iso } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, notFound } from '../http/errors.ts';
import {
  type ConnectionRow,
  countJudgeAccountsOn,
  countOpenJobsOn,
  deleteConnection,
  findConnection,
  findConnectionByName,
  insertConnection,
  listConnections,
  updateConnection,
} from './connections.repository.ts';
import { ModelCallError } from './model-call.ts';
import { seal } from './seal.ts';

/**
 * Model connections for admins (docs/models.md). The key is sealed on the way in and never read
 * back here: answers carry `hasApiKey` only. A change drops the process's kept client at once;
 * other server processes see the changed row at their next `open`.
 */
export const toModelConnection = (r: ConnectionRow): ModelConnection => ({
  id: r.id,
  name: r.name,
  baseUrl: r.baseUrl,
  model: r.model,
  hasApiKey: r.apiKeySealed !== null,
  params: r.params,
  concurrency: r.concurrency,
  requestsPerMinute: r.requestsPerMinute,
  timeoutMs: r.timeoutMs,
  allowPrivateNetwork: r.allowPrivateNetwork,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

async function requireConnection(ctx: AppContext, id: number): Promise<ConnectionRow> {
  const row = await findConnection(ctx.store.db, id);
  if (!row) throw notFound('model connection');
  return row;
}

async function requireFreeName(ctx: AppContext, name: string, except?: number): Promise<void> {
  const other = await findConnectionByName(ctx.store.db, name);
  if (other && other.id !== except)
    throw new AppError(
      'CONFLICT',
      `A model connection named "${name}" exists already; choose another name.`,
      {
        field: 'name',
      },
    );
}

export async function listModelConnections(
  ctx: AppContext,
  caller: Caller,
): Promise<{ items: ModelConnection[] }> {
  requireRole(caller, 'admin');
  return { items: (await listConnections(ctx.store.db)).map(toModelConnection) };
}

export async function getModelConnection(
  ctx: AppContext,
  caller: Caller,
  id: number,
): Promise<ModelConnection> {
  requireRole(caller, 'admin');
  return toModelConnection(await requireConnection(ctx, id));
}

export async function createModelConnection(
  ctx: AppContext,
  caller: Caller,
  body: z.output<typeof CreateModelConnectionBody>,
): Promise<ModelConnection> {
  requireRole(caller, 'admin');
  await requireFreeName(ctx, body.name);
  const row = await writeTransaction(ctx.store, async (tx) => {
    const made = await insertConnection(tx, {
      name: body.name,
      baseUrl: body.baseUrl,
      model: body.model,
      apiKeySealed: body.apiKey === undefined ? null : seal(ctx.secret, body.apiKey),
      params: body.params,
      concurrency: body.concurrency,
      requestsPerMinute: body.requestsPerMinute,
      timeoutMs: body.timeoutMs,
      allowPrivateNetwork: body.allowPrivateNetwork,
      createdBy: caller.id,
    });
    await auditConnection(tx, caller, 'model.create', null, toModelConnection(made), ctx.clock());
    return made;
  });
  return toModelConnection(row);
}

export async function updateModelConnection(
  ctx: AppContext,
  caller: Caller,
  id: number,
  body: z.output<typeof UpdateModelConnectionBody>,
): Promise<ModelConnection> {
  requireRole(caller, 'admin');
  const was = await requireConnection(ctx, id);
  if (body.name !== undefined) await requireFreeName(ctx, body.name, id);
  const { apiKey, ...rest } = body;
  const row = await writeTransaction(ctx.store, async (tx) => {
    const changed = await updateConnection(tx, id, {
      ...rest,
      ...(apiKey === undefined ? {} : { apiKeySealed: apiKey === null ? null : seal(ctx.secret, apiKey) }),
    });
    if (changed) {
      const key = apiKey === undefined ? {} : { apiKey: apiKey === null ? 'removed' : 'replaced' };
      const [before, after] = [toModelConnection(was), { ...toModelConnection(changed), ...key }];
      await auditConnection(tx, caller, 'model.update', before, after, ctx.clock());
    }
    return changed;
  });
  ctx.models.forget(id);
  if (!row) throw notFound('model connection');
  return toModelConnection(row);
}

/**
 * Refused while a queued or running job's lane is the connection's (it would fail every step
 * left) or an active judge account answers through it: cancel or finish those first.
 */
export async function deleteModelConnection(ctx: AppContext, caller: Caller, id: number): Promise<null> {
  requireRole(caller, 'admin');
  const row = await requireConnection(ctx, id);
  const jobs = await countOpenJobsOn(ctx.store.db, id);
  if (jobs > 0)
    throw new AppError(
      'CONFLICT',
      `The model connection "${row.name}" is used by ${jobs === 1 ? 'a job' : `${jobs} jobs`} queued or running; cancel ${jobs === 1 ? 'it' : 'them'} or let ${jobs === 1 ? 'it' : 'them'} end, then remove the connection.`,
      { jobs },
    );
  const judges = await countJudgeAccountsOn(ctx.store.db, id);
  if (judges > 0)
    throw new AppError(
      'CONFLICT',
      `The model connection "${row.name}" answers as ${judges === 1 ? 'a judge account' : `${judges} judge accounts`}; suspend ${judges === 1 ? 'it' : 'them'} first, then remove the connection.`,
      { judges },
    );
  await writeTransaction(ctx.store, async (tx) => {
    await deleteConnection(tx, id);
    await auditConnection(tx, caller, 'model.delete', toModelConnection(row), null, ctx.clock());
  });
  ctx.models.forget(id);
  return null;
}

const TEST_PROMPT = 'Reply with one word: ok';

/** One tiny completion: ok with the latency and the model that answered, or why it failed (never a 500). */
export async function testModelConnection(
  ctx: AppContext,
  caller: Caller,
  id: number,
): Promise<ModelTestResult> {
  requireRole(caller, 'admin');
  await requireConnection(ctx, id);
  try {
    const model = await ctx.models.open(id);
    const done = await model.complete({ messages: [{ role: 'user', content: TEST_PROMPT }] });
    return { ok: true, latencyMs: done.latencyMs, model: done.model, reply: done.content.slice(0, 200) };
  } catch (err) {
    if (err instanceof ModelCallError) return { ok: false, kind: err.kind, message: err.message };
    throw err;
  }
}
