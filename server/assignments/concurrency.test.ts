import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeam,
  claimProblems,
  claimsOf,
  expireLock,
  next,
  skip,
  submit,
  type Team,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * Many annotators racing for the same items. On PostgreSQL the pool runs the transactions truly in
 * parallel; on SQLite they serialise on the write lock. Either way the claim invariants must hold.
 */

const OVERLAP = 3;
const ITEMS = 40;
const ANNOTATORS = 50;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

interface Chaos {
  /** Whether this annotator skips this item instead of annotating it. */
  skips?: (who: number, itemId: number) => boolean;
}

/**
 * next → submit (or skip) until the server answers 204; returns the items this annotator submitted
 * and how many times they were given work.
 */
async function annotateAll(team: Team, who: TestUser, index: number, chaos: Chaos) {
  const submitted: number[] = [];
  for (let claims = 0; claims < 10 * ITEMS; claims++) {
    const work = await next(h, who, team.projectId);
    if (work.status === 204) return { submitted, claims };
    if (work.status !== 200) throw new Error(`next: ${work.status} ${JSON.stringify(work.body)}`);
    const { item, assignment } = work.body;
    if (chaos.skips?.(index, item.id)) {
      const res = await skip(h, who, assignment.id, 'not for me');
      if (res.status !== 200) throw new Error(`skip: ${res.status} ${JSON.stringify(res.body)}`);
      continue;
    }
    const res = await submit(h, who, assignment.id, validAnswers);
    if (res.status === 200) submitted.push(item.id);
    // Another annotator took the slot after our lock was expired under us: ask for the next item.
    else if (res.body?.error?.code !== 'LOCK_EXPIRED')
      throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  }
  throw new Error(`annotator ${index} never ran out of work`);
}

/** Items with more live claims than the overlap, as one consistent read of the store. */
async function overbooked(projectId: number): Promise<string[]> {
  const rows = await h.verity.store.db
    .selectFrom('assignments')
    .select(['itemId', sql<number>`count(*)`.as('live')])
    .where('projectId', '=', projectId)
    .where('status', 'in', ['locked', 'submitted'])
    .groupBy('itemId')
    .having(sql`count(*)`, '>', OVERLAP)
    .execute();
  return rows.map((r) => `item ${r.itemId}: ${r.live} live claims`);
}

/**
 * Runs every annotator at once, in rounds until a round finds no work for anyone: an annotator who
 * got 204 comes back later, as people do, because a skip or an expired lock can free a slot after
 * they left. While they work, `meddle` may run in a loop (expiring locks); each of its rounds also
 * checks, mid-race, that no item is overbooked.
 */
async function race(team: Team, chaos: Chaos, meddle?: () => Promise<void>) {
  let running = true;
  const seenOverbooked: string[] = [];
  const monitor = (async () => {
    while (running) {
      seenOverbooked.push(...(await overbooked(team.projectId)));
      if (meddle) await meddle();
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const perAnnotator: number[][] = team.annotators.map(() => []);
  try {
    for (let round = 0; round < 20; round++) {
      const done = await Promise.all(team.annotators.map((a, i) => annotateAll(team, a, i, chaos)));
      done.forEach((d, i) => {
        perAnnotator[i]!.push(...d.submitted);
      });
      if (done.every((d) => d.claims === 0)) break;
    }
    return { perAnnotator, seenOverbooked };
  } finally {
    running = false;
    await monitor;
  }
}

async function expectAllComplete(team: Team, perAnnotator: number[][]) {
  expect(await claimProblems(h, team.projectId, OVERLAP)).toEqual([]);
  const claims = await claimsOf(h, team.projectId);
  const submitted = claims.filter((c) => c.status === 'submitted');
  for (const itemId of team.itemIds) {
    const annotators = submitted.filter((c) => c.itemId === itemId).map((c) => c.userId);
    expect(new Set(annotators).size, `item ${itemId}`).toBe(OVERLAP);
    expect(annotators).toHaveLength(OVERLAP);
  }
  expect(claims.filter((c) => c.status === 'locked')).toEqual([]);
  // What each annotator was told they submitted is exactly what the store holds for them, once each.
  team.annotators.forEach((a, i) => {
    const mine = perAnnotator[i]!;
    expect(new Set(mine).size).toBe(mine.length);
    const stored = submitted.filter((c) => c.userId === a.id).map((c) => c.itemId);
    expect([...mine].sort((x, y) => x - y)).toEqual(stored.sort((x, y) => x - y));
  });
  expect(perAnnotator.flat()).toHaveLength(ITEMS * OVERLAP);
}

describe(`${ANNOTATORS} annotators racing for ${ITEMS} items with overlap ${OVERLAP}`, () => {
  it('complete every item exactly `overlap` times, never giving an annotator an item twice', async () => {
    const team = await buildTeam(h, { overlap: OVERLAP, items: ITEMS, annotators: ANNOTATORS });
    const { perAnnotator, seenOverbooked } = await race(team, {});
    expect(seenOverbooked).toEqual([]);
    await expectAllComplete(team, perAnnotator);
  });

  it('keep the invariants while annotators skip and locks expire under them', async () => {
    const team = await buildTeam(h, { overlap: OVERLAP, items: ITEMS, annotators: ANNOTATORS });
    let expiries = 0;
    let rounds = 0;
    // Expires one live lock per monitor round (a different one each time, by a rotating offset).
    const expireSomeLock = async () => {
      if (expiries >= 80) return;
      rounds += 1;
      const victim = await h.verity.store.db
        .selectFrom('assignments')
        .select('id')
        .where('projectId', '=', team.projectId)
        .where('status', '=', 'locked')
        .orderBy('id')
        .offset(rounds % 7)
        .limit(1)
        .executeTakeFirst();
      if (victim) {
        await expireLock(h, victim.id);
        expiries += 1;
      }
    };
    const { perAnnotator, seenOverbooked } = await race(
      team,
      { skips: (who, itemId) => (who * 7 + itemId) % 5 === 0 },
      expireSomeLock,
    );
    expect(seenOverbooked).toEqual([]);
    await expectAllComplete(team, perAnnotator);
    const skipped = (await claimsOf(h, team.projectId)).filter((c) => c.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(expiries).toBeGreaterThan(0);
  });
});
