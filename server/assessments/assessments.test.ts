import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../db/transaction.ts';
import { grantSkills } from '../skills/user-skills.repository.ts';
import {
  answerAll,
  assessmentProject,
  auditOf,
  catalogueSkill,
  mine,
  type Question,
  skillsOf,
  start,
} from '../testing/assessment-fixtures.ts';
import { buildProject, next, postItems, seedUser, skip } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => h.close());

// Three questions, served in priority order. The tutor's answers below score, by hand:
// Q1 topic 1, flags |{unsafe}| / |{unsafe, pii}| = 0.5 → 0.75; Q2 topic 0, steps 1 → 0.5;
// Q3 topic 1, difficulty 0 → 0.5. Overall (0.75 + 0.5 + 0.5) / 3 = 0.58333…
const QUESTIONS: Question[] = [
  { text: 'Q1', gold: { topic: 'algebra', flags: ['unsafe', 'pii'] }, priority: 3 },
  { text: 'Q2', gold: { topic: 'geometry', steps: 10 }, priority: 2 },
  { text: 'Q3', gold: { topic: 'other', difficulty: 4 }, priority: 1 },
];
const ANSWERS = {
  Q1: { topic: 'algebra', flags: ['unsafe'] },
  Q2: { topic: 'algebra', steps: 10 },
  Q3: { topic: 'other', difficulty: 2 },
};
const OVERALL = (0.75 + 0.5 + 0.5) / 3;

async function takeOnce(passMark: number, level = 2) {
  const skill = await catalogueSkill(h);
  const tutor = await seedUser(h.verity, 'annotator');
  const projectId = await assessmentProject(h, manager, {
    setting: { skill, level, passMark },
    questions: QUESTIONS,
    members: [tutor],
  });
  expect((await start(h, tutor, projectId)).status).toBe(200);
  expect(await answerAll(h, tutor, projectId, ANSWERS)).toEqual(['Q1', 'Q2', 'Q3']);
  return { skill, tutor, projectId };
}

