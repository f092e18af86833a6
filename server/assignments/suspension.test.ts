import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeam,
  claimProblems,
  next,
  saveDraft,
  skip,
  submit,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
});
afterAll(async () => h.close());

const setStatus = (who: TestUser, status: 'active' | 'suspended') =>
  h.call(admin, 'PATCH', `/api/users/${who.id}`, { status });

const annotationsOf = (who: TestUser, itemId: number) =>
  h.verity.store.db
    .selectFrom('annotations')
    .select(['status', 'answers'])
    .where('userId', '=', who.id)
    .where('itemId', '=', itemId)
    .execute();

describe('suspending a user who holds locks', () => {
  it('hands their locked item to the very next request of another annotator, and keeps their draft', async () => {
    const team = await buildTeam(h, { overlap: 1, items: 2, annotators: 2 });
    const [ada, bo] = team.annotators as [TestUser, TestUser];
    const [first, second] = team.itemIds as [number, number];
    const took = await next(h, ada, team.projectId);
    expect(took.body.item.id).toBe(first);
    const draft = { topic: 'geometry', comment: 'half done' };
    expect((await saveDraft(h, ada, took.body.assignment.id, draft)).status).toBe(200);
    // Bo's claim cursor moves past the first item, which only a voided cursor lets him see again.
    const boFirst = await next(h, bo, team.projectId);
    expect(boFirst.body.item.id).toBe(second);
    expect((await submit(h, bo, boFirst.body.assignment.id, validAnswers)).status).toBe(200);

    expect((await setStatus(ada, 'suspended')).status).toBe(200);

    const boNext = await next(h, bo, team.projectId);
    expect(boNext.status).toBe(200);
    expect(boNext.body.item.id).toBe(first);
    expect(await claimProblems(h, team.projectId, 1)).toEqual([]);
    expect(await annotationsOf(ada, first)).toEqual([{ status: 'draft', answers: JSON.stringify(draft) }]);
  });

  it('gives a reinstated user their draft back when they take the item again', async () => {
    const team = await buildTeam(h, { overlap: 1, items: 1, annotators: 2 });
    const [ada, bo] = team.annotators as [TestUser, TestUser];
    const took = await next(h, ada, team.projectId);
    const draft = { topic: 'other' };
    expect((await saveDraft(h, ada, took.body.assignment.id, draft)).status).toBe(200);
    expect((await setStatus(ada, 'suspended')).status).toBe(200);
    const boTook = await next(h, bo, team.projectId);
    expect(boTook.body.item.id).toBe(took.body.item.id);
    expect((await skip(h, bo, boTook.body.assignment.id)).status).toBe(200);

    expect((await setStatus(ada, 'active')).status).toBe(200);
    const back = await next(h, ada, team.projectId);
    expect(back.status).toBe(200);
    expect(back.body.assignment.id).toBe(took.body.assignment.id);
    expect(back.body.annotation).toMatchObject({ status: 'draft', answers: draft });
    expect(await claimProblems(h, team.projectId, 1)).toEqual([]);
  });

  it('frees the slots of locks in every project, and leaves submissions and other users alone', async () => {
    const one = await buildTeam(h, { overlap: 2, items: 1, annotators: 2 });
    const two = await buildTeam(h, { overlap: 1, items: 2, annotators: 0 });
    const [ada, bo] = one.annotators as [TestUser, TestUser];
    await h.call(two.manager, 'POST', `/api/projects/${two.projectId}/members`, { userId: ada.id });
    const submitted = await next(h, ada, two.projectId);
    expect((await submit(h, ada, submitted.body.assignment.id, validAnswers)).status).toBe(200);
    const locked = await next(h, ada, two.projectId);
    expect(locked.body.item.id).not.toBe(submitted.body.item.id);
    expect((await next(h, ada, one.projectId)).status).toBe(200);
    expect((await next(h, bo, one.projectId)).status).toBe(200);

    expect((await setStatus(ada, 'suspended')).status).toBe(200);

    const slots = await h.verity.store.db
      .selectFrom('items')
      .select(['id', 'slotsLeft'])
      .where('projectId', 'in', [one.projectId, two.projectId])
      .orderBy('id')
      .execute();
    expect(slots).toEqual([
      { id: one.itemIds[0], slotsLeft: 1 },
      { id: submitted.body.item.id, slotsLeft: 0 },
      { id: locked.body.item.id, slotsLeft: 1 },
    ]);
    expect(await claimProblems(h, one.projectId, 2)).toEqual([]);
    expect(await claimProblems(h, two.projectId, 1)).toEqual([]);
  });
});
