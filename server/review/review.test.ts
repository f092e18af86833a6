import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildTeam, next, type ProjectOptions, seedUser, submit } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

type Review = { mode: 'none' | 'sample' | 'all'; percent?: number };

/** A project with `review`, its annotators, and a reviewer (account role reviewer, a member). */
async function reviewed(review: Review, opts: ProjectOptions & { items?: number; annotators?: number } = {}) {
  const { items = 4, annotators = 1, ...settings } = opts;
  const team = await buildTeam(h, { items, annotators, ...settings });
  const set = await h.call(team.manager, 'PATCH', `/api/projects/${team.projectId}`, { review });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  const reviewer = await seedUser(h.verity, 'reviewer');
  await addMembers(h, team.manager, team.projectId, [reviewer]);
  return { ...team, reviewer };
}

/** The annotator takes the next item and submits `answers`; the submit's annotation. */
async function work(
  who: TestUser,
  projectId: number,
  answers: Record<string, unknown> = { topic: 'algebra' },
) {
  const got = await next(h, who, projectId);
  expect(got.status).toBe(200);
  const sub = await submit(h, who, got.body.assignment.id, answers);
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return { assignmentId: got.body.assignment.id as number, annotation: sub.body.annotation };
}

const nextReview = (who: TestUser, projectId: number) =>
  h.call(who, 'POST', `/api/projects/${projectId}/review/next`);
const decide = (who: TestUser, projectId: number, annotationId: number, what: string, body: unknown) =>
  h.call(who, 'POST', `/api/projects/${projectId}/review/${annotationId}/${what}`, body);

describe('the review setting', () => {
  it('defaults to none, needs a percent to sample, and reads back as set', async () => {
    const team = await buildTeam(h, { items: 1, annotators: 0 });
    const url = `/api/projects/${team.projectId}`;
    expect((await h.call(team.manager, 'GET', url)).body.review).toEqual({ mode: 'none', percent: null });
    const bad = await h.call(team.manager, 'PATCH', url, { review: { mode: 'sample' } });
    expect(bad.status).toBe(400);
    const ok = await h.call(team.manager, 'PATCH', url, { review: { mode: 'sample', percent: 25 } });
    expect(ok.body.review).toEqual({ mode: 'sample', percent: 25 });
    const all = await h.call(team.manager, 'PATCH', url, { review: { mode: 'all', percent: 25 } });
    expect(all.body.review).toEqual({ mode: 'all', percent: null });
  });
});

