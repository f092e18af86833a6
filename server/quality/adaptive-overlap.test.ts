import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, claimProblems, next, postItems, submit, type Team } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * Adaptive overlap: an item gets the minimum (`overlap`), then one more annotator at a time while
 * its answers disagree past the threshold once they are all in, up to the maximum; changing the
 * bounds later brings the targets within them.
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

interface Row {
  target: number | null;
  slotsLeft: number;
  submittedCount: number;
}

const itemsOf = async (team: Team): Promise<Row[]> =>
  h.verity.store.db
    .selectFrom('items')
    .select(['target', 'slotsLeft', 'submittedCount'])
    .where('projectId', '=', team.projectId)
    .orderBy('id')
    .execute();

/** Takes the next item and answers it; the item's id, or null when there is no work. */
async function answerNext(who: TestUser, team: Team, topic: string): Promise<number | null> {
  const got = await next(h, who, team.projectId);
  if (got.status === 204) return null;
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  const res = await submit(h, who, got.body.assignment.id, { topic });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return got.body.item.id;
}

const patch = (team: Team, body: unknown) =>
  h.call(team.manager, 'PATCH', `/api/projects/${team.projectId}`, body);

async function disputedTeam(adaptive: { max: number; threshold: number } | null) {
  const team = await buildTeam(h, {
    items: 2,
    annotators: 5,
    overlap: 2,
    itemOrder: 'sequential',
    interface: iface,
    adaptiveOverlap: adaptive,
  });
  return { team, people: team.annotators as [TestUser, TestUser, TestUser, TestUser, TestUser] };
}

