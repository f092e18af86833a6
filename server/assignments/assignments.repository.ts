import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Annotation, Assignment } from '../../core/api/assignments.ts';
import type { Item } from '../../core/api/items.ts';
import type { AnnotatorKind } from '../../core/api/judges.ts';
import { iso, isoOrNull } from '../context.ts';
import {
  type AnnotationsTable,
  type AssignmentsTable,
  type Database,
  type ItemsTable,
  NO_RANDOM_KEY,
  type ProjectMembersTable,
} from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { Db, Tx } from '../db/transaction.ts';
import { type ProjectRow, projectRowOf } from '../projects/projects.repository.ts';
import type { Position } from './claim-cursors.repository.ts';
import { refreshSlots } from './slots.repository.ts';

export type AssignmentRow = Selectable<AssignmentsTable>;
export type AnnotationRow = Selectable<AnnotationsTable>;
export type ItemRow = Selectable<ItemsTable>;
type ItemsFrom = Database & { i: ItemsTable };

export const toAssignment = (a: AssignmentRow): z.input<typeof Assignment> => ({
  id: a.id,
  projectId: a.projectId,
  itemId: a.itemId,
  userId: a.userId,
  status: a.status,
  lockExpiresAt: a.status === 'locked' ? isoOrNull(a.lockExpiresAt) : null,
  skipReason: a.skipReason,
  createdAt: iso(a.createdAt),
});

export const toItem = (i: ItemRow): z.input<typeof Item> => ({
  id: i.id,
  projectId: i.projectId,
  externalId: i.externalId,
  data: JSON.parse(i.data),
  meta: JSON.parse(i.meta),
  priority: i.priority,
  createdAt: iso(i.createdAt),
});

/**
 * An annotation row in the API's shape. `integrity`: add its signals and flags, only for callers
 * who see everyone's work (managers, reviewers); its own annotator never sees them.
 */
export const toAnnotation = (
  a: AnnotationRow & { annotator: string; annotatorKind?: AnnotatorKind },
  { integrity = false }: { integrity?: boolean } = {},
): z.input<typeof Annotation> => ({
  id: a.id,
  assignmentId: a.assignmentId,
  itemId: a.itemId,
  projectId: a.projectId,
  userId: a.userId,
  annotator: a.annotator,
  annotatorKind: a.annotatorKind ?? 'human',
  status: a.status,
  answers: JSON.parse(a.answers),
  pendingAnswers: a.pendingAnswers === null ? null : JSON.parse(a.pendingAnswers),
  leadTimeMs: a.leadTimeMs,
  revision: a.revision,
  interfaceVersion: a.interfaceVersion,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
  submittedAt: isoOrNull(a.submittedAt),
  editedAt: isoOrNull(a.editedAt),
  shown: a.shown === null ? null : JSON.parse(a.shown),
  ...(integrity
    ? {
        signals: a.signals === null ? {} : JSON.parse(a.signals),
        flags: a.flags === null ? {} : JSON.parse(a.flags),
        suggestedBy: a.suggestedBy,
      }
    : {}),
});

/** Annotator label for exports and views: the email, or the name of an external identity. */
export const annotatorLabelOf = (users: string) =>
  sql<string>`coalesce(${sql.ref(`${users}.email`)}, ${sql.ref(`${users}.name`)})`;
export const annotatorLabel = annotatorLabelOf('u');
/** Whether an account is a person's or a model judge's (docs/judge.md). */
export const annotatorKindOf = (users: string) =>
  sql<AnnotatorKind>`case when ${sql.ref(`${users}.model_connection_id`)} is null then 'human' else 'model' end`;

export function annotationsQuery(db: Db) {
  return db
    .selectFrom('annotations as n')
    .innerJoin('users as u', 'u.id', 'n.userId')
    .selectAll('n')
    .select(annotatorLabel.as('annotator'))
    .select(annotatorKindOf('u').as('annotatorKind'));
}

export const findAssignment = (db: Db, id: number): Promise<AssignmentRow | undefined> =>
  db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();

export const findAnnotationByAssignment = (db: Db, assignmentId: number) =>
  annotationsQuery(db).where('n.assignmentId', '=', assignmentId).executeTakeFirst();

/**
 * Marks this project's overdue locks expired and frees their slots. Runs inside the claim
 * transaction, so a slot is never both expired and reused twice.
 */
export async function expireLocks(
  store: Store,
  tx: Tx,
  { projectId, overlap, now }: { projectId: number; overlap: number; now: number },
): Promise<void> {
  let query = tx
    .selectFrom('assignments')
    .select(['id', 'itemId'])
    .where('projectId', '=', projectId)
    // A literal, not a parameter: only then can the planner use the partial index of live locks
    // (SQLite scanned every assignment of the store with `status = ?`).
    .where(sql<boolean>`status = 'locked'`)
    .where('lockExpiresAt', '<', now)
    .limit(500);
  if (store.kind === 'postgres') query = query.forUpdate().skipLocked();
  const overdue = await query.execute();
  if (overdue.length === 0) return;
  await tx
    .updateTable('assignments')
    .set({ status: 'expired', updatedAt: now })
    .where(
      'id',
      'in',
      overdue.map((o) => o.id),
    )
    .execute();
  await refreshSlots(tx, projectId, overlap, [...new Set(overdue.map((o) => o.itemId))]);
}

