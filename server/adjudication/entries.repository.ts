import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Db, Tx } from '../db/transaction.ts';

/**
 * The writes of the entry rule (entry.ts): an item into the adjudication queue, its scores
 * updated, out again; and the reads they need.
 */

/** An item as the entry rule reads it. */
export interface Candidate {
  id: number;
  projectId: number;
  disagreement: number | null;
}

/** The item's score and whether it is a gold item (gold items have a known answer). */
export const disputeOf = (tx: Tx, itemId: number) =>
  tx
    .selectFrom('items as i')
    .select((eb) => [
      'i.projectId',
      'i.disagreement',
      eb
        .exists(eb.selectFrom('goldItems as g').select('g.itemId').whereRef('g.itemId', '=', 'i.id'))
        .as('gold'),
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();

type Setting = { threshold: number; confidenceBelow: number | null };

/**
 * The items whose disagreement can pass the setting: at the threshold, or with a confidence bar
 * any disagreement above 0 (all answers agreeing gives every question a confidence of 1).
 */
const canPass = (eb: ExpressionBuilder<Database & { i: Database['items'] }, 'i'>, setting: Setting) =>
  setting.confidenceBelow === null
    ? eb('i.disagreement', '>=', setting.threshold)
    : eb.or([eb('i.disagreement', '>=', setting.threshold), eb('i.disagreement', '>', 0)]);

/** The project's next items after `after` (by id) that can pass the setting, gold items left out. */
export const candidatesAfter = (
  tx: Tx,
  q: { projectId: number; setting: Setting; after: number; limit: number },
): Promise<Candidate[]> =>
  tx
    .selectFrom('items as i')
    .select(['i.id', 'i.projectId', 'i.disagreement'])
    .where('i.projectId', '=', q.projectId)
    .where('i.id', '>', q.after)
    .where((eb) => canPass(eb, q.setting))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('goldItems as g').select('g.itemId').whereRef('g.itemId', '=', 'i.id'))),
    )
    .orderBy('i.id')
    .limit(q.limit)
    .execute();

/** Undecided entries whose item cannot pass the setting any more leave the queue. */
export async function dropSettled(tx: Tx, q: { projectId: number; setting: Setting }): Promise<void> {
  await tx
    .deleteFrom('adjudications')
    .where('projectId', '=', q.projectId)
    .where('decidedAt', 'is', null)
    .where('itemId', 'in', (eb) =>
      eb
        .selectFrom('items as i')
        .select('i.id')
        .where('i.projectId', '=', q.projectId)
        .where((w) => w.or([w('i.disagreement', 'is', null), w.not(canPass(w, q.setting))])),
    )
    .execute();
}

/** A disputed item's row as the entry rule writes it. */
export interface Entry {
  itemId: number;
  projectId: number;
  disagreement: number | null;
  confidence: number | null;
  now: number;
}

/**
 * Writes (or updates the scores of) undecided rows; decided ones are left as they are. At most
 * 1,000 at once: 11 bound values a row stay within both stores' limits.
 */
export async function upsertEntries(tx: Tx, entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insertInto('adjudications')
    .values(
      entries.map((e) => ({
        itemId: e.itemId,
        projectId: e.projectId,
        disagreement: e.disagreement,
        confidence: e.confidence,
        enteredAt: e.now,
        claimedBy: null,
        claimExpiresAt: null,
        answers: null,
        adjudicatorId: null,
        decidedAt: null,
        note: null,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('itemId')
        .doUpdateSet((eb) => ({
          disagreement: eb.ref('excluded.disagreement'),
          confidence: eb.ref('excluded.confidence'),
        }))
        .where('adjudications.decidedAt', 'is', null),
    )
    .execute();
}

/** Takes undecided items out of the queue (their answers no longer pass the setting). */
export async function deleteEntries(tx: Tx, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length === 0) return;
  await tx
    .deleteFrom('adjudications')
    .where('itemId', 'in', [...itemIds])
    .where('decidedAt', 'is', null)
    .execute();
}

/** Which of the given users are members of the project. */
export async function membersAmong(
  db: Db,
  projectId: number,
  userIds: readonly number[],
): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('projectMembers')
    .select('userId')
    .where('projectId', '=', projectId)
    .where('userId', 'in', [...userIds])
    .execute();
  return new Set(rows.map((r) => r.userId));
}

/**
 * Without a confidence bar the rule is the threshold alone: every item of the project that passes
 * it is entered (or its score updated) in one statement, decided ones left as they are.
 */
export async function enterAtThreshold(tx: Tx, q: { projectId: number; threshold: number; now: number }) {
  await tx
    .insertInto('adjudications')
    .columns(['itemId', 'projectId', 'disagreement', 'confidence', 'enteredAt'])
    .expression((eb) =>
      eb
        .selectFrom('items as i')
        .select([
          'i.id',
          'i.projectId',
          'i.disagreement',
          sql<null>`null`.as('confidence'),
          sql<number>`${q.now}`.as('enteredAt'),
        ])
        .where('i.projectId', '=', q.projectId)
        .where('i.disagreement', '>=', q.threshold)
        .where((w) =>
          w.not(
            w.exists(w.selectFrom('goldItems as g').select('g.itemId').whereRef('g.itemId', '=', 'i.id')),
          ),
        ),
    )
    .onConflict((oc) =>
      oc
        .column('itemId')
        .doUpdateSet((eb) => ({ disagreement: eb.ref('excluded.disagreement'), confidence: null }))
        .where('adjudications.decidedAt', 'is', null),
    )
    .execute();
}