describe('adaptive overlap', () => {
  it('gives a disputed item one more annotator at a time, up to the maximum', async () => {
    const { team, people } = await disputedTeam({ max: 4, threshold: 0.3 });
    const [a, b, c, d, e] = people;
    const [first, second] = team.itemIds as [number, number];
    // a and b agree on the first item, differ on the second.
    expect(await answerNext(a, team, 'algebra')).toBe(first);
    expect(await answerNext(a, team, 'algebra')).toBe(second);
    expect(await answerNext(b, team, 'algebra')).toBe(first);
    expect(await answerNext(b, team, 'geometry')).toBe(second);
    expect(await itemsOf(team)).toEqual([
      { target: null, slotsLeft: 0, submittedCount: 2 },
      { target: 3, slotsLeft: 1, submittedCount: 2 },
    ]);
    const listed = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/items`);
    expect(listed.body.items.map((i: { status: string }) => i.status)).toEqual(['complete', 'in_progress']);
    // c sides with a: still two pairs of three differ (2/3 > 0.3), so a fourth.
    expect(await answerNext(c, team, 'algebra')).toBe(second);
    expect((await itemsOf(team))[1]).toEqual({ target: 4, slotsLeft: 1, submittedCount: 3 });
    // d too: 3 of 6 pairs differ, still past the threshold, but 4 is the maximum.
    expect(await answerNext(d, team, 'algebra')).toBe(second);
    expect((await itemsOf(team))[1]).toEqual({ target: 4, slotsLeft: 0, submittedCount: 4 });
    expect(await answerNext(e, team, 'algebra')).toBeNull();
    expect(await claimProblems(h, team.projectId, 2)).toEqual([]);
    const progress = (await h.call(team.manager, 'GET', `/api/projects/${team.projectId}`)).body.progress;
    expect(progress).toMatchObject({ complete: 2, inProgress: 0, submitted: 6 });
    // The burndowns count the grown target (2 + 4), so nothing remains once it is met.
    const stats = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/stats`);
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body.burndown[0].remaining).toBe(6);
    expect(stats.body.burndown.at(-1).remaining).toBe(0);
    const dashboards = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/dashboards`);
    expect(dashboards.status, JSON.stringify(dashboards.body)).toBe(200);
    expect(dashboards.body.burndown.target).toBe(6);
    expect(dashboards.body.burndown.days.at(-1)).toMatchObject({ submitted: 6, remaining: 0 });
  });

  it('stops once the answers agree enough', async () => {
    const { team, people } = await disputedTeam({ max: 5, threshold: 0.5 });
    const [a, b, c, d] = people;
    await answerNext(a, team, 'algebra');
    await answerNext(b, team, 'geometry');
    expect((await itemsOf(team))[0]).toMatchObject({ target: 3, slotsLeft: 1 });
    // algebra, geometry, algebra: 2 of 3 pairs differ (0.667 > 0.5): a fourth.
    await answerNext(c, team, 'algebra');
    expect((await itemsOf(team))[0]).toMatchObject({ target: 4, slotsLeft: 1 });
    // + algebra: 3 of 6 pairs differ, 0.5 is not above the threshold: done at four.
    await answerNext(d, team, 'algebra');
    expect((await itemsOf(team))[0]).toEqual({ target: 4, slotsLeft: 0, submittedCount: 4 });
  });

  it('refuses a maximum that does not exceed the overlap, naming the field', async () => {
    const { team } = await disputedTeam({ max: 3, threshold: 0.3 });
    const low = await patch(team, { adaptiveOverlap: { max: 2, threshold: 0.3 } });
    expect(low.status).toBe(400);
    expect(low.body.error.message).toContain('body.adaptiveOverlap.max');
    // Raising the minimum to the maximum is refused the same way.
    const raised = await patch(team, { overlap: 3 });
    expect(raised.status).toBe(400);
    expect(raised.body.error.message).toContain('body.adaptiveOverlap.max');
    const threshold = await patch(team, { adaptiveOverlap: { max: 3, threshold: 1.5 } });
    expect(threshold.status).toBe(400);
    expect(JSON.stringify(threshold.body)).toContain('threshold');
    const created = await h.call(team.manager, 'POST', '/api/projects', {
      name: 'Bad',
      interface: iface,
      overlap: 3,
      adaptiveOverlap: { max: 3, threshold: 0.2 },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toContain('body.adaptiveOverlap.max');
    const shown = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}`);
    expect(shown.body.adaptiveOverlap).toEqual({ max: 3, threshold: 0.3 });
  });

  it('brings targets within new bounds, and grows disputed items when turned on', async () => {
    const { team, people } = await disputedTeam(null);
    const [a, b] = people;
    await answerNext(a, team, 'algebra');
    await answerNext(a, team, 'algebra');
    await answerNext(b, team, 'algebra');
    await answerNext(b, team, 'geometry');
    // Off: both items are complete at two.
    expect((await itemsOf(team)).map((r) => [r.target, r.slotsLeft])).toEqual([
      [null, 0],
      [null, 0],
    ]);
    // Turned on: the disputed second item gets a third slot at once.
    expect((await patch(team, { adaptiveOverlap: { max: 4, threshold: 0.3 } })).status).toBe(200);
    expect((await itemsOf(team)).map((r) => [r.target, r.slotsLeft])).toEqual([
      [null, 0],
      [3, 1],
    ]);
    // A minimum of three: every item needs three; the second's target is the minimum again.
    expect((await patch(team, { overlap: 3 })).status).toBe(200);
    expect((await itemsOf(team)).map((r) => [r.target, r.slotsLeft])).toEqual([
      [null, 1],
      [null, 1],
    ]);
    expect((await patch(team, { overlap: 2, adaptiveOverlap: { max: 3, threshold: 0.3 } })).status).toBe(200);
    expect((await itemsOf(team)).map((r) => [r.target, r.slotsLeft])).toEqual([
      [null, 0],
      [3, 1],
    ]);
    // Off again: the grown target is dropped, its slot closes.
    expect((await patch(team, { adaptiveOverlap: null })).status).toBe(200);
    expect((await itemsOf(team)).map((r) => [r.target, r.slotsLeft])).toEqual([
      [null, 0],
      [null, 0],
    ]);
    expect(await claimProblems(h, team.projectId, 2)).toEqual([]);
  });

  it('never grows a gold item, however its answers disagree', async () => {
    const { team, people } = await disputedTeam({ max: 4, threshold: 0.3 });
    const [a, b] = people;
    await postItems(h.verity, team.manager, team.projectId, [
      { data: { text: 'gold' }, gold: { topic: 'algebra' } },
    ]);
    const gold = { warmup: 1, rate: 0, bar: null };
    expect((await patch(team, { gold })).status).toBe(200);
    // Each annotator's first item is the gold one (warm-up); they answer it differently.
    await answerNext(a, team, 'algebra');
    await answerNext(b, team, 'geometry');
    const rows = await h.verity.store.db
      .selectFrom('items')
      .select(['target', 'slotsLeft', 'disagreement'])
      .where('projectId', '=', team.projectId)
      .where('id', 'not in', team.itemIds)
      .execute();
    expect(rows.map((r) => ({ ...r, disagreement: Number(r.disagreement) }))).toEqual([
      { target: null, slotsLeft: 0, disagreement: 1 },
    ]);
  });
});
