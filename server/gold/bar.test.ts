import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject, next, seedUser, submit } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
let reviewer: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  reviewer = await seedUser(h.verity, 'reviewer');
});
afterAll(async () => h.close());

/** A project of `gold` gold items (gold topic "geometry") and `plain` ordinary ones, all gold first. */
async function project(p: { gold: number; plain: number; bar: { minAccuracy: number; after: number } }) {
  const projectId = await buildProject(h, manager, { overlap: 1 });
  const lines = [
    ...Array.from({ length: p.gold }, (_, i) => ({
      data: { text: `gold ${i}`, source: 's' },
      gold: { topic: 'geometry', difficulty: 3, comment: 'a proof' },
    })),
    ...Array.from({ length: p.plain }, (_, i) => ({ data: { text: `plain ${i}`, source: 's' } })),
  ];
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(lines),
  });
  expect(res.statusCode, res.body).toBe(201);
  const gold = { warmup: p.gold, rate: 0, bar: p.bar };
  expect((await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { gold })).status).toBe(200);
  const annotator = await seedUser(h.verity, 'annotator');
  await addMembers(h, manager, projectId, [annotator]);
  await h.call(manager, 'POST', `/api/projects/${projectId}/members`, {
    userId: reviewer.id,
    role: 'reviewer',
  });
  return { projectId, annotator };
}