describe('scoring an attempt', () => {
  it('scores each question as the mean of its gold scores and the attempt as their mean; a pass grants the skill with the attempt', async () => {
    const { skill, tutor, projectId } = await takeOnce(0.5);
    const entry = await mine(h, tutor, projectId);
    expect(entry).toMatchObject({ standing: 'passed', canStart: false, attemptsUsed: 1, passMark: 0.5 });
    expect(entry.lastScore).toBeCloseTo(OVERALL, 12);
    const [attempt] = entry.attempts;
    expect(attempt.status).toBe('passed');
    expect(attempt.questions.map((q: { score: number }) => q.score)).toEqual([0.75, 0.5, 0.5]);
    expect(attempt.finishedAt).not.toBeNull();
    // The tutor's view carries no gold answer.
    expect(JSON.stringify(entry)).not.toContain('pii');

    const report = await h.call(manager, 'GET', `/api/projects/${projectId}/assessment/attempts`);
    expect(report.status).toBe(200);
    const [record] = report.body.attempts;
    expect(record.questions[0].parts).toEqual({ topic: 1, flags: 0.5 });
    expect(record.questions[1].answers).toEqual({ topic: 'algebra', steps: 10 });
    expect(await skillsOf(h, tutor.id)).toEqual([
      { skill, level: 2, source: 'assessment', assessmentAttemptId: record.id, grantedBy: null },
    ]);
    const [audit] = await auditOf(h, 'skill.earn', tutor.id);
    expect(audit).toMatchObject({ actorId: null, targetType: 'user', targetEmail: tutor.email, projectId });
    expect(JSON.parse(audit!.after!)).toMatchObject({ skill, level: 2, assessmentAttemptId: record.id });
  });

  it('fails below the pass mark and grants nothing', async () => {
    const { tutor, projectId } = await takeOnce(0.6);
    const entry = await mine(h, tutor, projectId);
    expect(entry.attempts[0].status).toBe('failed');
    expect(entry.lastScore).toBeCloseTo(OVERALL, 12);
    expect(await skillsOf(h, tutor.id)).toEqual([]);
    expect(await auditOf(h, 'skill.earn', tutor.id)).toEqual([]);
  });

  it('never lowers a level the tutor holds higher (here through the parent skill)', async () => {
    const parent = await catalogueSkill(h, `assess.parent${Date.now()}`);
    const skill = await catalogueSkill(h, `${parent}.child`);
    const tutor = await seedUser(h.verity, 'annotator');
    await writeTransaction(h.verity.store, (tx) =>
      grantSkills(tx, {
        userId: tutor.id,
        skills: [{ skill: parent, level: 3 }],
        source: 'granted',
        grantedBy: manager.id,
        now: 1,
      }),
    );
    const projectId = await assessmentProject(h, manager, {
      setting: { skill, level: 2, passMark: 0.5 },
      questions: QUESTIONS,
      members: [tutor],
    });
    await start(h, tutor, projectId);
    await answerAll(h, tutor, projectId, ANSWERS);
    expect((await mine(h, tutor, projectId)).standing).toBe('passed');
    expect((await skillsOf(h, tutor.id)).map((s) => [s.skill, s.level, s.source])).toEqual([
      [parent, 3, 'granted'],
    ]);
  });

  it('keeps an attempt with a free-text question pending until a reviewer marks it, then scores it', async () => {
    const skill = await catalogueSkill(h);
    const tutor = await seedUser(h.verity, 'annotator');
    const reviewer = await seedUser(h.verity, 'reviewer');
    const projectId = await assessmentProject(h, manager, {
      setting: { skill, level: 1, passMark: 0.8 },
      questions: [
        { text: 'F1', gold: { topic: 'algebra', comment: 'a proof by induction' } },
        { text: 'F2', gold: { topic: 'geometry' } },
      ],
      members: [tutor],
    });
    await h.call(manager, 'POST', `/api/projects/${projectId}/members`, {
      userId: reviewer.id,
      role: 'reviewer',
    });
    await start(h, tutor, projectId);
    await answerAll(h, tutor, projectId, {
      F1: { topic: 'algebra', comment: 'induction on n' },
      F2: { topic: 'geometry' },
    });
    let entry = await mine(h, tutor, projectId);
    expect(entry).toMatchObject({ standing: 'pending', canStart: false, lastScore: null });
    expect(entry.attempts[0].questions).toEqual([
      { position: 1, score: null },
      { position: 2, score: 1 },
    ]);
    expect(await skillsOf(h, tutor.id)).toEqual([]);
    expect((await start(h, tutor, projectId)).body.error.code).toBe('ASSESSMENT_UNAVAILABLE');

    const items = await h.verity.store.db
      .selectFrom('goldItems')
      .select('itemId')
      .where('projectId', '=', projectId)
      .orderBy('itemId')
      .execute();
    const mark = await h.call(reviewer, 'POST', `/api/projects/${projectId}/gold/marks`, {
      itemId: items[0]!.itemId,
      userId: tutor.id,
      question: 'comment',
      score: 0.5,
    });
    expect(mark.status, JSON.stringify(mark.body)).toBe(200);
    entry = await mine(h, tutor, projectId);
    // F1: (topic 1 + comment 0.5) / 2 = 0.75; F2: 1; overall 0.875 ≥ 0.8.
    expect(entry.attempts[0].questions.map((q: { score: number }) => q.score)).toEqual([0.75, 1]);
    expect(entry).toMatchObject({ standing: 'passed', lastScore: 0.875 });
    expect((await skillsOf(h, tutor.id))[0]).toMatchObject({ skill, level: 1, source: 'assessment' });
  });
});

describe('marks at once', () => {
  it('scores the attempt when two reviewers mark its last two written answers at the same time', async () => {
    const skill = await catalogueSkill(h);
    const tutor = await seedUser(h.verity, 'annotator');
    const projectId = await assessmentProject(h, manager, {
      setting: { skill, level: 1, passMark: 0.5 },
      questions: [
        { text: 'W1', gold: { topic: 'algebra', comment: 'one' } },
        { text: 'W2', gold: { topic: 'algebra', comment: 'two' } },
      ],
      members: [tutor],
    });
    await start(h, tutor, projectId);
    const written = { topic: 'algebra', comment: 'mine' };
    await answerAll(h, tutor, projectId, { W1: written, W2: written });
    expect((await mine(h, tutor, projectId)).standing).toBe('pending');
    const items = await h.verity.store.db
      .selectFrom('goldItems')
      .select('itemId')
      .where('projectId', '=', projectId)
      .execute();
    const marks = await Promise.all(
      items.map((i) =>
        h.call(manager, 'POST', `/api/projects/${projectId}/gold/marks`, {
          itemId: i.itemId,
          userId: tutor.id,
          question: 'comment',
          score: 1,
        }),
      ),
    );
    expect(marks.map((m) => m.status)).toEqual([200, 200]);
    expect(await mine(h, tutor, projectId)).toMatchObject({ standing: 'passed', lastScore: 1 });
  });
});

