import type { z } from 'zod';
import type { DraftBody, SkipBody, SubmitBody, Work } from '../../core/api/assignments.ts';
import {
  type InterfaceDefinition,
  migrateInterface,
  shownOrders,
  validateAnswers,
  withoutHiddenModels,
} from '../../core/interface/index.ts';
import { accessOf, projectWithAccess } from '../access.ts';
import { queueForAdjudication } from '../adjudication/entry.ts';
import { recordAnswers } from '../annotations/annotations.repository.ts';
import { checkSignals, integrityWrite } from '../annotations/integrity.ts';
import { afterAssessmentSubmit } from '../assessments/scoring.ts';
import { takeAssessmentItem } from '../assessments/serving.ts';
import type { AppContext, Caller } from '../context.ts';
import { type Db, writeTransaction } from '../db/transaction.ts';
import { requireNotPaused, scoreGoldSubmission } from '../gold/scoring.ts';
import { takeGoldItem } from '../gold/serving.ts';
import { AppError, notFound } from '../http/errors.ts';
import {
  type SuggestionView,
  suggestedAgent,
  suggestionFor,
  suggestionView,
} from '../predictions/suggestions.ts';
import { type ProjectRow, suggestionsOf } from '../projects/projects.repository.ts';
import { adaptAfterSubmit } from '../quality/adaptive-overlap.ts';
import { refreshDisagreement } from '../quality/disagreement.ts';
import { findReviewOfAssignment, findRework } from '../review/review.repository.ts';
import { afterFirstSubmit, afterResubmit, feedbackFor } from '../review/work.ts';
import { routeClaim } from '../skills/routing.ts';
import {
  type AssignmentRow,
  countSubmission,
  expireLocks,
  findAnnotationByAssignment,
  findAssignment,
  findAssignmentWithData,
  findClaimable,
  findProjectOfOwnAssignment,
  getItemRow,
  type ItemRow,
  markSkipped,
  toAnnotation,
  toAssignment,
  toItem,
} from './assignments.repository.ts';
import { checkAnswers } from './check-answers.ts';
import { positionOf, readHeldOrCursor } from './claim-cursors.repository.ts';
import { claim, extendLock, isLive, refreshLock, submitLocked } from './locks.repository.ts';
import { refreshSlots } from './slots.repository.ts';

type WorkOut = z.input<typeof Work>;

/**
 * The item and annotation of an assignment, with the order its candidates are shown in. `item`:
 * the item row, when the caller has it; `fresh`: the assignment was just created, so it has no
 * annotation yet.
 */
export async function loadWork(
  tx: Db,
  w: {
    iface: InterfaceDefinition;
    assignment: AssignmentRow;
    item?: ItemRow;
    fresh?: boolean;
    view: SuggestionView;
  },
): Promise<WorkOut> {
  const a = w.assignment;
  const item = toItem(w.item ?? (await getItemRow(tx, a.itemId)));
  const annotation = w.fresh ? undefined : await findAnnotationByAssignment(tx, a.id);
  return {
    // The shown order is drawn from the stored data; the annotator receives it without hidden model names.
    item: { ...item, data: withoutHiddenModels(w.iface, item.data) },
    assignment: toAssignment(a),
    annotation: annotation ? toAnnotation(annotation) : null,
    shown: shownOrders(w.iface, item.data, a.itemId, a.userId),
    suggestion: await suggestionFor(tx, item, w.iface, w.view),
    review: annotation?.status === 'submitted' ? await feedbackFor(tx, annotation.id) : null,
  };
}

/** The order the assignment's annotator is shown the item's candidates in, as stored (JSON text). */
const shownText = (iface: InterfaceDefinition, data: Record<string, unknown>, a: AssignmentRow) =>
  JSON.stringify(shownOrders(iface, data, a.itemId, a.userId));

/**
 * The project of the caller's own assignment, or not found: ids of other people's work reveal
 * nothing. Access is checked as for the project (a member removed since cannot go on).
 */
