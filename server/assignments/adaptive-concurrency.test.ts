import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, claimProblems, claimsOf, next, skip, submit, type Team } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * Many annotators claiming and submitting at once in a project with adaptive overlap. On
 * PostgreSQL the transactions run in parallel; on SQLite they serialise on the write lock. Either
 * way: never more live claims on an item than its current target, never one annotator twice, and
 * every item ends at a target between the minimum and the maximum that its answers explain.
 */

const MIN = 2;
const MAX = 4;
const THRESHOLD = 0.3;
const ITEMS = 30;
const ANNOTATORS = 24;
const OPTIONS = ['algebra', 'geometry', 'calculus'] as const;

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: [...OPTIONS] }],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

/** An annotator's answer: every third item is easy (all agree); on the others it varies by person. */
const answerOf = (who: number, itemId: number) =>
  itemId % 3 === 0 ? 'algebra' : OPTIONS[(who * 7 + itemId * 13) % 3]!;

async function annotateAll(team: Team, who: TestUser, index: number, skips: boolean) {
  let claims = 0;
  for (; claims < 10 * ITEMS; claims++) {
    const work = await next(h, who, team.projectId);
    if (work.status === 204) return claims;
    if (work.status !== 200) throw new Error(`next: ${work.status} ${JSON.stringify(work.body)}`);
    const { item, assignment } = work.body;
    if (skips && (index * 5 + item.id) % 11 === 0) {
      const res = await skip(h, who, assignment.id);
      if (res.status !== 200) throw new Error(`skip: ${res.status} ${JSON.stringify(res.body)}`);
      continue;
    }
    const res = await submit(h, who, assignment.id, { topic: answerOf(index, item.id) });
    if (res.status !== 200) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  }
  throw new Error(`annotator ${index} never ran out of work`);
}

/** Items with more live claims than their current target, as one read of the store. */
async function overbooked(projectId: number): Promise<string[]> {
  const rows = await h.verity.store.db
    .selectFrom('items as i')
    .select(['i.id', 'i.target'])
    .select(
      sql<number>`(select count(*) from assignments a where a.item_id = i.id and a.status in ('locked', 'submitted'))`.as(
        'live',
      ),
    )
    .where('i.projectId', '=', projectId)
    .where(sql<boolean>`(select count(*) from assignments a where a.item_id = i.id
      and a.status in ('locked', 'submitted')) > coalesce(i.target, ${MIN})`)
    .execute();
  return rows.map((r) => `item ${r.id}: ${r.live} live claims, target ${r.target ?? MIN}`);
}

/** The share of pairs of answers that differ: the disagreement score of one choice question. */
function disagreement(answers: string[]): number {
  let pairs = 0;
  let differ = 0;
  for (let i = 0; i < answers.length; i++)
    for (let j = i + 1; j < answers.length; j++) {
      pairs += 1;
      if (answers[i] !== answers[j]) differ += 1;
    }
  return differ / pairs;
}

async function race(skips: boolean) {
  const team = await buildTeam(h, {
    items: ITEMS,
    annotators: ANNOTATORS,
    overlap: MIN,
    interface: iface,
    adaptiveOverlap: { max: MAX, threshold: THRESHOLD },
  });
  const index = new Map(team.annotators.map((a, i) => [a.id, i]));
  let running = true;
  const seen: string[] = [];
  const monitor = (async () => {
    while (running) {
      seen.push(...(await overbooked(team.projectId)));
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  try {
    for (let round = 0; round < 20; round++) {
      const claims = await Promise.all(team.annotators.map((a, i) => annotateAll(team, a, i, skips)));
      if (claims.every((c) => c === 0)) break;
    }
  } finally {
    running = false;
    await monitor;
  }
  expect(seen).toEqual([]);
  expect(await claimProblems(h, team.projectId, MIN)).toEqual([]);
  const claims = await claimsOf(h, team.projectId);
  expect(claims.filter((c) => c.status === 'locked')).toEqual([]);
  const targets = await h.verity.store.db
    .selectFrom('items')
    .select(['id', 'target'])
    .where('projectId', '=', team.projectId)
    .execute();
  const grown = new Set<number>();
  for (const { id, target } of targets) {
    const t = target ?? MIN;
    expect(t, `item ${id}`).toBeGreaterThanOrEqual(MIN);
    expect(t, `item ${id}`).toBeLessThanOrEqual(MAX);
    if (t > MIN) grown.add(id);
    // Claims are taken in id order, and a slot beyond the k-th opens only once the first k are in:
    // the first k answers (by assignment id) are what the item had when its target was k.
    const answers = claims
      .filter((c) => c.itemId === id && c.status === 'submitted')
      .map((c) => answerOf(index.get(c.userId)!, id));
    expect(answers, `item ${id}`).toHaveLength(t);
    for (let k = MIN; k < t; k++)
      expect(disagreement(answers.slice(0, k)), `item ${id} at ${k}`).toBeGreaterThan(THRESHOLD);
    if (t < MAX) expect(disagreement(answers), `item ${id}`).toBeLessThanOrEqual(THRESHOLD);
  }
  // The easy items never grow; some of the others do.
  for (const id of team.itemIds) if (id % 3 === 0) expect(grown.has(id), `item ${id}`).toBe(false);
  expect(grown.size).toBeGreaterThan(0);
  return { claims, grown };
}

describe(`${ANNOTATORS} annotators racing for ${ITEMS} items with adaptive overlap ${MIN}..${MAX}`, () => {
  it('never exceed an item’s current target nor give anyone an item twice; targets follow the answers', async () => {
    await race(false);
  });

  it('keep the same guarantees while annotators skip', async () => {
    const { claims } = await race(true);
    expect(claims.filter((c) => c.status === 'skipped').length).toBeGreaterThan(0);
  });
});
