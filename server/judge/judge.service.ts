import type { z } from 'zod';
import type { AddJudgeBody, Judge, RunJudgeBody, SuggestBody } from '../../core/api/judges.ts';
import {
  askedQuestions,
  type InterfaceDefinition,
  JUDGE_ANSWER_TYPES,
  MODEL_ANSWER_TYPES,
  migrateInterface,
} from '../../core/interface/index.ts';
import { MAX_NAME_LENGTH } from '../../core/names.ts';
import { projectAccess, projectWithAccess, requireManage } from '../access.ts';
import { auditMembership, membershipOf } from '../audit/audit-acts.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import {
  addJudgeMember,
  ensureModelAccount,
  listConnectionChoices,
  listJudgeRows,
} from './judge.repository.ts';
import { laneOf } from './model-step.ts';

type JudgeOut = z.input<typeof Judge>;

/**
 * Model judges and model suggestions of a project (docs/judge.md): making a connection a judge,
 * running a judge or a suggestion over the project's items (each a background job, kinds
 * `judge` and `suggest` in judge-kind.ts and suggest-kind.ts).
 */

const judgeOf = (r: Awaited<ReturnType<typeof listJudgeRows>>[number]): JudgeOut => ({
  projectId: r.projectId,
  userId: r.userId,
  name: r.name,
  connectionId: r.modelConnectionId!,
  status: r.status,
  addedAt: iso(r.addedAt),
});

/** The connections a project's managers may use (never a connection's address or key). */
export async function connectionChoices(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<{ items: { id: number; name: string; model: string }[] }> {
  await requireManage(ctx.store.db, caller, projectId);
  return { items: await listConnectionChoices(ctx.store.db) };
}

export async function listJudges(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<{ items: JudgeOut[] }> {
  const access = await projectAccess(ctx.store.db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers see the judges.');
  return { items: (await listJudgeRows(ctx.store.db, projectId)).map(judgeOf) };
}

/** The account name of a connection's judge: "<connection name> (model)", within the name limit. */
export function judgeName(connectionName: string): string {
  const suffix = ' (model)';
  const room = MAX_NAME_LENGTH - suffix.length;
  const name = [...connectionName.trim()];
  return (name.length > room ? name.slice(0, room).join('') : name.join('')) + suffix;
}

export async function addJudge(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof AddJudgeBody>,
): Promise<JudgeOut> {
  await requireManage(ctx.store.db, caller, projectId);
  const { connection } = await ctx.models.open(body.connection);
  const now = Date.now();
  const userId = await writeTransaction(ctx.store, async (tx) => {
    const id = await ensureModelAccount(tx, {
      connectionId: connection.id,
      name: judgeName(connection.name),
      now,
    });
    const before = await membershipOf(tx, projectId, id);
    await addJudgeMember(tx, { projectId, userId: id, now });
    await auditMembership(
      tx,
      caller,
      { projectId, userId: id, before, after: 'annotator' },
      ctx.clock(),
      'judge.add',
    );
    return id;
  });
  const [judge] = await listJudgeRows(ctx.store.db, projectId, userId);
  return judgeOf(judge!);
}

const interfaceOf = (project: ProjectRow) =>
  migrateInterface(JSON.parse(project.interface), project.interfaceVersion) as InterfaceDefinition;

/** The questions asked by name, each checked to exist and be of a kind the job answers. */
function checkQuestions(
  iface: InterfaceDefinition,
  names: readonly string[] | undefined,
  types: readonly string[],
  what: string,
): void {
  const bad = (names ?? []).filter((n) => !askedQuestions(iface, [n], types).length);
  if (bad.length > 0) {
    const message = `body.questions: ${bad.map((b) => JSON.stringify(b)).join(', ')} ${bad.length === 1 ? 'is not a question' : 'are not questions'} of this project that ${what} (kinds: ${types.join(', ')})`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'body.questions', message }]);
  }
  if (askedQuestions(iface, names, types).length === 0)
    throw new AppError(
      'CONFLICT',
      `The project has no question ${what}: it needs a question of one of the kinds ${types.join(', ')}.`,
    );
}

export async function runJudge(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  userId: number,
  body: z.output<typeof RunJudgeBody>,
): Promise<{ jobId: number }> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  if (!access.manage) throw forbidden('Only project managers can do this.');
  const [judge] = await listJudgeRows(ctx.store.db, projectId, userId);
  if (!judge) throw notFound('judge');
  if (judge.status !== 'active')
    throw new AppError('CONFLICT', `${judge.name} is suspended; an admin can make the account active again.`);
  checkQuestions(interfaceOf(project), body.questions, JUDGE_ANSWER_TYPES, 'a judge answers');
  const connectionId = judge.modelConnectionId!;
  await ctx.models.open(connectionId);
  const jobId = await ctx.jobs.enqueue({
    kind: 'judge',
    projectId,
    params: { userId, connectionId, ...(body.questions ? { questions: body.questions } : {}) },
    lane: laneOf(connectionId),
    createdBy: caller.id,
  });
  return { jobId };
}

export async function suggest(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof SuggestBody>,
): Promise<{ jobId: number }> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  if (!access.manage) throw forbidden('Only project managers can do this.');
  checkQuestions(interfaceOf(project), body.questions, MODEL_ANSWER_TYPES, 'a model can answer');
  const { connection } = await ctx.models.open(body.connection);
  const jobId = await ctx.jobs.enqueue({
    kind: 'suggest',
    projectId,
    params: {
      connectionId: connection.id,
      agent: connection.name,
      confidence: body.confidence,
      ...(body.questions ? { questions: body.questions } : {}),
    },
    lane: laneOf(connection.id),
    createdBy: caller.id,
  });
  return { jobId };
}
