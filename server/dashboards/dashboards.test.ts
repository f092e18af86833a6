import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../core/quality/wilson.ts';
import { addMembers, buildProject, next, seedUser, submit } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * The dashboards' aggregates against hand-computed values: one gold item and three ordinary ones,
 * annotators a, b, c and m (m turned into a model judge afterwards), every submission reviewed,
 * and the days of submissions, decisions and the rework written into the store afterwards.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    { name: 'topic', type: 'choice', options: ['algebra', 'geometry'] },
    { name: 'level', type: 'rating', min: 1, max: 3 },
    { name: 'note', type: 'text' },
  ],
};

type Who = 'a' | 'b' | 'c' | 'm';
// Per annotator, [gold item, item 1, item 2, item 3]: [topic, level, day of submission].
const plan: Record<Who, [string, number, number][]> = {
  a: [
    ['geometry', 2, 0],
    ['algebra', 1, 0],
    ['geometry', 3, 1],
    ['algebra', 2, 1],
  ],
  b: [
    ['algebra', 2, 0],
    ['algebra', 1, 0],
    ['geometry', 2, 1],
    ['geometry', 2, 2],
  ],
  c: [
    ['geometry', 1, 0],
    ['geometry', 2, 1],
    ['algebra', 3, 1],
    ['geometry', 2, 2],
  ],
  m: [
    ['geometry', 2, 0],
    ['geometry', 3, 2],
    ['geometry', 3, 0],
    ['geometry', 3, 0],
  ],
};
/** Lead time per submission. */
const activeMs: Record<Who, number> = { a: 600_000, b: 900_000, c: 0, m: 1000 };
const DAY0 = Date.UTC(2026, 0, 5, 9);
const at = (day: number, minutes = 0) => DAY0 + day * 86_400_000 + minutes * 60_000;

