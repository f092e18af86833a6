import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembers,
  buildTeam,
  next,
  saveDraft,
  seedUser,
  skip,
  submit,
  type Team,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { insertUser } from '../users/users.repository.ts';

/**
 * A project's statistics from fixtures with known numbers: lead times with a known median, skips,
 * answers of every kind, submission times for the burndown, and names that a spreadsheet would
 * run as formulas.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const at = (time: string): number => Date.parse(time);

/** Sets when an annotation was last changed and submitted, and when its assignment was. */
async function setTimes(annotationId: number, submittedAt: number | null, updatedAt: number) {
  const db = h.verity.store.db;
  const row = await db
    .updateTable('annotations')
    .set({ submittedAt, updatedAt })
    .where('id', '=', annotationId)
    .returning('assignmentId')
    .executeTakeFirstOrThrow();
  await db.updateTable('assignments').set({ updatedAt }).where('id', '=', row.assignmentId).execute();
}

async function submitted(who: TestUser, projectId: number, answers: unknown, activeMs: number) {
  const work = await next(h, who, projectId);
  expect(work.status, JSON.stringify(work.body)).toBe(200);
  const res = await submit(h, who, work.body.assignment.id, answers, undefined, activeMs);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.annotation.id as number;
}

const stats = async (who: TestUser, projectId: number) => {
  const res = await h.call(who, 'GET', `/api/projects/${projectId}/stats`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('a project with known work', () => {
  // Overlap 2, four items ("item 0" … "item 3"); annotators a, b, and c, who does nothing.
  let team: Team;
  let a: TestUser;
  let b: TestUser;
  let c: TestUser;
  let reviewer: TestUser;
  const ids = {} as Record<'a1' | 'a2' | 'a3' | 'aDraft' | 'b1' | 'b2' | 'bSkip', number>;
  beforeAll(async () => {
    team = await buildTeam(h, { items: 4, annotators: 3, overlap: 2 });
    [a, b, c] = team.annotators as [TestUser, TestUser, TestUser];
    reviewer = await seedUser(h.verity, 'reviewer');
    const added = await h.call(team.manager, 'POST', `/api/projects/${team.projectId}/members`, {
      userId: reviewer.id,
      role: 'reviewer',
    });
    expect(added.status).toBe(201);
    const p = team.projectId;
    const theorem = { start: 0, end: 4, label: 'THEOREM' };
    ids.a1 = await submitted(
      a,
      p,
      {
        topic: 'algebra',
        flags: ['unsafe', 'pii'],
        entities: [theorem],
        difficulty: 2,
        steps: 1,
        comment: 'ok',
      },
      1000,
    );
    ids.a2 = await submitted(
      a,
      p,
      { topic: 'geometry', flags: ['pii'], difficulty: 2, steps: 10, comment: '  ' },
      8000,
    );
    ids.a3 = await submitted(
      a,
      p,
      {
        topic: 'algebra',
        entities: [theorem, { start: 5, end: 6, label: 'DEFINITION' }],
        difficulty: 5,
        steps: 3,
      },
      3000,
    );
    // A draft counts towards active time, not towards submissions or the median.
    const draft = await next(h, a, p);
    const saved = await saveDraft(h, a, draft.body.assignment.id, { topic: 'other' }, 500);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    ids.aDraft = saved.body.annotation.id;
    ids.b1 = await submitted(b, p, { topic: 'algebra', flags: [], steps: 7 }, 5000);
    ids.b2 = await submitted(b, p, { topic: 'other', difficulty: 1, steps: 1, comment: 'fine' }, 2000);
    const third = await next(h, b, p);
    expect((await skip(h, b, third.body.assignment.id, 'unclear')).status).toBe(200);
    ids.bSkip = third.body.assignment.id;

    // Known times: submissions within three hours of one morning (UTC), then the draft and the skip.
    await setTimes(ids.a1, at('2026-01-05T09:10:00Z'), at('2026-01-05T09:10:00Z'));
    await setTimes(ids.a2, at('2026-01-05T09:40:00Z'), at('2026-01-05T09:40:00Z'));
    await setTimes(ids.b1, at('2026-01-05T10:15:00Z'), at('2026-01-05T10:15:00Z'));
    await setTimes(ids.a3, at('2026-01-05T11:05:00Z'), at('2026-01-05T11:05:00Z'));
    await setTimes(ids.b2, at('2026-01-05T11:59:00Z'), at('2026-01-05T11:59:00Z'));
    await setTimes(ids.aDraft, null, at('2026-01-05T11:30:00Z'));
    await h.verity.store.db
      .updateTable('assignments')
      .set({ updatedAt: at('2026-01-05T12:30:00Z') })
      .where('id', '=', ids.bSkip)
      .execute();
  });

  it('counts each annotator: submissions, skips, active time, median lead time, last activity', async () => {
    const { annotators } = await stats(team.manager, team.projectId);
    expect(annotators).toEqual([
      {
        userId: a.id,
        name: a.email,
        email: a.email,
        kind: 'human',
        submitted: 3,
        skipped: 0,
        activeMs: 12_500,
        medianMs: 3000,
        lastActiveAt: '2026-01-05T11:30:00.000Z',
      },
      {
        userId: b.id,
        name: b.email,
        email: b.email,
        kind: 'human',
        submitted: 2,
        skipped: 1,
        activeMs: 7000,
        medianMs: 3500,
        lastActiveAt: '2026-01-05T12:30:00.000Z',
      },
      {
        userId: c.id,
        name: c.email,
        email: c.email,
        kind: 'human',
        submitted: 0,
        skipped: 0,
        activeMs: 0,
        medianMs: null,
        lastActiveAt: null,
      },
    ]);
  });

  it('spreads the submitted answers of each question over its options, values, ranges or labels', async () => {
    const { distributions } = await stats(reviewer, team.projectId);
    const bars = (name: string) => {
      const d = distributions.find((x: { question: string }) => x.question === name);
      return {
        type: d.type,
        answered: d.answered,
        bars: d.buckets.map((x: { value: unknown; count: number }) => [x.value, x.count]),
      };
    };
    expect(bars('topic')).toEqual({
      type: 'choice',
      answered: 5,
      bars: [
        ['algebra', 3],
        ['geometry', 1],
        ['other', 1],
      ],
    });
    expect(bars('flags')).toEqual({
      type: 'multi_choice',
      answered: 2,
      bars: [
        ['unsafe', 1],
        ['off-topic', 0],
        ['pii', 2],
      ],
    });
    expect(bars('entities')).toEqual({
      type: 'spans',
      answered: 2,
      bars: [
        ['THEOREM', 2],
        ['DEFINITION', 1],
      ],
    });
    expect(bars('difficulty')).toEqual({
      type: 'rating',
      answered: 4,
      bars: [
        [1, 1],
        [2, 2],
        [3, 0],
        [4, 0],
        [5, 1],
      ],
    });
    expect(bars('steps')).toEqual({
      type: 'number',
      answered: 5,
      bars: [
        [1, 2],
        [3, 1],
        [7, 1],
        [10, 1],
      ],
    });
    expect(bars('comment')).toEqual({
      type: 'text',
      answered: 2,
      bars: [
        ['answered', 2],
        ['empty', 3],
      ],
    });
    expect(distributions.map((d: { question: string }) => d.question)).toEqual([
      'topic',
      'flags',
      'entities',
      'difficulty',
      'steps',
      'comment',
    ]);
  });

  it('burns down by the hour when the submissions span less than two days', async () => {
    const { burndown } = await stats(team.manager, team.projectId);
    // 4 items × overlap 2 = 8: two submitted in the 9 o'clock hour, one at 10, two at 11.
    expect(burndown).toEqual([
      { at: '2026-01-05T09:00:00.000Z', remaining: 8 },
      { at: '2026-01-05T10:00:00.000Z', remaining: 6 },
      { at: '2026-01-05T11:00:00.000Z', remaining: 5 },
      { at: '2026-01-05T12:00:00.000Z', remaining: 3 },
    ]);
  });

  it('burns down by the UTC day when the submissions span more than two days', async () => {
    await setTimes(ids.b2, at('2026-01-08T03:00:00Z'), at('2026-01-08T03:00:00Z'));
    try {
      const { burndown } = await stats(team.manager, team.projectId);
      expect(burndown).toEqual([
        { at: '2026-01-05T00:00:00.000Z', remaining: 8 },
        { at: '2026-01-06T00:00:00.000Z', remaining: 4 },
        { at: '2026-01-09T00:00:00.000Z', remaining: 3 },
      ]);
    } finally {
      await setTimes(ids.b2, at('2026-01-05T11:59:00Z'), at('2026-01-05T11:59:00Z'));
    }
  });

  it('downloads the per-annotator table as CSV with a header row', async () => {
    const res = await h.verity.app.inject({
      method: 'GET',
      url: `/api/projects/${team.projectId}/stats/annotators.csv`,
      headers: { authorization: `Bearer ${team.manager.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="project-${team.projectId}-annotators.csv"`,
    );
    expect(res.body).toBe(
      'user_id,name,email,submitted,skipped,active_ms,median_ms,last_active_at\r\n' +
        `${a.id},${a.email},${a.email},3,0,12500,3000,2026-01-05T11:30:00.000Z\r\n` +
        `${b.id},${b.email},${b.email},2,1,7000,3500,2026-01-05T12:30:00.000Z\r\n` +
        `${c.id},${c.email},${c.email},0,0,0,,\r\n`,
    );
  });

  it('refuses the project’s annotators, and hides the project from others', async () => {
    expect((await h.call(a, 'GET', `/api/projects/${team.projectId}/stats`)).body.error.code).toBe(
      'FORBIDDEN',
    );
    const outsider = await seedUser(h.verity, 'annotator');
    const res = await h.call(outsider, 'GET', `/api/projects/${team.projectId}/stats/annotators.csv`);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('a project with no work yet', () => {
  it('lists its annotators with zeros, no burndown, and empty bars, until the first submission', async () => {
    const team = await buildTeam(h, { items: 2, annotators: 1, overlap: 1 });
    const body = await stats(team.manager, team.projectId);
    expect(body.annotators.map((r: { submitted: number }) => r.submitted)).toEqual([0]);
    expect(body.burndown).toEqual([]);
    const topic = body.distributions.find((d: { question: string }) => d.question === 'topic');
    expect(topic.buckets.map((x: { count: number }) => x.count)).toEqual([0, 0, 0]);
    expect(body.distributions.find((d: { question: string }) => d.question === 'steps').buckets).toEqual([]);

    // The next call after a submission counts it (nothing is served from before it).
    await submitted(team.annotators[0]!, team.projectId, { topic: 'geometry', steps: 4 }, 100);
    const after = await stats(team.manager, team.projectId);
    const topicAfter = after.distributions.find((d: { question: string }) => d.question === 'topic');
    expect(topicAfter.buckets.map((x: { count: number }) => x.count)).toEqual([0, 1, 0]);
    expect(after.burndown.map((p: { remaining: number }) => p.remaining)).toEqual([2, 1]);
  });
});

describe('names a spreadsheet would run as formulas', () => {
  it('are quoted and prefixed in the CSV', async () => {
    const team = await buildTeam(h, { items: 1, annotators: 0, overlap: 1 });
    const names = [
      '=HYPERLINK("http://evil.example","x"), "Bob"',
      '+1 555',
      '-2',
      '@SUM(A1)',
      'Ada, "the first"',
    ];
    const people: TestUser[] = [];
    for (const name of names) {
      const row = await insertUser(h.verity.store.db, {
        email: `csv-${people.length}-${team.projectId}@example.org`,
        name,
        role: 'annotator',
        passwordHash: null,
      });
      people.push({ id: row.id, email: row.email ?? '', role: 'annotator', token: '', password: '' });
    }
    await addMembers(h, team.manager, team.projectId, people);
    const res = await h.verity.app.inject({
      method: 'GET',
      url: `/api/projects/${team.projectId}/stats/annotators.csv`,
      headers: { authorization: `Bearer ${team.manager.token}` },
    });
    const lines = res.body.split('\r\n');
    const nameCell = (email: string) => {
      const line = lines.find((l: string) => l.endsWith(`,${email},0,0,0,,`))!;
      return line.slice(line.indexOf(',') + 1, line.length - `,${email},0,0,0,,`.length);
    };
    expect(people.map((p) => nameCell(p.email))).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""x""), ""Bob"""`,
      `'+1 555`,
      `'-2`,
      `'@SUM(A1)`,
      `"Ada, ""the first"""`,
    ]);
  });
});
