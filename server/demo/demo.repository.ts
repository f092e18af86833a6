import type { Db } from '../db/transaction.ts';

/** The projects named `names`, the oldest first for each name (a copy made later keeps the name). */
export async function findProjectsNamed(
  db: Db,
  names: readonly string[],
): Promise<{ id: number; name: string }[]> {
  if (names.length === 0) return [];
  return db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('name', 'in', [...names])
    .orderBy('id')
    .execute();
}

/** How many items each of the given projects holds. */
export async function countItems(db: Db, projectIds: readonly number[]): Promise<Map<number, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('items')
    .select(['projectId', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('projectId', 'in', [...projectIds])
    .groupBy('projectId')
    .execute();
  return new Map(rows.map((r) => [r.projectId, Number(r.n)]));
}