describe('a project’s dashboards', () => {
  let projectId: number;
  let manager: TestUser;
  let reviewer: TestUser;
  let people: Record<Who, TestUser>;
  /** Annotation ids per annotator, in plan order. */
  const ids = {} as Record<Who, number[]>;

  beforeAll(async () => {
    manager = await seedUser(h.verity, 'manager');
    reviewer = await seedUser(h.verity, 'reviewer');
    projectId = await buildProject(h, manager, { overlap: 4, itemOrder: 'sequential', interface: iface });
    const lines = [
      { data: { text: 'gold' }, gold: { topic: 'geometry', level: 2 } },
      ...[1, 2, 3].map((i) => ({ data: { text: `item ${i}` } })),
    ];
    const res = await h.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/items`,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: jsonl(lines),
    });
    expect(res.statusCode, res.body).toBe(201);
    const settings = { gold: { warmup: 1, rate: 0 }, review: { mode: 'all' } };
    expect((await h.call(manager, 'PATCH', `/api/projects/${projectId}`, settings)).status).toBe(200);
    const [a, b, c, m] = await Promise.all([0, 1, 2, 3].map(() => seedUser(h.verity, 'annotator')));
    people = { a: a!, b: b!, c: c!, m: m! };
    await addMembers(h, manager, projectId, [a!, b!, c!, m!]);
    const member = { userId: reviewer.id, role: 'reviewer' };
    expect((await h.call(manager, 'POST', `/api/projects/${projectId}/members`, member)).status).toBe(201);
    for (const who of ['a', 'b', 'c', 'm'] as const) {
      ids[who] = [];
      for (const [topic, level] of plan[who]) {
        const got = await next(h, people[who], projectId);
        expect(got.status, JSON.stringify(got.body)).toBe(200);
        const sub = await submit(
          h,
          people[who],
          got.body.assignment.id,
          { topic, level },
          undefined,
          activeMs[who],
        );
        expect(sub.status, JSON.stringify(sub.body)).toBe(200);
        ids[who].push(sub.body.annotation.id);
      }
    }
    // Reviews: a's item 1 accepted and b's rejected on day 1; c's item 2 fixed on day 2, when b
    // reworks item 1; the rework accepted on day 3.
    const decide = async (annotationId: number, what: string, body: Record<string, unknown>) => {
      const { revision } = await h.verity.store.db
        .selectFrom('annotations')
        .select('revision')
        .where('id', '=', annotationId)
        .executeTakeFirstOrThrow();
      const url = `/api/projects/${projectId}/review/${annotationId}/${what}`;
      const res = await h.call(reviewer, 'POST', url, { revision, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await decide(ids.a[1]!, 'accept', {});
    await decide(ids.b[1]!, 'reject', { comment: 'Look again.' });
    await decide(ids.c[2]!, 'fix', { answers: { topic: 'algebra', level: 3 } });
    const back = await next(h, people.b, projectId);
    expect(back.body.review?.status).toBe('rejected');
    const again = await submit(h, people.b, back.body.assignment.id, { topic: 'algebra', level: 1 });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    await decide(ids.b[1]!, 'accept', {});

    const db = h.verity.store.db;
    for (const who of ['a', 'b', 'c', 'm'] as const)
      for (const [k, [, , day]] of plan[who].entries()) {
        const id = ids[who][k]!;
        await db
          .updateTable('annotations')
          .set({ submittedAt: at(day) })
          .where('id', '=', id)
          .execute();
        await db
          .updateTable('annotationRevisions')
          .set({ createdAt: at(day) })
          .where('annotationId', '=', id)
          .execute();
      }
    const events = await db
      .selectFrom('reviewEvents')
      .select(['id', 'outcome', 'annotationId'])
      .where('projectId', '=', projectId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.outcome)).toEqual(['accepted', 'rejected', 'fixed', 'accepted']);
    for (const [e, day] of events.map((e, i) => [e, [1, 1, 2, 3][i]!] as const))
      await db
        .updateTable('reviewEvents')
        .set({ createdAt: at(day, 10) })
        .where('id', '=', e.id)
        .execute();
    const rework = await db
      .selectFrom('annotationRevisions')
      .select(['id', 'kind'])
      .where('annotationId', '=', ids.b[1]!)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('annotationRevisions')
      .set({ createdAt: at(2, 20) })
      .where('id', '=', rework.id)
      .execute();
    // m becomes a model judge.
    const connection = await db
      .insertInto('modelConnections')
      .values({
        name: 'Judge',
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'm',
        apiKeySealed: null,
        requestsPerMinute: null,
        createdBy: manager.id,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('users')
      .set({ modelConnectionId: connection.id })
      .where('id', '=', people.m.id)
      .execute();
  });

  const dashboards = async (who: TestUser, query = '') => {
    const res = await h.call(who, 'GET', `/api/projects/${projectId}/dashboards${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('buckets items by the day of their latest submission, each day on its own items', async () => {
    const { agreement } = await dashboards(reviewer);
    expect(agreement.map((s: { question: string }) => s.question)).toEqual(['topic', 'level']);
    const topic = agreement[0];
    expect(topic.coefficient).toBe('alpha nominal');
    expect(agreement[1].coefficient).toBe('alpha ordinal');
    // Day 0: the gold item; day 1: items 1 (c submitted it on day 1) and 2; day 2: item 3.
    expect(topic.points.map((p: { day: string; items: number }) => [p.day, p.items])).toEqual([
      ['2026-01-05', 1],
      ['2026-01-06', 2],
      ['2026-01-07', 1],
    ]);
    // Day 1: [algebra, algebra, geometry] and [geometry, geometry, algebra]: D_o = 4/6,
    // D_e = 2·3·3/(6·5) = 0.6, alpha = 1 − (2/3)/0.6 = −1/9.
    expect(topic.points[1].value).toBeCloseTo(-1 / 9, 12);
    // One unit of [geometry, algebra, geometry] (or [algebra, geometry, geometry]): D_o = D_e, alpha 0.
    expect(topic.points[0].value).toBeCloseTo(0, 12);
    expect(topic.points[2].value).toBeCloseTo(0, 12);
  });

  it('counts a model judge only when asked, and then by its own submission days', async () => {
    const { agreement, annotators, confusion } = await dashboards(manager, '?includeModels=true');
    // m submitted item 1 on day 2: the item moves there.
    expect(agreement[0].points.map((p: { items: number }) => p.items)).toEqual([1, 1, 2]);
    expect(annotators.find((a: { annotator: string }) => a.annotator === people.m.email)).toMatchObject({
      kind: 'model',
      submitted: 4,
    });
    expect(confusion[0].annotators.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'human',
      'human',
      'human',
      'model',
    ]);
    const people3 = await dashboards(manager);
    expect(people3.annotators.map((a: { annotator: string }) => a.annotator).sort()).toEqual(
      [people.a.email, people.b.email, people.c.email].sort(),
    );
  });

  it('gives each annotator gold accuracy with its interval against throughput', async () => {
    const { annotators } = await dashboards(manager);
    const by = (who: Who) => annotators.find((a: { annotator: string }) => a.annotator === people[who].email);
    // Gold: topic geometry, level 2. a: both right; b: topic wrong; c: level wrong.
    expect(by('a')).toMatchObject({
      kind: 'human',
      submitted: 4,
      activeDays: 2,
      perActiveDay: 2,
      activeHours: 40 / 60,
      perHour: 6,
      gold: { n: 2, accuracy: 1, interval: wilsonInterval(2, 2) },
    });
    // b: 4 × 15 minutes (the rework's resubmission adds no active time) on days 0, 0, 1 and 2.
    expect(by('b')).toMatchObject({ submitted: 4, activeDays: 3, gold: { n: 2, accuracy: 0.5 } });
    expect(by('b').perActiveDay).toBeCloseTo(4 / 3, 12);
    expect(by('b').perHour).toBeCloseTo(4, 12);
    expect(by('b').activeHours).toBeCloseTo(1, 12);
    expect(by('c')).toMatchObject({ activeDays: 3, perHour: null, gold: { n: 2, accuracy: 0.5 } });
    expect(by('c').gold.interval).toEqual(wilsonInterval(1, 2));
  });

  it('confuses each annotator’s answers with the majority vote, or with gold on the gold item', async () => {
    const { confusion } = await dashboards(reviewer);
    expect(confusion.map((c: { question: string }) => c.question)).toEqual(['topic', 'level']);
    const topic = confusion[0];
    expect(topic.labels).toEqual(['algebra', 'geometry']);
    const by = (c: typeof topic, who: Who) =>
      c.annotators.find((a: { annotator: string }) => a.annotator === people[who].email);
    // References: gold item geometry (gold); item 1 algebra; item 2 geometry; item 3 geometry.
    // b's item 1 is algebra (reworked); c's item 2 algebra (fixed).
    expect(by(topic, 'a')).toMatchObject({
      gold: 1,
      consensus: 3,
      counts: [
        [1, 0],
        [1, 2],
      ],
    });
    expect(by(topic, 'b')).toMatchObject({
      gold: 1,
      consensus: 3,
      counts: [
        [1, 0],
        [1, 2],
      ],
    });
    expect(by(topic, 'c')).toMatchObject({
      gold: 1,
      consensus: 3,
      counts: [
        [0, 1],
        [1, 2],
      ],
    });
    const level = confusion[1];
    expect(level.labels).toEqual(['1', '2', '3']);
    // Level references: gold 2; item 1: [1, 1, 2] → 1; item 2: [3, 2, 3] → 3; item 3: all 2.
    expect(by(level, 'a').counts).toEqual([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
    ]);
  });

  it('counts review outcomes per day, reworks by the day of the resubmission', async () => {
    const { review } = await dashboards(reviewer);
    expect(review).toEqual([
      { day: '2026-01-06', accepted: 1, rejected: 1, fixed: 0, reworked: 0 },
      { day: '2026-01-07', accepted: 0, rejected: 0, fixed: 1, reworked: 1 },
      { day: '2026-01-08', accepted: 1, rejected: 0, fixed: 0, reworked: 0 },
    ]);
  });

  it('burns down the target slots by people’s submissions per day', async () => {
    const { burndown } = await dashboards(reviewer);
    // 4 items × overlap 4; a, b and c submitted 5, 5 and 2 on days 0, 1, 2 (m is a judge).
    expect(burndown).toEqual({
      target: 16,
      days: [
        { day: '2026-01-05', submitted: 5, remaining: 11 },
        { day: '2026-01-06', submitted: 10, remaining: 6 },
        { day: '2026-01-07', submitted: 12, remaining: 4 },
      ],
    });
  });

  it('is refused to the project’s annotators', async () => {
    const res = await h.call(people.a, 'GET', `/api/projects/${projectId}/dashboards`);
    expect(res.status).toBe(403);
  });
});
