import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject, next, seedUser, submit } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => h.close());

const GOLD_ANSWERS = { topic: 'other', steps: 987654.321 };

/** A project with `gold` gold items and `plain` ordinary ones, its gold settings, and annotators. */
async function goldProject(p: {
  gold: number;
  plain: number;
  warmup: number;
  rate: number;
  annotators: number;
}) {
  const projectId = await buildProject(h, manager, { overlap: 1 });
  const lines = [
    ...Array.from({ length: p.plain }, (_, i) => ({
      id: `p${i}`,
      data: { text: `plain ${i}`, source: 's' },
    })),
    ...Array.from({ length: p.gold }, (_, i) => ({
      id: `g${i}`,
      data: { text: `gold ${i}`, source: 's' },
      gold: GOLD_ANSWERS,
    })),
  ];
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(lines),
  });
  expect(res.statusCode, res.body).toBe(201);
  const settings = { gold: { warmup: p.warmup, rate: p.rate } };
  expect((await h.call(manager, 'PATCH', `/api/projects/${projectId}`, settings)).status).toBe(200);
  const annotators = await Promise.all(
    Array.from({ length: p.annotators }, () => seedUser(h.verity, 'annotator')),
  );
  await addMembers(h, manager, projectId, annotators);
  const goldIds = new Set(
    (
      await h.verity.store.db
        .selectFrom('goldItems')
        .select('itemId')
        .where('projectId', '=', projectId)
        .execute()
    ).map((r) => r.itemId),
  );
  return { projectId, annotators, goldIds };
}

/** Works the queue to its end: next, submit; returns whether each served item was gold. */
async function workAll(who: TestUser, projectId: number, goldIds: Set<number>): Promise<boolean[]> {
  const served: boolean[] = [];
  for (;;) {
    const res = await next(h, who, projectId);
    if (res.status === 204 || res.body === null || res.body?.item === undefined) break;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    served.push(goldIds.has(res.body.item.id));
    const done = await submit(h, who, res.body.assignment.id, { topic: 'algebra' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  }
  return served;
}

describe('serving gold items', () => {
  it('serves the warm-up as gold, then ordinary items, each gold item once per annotator', async () => {
    const { projectId, annotators, goldIds } = await goldProject({
      gold: 2,
      plain: 4,
      warmup: 2,
      rate: 0,
      annotators: 2,
    });
    const [a, b] = annotators as [TestUser, TestUser];
    expect(await workAll(a, projectId, goldIds)).toEqual([true, true, false, false, false, false]);
    // Every annotator gets every gold item; the ordinary items (overlap 1) are all taken.
    expect(await workAll(b, projectId, goldIds)).toEqual([true, true]);
  });

  it('serves gold at the set rate after the warm-up', async () => {
    const { projectId, annotators, goldIds } = await goldProject({
      gold: 5,
      plain: 12,
      warmup: 1,
      rate: 0.25,
      annotators: 1,
    });
    const served = await workAll(annotators[0]!, projectId, goldIds);
    expect(served[0]).toBe(true);
    // Of the next 12 items, a quarter are gold (the phase may move one across the edge).
    const gold = served.slice(1, 13).filter(Boolean).length;
    expect(gold).toBe(3);
    expect(served.filter(Boolean).length).toBeLessThanOrEqual(5);
    expect(served.length).toBe(17);
  });

  it('gives two tabs of one annotator the same gold item, never two at once', async () => {
    const { projectId, annotators, goldIds } = await goldProject({
      gold: 3,
      plain: 3,
      warmup: 3,
      rate: 0,
      annotators: 1,
    });
    const who = annotators[0]!;
    const tabs = await Promise.all(Array.from({ length: 6 }, () => next(h, who, projectId)));
    const ids = new Set(tabs.map((t) => t.body.assignment.id));
    expect(ids.size).toBe(1);
    expect(goldIds.has(tabs[0]!.body.item.id)).toBe(true);
    const locks = await h.verity.store.db
      .selectFrom('assignments')
      .select('itemId')
      .where('userId', '=', who.id)
      .where('status', '=', 'locked')
      .execute();
    expect(locks.length).toBe(1);
  });

  it('serves gold to several annotators at once', async () => {
    const { projectId, annotators, goldIds } = await goldProject({
      gold: 1,
      plain: 8,
      warmup: 1,
      rate: 0,
      annotators: 4,
    });
    const first = await Promise.all(annotators.map((a) => next(h, a, projectId)));
    for (const res of first) expect(goldIds.has(res.body.item.id)).toBe(true);
    const [goldId] = [...goldIds];
    const row = await h.verity.store.db
      .selectFrom('items')
      .select('slotsLeft')
      .where('id', '=', goldId!)
      .executeTakeFirstOrThrow();
    expect(row.slotsLeft).toBe(0);
  });
});
