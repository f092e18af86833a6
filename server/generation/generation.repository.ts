import { sql } from 'kysely';
import { itemSearchText } from '../../core/search-words.ts';
import { invalidateCursors } from '../assignments/claim-cursors.repository.ts';
import { randomKey } from '../db/bulk.ts';
import type { StoreKind } from '../db/store.ts';
import type { Db, Tx } from '../db/transaction.ts';

/** Every statement of candidate generation (docs/generation.md). */

/**
 * Plans a job's steps, one per (item, slot 1…K), in one INSERT … SELECT over the project's items:
 * in mode `same` only the items awaiting candidates, in mode `new` all of them (the project's
 * items as they are now: those the job itself makes in the same project are not planned). Returns
 * how many steps.
 */
export async function planSteps(
  tx: Tx,
  p: { jobId: number; projectId: number; k: number; lane: string | null; awaitingOnly: boolean; now: number },
): Promise<number> {
  const slots = sql.join(
    Array.from({ length: p.k }, (_, i) => sql`select ${sql.lit(i + 1)} as n`),
    sql` union all `,
  );
  const result = await sql`
    insert into job_steps (job_id, key, status, lane, attempts, run_after, updated_at)
    select ${p.jobId}, 'item:' || i.id || ':slot:' || s.n, 'pending', ${p.lane}, 0, 0, ${p.now}
    from items i cross join (${slots}) s
    where i.project_id = ${p.projectId}${p.awaitingOnly ? sql` and i.awaiting = 1` : sql``}
    order by i.id, s.n`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Items' data as steps read them before their model calls (no lock: the commit checks again), by
 * id; a deleted item is missing.
 */
export async function readItemsData(
  db: Db,
  itemIds: readonly number[],
): Promise<Map<number, Record<string, unknown>>> {
  const found = new Map<number, Record<string, unknown>>();
  if (itemIds.length === 0) return found;
  const rows = await db
    .selectFrom('items')
    .select(['id', 'data'])
    .where('id', 'in', [...itemIds])
    .execute();
  for (const row of rows) found.set(Number(row.id), JSON.parse(row.data) as Record<string, unknown>);
  return found;
}

export interface LockedItem {
  id: number;
  projectId: number;
  data: Record<string, unknown>;
  externalId: string | null;
  priority: number;
  awaiting: boolean;
  interfaceVersion: number;
}

/**
 * An item, locked for the rest of the transaction so that two runners committing slots of the
 * same item write one after the other (PostgreSQL `FOR UPDATE`; SQLite's write transaction
 * is exclusive already). Undefined when it was deleted.
 */
export async function lockItem(tx: Tx, kind: StoreKind, itemId: number): Promise<LockedItem | undefined> {
  const [item] = await lockItems(tx, kind, [itemId]);
  return item;
}

/** Several items, locked in id order (as lockItem); the ones still there. */
export async function lockItems(tx: Tx, kind: StoreKind, itemIds: readonly number[]): Promise<LockedItem[]> {
  if (itemIds.length === 0) return [];
  const query = tx
    .selectFrom('items as i')
    .innerJoin('projects as p', 'p.id', 'i.projectId')
    .select([
      'i.id',
      'i.projectId',
      'i.data',
      'i.externalId',
      'i.priority',
      'i.awaiting',
      'p.interfaceVersion',
    ])
    .where('i.id', 'in', [...itemIds])
    .orderBy('i.id');
  const rows = await (kind === 'postgres' ? query.forUpdate('i') : query).execute();
  return rows.map(lockedItemOf);
}

const lockedItemOf = (row: {
  id: number;
  projectId: number;
  data: string;
  externalId: string | null;
  priority: number;
  awaiting: number;
  interfaceVersion: number;
}): LockedItem => ({
  id: Number(row.id),
  projectId: Number(row.projectId),
  data: JSON.parse(row.data) as Record<string, unknown>,
  externalId: row.externalId,
  priority: row.priority,
  awaiting: row.awaiting === 1,
  interfaceVersion: row.interfaceVersion,
});

/** A project's interface as stored (JSON text). */
export async function projectInterfaceText(db: Db, projectId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('projects')
    .select('interface')
    .where('id', '=', projectId)
    .executeTakeFirst();
  return row?.interface;
}

/** New data for an item, with its search words (SQLite's search table, PostgreSQL's column). */
export async function saveItemData(
  tx: Tx,
  kind: StoreKind,
  item: { id: number; externalId: string | null },
  data: Record<string, unknown>,
): Promise<void> {
  const words = itemSearchText(data, item.externalId);
  const text = JSON.stringify(data);
  if (kind === 'postgres') {
    await sql`update items set data = ${text}, search_words = ${words}::tsvector where id = ${item.id}`.execute(
      tx,
    );
    return;
  }
  await tx.updateTable('items').set({ data: text }).where('id', '=', item.id).execute();
  await sql`delete from items_search where rowid = ${item.id}`.execute(tx);
  await sql`insert into items_search (rowid, words) values (${item.id}, ${words})`.execute(tx);
}

/** New data for several items (saveItemData's), on PostgreSQL in one statement. */
export async function saveItemsData(
  tx: Tx,
  kind: StoreKind,
  writes: readonly { item: { id: number; externalId: string | null }; data: Record<string, unknown> }[],
): Promise<void> {
  if (kind === 'sqlite' || writes.length === 1) {
    for (const w of writes) await saveItemData(tx, kind, w.item, w.data);
    return;
  }
  if (writes.length === 0) return;
  const ids = writes.map((w) => w.item.id);
  const texts = writes.map((w) => JSON.stringify(w.data));
  const words = writes.map((w) => itemSearchText(w.data, w.item.externalId));
  await sql`update items set data = t.data, search_words = t.words::tsvector
    from unnest(${ids}::bigint[], ${texts}::text[], ${words}::text[]) as t(id, data, words)
    where items.id = t.id`.execute(tx);
}

/**
 * Opens items whose candidates are all written: no longer awaiting, with their project's overlap
 * (as it is now) in free slots, less any live claim. Claim cursors may have passed them: each
 * project's are voided.
 */
export async function openItems(tx: Tx, items: readonly { id: number; projectId: number }[]): Promise<void> {
  if (items.length === 0) return;
  const free = sql<number>`coalesce(items.target, (select overlap from projects p where p.id = items.project_id))
    - (select count(*) from assignments a where a.item_id = items.id and a.status in ('locked', 'submitted')
      and a.user_id not in (select id from users where model_connection_id is not null))`;
  await tx
    .updateTable('items')
    .set({ awaiting: 0, slotsLeft: sql`case when ${free} > 0 then ${free} else 0 end` })
    .where(
      'id',
      'in',
      items.map((i) => i.id),
    )
    .where('awaiting', '=', 1)
    .execute();
  for (const projectId of [...new Set(items.map((i) => i.projectId))].sort((a, b) => a - b))
    await invalidateCursors(tx, projectId);
}

/** Mode `new`: the item a job made from a source item, if the job made it already. */
export async function generatedItemOf(
  tx: Tx,
  jobId: number,
  sourceItemId: number,
): Promise<number | undefined> {
  const row = await tx
    .selectFrom('generatedItems')
    .select('itemId')
    .where('jobId', '=', jobId)
    .where('sourceItemId', '=', sourceItemId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.itemId);
}

/**
 * Mode `new`: makes the item for a source item in the target project (awaiting its candidates,
 * so closed) and records which it is. Runs with the source item locked, so once per (job, item).
 */
export async function insertGeneratedItem(
  tx: Tx,
  kind: StoreKind,
  g: {
    jobId: number;
    source: { id: number; externalId: string | null; priority: number };
    targetProjectId: number;
    data: Record<string, unknown>;
    now: number;
  },
): Promise<number> {
  const project = await tx
    .selectFrom('projects')
    .select('itemOrder')
    .where('id', '=', g.targetProjectId)
    .executeTakeFirstOrThrow();
  const meta = JSON.stringify({
    generatedFrom: { item: g.source.id, externalId: g.source.externalId, job: g.jobId },
  });
  const row = await tx
    .insertInto('items')
    .values({
      projectId: g.targetProjectId,
      externalId: null,
      data: JSON.stringify(g.data),
      meta,
      priority: g.source.priority,
      rand: randomKey(project.itemOrder),
      slotsLeft: 0,
      submittedCount: 0,
      createdAt: g.now,
      awaiting: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  const words = itemSearchText(g.data, null);
  if (kind === 'postgres')
    await sql`update items set search_words = ${words}::tsvector where id = ${id}`.execute(tx);
  else await sql`insert into items_search (rowid, words) values (${id}, ${words})`.execute(tx);
  await tx
    .insertInto('generatedItems')
    .values({ jobId: g.jobId, sourceItemId: g.source.id, itemId: id })
    .execute();
  return id;
}