describe('the round trip', () => {
  it('rejects with a comment, returns the item to its annotator first, and takes the rework back to review', async () => {
    const { projectId, annotators, reviewer } = await reviewed(
      { mode: 'all' },
      { allowEditSubmitted: false },
    );
    const annotator = annotators[0]!;
    const first = await work(annotator, projectId, { topic: 'algebra' });

    const task = await nextReview(reviewer, projectId);
    expect(task.status).toBe(200);
    expect(task.body.annotation.id).toBe(first.annotation.id);
    expect(task.body.item.data.text).toBe('item 0');
    expect(task.body.review.status).toBe('awaiting_review');
    const annotationId = first.annotation.id as number;

    const noComment = await decide(reviewer, projectId, annotationId, 'reject', {
      revision: 1,
      comment: '  ',
    });
    expect(noComment.status).toBe(400);
    const rejected = await decide(reviewer, projectId, annotationId, 'reject', {
      revision: task.body.annotation.revision,
      comment: 'This is geometry, not algebra.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.review).toMatchObject({
      status: 'rejected',
      comment: 'This is geometry, not algebra.',
    });
    expect((await nextReview(reviewer, projectId)).status).toBe(204);

    // The annotator holds nothing now; asking for work gives the rejected item back first.
    const back = await next(h, annotator, projectId);
    expect(back.body.assignment.id).toBe(first.assignmentId);
    expect(back.body.review).toMatchObject({ status: 'rejected', comment: 'This is geometry, not algebra.' });
    const mine = await h.call(annotator, 'GET', `/api/projects/${projectId}/assignments/mine`);
    expect(mine.body.items[0].review.status).toBe('rejected');

    // Resubmitting is allowed although the project refuses edits of submitted work.
    const again = await submit(h, annotator, first.assignmentId, { topic: 'geometry' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const after = await h.call(annotator, 'GET', `/api/assignments/${first.assignmentId}`);
    expect(after.body.review.status).toBe('reworked');
    const edit = await submit(h, annotator, first.assignmentId, { topic: 'algebra' });
    expect(edit.body.error.code).toBe('ALREADY_SUBMITTED');

    const retask = await nextReview(reviewer, projectId);
    expect(retask.body.annotation).toMatchObject({ id: annotationId, answers: { topic: 'geometry' } });
    expect(retask.body.review.status).toBe('reworked');
    expect(retask.body.history).toMatchObject([
      { outcome: 'rejected', comment: 'This is geometry, not algebra.' },
    ]);
    const accepted = await decide(reviewer, projectId, annotationId, 'accept', {
      revision: retask.body.annotation.revision,
    });
    expect(accepted.body.review.status).toBe('accepted');

    // Done: the annotator's next is a new item, the reviewer's queue is empty.
    const fresh = await next(h, annotator, projectId);
    expect(fresh.body.assignment.id).not.toBe(first.assignmentId);
    expect(fresh.body.review).toBeNull();
    expect((await nextReview(reviewer, projectId)).status).toBe(204);
    const twice = await decide(reviewer, projectId, annotationId, 'accept', {
      revision: accepted.body.annotation.revision,
    });
    expect(twice.body.error.code).toBe('CONFLICT');
  });

  it('lets a fix replace the answers, keeps the original as a revision and shows the annotator the difference', async () => {
    const { projectId, annotators, reviewer } = await reviewed({ mode: 'all' });
    const annotator = annotators[0]!;
    const done = await work(annotator, projectId, { topic: 'algebra', comment: 'mine' });
    const task = await nextReview(reviewer, projectId);
    const annotationId = task.body.annotation.id as number;
    const revision = task.body.annotation.revision as number;

    const invalid = await decide(reviewer, projectId, annotationId, 'fix', {
      revision,
      answers: { topic: 'cooking' },
    });
    expect(invalid.body.error.code).toBe('INVALID_ANSWERS');
    const stale = await decide(reviewer, projectId, annotationId, 'fix', {
      revision: revision + 1,
      answers: { topic: 'geometry' },
    });
    expect(stale.body.error.code).toBe('CONFLICT');

    const fixed = await decide(reviewer, projectId, annotationId, 'fix', {
      revision,
      answers: { topic: 'geometry', comment: 'mine' },
      comment: 'Topic corrected.',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.annotation.answers).toEqual({ topic: 'geometry', comment: 'mine' });
    expect(fixed.body.review).toMatchObject({
      status: 'fixed',
      comment: 'Topic corrected.',
      fixedFrom: { topic: 'algebra', comment: 'mine' },
    });

    const history = await h.call(annotator, 'GET', `/api/annotations/${annotationId}/revisions`);
    const last = history.body.items.at(-1);
    const before = history.body.items.at(-2);
    expect(last).toMatchObject({ kind: 'edit', userId: reviewer.id, answers: { topic: 'geometry' } });
    expect(before).toMatchObject({ kind: 'submit', userId: annotator.id, answers: { topic: 'algebra' } });

    const seen = await h.call(annotator, 'GET', `/api/assignments/${done.assignmentId}`);
    expect(seen.body.annotation.answers.topic).toBe('geometry');
    expect(seen.body.review).toMatchObject({ status: 'fixed', fixedFrom: { topic: 'algebra' } });
  });

  it('never gives annotators their own work to review, nor lets them decide on it', async () => {
    const { projectId, manager, reviewer } = await reviewed({ mode: 'all' });
    // The reviewer annotates too: their own submission is not theirs to review.
    const own = await work(reviewer, projectId);
    expect((await nextReview(reviewer, projectId)).status).toBe(204);
    const self = await decide(reviewer, projectId, own.annotation.id, 'accept', { revision: 1 });
    expect(self.body.error.code).toBe('FORBIDDEN');
    const byManager = await nextReview(manager, projectId);
    expect(byManager.body.annotation.id).toBe(own.annotation.id);
  });

  it('puts nothing in review in mode none', async () => {
    const { projectId, annotators, reviewer } = await reviewed({ mode: 'none' });
    const done = await work(annotators[0]!, projectId);
    expect((await nextReview(reviewer, projectId)).status).toBe(204);
    expect(
      (await h.call(annotators[0]!, 'GET', `/api/assignments/${done.assignmentId}`)).body.review,
    ).toBeNull();
  });
});

describe('sampling', () => {
  it("draws each annotator's first submission and the same share of everyone's", async () => {
    const { projectId, annotators, reviewer } = await reviewed(
      { mode: 'sample', percent: 50 },
      { items: 8, annotators: 2 },
    );
    const [a, b] = annotators as [TestUser, TestUser];
    const sampled: Record<number, number[]> = { [a.id]: [], [b.id]: [] };
    // Interleaved, so a project-wide count would sample one annotator only.
    for (let k = 1; k <= 4; k++) {
      for (const who of [a, b]) {
        const done = await work(who, projectId);
        const seen = await h.call(who, 'GET', `/api/assignments/${done.assignmentId}`);
        if (seen.body.review) sampled[who.id]!.push(k);
      }
    }
    expect(sampled).toEqual({ [a.id]: [1, 3], [b.id]: [1, 3] });
    let queued = 0;
    for (
      let t = await nextReview(reviewer, projectId);
      t.status === 200;
      t = await nextReview(reviewer, projectId)
    ) {
      await decide(reviewer, projectId, t.body.annotation.id, 'accept', {
        revision: t.body.annotation.revision,
      });
      queued++;
    }
    expect(queued).toBe(4);
  });
});

describe('two reviewers', () => {
  it('never hold the same annotation, and one cannot decide on what the other holds', async () => {
    const { projectId, annotators, manager, reviewer } = await reviewed(
      { mode: 'all' },
      { items: 8, annotators: 3, overlap: 2 },
    );
    for (const who of annotators) for (let i = 0; i < 4; i++) await work(who, projectId);
    const second = await seedUser(h.verity, 'reviewer');
    await addMembers(h, manager, projectId, [second]);

    // Both ask at once, again and again; each decides on what they got.
    const seen: number[] = [];
    for (let round = 0; round < 8; round++) {
      const [x, y] = await Promise.all([nextReview(reviewer, projectId), nextReview(second, projectId)]);
      if (x.status === 200 && y.status === 200) expect(x.body.annotation.id).not.toBe(y.body.annotation.id);
      for (const [who, t] of [
        [reviewer, x],
        [second, y],
      ] as const) {
        if (t.status !== 200) continue;
        seen.push(t.body.annotation.id);
        const ok = await decide(who, projectId, t.body.annotation.id, 'accept', {
          revision: t.body.annotation.revision,
        });
        expect(ok.status).toBe(200);
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(12);

    // A held annotation is the holder's until the claim runs out.
    const extra = await work((await seedAnnotator(manager, projectId)) as TestUser, projectId);
    const held = await nextReview(reviewer, projectId);
    expect(held.body.annotation.id).toBe(extra.annotation.id);
    expect((await nextReview(second, projectId)).status).toBe(204);
    const taken = await decide(second, projectId, extra.annotation.id, 'accept', { revision: 1 });
    expect(taken.body.error.code).toBe('CONFLICT');
    expect((await nextReview(reviewer, projectId)).body.annotation.id).toBe(extra.annotation.id);
  });
});

describe('many reviewers at once', () => {
  it('each claim a different annotation', async () => {
    const { projectId, annotators, manager } = await reviewed({ mode: 'all' }, { items: 12, annotators: 2 });
    for (const who of annotators) for (let i = 0; i < 6; i++) await work(who, projectId);
    const reviewers = await Promise.all(Array.from({ length: 8 }, () => seedUser(h.verity, 'reviewer')));
    await addMembers(h, manager, projectId, reviewers);
    const got = await Promise.all(reviewers.map((r) => nextReview(r, projectId)));
    const ids = got.map((g) => g.body.annotation.id as number);
    expect(new Set(ids).size).toBe(8);
    // Asking again renews each one's own claim.
    const again = await Promise.all(reviewers.map((r) => nextReview(r, projectId)));
    expect(again.map((g) => g.body.annotation.id)).toEqual(ids);
  });
});

async function seedAnnotator(manager: TestUser, projectId: number): Promise<TestUser> {
  const who = await seedUser(h.verity, 'annotator');
  await addMembers(h, manager, projectId, [who]);
  return who;
}
