import { expect } from 'vitest';
import { type Api, addMembers, buildProject, next, postItems, seedUser, submit } from './factories.ts';
import type { TestUser } from './harness.ts';

/**
 * A small project for the list's search, filter and sort tests (server/items/search.test.ts): five items with
 * text in several scripts and accents, meta of every JSON kind, priorities with a tie (sequential order claims them in import order but for the last two), and work
 * of three annotators at overlap 2. Item 0 is complete (a and b), item 1 has a's submission and
 * c's live lock, items 2–4 wait in the queue.
 */
export interface SearchWorld {
  projectId: number;
  manager: TestUser;
  a: TestUser;
  b: TestUser;
  c: TestUser;
  /** Item ids in import order. */
  ids: number[];
}

export const SEARCH_ITEMS = [
  {
    id: 'alg-1',
    priority: 3,
    data: { text: 'Solve the quadratic équation x² − 5x + 6 = 0', source: 'book' },
    meta: { source: 'textbook', year: 2021, hard: true },
  },
  {
    id: 'geo-1',
    priority: 2,
    data: { text: 'Prove the Pythagorean theorem for right triangles.', source: 'exam' },
    meta: { source: 'exam', year: 2022 },
  },
  {
    id: 'alg-2',
    priority: 1,
    data: { text: 'Équations du second degré : résoudre', source: 'book' },
    meta: { source: 'textbook', year: '2021' },
  },
  { priority: 0, data: { text: 'A café serves crème brûlée; Straße, naïve!', source: 'web' }, meta: {} },
  {
    id: 'misc',
    priority: 1,
    data: { text: '  Nothing\n\n to   see ', source: 'web' },
    meta: { year: 2021.0 },
  },
];

export async function buildSearchWorld(h: Api): Promise<SearchWorld> {
  const manager = await seedUser(h.verity, 'manager');
  const projectId = await buildProject(h, manager, { overlap: 2 });
  await postItems(h.verity, manager, projectId, SEARCH_ITEMS);
  const rows = await h.verity.store.db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
  const ids = rows.map((r) => r.id);
  const [a, b, c] = await Promise.all([1, 2, 3].map(() => seedUser(h.verity, 'annotator')));
  await addMembers(h, manager, projectId, [a!, b!, c!]);
  const work = async (who: TestUser, item: number, answers: unknown) => {
    const got = await next(h, who, projectId);
    expect(got.body.item.id).toBe(ids[item]);
    if (answers !== null) expect((await submit(h, who, got.body.assignment.id, answers)).status).toBe(200);
  };
  await work(a!, 0, { topic: 'algebra', flags: ['pii'], difficulty: 4, steps: 3, comment: 'Nice quadratic' });
  await work(a!, 1, { topic: 'geometry', entities: [{ start: 0, end: 5, label: 'THEOREM' }] });
  await work(b!, 0, { topic: 'other', difficulty: 2 });
  await work(c!, 1, null); // a live lock
  return { projectId, manager, a: a!, b: b!, c: c!, ids };
}
