import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, next, saveDraft, skip, submit, validAnswers } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * The tutor's counter ("n done · m left") and the item "Previous" opens, as defined in
 * docs/data-model.md, and the "edited" time of a submitted annotation changed later.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const progress = async (who: TestUser, projectId: number, before?: number) => {
  const res = await h.call(
    who,
    'GET',
    `/api/projects/${projectId}/my-progress${before === undefined ? '' : `?before=${before}`}`,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { done: number; left: number; previousAssignmentId: number | null };
};

describe('the counter and Previous', () => {
  it('count submits, skips and the held item exactly, and Previous walks back in claim order', async () => {
    const team = await buildTeam(h, { items: 4, annotators: 2, overlap: 2 });
    const [a, b] = team.annotators as [TestUser, TestUser];
    const p = team.projectId;
    expect(await progress(a, p)).toEqual({ done: 0, left: 4, previousAssignmentId: null });

    const first = (await next(h, a, p)).body.assignment.id;
    // The item held counts as left: it is the one on screen.
    expect(await progress(a, p)).toEqual({ done: 0, left: 4, previousAssignmentId: null });
    expect((await submit(h, a, first, validAnswers)).status).toBe(200);
    expect(await progress(a, p)).toEqual({ done: 1, left: 3, previousAssignmentId: first });

    const second = (await next(h, a, p)).body.assignment.id;
    expect((await skip(h, a, second, 'unclear')).status).toBe(200);
    expect(await progress(a, p)).toEqual({ done: 1, left: 2, previousAssignmentId: second });
    expect((await progress(a, p, second)).previousAssignmentId).toBe(first);
    expect((await progress(a, p, first)).previousAssignmentId).toBeNull();

    // Another annotator's work moves their own counter only, until an item is complete.
    const bFirst = (await next(h, b, p)).body.assignment.id;
    expect((await submit(h, b, bFirst, validAnswers)).status).toBe(200);
    expect(await progress(b, p)).toEqual({ done: 1, left: 3, previousAssignmentId: bFirst });
    expect((await progress(a, p)).left).toBe(2);
  });

  it('counts an item held without a free slot as left for its holder only', async () => {
    const team = await buildTeam(h, { items: 2, annotators: 2, overlap: 1 });
    const [a, b] = team.annotators as [TestUser, TestUser];
    const p = team.projectId;
    const held = (await next(h, a, p)).body.assignment.id;
    expect(await progress(a, p)).toEqual({ done: 0, left: 2, previousAssignmentId: null });
    expect(await progress(b, p)).toEqual({ done: 0, left: 1, previousAssignmentId: null });
    const bHeld = (await next(h, b, p)).body.assignment.id;
    expect((await progress(a, p)).left).toBe(1);
    expect((await submit(h, b, bHeld, validAnswers)).status).toBe(200);
    expect(await progress(b, p)).toEqual({ done: 1, left: 0, previousAssignmentId: bHeld });
    expect((await submit(h, a, held, validAnswers)).status).toBe(200);
    expect(await progress(a, p)).toEqual({ done: 1, left: 0, previousAssignmentId: held });
  });

  it('is refused to someone outside the project as not found', async () => {
    const team = await buildTeam(h, { items: 1, annotators: 1 });
    const other = await buildTeam(h, { items: 1, annotators: 1 });
    const res = await h.call(other.annotators[0]!, 'GET', `/api/projects/${team.projectId}/my-progress`);
    expect(res.status).toBe(404);
  });
});

describe('an edited submission', () => {
  it('carries editedAt from its resubmitted edit, not from a submit or an unsubmitted draft', async () => {
    const team = await buildTeam(h, { items: 1, annotators: 1, allowEditSubmitted: true });
    const a = team.annotators[0]!;
    const p = team.projectId;
    const assignmentId = (await next(h, a, p)).body.assignment.id;
    const submitted = await submit(h, a, assignmentId, validAnswers);
    expect(submitted.body.annotation.editedAt).toBeNull();

    expect((await saveDraft(h, a, assignmentId, { topic: 'geometry' })).body.annotation.editedAt).toBeNull();
    const edited = await submit(h, a, assignmentId, { topic: 'geometry' });
    expect(edited.status).toBe(200);
    const editedAt = edited.body.annotation.editedAt as string;
    expect(Date.parse(editedAt)).toBeGreaterThanOrEqual(Date.parse(edited.body.annotation.submittedAt));

    const mine = await h.call(a, 'GET', `/api/projects/${p}/assignments/mine?status=submitted`);
    expect(mine.body.items[0].annotation.editedAt).toBe(editedAt);
    const detail = await h.call(team.manager, 'GET', `/api/items/${team.itemIds[0]}`);
    expect(detail.body.annotations[0].editedAt).toBe(editedAt);
    expect(detail.body.annotations[0].answers).toEqual({ topic: 'geometry' });
  });
});
