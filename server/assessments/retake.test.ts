import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../core/assessments.ts';
import {
  answerAll,
  assessmentProject,
  catalogueSkill,
  mine,
  type Question,
  skillsOf,
  start,
} from '../testing/assessment-fixtures.ts';
import { next, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { latestAttemptsOf } from './attempts.repository.ts';

// The retake policy runs on the server's clock: a test moves it.
let now = Date.UTC(2030, 0, 1);
let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness({ clock: () => now });
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => h.close());

const QUESTIONS: Question[] = [
  { text: 'R1', gold: { topic: 'algebra' }, priority: 2 },
  { text: 'R2', gold: { topic: 'geometry' }, priority: 1 },
];
const WRONG = { R1: { topic: 'other' }, R2: { topic: 'geometry' } };
const RIGHT = { R1: { topic: 'algebra' }, R2: { topic: 'geometry' } };

async function setup(maxAttempts: number, cooldownHours: number) {
  const skill = await catalogueSkill(h);
  const tutor = await seedUser(h.verity, 'annotator');
  const projectId = await assessmentProject(h, manager, {
    setting: { skill, level: 2, passMark: 0.75, maxAttempts, cooldownHours },
    questions: QUESTIONS,
    members: [tutor],
  });
  return { skill, tutor, projectId };
}

describe('retakes', () => {
  it('allows a retake exactly when the cool-down ends, and the tutor answers the same questions again', async () => {
    const { skill, tutor, projectId } = await setup(3, 2);
    await start(h, tutor, projectId);
    await answerAll(h, tutor, projectId, WRONG);
    const finished = now;
    let entry = await mine(h, tutor, projectId);
    expect(entry).toMatchObject({
      standing: 'cooling_down',
      canStart: false,
      attemptsUsed: 1,
      attemptsLeft: 2,
    });
    expect(entry.cooldownEndsAt).toBe(new Date(finished + 2 * HOUR_MS).toISOString());
    expect(entry.attempts[0]).toMatchObject({ status: 'failed', score: 0.5 });

    now = finished + 2 * HOUR_MS - 1;
    const early = await start(h, tutor, projectId);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'ASSESSMENT_UNAVAILABLE',
      details: { standing: 'cooling_down', cooldownEndsAt: entry.cooldownEndsAt },
    });
    // Finished: the queue is done, not an error.
    expect((await next(h, tutor, projectId)).status).toBe(204);

    now = finished + 2 * HOUR_MS;
    expect((await mine(h, tutor, projectId)).standing).toBe('can_retake');
    const retake = await start(h, tutor, projectId);
    expect(retake.status).toBe(200);
    expect(retake.body).toMatchObject({ created: true, attempt: { attempt: 2, status: 'in_progress' } });
    expect(await answerAll(h, tutor, projectId, RIGHT)).toEqual(['R1', 'R2']);

    entry = await mine(h, tutor, projectId);
    expect(entry).toMatchObject({ standing: 'passed', lastScore: 1, attemptsUsed: 2 });
    expect(entry.attempts.map((a: { status: string }) => a.status)).toEqual(['failed', 'passed']);
    // The first attempt keeps its answers and scores; the work rows hold only the second's.
    const report = await h.call(manager, 'GET', `/api/projects/${projectId}/assessment/attempts`);
    const [first, second] = report.body.attempts;
    expect(first.questions.map((q: { answers: unknown; score: number }) => [q.answers, q.score])).toEqual([
      [{ topic: 'other' }, 0],
      [{ topic: 'geometry' }, 1],
    ]);
    expect(second.questions.map((q: { answers: unknown }) => q.answers)).toEqual([
      { topic: 'algebra' },
      { topic: 'geometry' },
    ]);
    const rows = await h.verity.store.db
      .selectFrom('annotations')
      .select('answers')
      .where('projectId', '=', projectId)
      .where('userId', '=', tutor.id)
      .execute();
    expect(rows.map((r) => JSON.parse(r.answers).topic).sort()).toEqual(['algebra', 'geometry']);
    const counts = await h.verity.store.db
      .selectFrom('items')
      .select('submittedCount')
      .where('projectId', '=', projectId)
      .execute();
    expect(counts.map((c) => c.submittedCount)).toEqual([1, 1]);
    expect(await skillsOf(h, tutor.id)).toEqual([
      { skill, level: 2, source: 'assessment', assessmentAttemptId: second.id, grantedBy: null },
    ]);

    // Passed: no more attempts, whatever the clock.
    now += 1000 * HOUR_MS;
    const after = await start(h, tutor, projectId);
    expect(after.body.error).toMatchObject({
      code: 'ASSESSMENT_UNAVAILABLE',
      details: { standing: 'passed' },
    });
  });

  it('stops at the attempts limit', async () => {
    const { tutor, projectId } = await setup(2, 0);
    for (let i = 0; i < 2; i++) {
      expect((await start(h, tutor, projectId)).status).toBe(200);
      await answerAll(h, tutor, projectId, WRONG);
    }
    const entry = await mine(h, tutor, projectId);
    expect(entry).toMatchObject({
      standing: 'no_attempts_left',
      attemptsUsed: 2,
      attemptsLeft: 0,
      canStart: false,
    });
    const refused = await start(h, tutor, projectId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.standing).toBe('no_attempts_left');
    expect(await skillsOf(h, tutor.id)).toEqual([]);
  });

  it('starts one attempt when a tutor starts twice at once', async () => {
    const { tutor, projectId } = await setup(3, 0);
    const both = await Promise.all([start(h, tutor, projectId), start(h, tutor, projectId)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => r.body.created).sort()).toEqual([false, true]);
    expect((await mine(h, tutor, projectId)).attemptsUsed).toBe(1);
  });

  it("reads each tutor's latest attempt per assessment for the roster", async () => {
    const a = await setup(3, 0);
    const b = await setup(3, 0);
    const idle = await seedUser(h.verity, 'annotator');
    await start(h, a.tutor, a.projectId);
    await answerAll(h, a.tutor, a.projectId, WRONG);
    // The retake (cool-down 0) is the latest at the first assessment: in progress, not the failed one.
    await start(h, a.tutor, a.projectId);
    await h.call(manager, 'POST', `/api/projects/${b.projectId}/members`, { userId: a.tutor.id });
    await start(h, a.tutor, b.projectId);
    const latest = await latestAttemptsOf(h.verity.store.db, [a.tutor.id, idle.id]);
    expect([...latest.keys()]).toEqual([a.tutor.id]);
    const name = (await h.call(manager, 'GET', `/api/projects/${a.projectId}`)).body.name;
    expect(latest.get(a.tutor.id)).toEqual([
      {
        projectId: a.projectId,
        projectName: name,
        skill: a.skill,
        level: 2,
        status: 'in_progress',
        score: null,
        finishedAt: null,
      },
      {
        projectId: b.projectId,
        projectName: name,
        skill: b.skill,
        level: 2,
        status: 'in_progress',
        score: null,
        finishedAt: null,
      },
    ]);
  });
});
