import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Project, ProjectProgress } from '../../core/api/projects.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import { invalidateCursors } from '../assignments/claim-cursor.ts';
import { iso } from '../context.ts';
import type { StoreKind } from '../db/connect.ts';
import type { ProjectsTable } from '../db/schema.ts';
import type { Db, Tx } from '../db/transaction.ts';

export type ProjectRow = Selectable<ProjectsTable>;

export const findProject = (db: Db, id: number): Promise<ProjectRow | undefined> =>
  db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();

/** Draws keys for the items of a project that has just switched to random order. */
export async function drawRandomKeys(db: Db, kind: StoreKind, projectId: number): Promise<void> {
  const key =
    kind === 'postgres'
      ? sql<number>`1 + floor(random() * 2147483646)::int`
      : sql<number>`1 + abs(random() % 2147483646)`;
  await db
    .updateTable('items')
    .set({ rand: key })
    .where('projectId', '=', projectId)
    .where('rand', '=', 0)
    .execute();
}

export async function projectProgress(db: Db, p: ProjectRow): Promise<z.input<typeof ProjectProgress>> {
  const items = await db
    .selectFrom('items')
    .select([
      sql<number>`count(*)`.as('items'),
      sql<number>`coalesce(sum(case when submitted_count >= ${p.overlap} then 1 else 0 end), 0)`.as(
        'complete',
      ),
      sql<number>`coalesce(sum(case when submitted_count < ${p.overlap} and slots_left < ${p.overlap} then 1 else 0 end), 0)`.as(
        'inProgress',
      ),
      sql<number>`coalesce(sum(submitted_count), 0)`.as('submitted'),
    ])
    .where('projectId', '=', p.id)
    .executeTakeFirstOrThrow();
  const skipped = await db
    .selectFrom('assignments')
    .select(sql<number>`count(*)`.as('n'))
    .where('projectId', '=', p.id)
    .where('status', '=', 'skipped')
    .executeTakeFirstOrThrow();
  return {
    items: Number(items.items),
    complete: Number(items.complete),
    inProgress: Number(items.inProgress),
    submitted: Number(items.submitted),
    skipped: Number(skipped.n),
  };
}

export async function toProject(db: Db, p: ProjectRow): Promise<z.input<typeof Project>> {
  return {
    id: p.id,
    name: p.name,
    guidelines: p.guidelines,
    overlap: p.overlap,
    lockTtlSeconds: p.lockTtlSeconds,
    itemOrder: p.itemOrder,
    allowEditSubmitted: p.allowEditSubmitted === 1,
    interface: migrateInterface(JSON.parse(p.interface)),
    createdAt: iso(p.createdAt),
    progress: await projectProgress(db, p),
  };
}

/**
 * Recomputes free slots from the live claims (locks and submissions) of the given items, or of
 * every item in the project; used wherever claims shrink or the overlap changes.
 */
export async function refreshSlots(
  db: Tx,
  projectId: number,
  overlap: number,
  itemIds?: number[],
): Promise<void> {
  if (itemIds && itemIds.length === 0) return;
  // Lock the rows in a statement of their own: the UPDATE below then starts after every claim
  // committed meanwhile, so its count (a new READ COMMITTED snapshot on PostgreSQL) includes them.
  let lock = db.updateTable('items').set({ slotsLeft: sql`slots_left` }).where('projectId', '=', projectId);
  if (itemIds) lock = lock.where('id', 'in', itemIds);
  await lock.execute();
  const free = sql<number>`${overlap} - (select count(*) from assignments a where a.item_id = items.id and a.status in ('locked', 'submitted'))`;
  let q = db
    .updateTable('items')
    .set({ slotsLeft: sql`case when ${free} > 0 then ${free} else 0 end` })
    .where('projectId', '=', projectId);
  if (itemIds) {
    if (itemIds.length === 0) return;
    q = q.where('id', 'in', itemIds);
  }
  await q.execute();
  // Slots came back (a lock expired, a skip, a larger overlap): claim cursors may have passed them.
  await invalidateCursors(db, projectId);
}
