import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../testing/export-fixtures.ts';
import { buildProject, postItems, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
/** The same items and answers twice: with the gold answers, and as ordinary items. */
let withGold: number;
let withoutGold: number;

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry'] }],
};
const ITEMS = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'g0', 'g1', 'g2', 'g3'];

/**
 * Two people who never agree: p always says geometry, q always algebra. Without gold nothing tells
 * them apart; the gold items (all geometry) show that p is right.
 */
async function project(gold: boolean): Promise<number> {
  const id = await buildProject(h, manager, { interface: iface, overlap: 2 });
  await postItems(
    h.verity,
    manager,
    id,
    ITEMS.map((x) =>
      gold && x.startsWith('g')
        ? { id: x, data: { text: x }, gold: { topic: 'geometry' } }
        : { id: x, data: { text: x } },
    ),
  );
  const items = await h.verity.store.db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', id)
    .execute();
  const [p, q] = [await seedUser(h.verity, 'annotator'), await seedUser(h.verity, 'annotator')];
  const t = Date.UTC(2026, 11, 1);
  await annotate(
    h.verity,
    id,
    items.flatMap((item) =>
      [
        [p, 'geometry'],
        [q, 'algebra'],
      ].map(([who, topic]) => ({
        itemId: item.id,
        userId: (who as TestUser).id,
        status: 'submitted' as const,
        answers: { topic },
        times: [t, t, t] as [number, number, number],
      })),
    ),
  );
  return id;
}

beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  withGold = await project(true);
  withoutGold = await project(false);
});
afterAll(async () => h.close());

async function consensus(
  projectId: number,
  method: string,
): Promise<Map<string, { answer: unknown; confidence: number }>> {
  const res = await h.call(manager, 'GET', `/api/projects/${projectId}/export?consensus=${method}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const lines = String(res.body)
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          externalId: string;
          consensus: { topic: { answer: unknown; confidence: number } };
        },
    );
  return new Map(lines.map((l) => [l.externalId, l.consensus.topic]));
}

describe('gold answers in the consensus export', () => {
  it('gives a gold item its gold answer, whatever the votes, by every categorical method', async () => {
    for (const method of ['majority', 'weighted', 'dawid-skene']) {
      const got = await consensus(withGold, method);
      for (const g of ['g0', 'g1', 'g2', 'g3'])
        expect(got.get(g), `${method} ${g}`).toEqual({ answer: 'geometry', confidence: 1 });
    }
  });

  it('lets Dawid–Skene learn from the gold who is right on the other items', async () => {
    const gold = await consensus(withGold, 'dawid-skene');
    const none = await consensus(withoutGold, 'dawid-skene');
    for (const n of ['n0', 'n1', 'n2', 'n3', 'n4', 'n5']) {
      // Without gold the two are indistinguishable: an even split, the first option.
      expect(none.get(n)).toEqual({ answer: 'algebra', confidence: 0.5 });
      expect(gold.get(n)?.answer).toBe('geometry');
      expect(gold.get(n)?.confidence).toBeGreaterThan(0.9);
    }
    // The majority has nothing to learn: the ordinary items stay an even split.
    expect((await consensus(withGold, 'majority')).get('n0')).toEqual({ answer: 'algebra', confidence: 0.5 });
  });
});