/**
 * Releases every live lock the users hold, in any project, as their expiry would: the assignments
 * become expired (their drafts stay attached, and a revived lock finds them again), the slots are
 * recomputed, and each project's claim cursors are voided so the items are claimable by the very
 * next request. Runs inside the caller's write transaction (suspending the users); returns how many.
 */
export async function releaseLocksOf(tx: Tx, userIds: readonly number[], now: number): Promise<number> {
  if (userIds.length === 0) return 0;
  const released = await tx
    .updateTable('assignments')
    .set({ status: 'expired', updatedAt: now })
    .where('userId', 'in', userIds)
    .where(sql<boolean>`status = 'locked'`)
    .returning(['projectId', 'itemId'])
    .execute();
  if (released.length === 0) return 0;
  const itemsOf = new Map<number, number[]>();
  for (const r of released) itemsOf.set(r.projectId, [...(itemsOf.get(r.projectId) ?? []), r.itemId]);
  const projects = await tx
    .selectFrom('projects')
    .select(['id', 'overlap'])
    .where('id', 'in', [...itemsOf.keys()])
    .orderBy('id')
    .execute();
  for (const p of projects) await refreshSlots(tx, p.id, p.overlap, itemsOf.get(p.id)!);
  return released.length;
}

/**
 * The next item this user may claim: free slots, never touched by them (an expired lock of their
 * own does not count), by priority then import order, or by the random key (then import order),
 * searching past `after`, the caller's cursor, first. PostgreSQL skips rows another transaction
 * is claiming right now instead of waiting on them, unless those are all that is left.
 */
export async function findClaimable(
  store: Store,
  tx: Tx,
  {
    projectId,
    userId,
    order,
    after,
    profiles,
  }: {
    projectId: number;
    userId: number;
    order: 'sequential' | 'random';
    after?: Position | undefined;
    /** Routing by skill (server/skills/routing.ts): undefined, any item; else items without a profile or with one of these. */
    profiles?: number[] | undefined;
  },
): Promise<ItemRow | undefined> {
  const search = (past: ((eb: ExpressionBuilder<ItemsFrom, 'i'>) => Expression<SqlBool>) | undefined) => {
    let query = tx
      .selectFrom('items as i')
      .selectAll('i')
      .where('i.projectId', '=', projectId)
      // A literal, not a parameter: the planners use the partial "open items" indexes only then.
      .where(sql<boolean>`i.slots_left > 0`)
      // Untouched by this user: a probe of the (item, user) unique index per candidate. Written
      // as a scalar subquery with LIMIT rather than NOT EXISTS, which PostgreSQL may plan as an
      // anti join against all of the user's assignments, materialised and rescanned for every
      // candidate when its statistics expect few (76 ms after 1,500 submissions, against 3 ms).
      .where((eb) =>
        eb(
          eb
            .selectFrom('assignments as a')
            .select(sql`1`.as('one'))
            .whereRef('a.itemId', '=', 'i.id')
            .where('a.userId', '=', userId)
            .where('a.status', '!=', 'expired')
            .limit(1),
          'is',
          null,
        ),
      );
    if (past) query = query.where(past);
    if (profiles) query = query.where((eb) => withProfiles(eb, profiles));
    query =
      order === 'random'
        ? query
            .where(sql<boolean>`i.rand > ${sql.lit(NO_RANDOM_KEY)}`)
            .orderBy('i.rand')
            .orderBy('i.id')
        : query.orderBy('i.priority', 'desc').orderBy('i.id');
    return query.limit(1);
  };
  // Past the caller's cursor, as two searches that each start at a point of the index: the rest
  // of the cursor's own key, then the keys after it (see claim-cursors.repository.ts).
  if (after) {
    const { sortKey: k, itemId: id } = after;
    const pasts =
      order === 'random'
        ? [
            (eb: ExpressionBuilder<ItemsFrom, 'i'>) => eb.and([eb('i.rand', '=', k), eb('i.id', '>', id)]),
            (eb: ExpressionBuilder<ItemsFrom, 'i'>) => eb('i.rand', '>', k),
          ]
        : [
            (eb: ExpressionBuilder<ItemsFrom, 'i'>) =>
              eb.and([eb('i.priority', '=', -k), eb('i.id', '>', id)]),
            (eb: ExpressionBuilder<ItemsFrom, 'i'>) => eb('i.priority', '<', -k),
          ];
    for (const past of pasts) {
      const query = search(past);
      const found = await (store.kind === 'postgres'
        ? query.forUpdate().skipLocked()
        : query
      ).executeTakeFirst();
      if (found) return found;
    }
  }
  // From the beginning: no cursor, or nothing past it (on PostgreSQL a cursor may have passed
  // an item a concurrent claim held at the time).
  const query = search(undefined);
  if (store.kind !== 'postgres') return query.executeTakeFirst();
  // Skipping rows other claimers hold keeps annotators off each other's toes; but when the only
  // items left are held that way, skipping would answer "nothing left" while a slot is free.
  // Then wait for them: once the other claim commits, the row is re-checked for a free slot.
  return (await query.forUpdate().skipLocked().executeTakeFirst()) ?? query.forUpdate().executeTakeFirst();
}