async function ownAssignment(ctx: AppContext, caller: Caller, assignmentId: number) {
  const row = await findProjectOfOwnAssignment(ctx.store.db, assignmentId, caller.id);
  if (!row) throw notFound('assignment');
  const { memberRole, ...project } = row;
  const access = accessOf(caller, memberRole);
  const iface = interfaceOf(project);
  return { project, iface, view: suggestionView(project, iface, access) };
}

/**
 * A project's interface, parsed once per version of its text: parsing and migrating it on every
 * draft save and submit cost more than the queries around it.
 */
const parsedInterfaces = new Map<string, InterfaceDefinition>();
export function interfaceOf(project: ProjectRow): InterfaceDefinition {
  let iface = parsedInterfaces.get(project.interface);
  if (!iface) {
    iface = migrateInterface(JSON.parse(project.interface)) as InterfaceDefinition;
    if (parsedInterfaces.size >= 64) parsedInterfaces.delete(parsedInterfaces.keys().next().value!);
    parsedInterfaces.set(project.interface, iface);
  }
  return iface;
}

/**
 * assignNextItem: the caller's live lock if they hold one, else a newly claimed item. One write
 * transaction: expired locks are released, a slot is taken, the lock row written — so no item ever
 * has more live claims than its overlap, and no annotator claims the same item twice.
 */
export async function assignNextItem(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<WorkOut | null> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  const iface = interfaceOf(project);
  const view = suggestionView(project, iface, access);
  const ttlMs = project.lockTtlSeconds * 1000;
  // A rejected annotation comes back first: the annotator's own assignment, reopened for rework
  // (not a new claim; any lock they hold stays theirs until it expires).
  const rework = await findRework(ctx.store.db, projectId, caller.id);
  if (rework) return loadWork(ctx.store.db, { iface, assignment: rework, view });
  return writeTransaction(
    ctx.store,
    async (tx) => {
      const now = Date.now();
      await requireNotPaused(tx, { project, userId: caller.id });
      await expireLocks(ctx.store, tx, { projectId, overlap: project.overlap, now });
      const { held, epoch, after } = await readHeldOrCursor(tx, projectId, caller.id);
      if (held) {
        const renewed = { ...held, lockExpiresAt: now + ttlMs, updatedAt: now };
        await extendLock(tx, { assignmentId: held.id, lockExpiresAt: renewed.lockExpiresAt, now });
        return loadWork(tx, { iface, assignment: renewed, view });
      }
      // Routing by skill (docs/skills.md): which items the caller may take, read once per claim.
      const profiles = await routeClaim(ctx.store, tx, { project, userId: caller.id });
      // Gold items are served by their own rule (server/gold/, server/assessments/), not by the open slots.
      const lock = { project, userId: caller.id, expiresAt: now + ttlMs, now, profiles };
      const gold = await (project.assessment === null ? takeGoldItem : takeAssessmentItem)(tx, lock);
      if (gold) return loadWork(tx, { iface, ...gold, fresh: gold.assignment.createdAt === now, view });
      if (project.assessment !== null) return null;
      const order = project.itemOrder;
      const search = { projectId, userId: caller.id, order, after, profiles };
      const candidate = await findClaimable(ctx.store, tx, search);
      if (!candidate) return null;
      // With the lock, the cursor moves to this item: every open item up to it is now one the
      // caller touched.
      const cursor = { epoch, at: positionOf(candidate, order) };
      const assignment = await claim(ctx.store, tx, {
        projectId,
        itemId: candidate.id,
        userId: caller.id,
        expiresAt: now + ttlMs,
        now,
        cursor,
      });
      if (!assignment)
        throw new Error(`item ${candidate.id} had no free slot inside its own claim transaction`);
      // A revived lock (created before now) may carry a draft from before it expired.
      return loadWork(tx, { iface, assignment, item: candidate, fresh: assignment.createdAt === now, view });
    },
    { durable: false, serializeOn: [projectId, caller.id] },
  );
}

