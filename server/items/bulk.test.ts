import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeam,
  claimProblems,
  next,
  saveDraft,
  skip,
  submit,
  type Team,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const act = (who: TestUser, projectId: number, body: unknown) =>
  h.call(who, 'POST', `/api/projects/${projectId}/items/actions`, body);

const progressOf = async (team: Team) =>
  (await h.call(team.manager, 'GET', `/api/projects/${team.projectId}`)).body.progress;

const listed = async (team: Team): Promise<{ id: number; priority: number }[]> =>
  (await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/items?limit=500`)).body.items;

/** The ids `who` is handed by `next`, submitting each, until nothing is left. */
async function drain(who: TestUser, projectId: number): Promise<number[]> {
  const got: number[] = [];
  for (let i = 0; i < 50; i++) {
    const work = await next(h, who, projectId);
    if (work.status === 204) return got;
    expect(work.status, JSON.stringify(work.body)).toBe(200);
    got.push(work.body.item.id);
    expect((await submit(h, who, work.body.assignment.id, validAnswers)).status).toBe(200);
  }
  throw new Error('next never ran out');
}

describe('setting the priority of many items', () => {
  it('sets it on every named item, and next follows it even past a claim cursor', async () => {
    const team = await buildTeam(h, { items: 5, annotators: 1 });
    const [a] = team.annotators as [TestUser];
    const ids = team.itemIds;
    // The annotator does the first item: their cursor is now past it.
    const work = await next(h, a, team.projectId);
    expect(work.body.item.id).toBe(ids[0]);
    expect((await submit(h, a, work.body.assignment.id, validAnswers)).status).toBe(200);

    const res = await act(team.manager, team.projectId, {
      action: 'priority',
      ids: [ids[4], ids[3]],
      priority: 5,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ action: 'priority', affected: 2 });
    expect((await listed(team)).map((r) => r.priority)).toEqual([0, 0, 0, 5, 5]);
    // Raised past the cursor: handed out next, before the items that were ahead of them.
    expect(await drain(a, team.projectId)).toEqual([ids[3], ids[4], ids[1], ids[2]]);
    expect(await claimProblems(h, team.projectId, 1)).toEqual([]);
  });
});

describe('returning items to the queue', () => {
  // Overlap 2: on the first item, the annotator `a` holds a lock with a draft, `b` skipped it and
  // `c` submitted it; the second item is untouched.
  let team: Team;
  let lockOfA: number;
  beforeAll(async () => {
    team = await buildTeam(h, { items: 3, annotators: 3, overlap: 2 });
    const [a, b, c] = team.annotators as [TestUser, TestUser, TestUser];
    const workA = await next(h, a, team.projectId);
    lockOfA = workA.body.assignment.id;
    expect((await saveDraft(h, a, lockOfA, { topic: 'geometry' })).status).toBe(200);
    const workB = await next(h, b, team.projectId);
    expect(workB.body.item.id).toBe(team.itemIds[0]);
    expect((await skip(h, b, workB.body.assignment.id, 'not sure')).status).toBe(200);
    const workC = await next(h, c, team.projectId);
    expect(workC.body.item.id).toBe(team.itemIds[0]);
    expect((await submit(h, c, workC.body.assignment.id, validAnswers)).status).toBe(200);
  });

  it('ends the lock and returns the skip, keeping the draft and the submission', async () => {
    const before = await progressOf(team);
    expect(before.skipped).toBe(1);
    const res = await act(team.manager, team.projectId, {
      action: 'requeue',
      ids: [team.itemIds[0], team.itemIds[1]],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Only the first item had a lock or a skip to return.
    expect(res.body).toEqual({ action: 'requeue', affected: 1 });
    expect(await claimProblems(h, team.projectId, 2)).toEqual([]);
    const after = await progressOf(team);
    expect(after.skipped).toBe(0);
    expect(after.submitted).toBe(before.submitted);
    const item = await h.call(team.manager, 'GET', `/api/items/${team.itemIds[0]}`);
    const statuses = item.body.assignments.map((x: { status: string; skipReason: string | null }) => [
      x.status,
      x.skipReason,
    ]);
    expect(statuses).toEqual([
      ['expired', null],
      ['expired', null],
      ['submitted', null],
    ]);
  });

  it('lets the skipper claim the item again, past their cursor', async () => {
    const [, b] = team.annotators as [TestUser, TestUser];
    expect((await next(h, b, team.projectId)).body.item.id).toBe(team.itemIds[0]);
  });

  it('gives the former lock holder their draft back when they claim it', async () => {
    const [a] = team.annotators as [TestUser];
    // The item's second slot went to the skipper above: the holder gets the next item instead,
    // and their own lock comes back with its draft once the skipper lets the slot go.
    const skipper = team.annotators[1]!;
    const held = await next(h, skipper, team.projectId);
    expect((await skip(h, skipper, held.body.assignment.id)).status).toBe(200);
    const again = await next(h, a, team.projectId);
    expect(again.body.item.id).toBe(team.itemIds[0]);
    expect(again.body.assignment.id).toBe(lockOfA);
    expect(again.body.annotation.answers).toEqual({ topic: 'geometry' });
    expect(await claimProblems(h, team.projectId, 2)).toEqual([]);
  });
});

describe('deleting items', () => {
  let team: Team;
  let lockOfB: number;
  beforeAll(async () => {
    // Overlap 1, four items: the first submitted (after a draft, so two revisions), the second
    // locked with a draft, the last two untouched.
    team = await buildTeam(h, { items: 4, annotators: 2 });
    const [a, b] = team.annotators as [TestUser, TestUser];
    const first = await next(h, a, team.projectId);
    expect((await saveDraft(h, a, first.body.assignment.id, { topic: 'geometry' })).status).toBe(200);
    expect((await submit(h, a, first.body.assignment.id, validAnswers)).status).toBe(200);
    const second = await next(h, b, team.projectId);
    expect(second.body.item.id).toBe(team.itemIds[1]);
    lockOfB = second.body.assignment.id;
    expect((await saveDraft(h, b, lockOfB, { topic: 'algebra' })).status).toBe(200);
  });

  it('deletes the items with their annotations and says how many annotations went', async () => {
    const [first, second, third] = team.itemIds as [number, number, number];
    const res = await act(team.manager, team.projectId, { action: 'delete', ids: [first, second, third] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ action: 'delete', affected: 3, annotationsDeleted: 2 });
    expect((await listed(team)).map((r) => r.id)).toEqual([team.itemIds[3]]);
    expect((await h.call(team.manager, 'GET', `/api/items/${first}`)).status).toBe(404);
    expect(await progressOf(team)).toMatchObject({ items: 1, complete: 0, inProgress: 0, submitted: 0 });
    expect(await claimProblems(h, team.projectId, 1)).toEqual([]);
  });

  it('answers a save or submit on an assignment of a deleted item as not found', async () => {
    const [, b] = team.annotators as [TestUser, TestUser];
    expect((await saveDraft(h, b, lockOfB, { topic: 'geometry' })).status).toBe(404);
    expect((await submit(h, b, lockOfB, validAnswers)).status).toBe(404);
  });

  it('leaves nothing of them to next, and the holder of a deleted lock gets the item left', async () => {
    const [a, b] = team.annotators as [TestUser, TestUser];
    expect(await drain(b, team.projectId)).toEqual([team.itemIds[3]]);
    expect((await next(h, a, team.projectId)).status).toBe(204);
  });

  it('exports none of them', async () => {
    const res = await h.verity.app.inject({
      method: 'GET',
      url: `/api/projects/${team.projectId}/export`,
      headers: { authorization: `Bearer ${team.manager.token}` },
    });
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l: { id: number }) => l.id)).toEqual([team.itemIds[3]]);
  });
});

describe('all or nothing', () => {
  it('refuses ids outside the project, naming them, and changes nothing', async () => {
    const team = await buildTeam(h, { items: 2, annotators: 0 });
    const other = await buildTeam(h, { items: 1, annotators: 0 });
    const foreign = other.itemIds[0]!;
    const unknown = foreign + 1_000_000;
    for (const body of [
      { action: 'delete', ids: [...team.itemIds, foreign, unknown] },
      { action: 'priority', ids: [team.itemIds[0], unknown], priority: 3 },
    ]) {
      const res = await act(team.manager, team.projectId, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details[0].path).toBe('body.ids');
      expect(res.body.error.message).toContain(String(unknown));
    }
    const res = await act(team.manager, team.projectId, { action: 'delete', ids: [foreign] });
    expect(res.body.error.details[0].ids).toEqual([foreign]);
    expect((await listed(team)).map((r) => [r.id, r.priority])).toEqual(team.itemIds.map((id) => [id, 0]));
    expect((await listed(other)).map((r) => r.id)).toEqual([foreign]);
  });

  it('refuses an empty, repeated or oversized list and an unknown action, naming the field', async () => {
    const team = await buildTeam(h, { items: 1, annotators: 0 });
    const id = team.itemIds[0]!;
    const cases: [unknown, string][] = [
      [{ action: 'delete', ids: [] }, 'body.ids'],
      [{ action: 'delete', ids: [id, id] }, 'body.ids'],
      [{ action: 'requeue', ids: Array.from({ length: 10_001 }, (_, i) => i + 1) }, 'body.ids'],
      [{ action: 'priority', ids: [id] }, 'body.priority'],
      [{ action: 'priority', ids: [id], priority: 1.5 }, 'body.priority'],
      [{ action: 'archive', ids: [id] }, 'body.action'],
    ];
    for (const [body, path] of cases) {
      const res = await act(team.manager, team.projectId, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.details[0].path).toBe(path);
    }
    expect((await listed(team)).map((r) => r.id)).toEqual([id]);
  });
});

describe('bulk actions beside annotators at work', () => {
  it('never fails a claim, save or submit with a server error, and leaves the claims consistent', async () => {
    const team = await buildTeam(h, { items: 30, annotators: 6, overlap: 2 });
    const statuses: number[] = [];
    const work = async (who: TestUser) => {
      for (let round = 0; round < 4; round++) {
        const got = await next(h, who, team.projectId);
        statuses.push(got.status);
        if (got.status !== 200) continue;
        const id = got.body.assignment.id;
        statuses.push((await saveDraft(h, who, id, { topic: 'geometry' })).status);
        statuses.push((await submit(h, who, id, validAnswers)).status);
      }
    };
    const ids = team.itemIds;
    const actions = async () => {
      const results = [
        await act(team.manager, team.projectId, { action: 'delete', ids: ids.slice(0, 10) }),
        await act(team.manager, team.projectId, { action: 'requeue', ids: ids.slice(10, 20) }),
        await act(team.manager, team.projectId, { action: 'priority', ids: ids.slice(20), priority: 3 }),
        await act(team.manager, team.projectId, { action: 'delete', ids: ids.slice(10, 14) }),
      ];
      for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    await Promise.all([...team.annotators.map(work), actions()]);
    // A save or submit may find its item deleted (404) or its lock ended (409); nothing else fails.
    expect(statuses.filter((s) => ![200, 204, 404, 409].includes(s))).toEqual([]);
    expect(await claimProblems(h, team.projectId, 2)).toEqual([]);
    expect((await progressOf(team)).items).toBe(16);
  });
});