describe('who takes an assessment', () => {
  it('lets any tutor enrol in an open assessment, and only members in a members-only one', async () => {
    const skill = await catalogueSkill(h);
    const stranger = await seedUser(h.verity, 'annotator');
    const closed = await assessmentProject(h, manager, {
      setting: { skill, level: 1, passMark: 0.5 },
      questions: QUESTIONS,
    });
    const open = await assessmentProject(h, manager, {
      setting: { skill, level: 1, passMark: 0.5, openToAll: true },
      questions: QUESTIONS,
    });
    expect(await mine(h, stranger, closed)).toBeUndefined();
    expect(await mine(h, stranger, open)).toMatchObject({
      member: false,
      standing: 'not_started',
      canStart: true,
    });
    expect((await start(h, stranger, closed)).status).toBe(404);
    expect((await next(h, stranger, closed)).status).toBe(404);

    const started = await start(h, stranger, open);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      created: true,
      attempt: { attempt: 1, status: 'in_progress', answered: 0 },
    });
    expect(await mine(h, stranger, open)).toMatchObject({ member: true, standing: 'in_progress' });
    const again = await start(h, stranger, open);
    expect(again.body).toMatchObject({ created: false, attempt: { attempt: 1 } });
    expect((await auditOf(h, 'assessment.enrol', stranger.id)).length).toBe(1);
  });

  it('serves every question to every tutor whatever the overlap, and nothing else of the project', async () => {
    const skill = await catalogueSkill(h);
    const tutors = [await seedUser(h.verity, 'annotator'), await seedUser(h.verity, 'annotator')];
    const projectId = await assessmentProject(h, manager, {
      setting: { skill, level: 1, passMark: 0.5 },
      questions: QUESTIONS,
      members: tutors,
      plain: 2,
    });
    for (const tutor of tutors) {
      const before = await next(h, tutor, projectId);
      expect(before.body.error.code).toBe('ASSESSMENT_UNAVAILABLE');
      await start(h, tutor, projectId);
    }
    const served = await Promise.all(tutors.map((t) => answerAll(h, t, projectId, ANSWERS)));
    expect(served).toEqual([
      ['Q1', 'Q2', 'Q3'],
      ['Q1', 'Q2', 'Q3'],
    ]);
  });

  it('refuses a skip of an assessment question', async () => {
    const skill = await catalogueSkill(h);
    const tutor = await seedUser(h.verity, 'annotator');
    const projectId = await assessmentProject(h, manager, {
      setting: { skill, level: 1, passMark: 0.5 },
      questions: QUESTIONS,
      members: [tutor],
    });
    await start(h, tutor, projectId);
    const got = await next(h, tutor, projectId);
    const skipped = await skip(h, tutor, got.body.assignment.id);
    expect(skipped.status).toBe(409);
    expect(skipped.body.error.code).toBe('ASSESSMENT_UNAVAILABLE');
  });
});

describe('the setting', () => {
  it('needs the skill in the catalogue and names the field', async () => {
    const projectId = await buildProject(h, manager);
    const res = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, {
      assessment: { skill: 'no.such.skill', level: 1, passMark: 0.5 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('body.assessment.skill');
    expect((await h.call(manager, 'GET', `/api/projects/${projectId}`)).body.assessment).toBeNull();
  });

  it('leaves an ordinary project as it was: served by overlap, skips allowed, listed nowhere', async () => {
    const tutor = await seedUser(h.verity, 'annotator');
    const projectId = await buildProject(h, manager, { overlap: 1 });
    await postItems(h.verity, manager, projectId, [{ data: { text: 'plain', source: 's' } }]);
    await h.call(manager, 'POST', `/api/projects/${projectId}/members`, { userId: tutor.id });
    const got = await next(h, tutor, projectId);
    expect(got.body.item.data.text).toBe('plain');
    expect((await skip(h, tutor, got.body.assignment.id)).status).toBe(200);
    expect(await mine(h, tutor, projectId)).toBeUndefined();
    expect((await start(h, tutor, projectId)).status).toBe(404);
    const report = await h.call(manager, 'GET', `/api/projects/${projectId}/assessment/attempts`);
    expect(report.body).toEqual({ assessment: null, questions: 0, attempts: [] });
  });
});
