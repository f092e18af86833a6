import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { LiveConnection, LiveConnectionBody, LiveReplyBody } from '../../core/api/live.ts';
import {
  type InterfaceDefinition,
  type LiveAnswer,
  type LiveQuestion,
  messagesForModel,
  questionKindOf,
} from '../../core/interface/index.ts';
import { accessOf, projectWithAccess } from '../access.ts';
import { findProjectOfOwnAssignment } from '../assignments/assignments.repository.ts';
import { interfaceOf } from '../assignments/assignments.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import type { ModelHandle } from '../models/model-call.ts';
import { LiveLimiter } from './limiter.ts';
import {
  findConnectionName,
  findLiveWork,
  listConnectionNames,
  updateLiveConnection,
} from './live.repository.ts';
import { replyStream } from './reply-stream.ts';

const limiters = new WeakMap<AppContext, LiveLimiter>();
function limiterOf(ctx: AppContext): LiveLimiter {
  const found = limiters.get(ctx);
  if (found) return found;
  const limiter = new LiveLimiter();
  limiters.set(ctx, limiter);
  return limiter;
}

/** The live question asked: the one named, or the interface's first. */
function liveQuestionOf(iface: InterfaceDefinition, name: string | undefined): LiveQuestion {
  const q = iface.questions.find((x) => x.type === 'live' && (name === undefined || x.name === name));
  if (!q)
    throw new AppError(
      'LIVE_UNAVAILABLE',
      name === undefined
        ? "This project's interface asks no live question."
        : `This project's interface has no live question "${name}".`,
    );
  return q as LiveQuestion;
}

/** The conversation of the request checked as a draft of the question, then as one awaiting a reply. */
function checkConversation(
  q: LiveQuestion,
  body: z.output<typeof LiveReplyBody>,
  data: Record<string, unknown>,
) {
  const checked = questionKindOf('live').validate({ messages: body.messages, turns: body.turns }, q, {
    data,
    partial: true,
  });
  if (!checked.ok) {
    const details = checked.issues.map((i) => ({ path: `body${i.at ?? ''}`, message: i.message }));
    throw new AppError('VALIDATION_FAILED', `${details[0]!.path}: ${details[0]!.message}`, details);
  }
  const answer = checked.value as LiveAnswer;
  const last = answer.messages[answer.messages.length - 1];
  if (last?.role !== 'user') {
    const message = "the last message must be the tutor's, for the model to answer";
    throw new AppError('VALIDATION_FAILED', `body.messages: ${message}`, [
      { path: 'body.messages', message },
    ]);
  }
  return answer;
}

/**
 * liveReply: the model's reply to the tutor's conversation, streamed as JSON lines. Only the
 * annotator holding the assignment's live lock may ask; the item's opening turns must be as the
 * item has them; each account has its limits (limiter.ts). The upstream call is aborted when the
 * browser goes away.
 */
export async function liveReply(
  ctx: AppContext,
  caller: Caller,
  assignmentId: number,
  body: z.output<typeof LiveReplyBody>,
  http: { req: FastifyRequest; reply: FastifyReply },
): Promise<Readable> {
  const row = await findProjectOfOwnAssignment(ctx.store.db, assignmentId, caller.id);
  if (!row) throw notFound('assignment');
  const { memberRole, ...project } = row;
  accessOf(caller, memberRole);
  const q = liveQuestionOf(interfaceOf(project), body.question);
  const work = await findLiveWork(ctx.store.db, assignmentId);
  if (!work) throw notFound('assignment');
  if (work.status === 'skipped') throw new AppError('ASSIGNMENT_CLOSED', 'You skipped this item.');
  if (work.status === 'submitted')
    throw new AppError('ALREADY_SUBMITTED', 'This item is submitted: its conversation is over.');
  if (work.status !== 'locked' || work.lockExpiresAt === null || work.lockExpiresAt <= Date.now())
    throw new AppError('LOCK_EXPIRED', 'Your lock on this item expired; open the item again to go on.');
  const data = JSON.parse(work.itemData) as Record<string, unknown>;
  const answer = checkConversation(q, body, data);
  if (project.liveConnectionId === null)
    throw new AppError('LIVE_UNAVAILABLE', 'This project has no model connection for live chat yet.');
  const admission = limiterOf(ctx).admit(caller.id, Date.now());
  if (!admission.ok)
    throw new AppError('RATE_LIMITED', admission.why, { retryAfterSeconds: admission.retryAfterSeconds });
  let handle: ModelHandle;
  try {
    handle = await ctx.models.open(project.liveConnectionId);
  } catch (err) {
    admission.release();
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      throw new AppError('LIVE_UNAVAILABLE', "This project's model connection for live chat was removed.");
    throw err;
  }
  const abort = new AbortController();
  const stream = handle.stream({ messages: messagesForModel(answer), signal: abort.signal });
  const readable = replyStream(stream, {
    log: http.req.log,
    signal: abort.signal,
    done: () => {
      admission.release();
      limiterOf(ctx).prune(Date.now());
    },
  });
  // The browser went away before the reply ended: stop the model too.
  http.reply.raw.on('close', () => {
    if (!http.reply.raw.writableFinished) abort.abort();
  });
  http.reply.header('cache-control', 'no-store');
  http.reply.header('x-accel-buffering', 'no');
  return readable;
}

async function connectionView(
  ctx: AppContext,
  connectionId: number | null,
  manage: boolean,
): Promise<z.input<typeof LiveConnection>> {
  const found = connectionId === null ? undefined : await findConnectionName(ctx.store.db, connectionId);
  return {
    connectionId: found ? connectionId : null,
    name: found?.name ?? null,
    model: found?.model ?? null,
    choices: manage ? await listConnectionNames(ctx.store.db) : [],
  };
}

/** The project's live connection, for any member; its managers also get the connections to choose from. */
export async function getLiveConnection(ctx: AppContext, caller: Caller, projectId: number) {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  return connectionView(ctx, project.liveConnectionId, access.manage);
}

/** Sets the project's live connection (its managers); an unknown connection is refused by name. */
export async function setLiveConnection(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof LiveConnectionBody>,
) {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  if (!access.manage) throw forbidden('Only project managers can choose the live model connection.');
  if (body.connectionId !== null && !(await findConnectionName(ctx.store.db, body.connectionId)))
    throw new AppError('VALIDATION_FAILED', 'body.connectionId: no model connection has this id', [
      { path: 'body.connectionId', message: 'no model connection has this id' },
    ]);
  await writeTransaction(ctx.store, async (tx) => {
    await updateLiveConnection(tx, projectId, body.connectionId, Date.now());
    if (project.liveConnectionId === body.connectionId) return;
    const [before, after] = [
      { liveConnectionId: project.liveConnectionId },
      { liveConnectionId: body.connectionId },
    ];
    const entry = {
      action: 'project.settings',
      targetType: 'project',
      targetId: projectId,
      projectId,
      before,
      after,
    };
    await appendAudit(tx, caller, entry, ctx.clock());
  });
  return connectionView(ctx, body.connectionId, true);
}
