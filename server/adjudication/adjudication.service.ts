import type { z } from 'zod';
import type {
  AdjudicationCase,
  AdjudicationQueue,
  AdjudicationQueueQuery,
  DecideBody,
  ReleaseBody,
} from '../../core/api/adjudication.ts';
import { type InterfaceDefinition, withoutHiddenModels } from '../../core/interface/index.ts';
import { requireAdjudicate } from '../access.ts';
import { getItemRow, toItem } from '../assignments/assignments.repository.ts';
import { interfaceOf } from '../assignments/assignments.service.ts';
import { checkAnswers } from '../assignments/check-answers.ts';
import { type AppContext, type Caller, iso } from '../context.ts';
import { type Db, writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import {
  type AdjudicationRow,
  caseAnswers,
  claimAdjudication,
  countStates,
  findAdjudication,
  findAdjudicationForUpdate,
  findClaimableAdjudication,
  findHeldAdjudication,
  hasAnnotated,
  isComplete,
  listAdjudications,
  recordFinal,
  releaseClaim,
  stateOf,
  userLabel,
} from './adjudication.repository.ts';
import { itemConsensus, lowestConfidence } from './case-consensus.ts';

type Case = z.input<typeof AdjudicationCase>;
type Target = { projectId: number; itemId: number };

/** Counts per state and the first items of the queue (docs/quality.md, "Adjudication"). */
export async function adjudicationQueue(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  query: z.output<typeof AdjudicationQueueQuery>,
): Promise<z.input<typeof AdjudicationQueue>> {
  await requireAdjudicate(ctx.store.db, caller, projectId);
  const now = Date.now();
  const rows = await listAdjudications(ctx.store.db, {
    projectId,
    state: query.state,
    limit: query.limit,
    now,
  });
  return {
    counts: await countStates(ctx.store.db, projectId, now),
    items: rows.map((r) => ({
      itemId: r.itemId,
      externalId: r.externalId,
      state: r.state,
      disagreement: r.disagreement === null ? null : Number(r.disagreement),
      confidence: r.confidence === null ? null : Number(r.confidence),
      enteredAt: iso(r.enteredAt),
      decidedAt: r.decidedAt === null ? null : iso(r.decidedAt),
    })),
  };
}

/**
 * The waiting item the caller holds, renewed, or the first one nobody holds that they did not
 * annotate, claimed for the project's lock time. One write transaction, as claiming an item is:
 * two adjudicators never hold the same item.
 */
export async function nextAdjudication(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<Case | null> {
  const project = await requireAdjudicate(ctx.store.db, caller, projectId);
  const ttlMs = project.lockTtlSeconds * 1000;
  const itemId = await writeTransaction(
    ctx.store,
    async (tx) => {
      const now = Date.now();
      const who = { projectId, userId: caller.id, now };
      const row =
        (await findHeldAdjudication(tx, who)) ?? (await findClaimableAdjudication(tx, ctx.store, who));
      if (!row) return undefined;
      if (!(await claimAdjudication(tx, { itemId: row.itemId, userId: caller.id, until: now + ttlMs, now })))
        throw new Error(`adjudication of item ${row.itemId} was taken inside its own claim transaction`);
      return row.itemId;
    },
    { durable: false, serializeOn: [projectId, caller.id] },
  );
  if (itemId === undefined) return null;
  return caseOf(ctx.store.db, interfaceOf(project), { projectId, itemId }, caller);
}

/** One item's case; 404 for an item that never entered adjudication. */
export async function getAdjudication(ctx: AppContext, caller: Caller, target: Target): Promise<Case> {
  const project = await requireAdjudicate(ctx.store.db, caller, target.projectId);
  return caseOf(ctx.store.db, interfaceOf(project), target, caller);
}

/**
 * Records the final answer: checked against the interface and the item as a submit is, kept apart
 * from the annotators' answers. Only on an undecided, complete item nobody else holds, by someone
 * who did not annotate it.
 */
export async function decideAdjudication(
  ctx: AppContext,
  caller: Caller,
  target: Target,
  body: z.output<typeof DecideBody>,
): Promise<Case> {
  const project = await requireAdjudicate(ctx.store.db, caller, target.projectId);
  const iface = interfaceOf(project);
  await writeTransaction(
    ctx.store,
    async (tx) => {
      const now = Date.now();
      const row = await findAdjudicationForUpdate(tx, ctx.store, target.itemId);
      if (!row || row.projectId !== target.projectId) throw notFound('item in adjudication');
      await refuseOwnItem(tx, target.itemId, caller.id);
      if (row.decidedAt !== null) throw new AppError('CONFLICT', 'This item is decided already.');
      if (row.claimedBy !== null && row.claimedBy !== caller.id && (row.claimExpiresAt ?? 0) > now)
        throw new AppError('CONFLICT', 'Another adjudicator holds this item.');
      if (!(await isComplete(tx, target.itemId, now)))
        throw new AppError('CONFLICT', 'This item is not complete yet: annotators are still working on it.');
      const item = await getItemRow(tx, target.itemId);
      const answers = await checkAnswers(tx, {
        projectId: project.id,
        iface,
        answers: body.answers,
        data: JSON.parse(item.data),
        partial: false,
      });
      const note = body.note === undefined || body.note === '' ? null : body.note;
      const final = {
        itemId: target.itemId,
        answers: JSON.stringify(answers),
        adjudicatorId: caller.id,
        note,
        now,
      };
      if (!(await recordFinal(tx, final))) throw new AppError('CONFLICT', 'This item is decided already.');
    },
    { serializeOn: [target.projectId, caller.id] },
  );
  return caseOf(ctx.store.db, iface, target, caller);
}

/** Lets go of the caller's claim; `skip` also moves the item to the back of the queue. */
export async function releaseAdjudication(
  ctx: AppContext,
  caller: Caller,
  target: Target,
  body: z.output<typeof ReleaseBody>,
): Promise<{ released: boolean }> {
  await requireAdjudicate(ctx.store.db, caller, target.projectId);
  const released = await writeTransaction(
    ctx.store,
    async (tx) => {
      const row = await findAdjudicationForUpdate(tx, ctx.store, target.itemId);
      if (!row || row.projectId !== target.projectId) throw notFound('item in adjudication');
      return releaseClaim(tx, { itemId: target.itemId, userId: caller.id, skip: body.skip, now: Date.now() });
    },
    { durable: false, serializeOn: [target.projectId, caller.id] },
  );
  return { released };
}

async function refuseOwnItem(db: Db, itemId: number, userId: number): Promise<void> {
  if (await hasAnnotated(db, itemId, userId)) throw forbidden('You cannot adjudicate an item you annotated.');
}

/** The item, every human answer side by side, its scores, the consensus, the claim and the final. */
async function caseOf(db: Db, iface: InterfaceDefinition, target: Target, caller: Caller): Promise<Case> {
  const row: AdjudicationRow | undefined = await findAdjudication(db, target.itemId);
  if (!row || row.projectId !== target.projectId) throw notFound('item in adjudication');
  await refuseOwnItem(db, target.itemId, caller.id);
  const now = Date.now();
  const item = toItem(await getItemRow(db, target.itemId));
  const rows = await caseAnswers(db, target.itemId);
  const answers = rows.map((r) => ({
    annotationId: r.id,
    annotator: r.label,
    answers: JSON.parse(r.answers) as Record<string, unknown>,
    submittedAt: r.submittedAt === null ? null : iso(r.submittedAt),
  }));
  const consensus = itemConsensus(iface, answers, item.data);
  const claimed = row.claimedBy !== null && (row.claimExpiresAt ?? 0) > now;
  return {
    item: { ...item, data: withoutHiddenModels(iface, item.data) },
    state: await stateOf(db, target.itemId, now),
    disagreement: row.disagreement === null ? null : Number(row.disagreement),
    confidence: lowestConfidence(iface, consensus),
    answers,
    consensus,
    claim: claimed ? { by: await userLabel(db, row.claimedBy!), expiresAt: iso(row.claimExpiresAt!) } : null,
    final:
      row.decidedAt === null || row.answers === null
        ? null
        : {
            answers: JSON.parse(row.answers),
            adjudicator: await userLabel(db, row.adjudicatorId!),
            decidedAt: iso(row.decidedAt),
            note: row.note,
          },
  };
}
