import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { adjudicated, api, work } from './testing.ts';

/**
 * Claims on the adjudication queue: two adjudicators never hold the same item, even asking at the
 * same moment; a release lets it go, a skip sends it to the back of the queue.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

/** A project with `items` disputed items (answered by two annotators who disagree on all) and two adjudicators. */
async function disputed(items: number) {
  const t = await adjudicated(h, { threshold: 0.5 }, { items });
  const second = await seedUser(h.verity, 'reviewer');
  await addMembers(h, t.manager, t.projectId, [second]);
  const set = await h.call(t.manager, 'PATCH', `/api/projects/${t.projectId}`, {
    adjudication: { threshold: 0.5, adjudicators: [t.adjudicator.id, second.id] },
  });
  expect(set.status).toBe(200);
  const [a, b] = t.annotators as [TestUser, TestUser];
  for (let i = 0; i < items; i++) {
    await work(h, a, t.projectId, { topic: 'algebra', level: 'easy' });
    await work(h, b, t.projectId, { topic: 'geometry', level: 'hard' });
  }
  return { ...t, adjudicators: [t.adjudicator, second] as [TestUser, TestUser] };
}

describe('claims', () => {
  it('are never taken twice, even when two adjudicators ask at once', async () => {
    for (let round = 0; round < 5; round++) {
      const t = await disputed(1);
      const q = api(h, t.projectId);
      const got = await Promise.all(t.adjudicators.map((who) => q.next(who)));
      expect(got.map((g) => g.status).sort()).toEqual([200, 204]);
      const holder = got.findIndex((g) => g.status === 200);
      const other = t.adjudicators[1 - holder] as TestUser;
      const item = t.itemIds[0] as number;
      const theirs = await q.decide(other, item, { answers: { topic: 'algebra', level: 'easy' } });
      expect([theirs.status, theirs.body.error.code]).toEqual([409, 'CONFLICT']);
      // Released, then both deciding at once: one final answer is recorded.
      const holderUser = t.adjudicators[holder] as TestUser;
      expect((await q.release(holderUser, item)).body).toEqual({ released: true });
      const decided = await Promise.all(
        t.adjudicators.map((who, i) =>
          q.decide(who, item, { answers: { topic: i ? 'algebra' : 'geometry', level: 'easy' } }),
        ),
      );
      expect(decided.map((d) => d.status).sort()).toEqual([200, 409]);
      expect((await q.queue(t.manager)).body.counts.decided).toBe(1);
    }
  });

  it('gives each of two adjudicators asking at once a different item', async () => {
    const t = await disputed(2);
    const q = api(h, t.projectId);
    const got = await Promise.all(t.adjudicators.map((who) => q.next(who)));
    expect(got.map((g) => g.status)).toEqual([200, 200]);
    expect(new Set(got.map((g) => g.body.item.id)).size).toBe(2);
    expect((await q.queue(t.manager)).body.counts).toEqual({
      pending: 0,
      waiting: 0,
      claimed: 2,
      decided: 0,
    });
    // Asking again renews one's own claim rather than taking another item.
    const again = await q.next(t.adjudicators[0]);
    expect(again.body.item.id).toBe(got[0]?.body.item.id);
  });

  it('are let go by a release, and a skip sends the item to the back of the queue', async () => {
    const t = await disputed(2);
    const q = api(h, t.projectId);
    const [one, two] = t.adjudicators;
    const first = await q.next(one);
    expect(first.body.item.id).toBe(t.itemIds[0]);
    expect((await q.release(two, t.itemIds[0] as number)).body).toEqual({ released: false });
    expect((await q.release(one, t.itemIds[0] as number)).body).toEqual({ released: true });
    expect((await q.next(two)).body.item.id).toBe(t.itemIds[0]);
    expect((await q.release(two, t.itemIds[0] as number, true)).body).toEqual({ released: true });
    // Skipped: the other item comes first now, for everyone.
    expect((await q.next(one)).body.item.id).toBe(t.itemIds[1]);
    expect((await q.next(two)).body.item.id).toBe(t.itemIds[0]);
  });
});
