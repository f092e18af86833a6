import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, next, postItems, seedUser, submit } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { adjudicated, api, twoQuestions, work } from './testing.ts';

/**
 * Adjudication (docs/quality.md): the setting, which items enter the queue and when, who may
 * adjudicate, the final answer checked like a submit, and `final` on the export's lines.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

describe('the adjudication setting', () => {
  it('is off by default and refuses bad values naming the field', async () => {
    const team = await buildTeam(h, { items: 1, annotators: 1, interface: twoQuestions });
    const url = `/api/projects/${team.projectId}`;
    expect((await h.call(team.manager, 'GET', url)).body.adjudication).toBeNull();
    const high = await h.call(team.manager, 'PATCH', url, { adjudication: { threshold: 1.5 } });
    expect([high.status, high.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(high.body.error.message).toMatch(/^body\.adjudication\.threshold: /);
    const bar = await h.call(team.manager, 'PATCH', url, {
      adjudication: { threshold: 0.5, confidenceBelow: 0 },
    });
    expect(bar.body.error.message).toMatch(/^body\.adjudication\.confidenceBelow: /);
    const stranger = await seedUser(h.verity, 'reviewer');
    const notMember = await h.call(team.manager, 'PATCH', url, {
      adjudication: { threshold: 0.5, adjudicators: [stranger.id] },
    });
    expect([notMember.status, notMember.body.error.message]).toEqual([
      400,
      `body.adjudication.adjudicators[0]: user ${stranger.id} is not a member of this project`,
    ]);
    const member = team.annotators[0] as TestUser;
    const ok = await h.call(team.manager, 'PATCH', url, {
      adjudication: { threshold: 0.5, adjudicators: [member.id] },
    });
    expect(ok.body.adjudication).toEqual({
      threshold: 0.5,
      confidenceBelow: null,
      adjudicators: [member.id],
    });
    const off = await h.call(team.manager, 'PATCH', url, { adjudication: null });
    expect(off.body.adjudication).toBeNull();
  });
});

describe('entering the queue', () => {
  it('takes a complete item whose disagreement reaches the threshold, and not one below it', async () => {
    // Threshold 0.5: one of two questions disagreeing scores exactly 0.5 and enters.
    const t = await adjudicated(h, { threshold: 0.5 }, { items: 3 });
    const [a, b] = t.annotators as [TestUser, TestUser];
    for (const [who, answers] of [
      [
        a,
        [
          { topic: 'algebra', level: 'easy' },
          { topic: 'algebra', level: 'easy' },
          { topic: 'algebra', level: 'easy' },
        ],
      ],
      [
        b,
        [
          { topic: 'algebra', level: 'hard' },
          { topic: 'algebra', level: 'easy' },
          { topic: 'geometry', level: 'hard' },
        ],
      ],
    ] as const)
      for (const one of answers) await work(h, who, t.projectId, one);
    const queue = await api(h, t.projectId).queue(t.adjudicator);
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
    expect(queue.body.counts).toEqual({ pending: 0, waiting: 2, claimed: 0, decided: 0 });
    expect(
      queue.body.items.map((i: { itemId: number; disagreement: number }) => [i.itemId, i.disagreement]),
    ).toEqual([
      [t.itemIds[0], 0.5],
      [t.itemIds[2], 1],
    ]);

    // Just above 0.5, the same answers leave the half-disputed item out.
    const u = await adjudicated(h, { threshold: 0.500001 }, { items: 1 });
    const [c, d] = u.annotators as [TestUser, TestUser];
    await work(h, c, u.projectId, { topic: 'algebra', level: 'easy' });
    await work(h, d, u.projectId, { topic: 'algebra', level: 'hard' });
    expect((await api(h, u.projectId).queue(u.adjudicator)).body.counts.waiting).toBe(0);
  });

  it('waits as pending while an annotator still holds a lock, and leaves when an edit settles it', async () => {
    const t = await adjudicated(h, { threshold: 0.5 }, { items: 1, annotators: 3, overlap: 3 });
    const [a, b, c] = t.annotators as [TestUser, TestUser, TestUser];
    const q = api(h, t.projectId);
    await work(h, a, t.projectId, { topic: 'algebra', level: 'easy' });
    const bLock = await next(h, b, t.projectId);
    await submit(h, b, bLock.body.assignment.id, { topic: 'geometry', level: 'hard' });
    const cLock = await next(h, c, t.projectId);
    expect(cLock.status).toBe(200);
    expect((await q.queue(t.adjudicator)).body.counts).toEqual({
      pending: 1,
      waiting: 0,
      claimed: 0,
      decided: 0,
    });
    expect((await q.next(t.adjudicator)).status).toBe(204);
    const decideEarly = await q.decide(t.adjudicator, t.itemIds[0] as number, {
      answers: { topic: 'algebra', level: 'easy' },
    });
    expect([decideEarly.status, decideEarly.body.error.code]).toEqual([409, 'CONFLICT']);
    await submit(h, c, cLock.body.assignment.id, { topic: 'algebra', level: 'easy' });
    const waiting = await q.queue(t.adjudicator, '?state=waiting');
    expect(waiting.body.items).toHaveLength(1);
    expect(waiting.body.items[0].disagreement).toBeCloseTo(2 / 3, 9);
    // b changes their mind: everyone agrees, and the item leaves the queue.
    await submit(h, b, bLock.body.assignment.id, { topic: 'algebra', level: 'easy' });
    expect((await q.queue(t.adjudicator)).body.counts.waiting).toBe(0);
  });

  it("follows a reviewer's fix: answers made to agree take the item out", async () => {
    const t = await adjudicated(h, { threshold: 0.5 }, { items: 1 });
    const review = await h.call(t.manager, 'PATCH', `/api/projects/${t.projectId}`, {
      review: { mode: 'all' },
    });
    expect(review.status).toBe(200);
    const [a, b] = t.annotators as [TestUser, TestUser];
    await work(h, a, t.projectId, { topic: 'algebra', level: 'easy' });
    await work(h, b, t.projectId, { topic: 'geometry', level: 'easy' });
    const q = api(h, t.projectId);
    expect((await q.queue(t.manager)).body.counts.waiting).toBe(1);
    const base = `/api/projects/${t.projectId}/review`;
    for (let i = 0; i < 2; i++) {
      const task = await h.call(t.manager, 'POST', `${base}/next`);
      expect(task.status).toBe(200);
      const { id, revision, annotator } = task.body.annotation;
      const url = `${base}/${id}/${annotator === b.email ? 'fix' : 'accept'}`;
      const body =
        annotator === b.email ? { revision, answers: { topic: 'algebra', level: 'easy' } } : { revision };
      expect((await h.call(t.manager, 'POST', url, body)).status).toBe(200);
    }
    expect((await q.queue(t.manager)).body.counts.waiting).toBe(0);
  });

  it('also takes an item whose majority-vote confidence is below the bar', async () => {
    // Two of three agree on the topic: confidence 2/3, disagreement 1/3 (under the threshold).
    for (const [bar, enters] of [
      [0.7, true],
      [0.6, false],
    ] as const) {
      const t = await adjudicated(
        h,
        { threshold: 0.9, confidenceBelow: bar },
        { items: 1, annotators: 3, overlap: 3 },
      );
      const topics = ['algebra', 'algebra', 'geometry'];
      for (const [i, who] of t.annotators.entries())
        await work(h, who, t.projectId, { topic: topics[i], level: 'easy' });
      const queue = await api(h, t.projectId).queue(t.adjudicator);
      expect(queue.body.counts.waiting, `bar ${bar}`).toBe(enters ? 1 : 0);
      if (enters) expect(queue.body.items[0].confidence).toBeCloseTo(2 / 3, 9);
    }
  });
});

describe('changing the setting', () => {
  it('judges the answered items again: turned on late, threshold raised, a bar added', async () => {
    const team = await buildTeam(h, {
      items: 3,
      annotators: 3,
      overlap: 3,
      itemOrder: 'sequential',
      interface: twoQuestions,
    });
    const topics = [
      ['algebra', 'algebra', 'algebra'],
      ['algebra', 'algebra', 'geometry'],
      ['algebra', 'geometry', 'calculus'],
    ];
    for (const [k, who] of team.annotators.entries())
      for (const item of topics) await work(h, who, team.projectId, { topic: item[k], level: 'easy' });
    const url = `/api/projects/${team.projectId}`;
    const set = async (adjudication: unknown) => {
      const res = await h.call(team.manager, 'PATCH', url, { adjudication });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const queue = await api(h, team.projectId).queue(team.manager);
      return queue.body.items.map((i: { itemId: number }) => team.itemIds.indexOf(i.itemId));
    };
    // Disagreement per item (two questions, the level always agreed): 0, 1/3, 1/2.
    expect(await set({ threshold: 0.1 })).toEqual([1, 2]);
    expect(await set({ threshold: 0.5 })).toEqual([2]);
    expect(await set({ threshold: 0.9 })).toEqual([]);
    expect(await set({ threshold: 0.9, confidenceBelow: 0.7 })).toEqual([1, 2]);
  });
});

describe('who adjudicates', () => {
  it('refuses members the setting does not name, and anyone who annotated the item', async () => {
    const t = await adjudicated(h, { threshold: 0.5 }, { items: 1, annotators: 3, overlap: 2 });
    const [a, b, outsiderAnnotator] = t.annotators as [TestUser, TestUser, TestUser];
    const item = await work(h, a, t.projectId, { topic: 'algebra', level: 'easy' });
    await work(h, b, t.projectId, { topic: 'geometry', level: 'easy' });
    const q = api(h, t.projectId);
    // A project annotator without the role, even one who never saw the item.
    expect((await q.next(outsiderAnnotator)).status).toBe(403);
    expect((await q.get(outsiderAnnotator, item)).status).toBe(403);
    // An annotator of the item named as adjudicator: the queue passes over it, and it is refused.
    const set = await h.call(t.manager, 'PATCH', `/api/projects/${t.projectId}`, {
      adjudication: { threshold: 0.5, adjudicators: [a.id, t.adjudicator.id] },
    });
    expect(set.status).toBe(200);
    expect((await q.next(a)).status).toBe(204);
    expect((await q.get(a, item)).status).toBe(403);
    const own = await q.decide(a, item, { answers: { topic: 'algebra', level: 'easy' } });
    expect([own.status, own.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // The named reviewer sees both answers side by side, with their annotators and the consensus.
    const taken = await q.next(t.adjudicator);
    expect(taken.status).toBe(200);
    expect(taken.body.state).toBe('claimed');
    expect(
      taken.body.answers.map((x: { annotator: string; answers: unknown }) => [x.annotator, x.answers]),
    ).toEqual([
      [a.email, { topic: 'algebra', level: 'easy' }],
      [b.email, { topic: 'geometry', level: 'easy' }],
    ]);
    expect(taken.body.consensus.level).toEqual({ answer: 'easy', confidence: 1 });
    expect(taken.body.consensus.topic.confidence).toBe(0.5);
    expect(taken.body.disagreement).toBe(0.5);
  });
});

describe('the final answer', () => {
  it('is checked like a submit, recorded once, kept apart from the annotations, and exported as final', async () => {
    const t = await adjudicated(h, { threshold: 0.5 }, { items: 2 });
    const [a, b] = t.annotators as [TestUser, TestUser];
    await work(h, a, t.projectId, { topic: 'algebra', level: 'easy' });
    await work(h, a, t.projectId, { topic: 'algebra', level: 'easy' });
    await work(h, b, t.projectId, { topic: 'geometry', level: 'hard' });
    await work(h, b, t.projectId, { topic: 'algebra', level: 'easy' });
    const q = api(h, t.projectId);
    const item = t.itemIds[0] as number;
    const bad = await q.decide(t.adjudicator, item, { answers: { topic: 'music', level: 'easy' } });
    expect([bad.status, bad.body.error.code]).toEqual([422, 'INVALID_ANSWERS']);
    expect(bad.body.error.message).toMatch(/^topic: /);
    const missing = await q.decide(t.adjudicator, item, { answers: { level: 'easy' } });
    expect(missing.status).toBe(422);
    const final = { topic: 'geometry', level: 'easy' };
    const ok = await q.decide(t.adjudicator, item, { answers: final, note: 'b is right about the topic' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.state).toBe('decided');
    expect(ok.body.final).toMatchObject({
      answers: final,
      adjudicator: t.adjudicator.email,
      note: 'b is right about the topic',
    });
    const again = await q.decide(t.adjudicator, item, { answers: final });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);
    // The annotators' answers are untouched.
    expect((await q.get(t.manager, item)).body.answers.map((x: { answers: unknown }) => x.answers)).toEqual([
      { topic: 'algebra', level: 'easy' },
      { topic: 'geometry', level: 'hard' },
    ]);
    // A later edit by an annotator leaves the decision standing.
    const bOnItem = await h.verity.store.db
      .selectFrom('assignments')
      .select('id')
      .where('itemId', '=', item)
      .where('userId', '=', b.id)
      .executeTakeFirstOrThrow();
    expect((await submit(h, b, bOnItem.id, { topic: 'calculus', level: 'hard' })).status).toBe(200);
    expect((await q.get(t.manager, item)).body.final.answers).toEqual(final);
    expect((await q.queue(t.manager)).body.counts).toEqual({
      pending: 0,
      waiting: 0,
      claimed: 0,
      decided: 1,
    });

    const res = await h.call(t.manager, 'GET', `/api/projects/${t.projectId}/export?format=jsonl`);
    expect(res.status).toBe(200);
    const lines = String(res.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.final])).toEqual([
      [item, final],
      [t.itemIds[1], undefined],
    ]);
    expect(lines[0].annotations).toHaveLength(2);
    // Deleting the item deletes its adjudication.
    const removed = await h.call(t.manager, 'POST', `/api/projects/${t.projectId}/items/actions`, {
      action: 'delete',
      ids: [item],
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect((await q.queue(t.manager)).body.counts).toEqual({
      pending: 0,
      waiting: 0,
      claimed: 0,
      decided: 0,
    });
  });
});

describe('gold items', () => {
  it('never enter: their answer is known', async () => {
    const t = await adjudicated(h, { threshold: 0.5 }, { items: 1 });
    const gold = { data: { text: 'gold one' }, gold: { topic: 'algebra', level: 'easy' } };
    await postItems(h.verity, t.manager, t.projectId, [gold]);
    const set = await h.call(t.manager, 'PATCH', `/api/projects/${t.projectId}`, { gold: { warmup: 1 } });
    expect(set.status).toBe(200);
    const [a, b] = t.annotators as [TestUser, TestUser];
    const served = [
      await work(h, a, t.projectId, { topic: 'algebra', level: 'easy' }),
      await work(h, b, t.projectId, { topic: 'geometry', level: 'hard' }),
    ];
    expect(served[0]).toBe(served[1]);
    expect(served[0]).not.toBe(t.itemIds[0]);
    expect((await api(h, t.projectId).queue(t.manager)).body.counts.waiting).toBe(0);
  });
});
