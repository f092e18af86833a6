import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateInterface } from '../../core/interface/index.ts';
import { Coincidences } from '../../core/quality/krippendorff.ts';
import { addMembers, buildTeam, next, saveDraft, seedUser, submit, type Team } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { computeMetrics } from './metrics.service.ts';

/**
 * A project's agreement report through the API, from submitted work with known answers: three
 * annotators on four items, one draft that must not count, one account turned into a model judge.
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
    { name: 'difficulty', type: 'rating', min: 1, max: 5 },
    { name: 'comment', type: 'text' },
  ],
};

// Per annotator, per item (in item order): [topic, difficulty].
const plan: Record<'a' | 'b' | 'c', [string, number][]> = {
  a: [
    ['algebra', 1],
    ['geometry', 3],
    ['algebra', 5],
    ['geometry', 2],
  ],
  b: [
    ['algebra', 2],
    ['geometry', 3],
    ['geometry', 5],
    ['geometry', 2],
  ],
  c: [
    ['algebra', 1],
    ['algebra', 4],
    ['algebra', 5],
    ['geometry', 1],
  ],
};

async function work(who: TestUser, projectId: number, answers: [string, number][]) {
  for (const [topic, difficulty] of answers) {
    const got = await next(h, who, projectId);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const res = await submit(h, who, got.body.assignment.id, { topic, difficulty, comment: 'fine' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

const metrics = async (who: TestUser, projectId: number, query = '') => {
  const res = await h.call(who, 'GET', `/api/projects/${projectId}/metrics${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('a project’s agreement report', () => {
  let team: Team;
  let names: Record<'a' | 'b' | 'c', string>;
  beforeAll(async () => {
    team = await buildTeam(h, {
      items: 4,
      annotators: 3,
      overlap: 4,
      itemOrder: 'sequential',
      interface: iface,
    });
    const [a, b, c] = team.annotators as [TestUser, TestUser, TestUser];
    names = { a: a.email, b: b.email, c: c.email };
    await work(a, team.projectId, plan.a);
    await work(b, team.projectId, plan.b);
    await work(c, team.projectId, plan.c);
    // A fourth annotator's draft does not count.
    const d = await seedUser(h.verity, 'annotator');
    await addMembers(h, team.manager, team.projectId, [d]);
    const got = await next(h, d, team.projectId);
    expect(got.status).toBe(200);
    const draft = await saveDraft(h, d, got.body.assignment.id, { topic: 'geometry', difficulty: 4 });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  });

  it('gives each question only its coefficients, equal to the kernels on the same table', async () => {
    const report = await metrics(team.manager, team.projectId);
    const topics = new Coincidences();
    const ratings = new Coincidences();
    for (let i = 0; i < 4; i++) {
      topics.addUnit((['a', 'b', 'c'] as const).map((w) => (plan[w][i]?.[0] === 'algebra' ? 0 : 1)));
      ratings.addUnit((['a', 'b', 'c'] as const).map((w) => plan[w][i]?.[1] as number));
    }
    expect(report.questions.topic).toMatchObject({ type: 'choice', n: 12, units: 4 });
    expect(Object.keys(report.questions.topic.krippendorffAlpha)).toEqual(['nominal']);
    expect(report.questions.topic.krippendorffAlpha.nominal).toBeCloseTo(
      topics.alpha('nominal') as number,
      12,
    );
    expect(report.questions.topic.cohenKappa).toHaveLength(3);
    expect(Object.keys(report.questions.topic.cohenKappa[0]).sort()).toEqual([
      'annotators',
      'n',
      'unweighted',
    ]);
    expect(report.questions.difficulty.krippendorffAlpha.interval).toBeCloseTo(
      ratings.alpha('interval') as number,
      12,
    );
    expect(report.questions.difficulty.krippendorffAlpha.ordinal).toBeCloseTo(
      ratings.alpha('ordinal') as number,
      12,
    );
    expect(Object.keys(report.questions.difficulty.cohenKappa[0]).sort()).toEqual([
      'annotators',
      'linear',
      'n',
      'quadratic',
      'unweighted',
    ]);
    expect(report.questions.comment).toEqual({ type: 'text', n: 12 });
    expect(Object.keys(report.annotators).sort()).toEqual(Object.values(names).sort());
    // a agrees on topic with b in items 1, 2, 4 and with c in 1, 3, 4; on difficulty with b in
    // 2, 3, 4 and with c in 1, 3: 11 of 16 pairs.
    expect(report.annotators[names.a]).toMatchObject({ pairs: 16, withOthers: 11 / 16, units: 8 });
  });

  it('gives the same report however many rows a read takes (an item may span two reads)', async () => {
    const project = await h.verity.store.db
      .selectFrom('projects')
      .select('interface')
      .where('id', '=', team.projectId)
      .executeTakeFirstOrThrow();
    const parsed = migrateInterface(JSON.parse(project.interface));
    const whole = await computeMetrics(h.verity.store, team.projectId, parsed, false);
    for (const rows of [1, 2, 4, 5])
      expect(await computeMetrics(h.verity.store, team.projectId, parsed, false, rows)).toEqual(whole);
    expect(whole.questions.topic?.n).toBe(12);
  });

  it('lets a reviewer read it, and counts a model judge only when asked, marked as one', async () => {
    const reviewer = await seedUser(h.verity, 'reviewer');
    const added = await h.call(team.manager, 'POST', `/api/projects/${team.projectId}/members`, {
      userId: reviewer.id,
      role: 'reviewer',
    });
    expect(added.status).toBe(201);
    const db = h.verity.store.db;
    const connection = await db
      .insertInto('modelConnections')
      .values({
        name: 'Judge',
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'm',
        apiKeySealed: null,
        requestsPerMinute: null,
        createdBy: team.manager.id,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = team.annotators[2] as TestUser;
    await db.updateTable('users').set({ modelConnectionId: connection.id }).where('id', '=', c.id).execute();
    const people = await metrics(reviewer, team.projectId);
    expect(people.questions.topic.n).toBe(8);
    expect(Object.keys(people.annotators).sort()).toEqual([names.a, names.b].sort());
    const all = await metrics(reviewer, team.projectId, '?includeModels=true');
    expect(all.questions.topic.n).toBe(12);
    expect(all.annotators[names.c]).toMatchObject({ kind: 'model' });
    expect(all.annotators[names.a].kind).toBeUndefined();
    await db.updateTable('users').set({ modelConnectionId: null }).where('id', '=', c.id).execute();
  });

  it('is not shown to the project’s annotators', async () => {
    const res = await h.call(
      team.annotators[0] as TestUser,
      'GET',
      `/api/projects/${team.projectId}/metrics`,
    );
    expect(res.status).toBe(403);
  });
});
