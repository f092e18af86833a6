import { type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { AdjudicationsTable, Database, ItemsTable } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { Db, Tx } from '../db/transaction.ts';

export type AdjudicationRow = Selectable<AdjudicationsTable>;
export type AdjudicationState = 'pending' | 'waiting' | 'claimed' | 'decided';

/**
 * The adjudication queue's statements (docs/quality.md, "Adjudication"). A row is written when an
 * item's score passes the setting (entry.ts); whether the item is complete — no free slot and no
 * live lock — is read live, so an item another annotator is still working on (or that adaptive
 * overlap opened again) waits as `pending` until it is.
 */

type Eb = ExpressionBuilder<Database & { a: AdjudicationsTable }, 'a'>;
/** A statement over the rows joined with their items (`i`). */
type EbJoined = ExpressionBuilder<Database & { a: AdjudicationsTable; i: ItemsTable }, 'a' | 'i'>;

/** A running lock on the row's item (`a`), as a condition any statement over the rows can use. */
const liveLock = (now: number) =>
  sql<SqlBool>`exists (select 1 from assignments s where s.item_id = a.item_id and s.status = 'locked' and s.lock_expires_at > ${now})`;

/** No free slot and no running lock on the item. */
const complete = (eb: Eb, now: number) =>
  eb.and([
    eb.exists(
      eb
        .selectFrom('items as i')
        .select(sql`1`.as('one'))
        .whereRef('i.id', '=', 'a.itemId')
        .where('i.slotsLeft', '=', 0),
    ),
    eb.not(liveLock(now)),
  ]);

/** Nobody holds the row, or their claim ran out. */
const unclaimed = (now: number) => sql<SqlBool>`(a.claimed_by is null or a.claim_expires_at <= ${now})`;

/** The item's row, if it ever entered; locked until the transaction ends on PostgreSQL. */
export async function findAdjudicationForUpdate(
  tx: Tx,
  store: Store,
  itemId: number,
): Promise<AdjudicationRow | undefined> {
  const query = tx.selectFrom('adjudications').selectAll().where('itemId', '=', itemId);
  return (store.kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

export const findAdjudication = (db: Db, itemId: number): Promise<AdjudicationRow | undefined> =>
  db.selectFrom('adjudications').selectAll().where('itemId', '=', itemId).executeTakeFirst();

/** The waiting item the adjudicator holds on the project, if their claim is still running. */
export const findHeldAdjudication = (tx: Tx, r: { projectId: number; userId: number; now: number }) =>
  tx
    .selectFrom('adjudications as a')
    .selectAll('a')
    .where('a.projectId', '=', r.projectId)
    .where('a.decidedAt', 'is', null)
    .where('a.claimedBy', '=', r.userId)
    .where('a.claimExpiresAt', '>', r.now)
    .orderBy('a.enteredAt')
    .limit(1)
    .executeTakeFirst();

/**
 * The first waiting item (by entry, then id) nobody holds, complete, that the adjudicator did not
 * annotate. PostgreSQL skips rows another adjudicator's claim is taking; claimAdjudication's own
 * condition settles the rest.
 */
export async function findClaimableAdjudication(
  tx: Tx,
  store: Store,
  r: { projectId: number; userId: number; now: number },
): Promise<AdjudicationRow | undefined> {
  const query = claimableQuery(tx, r);
  return (store.kind === 'postgres' ? query.forUpdate().skipLocked() : query).executeTakeFirst();
}

export const claimableQuery = (tx: Db, r: { projectId: number; userId: number; now: number }) =>
  tx
    .selectFrom('adjudications as a')
    .selectAll('a')
    .where('a.projectId', '=', r.projectId)
    .where('a.decidedAt', 'is', null)
    .where(unclaimed(r.now))
    .where((eb) => complete(eb, r.now))
    .where((eb) => eb.not(eb.exists(annotatedBy(eb, r.userId))))
    .orderBy('a.enteredAt')
    .orderBy('a.itemId')
    .limit(1);

const annotatedBy = (eb: Eb, userId: number) =>
  eb
    .selectFrom('annotations as n')
    .select('n.id')
    .whereRef('n.itemId', '=', 'a.itemId')
    .where('n.userId', '=', userId);

/** Whether the user has an annotation (a draft included) of the item. */
export async function hasAnnotated(db: Db, itemId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('annotations')
    .select('id')
    .where('itemId', '=', itemId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes (or renews) the claim, only if the item is undecided and nobody else holds it; whether it did. */
export async function claimAdjudication(
  tx: Tx,
  c: { itemId: number; userId: number; until: number; now: number },
): Promise<boolean> {
  const res = await tx
    .updateTable('adjudications')
    .set({ claimedBy: c.userId, claimExpiresAt: c.until })
    .where('itemId', '=', c.itemId)
    .where('decidedAt', 'is', null)
    .where((eb) =>
      eb.or([eb('claimedBy', 'is', null), eb('claimedBy', '=', c.userId), eb('claimExpiresAt', '<=', c.now)]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Drops the user's claim; with `skip`, the item goes to the back of the queue. Whether it held one. */
export async function releaseClaim(
  tx: Tx,
  r: { itemId: number; userId: number; skip: boolean; now: number },
): Promise<boolean> {
  const res = await tx
    .updateTable('adjudications')
    .set({ claimedBy: null, claimExpiresAt: null, ...(r.skip ? { enteredAt: r.now } : {}) })
    .where('itemId', '=', r.itemId)
    .where('decidedAt', 'is', null)
    .where('claimedBy', '=', r.userId)
    .where('claimExpiresAt', '>', r.now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records the final answers; only on an undecided row. Whether it did. */
export async function recordFinal(
  tx: Tx,
  d: { itemId: number; answers: string; adjudicatorId: number; note: string | null; now: number },
): Promise<boolean> {
  const res = await tx
    .updateTable('adjudications')
    .set({
      answers: d.answers,
      adjudicatorId: d.adjudicatorId,
      decidedAt: d.now,
      note: d.note,
      claimedBy: null,
      claimExpiresAt: null,
    })
    .where('itemId', '=', d.itemId)
    .where('decidedAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * The state of each row (see AdjudicationState), read live, over the rows joined with their items:
 * a join rather than a subquery, so that counting a project's rows probes each item by key.
 */
export function stateExpression(now: number) {
  return (eb: EbJoined) =>
    eb
      .case()
      .when('a.decidedAt', 'is not', null)
      .then(sql.lit('decided'))
      .when(eb.not(unclaimed(now)))
      .then(sql.lit('claimed'))
      .when(eb.and([eb('i.slotsLeft', '=', 0), eb.not(liveLock(now))]))
      .then(sql.lit('waiting'))
      .else(sql.lit('pending'))
      .end()
      .$castTo<AdjudicationState>();
}

/** Counts per state over the project's rows. */
export async function countStates(
  db: Db,
  projectId: number,
  now: number,
): Promise<Record<AdjudicationState, number>> {
  const rows = await db
    .selectFrom('adjudications as a')
    .innerJoin('items as i', 'i.id', 'a.itemId')
    .select((eb) => [stateExpression(now)(eb).as('state'), eb.fn.countAll<number>().as('n')])
    .where('a.projectId', '=', projectId)
    .groupBy('state')
    .execute();
  const counts = { pending: 0, waiting: 0, claimed: 0, decided: 0 };
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}

/** The project's first undecided rows in queue order, optionally of one state; decided ones newest first. */
export async function listAdjudications(
  db: Db,
  q: { projectId: number; state?: AdjudicationState | undefined; limit: number; now: number },
) {
  let query = db
    .selectFrom('adjudications as a')
    .innerJoin('items as i', 'i.id', 'a.itemId')
    .select((eb) => [
      'a.itemId',
      'i.externalId',
      'a.disagreement',
      'a.confidence',
      'a.enteredAt',
      'a.decidedAt',
      stateExpression(q.now)(eb).as('state'),
    ])
    .where('a.projectId', '=', q.projectId);
  if (q.state === 'decided')
    query = query.where('a.decidedAt', 'is not', null).orderBy('a.decidedAt', 'desc');
  else query = query.where('a.decidedAt', 'is', null).orderBy('a.enteredAt');
  if (q.state !== undefined && q.state !== 'decided')
    query = query.where((eb) => eb(stateExpression(q.now)(eb), '=', q.state as AdjudicationState));
  return query.orderBy('a.itemId').limit(q.limit).execute();
}

/** A user's label (email, or name), as the exports name people. */
export async function userLabel(db: Db, userId: number): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select(sql<string>`coalesce(email, name)`.as('label'))
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.label;
}

/** The submitted human annotations of an item (model judges left out), oldest first. */
export const caseAnswers = (db: Db, itemId: number) =>
  db
    .selectFrom('annotations as n')
    .innerJoin('users as u', 'u.id', 'n.userId')
    .select([
      'n.id',
      'n.userId',
      sql<string>`coalesce(u.email, u.name)`.as('label'),
      'n.answers',
      'n.submittedAt',
    ])
    .where('n.itemId', '=', itemId)
    .where('n.status', '=', 'submitted')
    .where('u.modelConnectionId', 'is', null)
    .orderBy('n.id')
    .execute();

/** One item's state, read live. */
export async function stateOf(db: Db, itemId: number, now: number): Promise<AdjudicationState> {
  const row = await db
    .selectFrom('adjudications as a')
    .innerJoin('items as i', 'i.id', 'a.itemId')
    .select((eb) => stateExpression(now)(eb).as('state'))
    .where('a.itemId', '=', itemId)
    .executeTakeFirstOrThrow();
  return row.state;
}

/** Whether the item is complete: no free slot and no running lock. */
export async function isComplete(db: Db, itemId: number, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('adjudications as a')
    .select((eb) => complete(eb, now).as('complete'))
    .where('a.itemId', '=', itemId)
    .executeTakeFirst();
  return row !== undefined && Boolean(row.complete);
}
