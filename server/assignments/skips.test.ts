import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembers,
  buildTeam,
  claimProblems,
  claimsOf,
  next,
  seedUser,
  skip,
  submit,
  type Team,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * Skips that never strand an item: stranded items are counted and listed, and a skip can be
 * returned to its annotator's queue, by a manager or by the annotator.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const progressOf = async (who: TestUser, projectId: number) =>
  (await h.call(who, 'GET', `/api/projects/${projectId}`)).body.progress;

interface Summary {
  id: number;
  status: string;
  skipped: number;
  stranded: boolean;
}
const listed = async (who: TestUser, projectId: number, status: string): Promise<Summary[]> => {
  const res = await h.call(who, 'GET', `/api/projects/${projectId}/items?status=${status}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
};
const returnSkip = (who: TestUser, assignmentId: number) =>
  h.call(who, 'POST', `/api/assignments/${assignmentId}/return`);

describe('an item skipped by enough annotators', () => {
  // Overlap 2, three annotators: once two of them skip the first item, only one is left to take it.
  let team: Team;
  let a: TestUser;
  let b: TestUser;
  let c: TestUser;
  let first: number;
  const skips: Record<string, number> = {};
  beforeAll(async () => {
    team = await buildTeam(h, { items: 3, annotators: 3, overlap: 2 });
    [a, b, c] = team.annotators as [TestUser, TestUser, TestUser];
    first = team.itemIds[0]!;
    for (const [name, who] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const work = await next(h, who, team.projectId);
      expect(work.body.item.id).toBe(first);
      skips[name] = work.body.assignment.id;
      expect((await skip(h, who, work.body.assignment.id, `unclear to ${name}`)).status).toBe(200);
    }
  });

  it('is not stranded after one skip, and is after two', async () => {
    // Checked on a twin project so this one keeps its two skips.
    const twin = await buildTeam(h, { items: 1, annotators: 3, overlap: 2 });
    const [x, y] = twin.annotators as [TestUser, TestUser];
    const one = await next(h, x, twin.projectId);
    await skip(h, x, one.body.assignment.id);
    expect((await progressOf(twin.manager, twin.projectId)).stranded).toBe(0);
    expect(await listed(twin.manager, twin.projectId, 'stranded')).toEqual([]);
    const two = await next(h, y, twin.projectId);
    await skip(h, y, two.body.assignment.id);
    expect((await progressOf(twin.manager, twin.projectId)).stranded).toBe(1);
  });

  it('is counted on the project and flagged in the item list, with its skips', async () => {
    expect((await progressOf(team.manager, team.projectId)).stranded).toBe(1);
    const all = await listed(team.manager, team.projectId, 'open');
    expect(all.map((i) => [i.id, i.skipped, i.stranded])).toEqual([
      [first, 2, true],
      [team.itemIds[1], 0, false],
      [team.itemIds[2], 0, false],
    ]);
    expect((await listed(team.manager, team.projectId, 'stranded')).map((i) => i.id)).toEqual([first]);
    expect((await listed(team.manager, team.projectId, 'skipped')).map((i) => i.id)).toEqual([first]);
  });

  it('shows the skip reasons on the item page, with who skipped', async () => {
    const detail = await h.call(team.manager, 'GET', `/api/items/${first}`);
    const rows = detail.body.assignments as { skipReason: string | null; annotator: string }[];
    expect(rows.map((s) => [s.annotator, s.skipReason])).toEqual([
      [a.email, 'unclear to a'],
      [b.email, 'unclear to b'],
    ]);
  });

  it('is no longer stranded once a manager returns a skip, and its annotator gets it again', async () => {
    // a moves on first, so a's claim cursor passes the first item: only a voided cursor finds it.
    const second = await next(h, a, team.projectId);
    expect(second.body.item.id).toBe(team.itemIds[1]);
    expect((await submit(h, a, second.body.assignment.id, validAnswers)).status).toBe(200);

    const returned = await returnSkip(team.manager, skips.a!);
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ id: skips.a, status: 'expired', skipReason: null });
    expect((await progressOf(team.manager, team.projectId)).stranded).toBe(0);
    expect(await listed(team.manager, team.projectId, 'stranded')).toEqual([]);
    expect(await claimProblems(h, team.projectId, 2)).toEqual([]);

    const again = await next(h, a, team.projectId);
    expect(again.body.item.id).toBe(first);
    expect(again.body.assignment).toMatchObject({ id: skips.a, status: 'locked' });
    expect((await submit(h, a, again.body.assignment.id, validAnswers)).status).toBe(200);
    expect(await claimProblems(h, team.projectId, 2)).toEqual([]);
  });

  it('lets an annotator return their own skip; returning it twice changes nothing', async () => {
    const own = await returnSkip(b, skips.b!);
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('expired');
    const twice = await returnSkip(b, skips.b!);
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual(own.body);
    const again = await next(h, b, team.projectId);
    expect(again.body.item.id).toBe(first);
    expect(await claimProblems(h, team.projectId, 2)).toEqual([]);
  });

  it('refuses to return what is not a skip, and a colleague cannot return it', async () => {
    const held = await next(h, b, team.projectId);
    expect(held.status).toBe(200);
    const locked = await returnSkip(team.manager, held.body.assignment.id);
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('CONFLICT');
    expect((await returnSkip(c, held.body.assignment.id)).body.error.code).toBe('NOT_FOUND');
  });
});

describe('a project with fewer annotators than its overlap', () => {
  it('counts every item that cannot reach its overlap as stranded', async () => {
    const team = await buildTeam(h, { items: 4, annotators: 2, overlap: 3 });
    expect((await progressOf(team.manager, team.projectId)).stranded).toBe(4);
    // A third annotator makes them completable; a suspended one would not count.
    const [third, fourth] = [await seedUser(h.verity, 'annotator'), await seedUser(h.verity, 'annotator')];
    await addMembers(h, team.manager, team.projectId, [third, fourth]);
    const admin = await h.user('admin');
    const off = await h.call(admin, 'PATCH', `/api/users/${fourth.id}`, { status: 'suspended' });
    expect(off.status).toBe(200);
    expect((await progressOf(team.manager, team.projectId)).stranded).toBe(0);
    const off2 = await h.call(admin, 'PATCH', `/api/users/${third.id}`, { status: 'suspended' });
    expect(off2.status).toBe(200);
    expect((await listed(team.manager, team.projectId, 'stranded')).map((i) => i.id)).toEqual(team.itemIds);
  });
});

describe('returning skips while annotators race', () => {
  it('keeps slots and claims consistent and completes every item', async () => {
    const OVERLAP = 3;
    const team = await buildTeam(h, { items: 15, annotators: 12, overlap: OVERLAP });
    const skips = (who: number, itemId: number) => (who + itemId) % 3 === 0;
    let returned = 0;
    let running = true;
    const returner = (async () => {
      while (running) {
        const skipped = await h.verity.store.db
          .selectFrom('assignments')
          .select('id')
          .where('projectId', '=', team.projectId)
          .where('status', '=', 'skipped')
          .limit(5)
          .execute();
        for (const s of skipped) {
          if (returned >= 40) break;
          const res = await returnSkip(team.manager, s.id);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          returned += 1;
        }
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    const work = async (who: TestUser, index: number) => {
      for (let claims = 0; claims < 200; claims++) {
        const got = await next(h, who, team.projectId);
        if (got.status === 204) return claims;
        expect(got.status, JSON.stringify(got.body)).toBe(200);
        const { item, assignment } = got.body;
        const res = skips(index, item.id)
          ? await skip(h, who, assignment.id, 'not for me')
          : await submit(h, who, assignment.id, validAnswers);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      throw new Error(`annotator ${index} never ran out of work`);
    };
    try {
      for (let round = 0; round < 20; round++) {
        const claims = await Promise.all(team.annotators.map(work));
        if (claims.every((n) => n === 0) && returned >= 40) break;
        if (round > 3 && claims.every((n) => n === 0)) break;
      }
    } finally {
      running = false;
      await returner;
    }
    expect(returned).toBeGreaterThan(0);
    expect(await claimProblems(h, team.projectId, OVERLAP)).toEqual([]);
    const submitted = (await claimsOf(h, team.projectId)).filter((c) => c.status === 'submitted');
    for (const itemId of team.itemIds) {
      expect(
        submitted.filter((c) => c.itemId === itemId),
        `item ${itemId}`,
      ).toHaveLength(OVERLAP);
    }
  });
});
