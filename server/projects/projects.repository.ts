import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Project, ProjectProgress } from '../../core/api/projects.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import { iso } from '../context.ts';
import type { ProjectsTable } from '../db/schema.ts';
import type { StoreKind } from '../db/store.ts';
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