export async function saveDraft(
  ctx: AppContext,
  caller: Caller,
  assignmentId: number,
  body: z.output<typeof DraftBody>,
) {
  const { project, iface } = await ownAssignment(ctx, caller, assignmentId);
  checkSignals(iface, body.signals);
  return writeTransaction(
    ctx.store,
    async (tx) => {
      const now = Date.now();
      const found = await findAssignmentWithData(tx, assignmentId);
      if (!found) throw notFound('assignment'); // its item was deleted meanwhile
      const { itemData, replayAnswers: _, priorSignals, ...a } = found;
      const data = JSON.parse(itemData) as Record<string, unknown>;
      const answers = await checkAnswers(tx, {
        projectId: project.id,
        iface,
        answers: body.answers,
        data,
        partial: true,
      });
      const extra = {
        shown: shownText(iface, data, a),
        integrity: integrityWrite(priorSignals, body.signals, answers),
        suggestedBy: await suggestedAgent(tx, a.itemId, suggestionsOf(project)),
      };
      if (a.status === 'skipped')
        throw new AppError('ASSIGNMENT_CLOSED', 'You skipped this item; it can no longer be edited.');
      if (a.status === 'submitted') {
        // A rejected annotation is open for rework whatever the project allows.
        const review = await findReviewOfAssignment(tx, a.id);
        if (!project.allowEditSubmitted && review?.status !== 'rejected')
          throw new AppError('ASSIGNMENT_CLOSED', 'This project does not allow editing submitted work.');
        const annotation = await recordAnswers(ctx.store, tx, a, caller, {
          kind: 'draft',
          answers,
          activeMs: body.activeMs,
          now,
          interfaceVersion: project.interfaceVersion,
          pending: true,
          ...extra,
        });
        return { assignment: toAssignment(a), annotation };
      }
      const current = await refreshLock(ctx.store, tx, project, a, now);
      const annotation = await recordAnswers(ctx.store, tx, current, caller, {
        kind: 'draft',
        answers,
        activeMs: body.activeMs,
        now,
        interfaceVersion: project.interfaceVersion,
        ...extra,
      });
      return { assignment: toAssignment(current), annotation };
    },
    { serializeOn: [project.id, caller.id] },
  );
}