async function answerNext(who: TestUser, projectId: number, answers: Record<string, unknown>) {
  const got = await next(h, who, projectId);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  const done = await submit(h, who, got.body.assignment.id, answers);
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

describe('gold scores and the quality bar', () => {
  it('reports accuracy per question with counts and Wilson intervals, and marks due for free text', async () => {
    const { projectId, annotator } = await project({
      gold: 2,
      plain: 1,
      bar: { minAccuracy: 0.1, after: 99 },
    });
    await answerNext(annotator, projectId, { topic: 'geometry', difficulty: 3, comment: 'proof' });
    await answerNext(annotator, projectId, { topic: 'algebra', difficulty: 3, comment: 'x' });
    const res = await h.call(reviewer, 'GET', `/api/projects/${projectId}/gold`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.goldItems).toBe(2);
    const [row] = res.body.annotators;
    expect(row.annotator).toBe(annotator.email);
    expect(row.kind).toBe('human');
    expect(row.items).toBe(2);
    expect(row.questions.topic).toMatchObject({ n: 2, accuracy: 0.5 });
    expect(row.questions.topic.interval.low).toBeCloseTo(0.0945, 4);
    expect(row.questions.topic.interval.high).toBeCloseTo(0.9055, 4);
    expect(row.questions.difficulty).toMatchObject({ n: 2, accuracy: 1 });
    expect(row.questions.comment).toMatchObject({ n: 0, accuracy: null });
    expect(row.overall).toMatchObject({ n: 4, accuracy: 0.75 });
    expect(row.awaitingMarks).toBe(2);
    expect(res.body.awaitingMarks.map((m: { answer: string; gold: string }) => [m.answer, m.gold])).toEqual([
      ['proof', 'a proof'],
      ['x', 'a proof'],
    ]);
    // A reviewer marks the free text; it then counts.
    const due = res.body.awaitingMarks[0];
    const mark = { itemId: due.itemId, userId: due.userId, question: 'comment', score: 1 };
    expect((await h.call(reviewer, 'POST', `/api/projects/${projectId}/gold/marks`, mark)).status).toBe(200);
    expect((await h.call(reviewer, 'POST', `/api/projects/${projectId}/gold/marks`, mark)).status).toBe(404);
    const after = await h.call(manager, 'GET', `/api/projects/${projectId}/gold`);
    expect(after.body.annotators[0].questions.comment).toMatchObject({ n: 1, accuracy: 1 });
    expect(after.body.awaitingMarks.length).toBe(1);
    // Annotators are told there is no such thing.
    expect((await h.call(annotator, 'GET', `/api/projects/${projectId}/gold`)).status).toBe(404);
  });

  it('pauses an annotator below the bar, tells managers, and a manager lifts it', async () => {
    const { projectId, annotator } = await project({
      gold: 3,
      plain: 3,
      bar: { minAccuracy: 0.7, after: 2 },
    });
    const wrong = { topic: 'algebra', difficulty: 1 };
    await answerNext(annotator, projectId, wrong);
    await answerNext(annotator, projectId, wrong);
    const refused = await next(h, annotator, projectId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('GOLD_PAUSED');
    expect(refused.body.error.message).toContain('gold accuracy below 70 % after 2 scored gold items');
    // Their answers are kept.
    const mine = await h.call(annotator, 'GET', `/api/projects/${projectId}/assignments/mine`);
    expect(mine.body.items.length).toBe(2);
    const report = await h.call(manager, 'GET', `/api/projects/${projectId}/gold`);
    const row = report.body.annotators[0];
    expect(row.paused).toMatchObject({ userId: annotator.id, accuracy: 0, scored: 2, liftedAt: null });
    // Only the project's managers lift it; it is recorded with who and when.
    const path = `/api/projects/${projectId}/gold/pauses/${annotator.id}/lift`;
    expect((await h.call(reviewer, 'POST', path)).status).toBe(403);
    const lifted = await h.call(manager, 'POST', path);
    expect(lifted.status).toBe(200);
    expect(lifted.body.liftedBy).toBe(manager.email);
    expect(lifted.body.liftedAt).not.toBeNull();
    expect((await h.call(manager, 'POST', path)).status).toBe(404);
    // Working again; the bar counts gold scored after the lift only.
    await answerNext(annotator, projectId, { topic: 'geometry', difficulty: 3 });
    expect((await next(h, annotator, projectId)).status).toBe(200);
    const history = await h.call(manager, 'GET', `/api/projects/${projectId}/gold`);
    expect(history.body.pauses.length).toBe(1);
    expect(history.body.annotators[0].paused).toBeNull();
  });

  it("pauses on a reviewer's mark, then refuses the held item's submit, on that project only", async () => {
    const bar = { minAccuracy: 0.7, after: 2 };
    const { projectId, annotator } = await project({ gold: 2, plain: 2, bar });
    // Right on the scored questions; the free text waits for a mark.
    const answers = { topic: 'geometry', difficulty: 3, comment: 'x' };
    await answerNext(annotator, projectId, answers);
    await answerNext(annotator, projectId, answers);
    const held = await next(h, annotator, projectId);
    expect(held.status).toBe(200);
    const report = async () => (await h.call(manager, 'GET', `/api/projects/${projectId}/gold`)).body;
    const due = (await report()).awaitingMarks as { itemId: number; userId: number }[];
    expect(due.length).toBe(2);
    const mark = (d: { itemId: number; userId: number }) =>
      h.call(reviewer, 'POST', `/api/projects/${projectId}/gold/marks`, {
        itemId: d.itemId,
        userId: d.userId,
        question: 'comment',
        score: 0,
      });
    // 4 of 5 scored answers right: 0.8, above the bar.
    expect((await mark(due[0]!)).status).toBe(200);
    expect((await report()).annotators[0].paused).toBeNull();
    // 4 of 6: below 0.7, so the mark pauses them.
    expect((await mark(due[1]!)).status).toBe(200);
    expect((await report()).annotators[0].paused).toMatchObject({ userId: annotator.id, scored: 2 });
    const refused = await submit(h, annotator, held.body.assignment.id, answers);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('GOLD_PAUSED');
    // Their other projects are untouched.
    const other = await project({ gold: 0, plain: 1, bar });
    await addMembers(h, manager, other.projectId, [annotator]);
    const elsewhere = await next(h, annotator, other.projectId);
    expect(elsewhere.status).toBe(200);
    expect((await submit(h, annotator, elsewhere.body.assignment.id, answers)).status).toBe(200);
  });
});
