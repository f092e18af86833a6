import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, next, submit, type Team } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * `items.disagreement` follows an item's submitted human answers: null below two, the share of
 * differing pairs once there are two, recomputed when an annotator edits a submitted answer.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'calculus'] }],
};

const scores = async (team: Team) => {
  const rows = await h.verity.store.db
    .selectFrom('items')
    .select(['id', 'disagreement'])
    .where('projectId', '=', team.projectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => (r.disagreement === null ? null : Number(r.disagreement)));
};

async function answer(who: TestUser, projectId: number, topics: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const topic of topics) {
    const got = await next(h, who, projectId);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const res = await submit(h, who, got.body.assignment.id, { topic });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(got.body.assignment.id);
  }
  return ids;
}

describe('an item’s disagreement score', () => {
  it('is kept up to date on submit and on edit', async () => {
    const team = await buildTeam(h, {
      items: 2,
      annotators: 3,
      overlap: 3,
      itemOrder: 'sequential',
      interface: iface,
    });
    const [a, b, c] = team.annotators as [TestUser, TestUser, TestUser];
    await answer(a, team.projectId, ['algebra', 'algebra']);
    expect(await scores(team)).toEqual([null, null]);
    const bIds = await answer(b, team.projectId, ['algebra', 'geometry']);
    expect(await scores(team)).toEqual([0, 1]);
    // Three answers on the second item: algebra, geometry, calculus differ in all three pairs; on
    // the first, one pair of three agrees (algebra, algebra) and two differ.
    await answer(c, team.projectId, ['calculus', 'calculus']);
    const [first, second] = await scores(team);
    expect(first).toBeCloseTo(2 / 3, 9);
    expect(second).toBe(1);
    // b edits the second item to agree with a: pairs (a,b) agree, (a,c) and (b,c) differ.
    const edit = await submit(h, b, bIds[1] as number, { topic: 'algebra' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect((await scores(team))[1]).toBeCloseTo(2 / 3, 9);
  });
});