export async function submit(
  ctx: AppContext,
  caller: Caller,
  assignmentId: number,
  body: z.output<typeof SubmitBody>,
) {
  const { project, iface } = await ownAssignment(ctx, caller, assignmentId);
  checkSignals(iface, body.signals);
  const outcome = await writeTransaction(
    ctx.store,
    async (tx) => {
      const now = Date.now();
      await requireNotPaused(tx, { project, userId: caller.id });
      const found = await findAssignmentWithData(tx, assignmentId, body.idempotencyKey);
      if (!found) throw notFound('assignment'); // its item was deleted meanwhile
      const { itemData, replayAnswers, priorSignals, ...a } = found;
      const data = JSON.parse(itemData) as Record<string, unknown>;
      if (replayAnswers !== null) {
        // The key's revision holds the answers as normalised on first submit; compare like with like.
        const given = validateAnswers(iface, body.answers, data, { partial: false });
        if (!given.ok || !sameJson(replayAnswers, given.value)) {
          throw new AppError('IDEMPOTENCY_MISMATCH');
        }
        const annotation = (await findAnnotationByAssignment(tx, assignmentId))!;
        return { kind: 'done' as const, result: { created: false, annotation: toAnnotation(annotation) } };
      }
      const answers = await checkAnswers(tx, {
        projectId: project.id,
        iface,
        answers: body.answers,
        data,
        partial: false,
      });
      // A replay (above) writes nothing, so its signals are never counted twice.
      const extra = {
        shown: shownText(iface, data, a),
        integrity: integrityWrite(priorSignals, body.signals, answers),
        suggestedBy: await suggestedAgent(tx, a.itemId, suggestionsOf(project)),
      };
      if (a.status === 'skipped')
        throw new AppError('ASSIGNMENT_CLOSED', 'You skipped this item; it can no longer be submitted.');
      if (a.status === 'submitted') {
        const review = await findReviewOfAssignment(tx, a.id);
        if (!project.allowEditSubmitted && review?.status !== 'rejected')
          throw new AppError('ALREADY_SUBMITTED');
        const annotation = await recordAnswers(ctx.store, tx, a, caller, {
          kind: 'edit',
          answers,
          activeMs: body.activeMs,
          now,
          interfaceVersion: project.interfaceVersion,
          key: body.idempotencyKey,
          ...extra,
        });
        if (review) await afterResubmit(tx, review, now);
        await refreshDisagreement(tx, iface, [a.itemId]);
        await queueForAdjudication(tx, { project, iface, itemIds: [a.itemId], now });
        return { kind: 'done' as const, result: { created: true, annotation } };
      }
      // A lock still running is submitted at once; the status condition guards against anyone
      // expiring it meanwhile. Otherwise (or if it did not hold) overdue locks are swept and the
      // lock is brought up to date first.
      let current: AssignmentRow = a;
      if (!(isLive(a, now) && (await submitLocked(tx, a.id, now)))) {
        current = await refreshLock(ctx.store, tx, project, a, now);
        if (current.status !== 'locked') {
          // The slot went to someone else: keep the answers as a draft, then tell the client.
          await recordAnswers(ctx.store, tx, current, caller, {
            kind: 'draft',
            answers,
            activeMs: body.activeMs,
            now,
            interfaceVersion: project.interfaceVersion,
            ...extra,
          });
          return { kind: 'lockLost' as const };
        }
        await submitLocked(tx, a.id, now);
      }
      await countSubmission(tx, a.itemId);
      const annotation = await recordAnswers(ctx.store, tx, { ...current, status: 'submitted' }, caller, {
        kind: 'submit',
        answers,
        activeMs: body.activeMs,
        now,
        interfaceVersion: project.interfaceVersion,
        key: body.idempotencyKey,
        ...extra,
      });
      await afterFirstSubmit(tx, project, annotation, now);
      const gold = { project, iface, itemId: a.itemId, userId: caller.id, annotationId: annotation.id };
      await scoreGoldSubmission(tx, { ...gold, answers, now });
      await afterAssessmentSubmit(tx, { project, userId: caller.id, now: ctx.clock() });
      const disagreement = await refreshDisagreement(tx, iface, [a.itemId]);
      await adaptAfterSubmit(tx, project, a.itemId, disagreement.get(a.itemId));
      await queueForAdjudication(tx, { project, iface, itemIds: [a.itemId], now });
      return { kind: 'done' as const, result: { created: true, annotation } };
    },
    { serializeOn: [project.id, caller.id] },
  );
  if (outcome.kind === 'lockLost') {
    throw new AppError(
      'LOCK_EXPIRED',
      'Your lock expired and every slot of this item is taken; your answers are kept as a draft.',
    );
  }
  return outcome.result;
}

function sameJson(stored: string, given: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  return JSON.stringify(canon(JSON.parse(stored))) === JSON.stringify(canon(given));
}

export async function skip(
  ctx: AppContext,
  caller: Caller,
  assignmentId: number,
  body: z.output<typeof SkipBody>,
) {
  const { project } = await ownAssignment(ctx, caller, assignmentId);
  return writeTransaction(
    ctx.store,
    async (tx) => {
      const a = (await findAssignment(tx, assignmentId))!;
      if (a.status === 'skipped') return toAssignment(a);
      if (a.status === 'submitted')
        throw new AppError('ALREADY_SUBMITTED', 'This item is submitted; it cannot be skipped.');
      if (project.assessment !== null)
        throw new AppError('ASSESSMENT_UNAVAILABLE', 'Every question of an assessment needs an answer.');
      const now = Date.now();
      const skipped = {
        ...a,
        status: 'skipped' as const,
        lockExpiresAt: null,
        skipReason: body.reason ?? null,
        updatedAt: now,
      };
      await markSkipped(tx, a.id, skipped.skipReason, now);
      await refreshSlots(tx, project.id, project.overlap, [a.itemId]);
      return toAssignment(skipped);
    },
    { serializeOn: [project.id, caller.id] },
  );
}

export async function getWork(ctx: AppContext, caller: Caller, assignmentId: number): Promise<WorkOut> {
  const { iface, view } = await ownAssignment(ctx, caller, assignmentId);
  const assignment = (await findAssignment(ctx.store.db, assignmentId))!;
  return loadWork(ctx.store.db, { iface, assignment, view });
}
