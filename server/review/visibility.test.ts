import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildTeam, next, seedUser, submit } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

/**
 * A project reviewing all: annotator A submits items 0 and 1, B item 2; the reviewer accepts
 * item 0's and rejects item 1's with a comment; item 2's awaits review.
 */
async function world() {
  const team = await buildTeam(h, { items: 3, annotators: 2 });
  const { projectId, manager } = team;
  const [a, b] = team.annotators as [TestUser, TestUser];
  await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { review: { mode: 'all' } });
  const reviewer = await seedUser(h.verity, 'reviewer');
  await addMembers(h, manager, projectId, [reviewer]);
  for (const who of [a, a, b]) {
    const got = await next(h, who, projectId);
    expect((await submit(h, who, got.body.assignment.id, { topic: 'algebra' })).status).toBe(200);
  }
  for (const decision of ['accept', 'reject'] as const) {
    const task = await h.call(reviewer, 'POST', `/api/projects/${projectId}/review/next`);
    const res = await h.call(
      reviewer,
      'POST',
      `/api/projects/${projectId}/review/${task.body.annotation.id}/${decision}`,
      {
        revision: task.body.annotation.revision,
        ...(decision === 'reject' ? { comment: 'Look again.' } : {}),
      },
    );
    expect(res.status).toBe(200);
  }
  return { ...team, a, b };
}

const list = async (who: TestUser, projectId: number, query = '') => {
  const res = await h.call(who, 'GET', `/api/projects/${projectId}/items${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { id: number; review: string[] }[];
};

describe('review in the item browser', () => {
  it('shows each item its review statuses and filters by them', async () => {
    const { projectId, manager, itemIds, a } = await world();
    const all = await list(manager, projectId);
    expect(all.map((i) => i.review)).toEqual([['accepted'], ['rejected'], ['awaiting_review']]);
    const ids = async (status: string) =>
      (await list(manager, projectId, `?review=${status}`)).map((i) => i.id);
    expect(await ids('accepted')).toEqual([itemIds[0]]);
    expect(await ids('rejected')).toEqual([itemIds[1]]);
    expect(await ids('awaiting_review')).toEqual([itemIds[2]]);
    expect(await ids('fixed')).toEqual([]);
    // Combined with the other filters, all must hold.
    expect((await list(manager, projectId, `?review=rejected&status=complete`)).map((i) => i.id)).toEqual([
      itemIds[1],
    ]);
    // An annotator's list: their own annotations only.
    expect((await list(a, projectId, '?review=awaiting_review')).length).toBe(0);
    expect((await list(a, projectId, '?review=rejected')).map((i) => i.id)).toEqual([itemIds[1]]);
    const bad = await h.call(manager, 'GET', `/api/projects/${projectId}/items?review=pending`);
    expect(bad.status).toBe(400);
  });
});

describe('review in My work', () => {
  it("shows the annotator each of their items' review with the feedback", async () => {
    const { projectId, a, b } = await world();
    const mine = await h.call(a, 'GET', `/api/projects/${projectId}/assignments/mine`);
    const reviews = mine.body.items.map((w: { review: unknown }) => w.review);
    // Newest first.
    expect(reviews).toMatchObject([
      { status: 'rejected', comment: 'Look again.' },
      { status: 'accepted', comment: null },
    ]);
    const theirs = await h.call(b, 'GET', `/api/projects/${projectId}/assignments/mine`);
    expect(theirs.body.items[0].review).toMatchObject({ status: 'awaiting_review', comment: null });
  });
});