/** Items of `i` without skills of their own, or with one of these profiles (docs/skills.md). */
export const withProfiles = (
  eb: ExpressionBuilder<ItemsFrom, 'i'>,
  profiles: number[],
): Expression<SqlBool> =>
  profiles.length === 0
    ? eb('i.skillProfileId', 'is', null)
    : eb.or([eb('i.skillProfileId', 'is', null), eb('i.skillProfileId', 'in', profiles)]);

/**
 * The project of the user's own assignment, with the user's role in it (null when not a member),
 * in one query: undefined when the assignment is not theirs.
 */
export async function findProjectOfOwnAssignment(
  db: Db,
  assignmentId: number,
  userId: number,
): Promise<(ProjectRow & { memberRole: ProjectMembersTable['role'] | null }) | undefined> {
  const found = await findProjectOfAssignment(db, assignmentId, userId);
  if (!found || found.ownerId !== userId) return undefined;
  const { ownerId: _, ...project } = found;
  return project;
}

/**
 * The assignment with its item's data, which checking answers needs, and (given an idempotency
 * key) the answers of the revision an earlier submit with that key wrote, if any; undefined when
 * the assignment is gone (its item was deleted since the caller's access was checked).
 */
export async function findAssignmentWithData(tx: Tx, assignmentId: number, key?: string) {
  return tx
    .selectFrom('assignments as a')
    .innerJoin('items as i', 'i.id', 'a.itemId')
    .leftJoin('annotations as n', 'n.assignmentId', 'a.id')
    .leftJoin('annotationRevisions as r', (join) =>
      join.onRef('r.annotationId', '=', 'n.id').on('r.idempotencyKey', '=', key ?? null),
    )
    .selectAll('a')
    .select(['i.data as itemData', 'r.answers as replayAnswers', 'n.signals as priorSignals'])
    .where('a.id', '=', assignmentId)
    .executeTakeFirst();
}

export const getItemRow = (db: Db, itemId: number): Promise<ItemRow> =>
  db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();

/** One more submission of the item. */
export async function countSubmission(tx: Tx, itemId: number): Promise<void> {
  await tx
    .updateTable('items')
    .set((eb) => ({ submittedCount: eb('submittedCount', '+', 1) }))
    .where('id', '=', itemId)
    .execute();
}

export async function markSkipped(
  tx: Tx,
  assignmentId: number,
  reason: string | null,
  now: number,
): Promise<void> {
  await tx
    .updateTable('assignments')
    .set({ status: 'skipped', lockExpiresAt: null, skipReason: reason, updatedAt: now })
    .where('id', '=', assignmentId)
    .execute();
}

/** A page of the user's assignments in a project, newest first, before `beforeId` (0: from the newest). */
export async function listOwnAssignments(
  db: Db,
  page: {
    projectId: number;
    userId: number;
    beforeId: number;
    limit: number;
    status?: AssignmentRow['status'] | undefined;
  },
): Promise<AssignmentRow[]> {
  let query = db
    .selectFrom('assignments')
    .selectAll()
    .where('projectId', '=', page.projectId)
    .where('userId', '=', page.userId)
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.beforeId > 0) query = query.where('id', '<', page.beforeId);
  if (page.status) query = query.where('status', '=', page.status);
  return query.execute();
}

/**
 * The project of an assignment, its owner, and the caller's role in the project (null when not a
 * member), in one query; undefined when there is no such assignment.
 */
export async function findProjectOfAssignment(
  db: Db,
  assignmentId: number,
  callerId: number,
): Promise<(ProjectRow & { memberRole: ProjectMembersTable['role'] | null; ownerId: number }) | undefined> {
  const row = await db
    .selectFrom('assignments as a')
    .innerJoin('projects as p', 'p.id', 'a.projectId')
    .leftJoin('projectMembers as m', (join) =>
      join.onRef('m.projectId', '=', 'p.id').on('m.userId', '=', callerId),
    )
    .selectAll('p')
    .select(['m.role as memberRole', 'a.userId as ownerId'])
    .where('a.id', '=', assignmentId)
    .executeTakeFirst();
  return row && projectRowOf(row);
}

/**
 * Undoes a skip: the assignment becomes expired, as a lock that ran out (its draft stays
 * attached, and its owner's next claim of the item revives the row), and its reason is cleared.
 * Undefined when it is not skipped (anymore). The caller recomputes the item's slots.
 */
export async function unskip(tx: Tx, assignmentId: number, now: number): Promise<AssignmentRow | undefined> {
  return tx
    .updateTable('assignments')
    .set({ status: 'expired', lockExpiresAt: null, skipReason: null, updatedAt: now })
    .where('id', '=', assignmentId)
    .where('status', '=', 'skipped')
    .returningAll()
    .executeTakeFirst();
}
