import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeam,
  claimsOf,
  expireLock,
  next,
  saveDraft,
  seedUser,
  skip,
  submit,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, sampleInterface, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

/** Claims and submits items until the caller gets 204; returns the item ids in the order received. */
async function drain(who: TestUser, projectId: number): Promise<number[]> {
  const seen: number[] = [];
  for (;;) {
    const work = await next(h, who, projectId);
    if (work.status === 204) return seen;
    expect(work.status, JSON.stringify(work.body)).toBe(200);
    seen.push(work.body.item.id);
    expect((await submit(h, who, work.body.assignment.id, validAnswers)).status).toBe(200);
  }
}

describe('next item', () => {
  it('gives an item to `overlap` different annotators, then counts it complete', async () => {
    const { manager, projectId, itemIds, annotators } = await buildTeam(h, {
      overlap: 2,
      items: 1,
      annotators: 3,
    });
    const [a, b, c] = annotators as [TestUser, TestUser, TestUser];
    expect(await drain(a, projectId)).toEqual(itemIds);
    expect(await drain(b, projectId)).toEqual(itemIds);
    expect((await next(h, c, projectId)).status).toBe(204);
    const project = await h.call(manager, 'GET', `/api/projects/${projectId}`);
    expect(project.body.progress).toMatchObject({ items: 1, complete: 1, submitted: 2, inProgress: 0 });
  });

  it('returns the caller’s own locked item again instead of claiming another', async () => {
    const { projectId, annotators } = await buildTeam(h, { items: 3, annotators: 1 });
    const first = await next(h, annotators[0]!, projectId);
    const again = await next(h, annotators[0]!, projectId);
    expect(again.status).toBe(200);
    expect(again.body.assignment.id).toBe(first.body.assignment.id);
    expect(again.body.item.id).toBe(first.body.item.id);
    expect((await claimsOf(h, projectId)).filter((c) => c.status === 'locked')).toHaveLength(1);
  });

  it('never offers an annotator an item they annotated, even while it needs more annotations', async () => {
    const { projectId, itemIds, annotators } = await buildTeam(h, { overlap: 3, items: 2, annotators: 1 });
    expect(await drain(annotators[0]!, projectId)).toEqual(itemIds);
  });

  it('hands out items by priority, higher first, then in import order', async () => {
    const { projectId, itemIds, annotators } = await buildTeam(h, {
      items: [{ priority: 0 }, { priority: 5 }, { priority: 0 }, { priority: 5 }, { priority: -1 }],
      annotators: 1,
    });
    const [i0, i1, i2, i3, i4] = itemIds;
    expect(await drain(annotators[0]!, projectId)).toEqual([i1, i3, i0, i2, i4]);
  });

  it('with itemOrder random hands out every item once, not in import order', async () => {
    const { projectId, itemIds, annotators } = await buildTeam(h, {
      itemOrder: 'random',
      items: 30,
      annotators: 1,
    });
    const order = await drain(annotators[0]!, projectId);
    expect([...order].sort((x, y) => x - y)).toEqual(itemIds);
    // 30 items land in import order with probability 1/30!; seeing it means the setting is ignored.
    expect(order).not.toEqual(itemIds);
  });

  it('answers 204 with no body when the project has nothing for the caller', async () => {
    const { projectId, annotators } = await buildTeam(h, { items: 0, annotators: 1 });
    const res = await next(h, annotators[0]!, projectId);
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
  });

  it('does not let a non-member claim items', async () => {
    const { projectId } = await buildTeam(h, { items: 1, annotators: 0 });
    const outsider = await seedUser(h.verity, 'annotator');
    const res = await next(h, outsider, projectId);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('locks', () => {
  it('a live lock holds its slot: with overlap 1 a second annotator gets nothing', async () => {
    const { projectId, annotators } = await buildTeam(h, { items: 1, annotators: 2 });
    expect((await next(h, annotators[0]!, projectId)).status).toBe(200);
    expect((await next(h, annotators[1]!, projectId)).status).toBe(204);
  });

  it('an expired lock returns the slot to the pool for someone else', async () => {
    const { projectId, itemIds, annotators } = await buildTeam(h, { items: 1, annotators: 2 });
    const [a, b] = annotators as [TestUser, TestUser];
    const mine = await next(h, a, projectId);
    await expireLock(h, mine.body.assignment.id);
    const theirs = await next(h, b, projectId);
    expect(theirs.status).toBe(200);
    expect(theirs.body.item.id).toBe(itemIds[0]);
    const stale = await h.call(a, 'GET', `/api/assignments/${mine.body.assignment.id}`);
    expect(stale.body.assignment).toMatchObject({ status: 'expired', lockExpiresAt: null });
  });

  it('an annotator whose lock expired can claim the item again while a slot is free', async () => {
    const { projectId, annotators } = await buildTeam(h, { items: 1, annotators: 1 });
    const first = await next(h, annotators[0]!, projectId);
    await expireLock(h, first.body.assignment.id);
    const again = await next(h, annotators[0]!, projectId);
    expect(again.status).toBe(200);
    expect(again.body.assignment).toMatchObject({ id: first.body.assignment.id, status: 'locked' });
  });

  it('a draft save renews the lock for another full TTL', async () => {
    const { projectId, annotators } = await buildTeam(h, { lockTtlSeconds: 600, items: 1, annotators: 1 });
    const work = await next(h, annotators[0]!, projectId);
    const almostOver = Date.now() + 1000;
    await h.verity.store.db
      .updateTable('assignments')
      .set({ lockExpiresAt: almostOver })
      .where('id', '=', work.body.assignment.id)
      .execute();
    const saved = await saveDraft(h, annotators[0]!, work.body.assignment.id, { topic: 'geometry' });
    expect(saved.status).toBe(200);
    expect(saved.body.assignment.status).toBe('locked');
    // Renewal sets the expiry a TTL past the save, far beyond the second that was left.
    expect(Date.parse(saved.body.assignment.lockExpiresAt) - almostOver).toBeGreaterThan(500_000);
  });

  it('refuses a lock TTL under 30 seconds', async () => {
    const manager = await seedUser(h.verity, 'manager');
    const body = { name: 'short', interface: sampleInterface };
    const tooShort = await h.call(manager, 'POST', '/api/projects', { ...body, lockTtlSeconds: 29 });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.code).toBe('VALIDATION_FAILED');
    expect((await h.call(manager, 'POST', '/api/projects', { ...body, lockTtlSeconds: 30 })).status).toBe(
      201,
    );
  });
});

describe('skip', () => {
  it('sends a skipped item to others and never back to the skipper', async () => {
    const { projectId, itemIds, annotators } = await buildTeam(h, { items: 2, annotators: 2 });
    const [a, b] = annotators as [TestUser, TestUser];
    const [first, second] = itemIds;
    const work = await next(h, a, projectId);
    expect(work.body.item.id).toBe(first);
    const skipped = await skip(h, a, work.body.assignment.id, 'the text is cut off');
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({
      status: 'skipped',
      skipReason: 'the text is cut off',
      lockExpiresAt: null,
    });
    expect((await next(h, a, projectId)).body.item.id).toBe(second);
    const theirs = await next(h, b, projectId);
    expect(theirs.body.item.id).toBe(first);
    // Even once the item is free again, the skipper is not offered it.
    await skip(h, b, theirs.body.assignment.id);
    const rest = await h.call(a, 'GET', `/api/projects/${projectId}/assignments/mine`);
    const secondWork = rest.body.items.find((w: { item: { id: number } }) => w.item.id === second);
    await submit(h, a, secondWork.assignment.id, validAnswers);
    expect((await next(h, a, projectId)).status).toBe(204);
  });

  it('records a skip without a reason as a null reason', async () => {
    const { projectId, annotators } = await buildTeam(h, { items: 1, annotators: 1 });
    const work = await next(h, annotators[0]!, projectId);
    const skipped = await skip(h, annotators[0]!, work.body.assignment.id);
    expect(skipped.body).toMatchObject({ status: 'skipped', skipReason: null });
  });

  it('refuses to skip a submitted item', async () => {
    const { projectId, annotators } = await buildTeam(h, { items: 1, annotators: 1 });
    const work = await next(h, annotators[0]!, projectId);
    await submit(h, annotators[0]!, work.body.assignment.id, validAnswers);
    const res = await skip(h, annotators[0]!, work.body.assignment.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_SUBMITTED');
  });

  it('closes a skipped assignment to drafts and submits', async () => {
    const { projectId, annotators } = await buildTeam(h, { items: 1, annotators: 1 });
    const a = annotators[0]!;
    const work = await next(h, a, projectId);
    await skip(h, a, work.body.assignment.id);
    const draft = await saveDraft(h, a, work.body.assignment.id, { topic: 'other' });
    expect([draft.status, draft.body.error.code]).toEqual([409, 'ASSIGNMENT_CLOSED']);
    const sub = await submit(h, a, work.body.assignment.id, validAnswers);
    expect([sub.status, sub.body.error.code]).toEqual([409, 'ASSIGNMENT_CLOSED']);
  });
});

describe('ownership', () => {
  it('answers 404 for other people’s assignment ids, on every operation', async () => {
    const { projectId, annotators } = await buildTeam(h, { items: 1, annotators: 2 });
    const [a, b] = annotators as [TestUser, TestUser];
    const id = (await next(h, a, projectId)).body.assignment.id;
    const attempts = [
      await h.call(b, 'GET', `/api/assignments/${id}`),
      await saveDraft(h, b, id, validAnswers),
      await submit(h, b, id, validAnswers),
      await skip(h, b, id),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    // And none of them touched the owner's work.
    const own = await h.call(a, 'GET', `/api/assignments/${id}`);
    expect(own.body).toMatchObject({ assignment: { status: 'locked' }, annotation: null });
  });
});
