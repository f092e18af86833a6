import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject, next, seedUser, submit, validAnswers } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { addSkills, grant, importLines } from '../testing/skill-fixtures.ts';

/** Coverage (docs/skills.md, "Coverage") against counts worked out by hand. */

let h: Harness;
let admin: TestUser;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await seedUser(h.verity, 'admin');
  manager = await seedUser(h.verity, 'manager');
  await addSkills(h, admin, ['med', 'med.cardio', 'law']);
});
afterAll(async () => h.close());

describe('skill coverage', () => {
  it('counts items waiting for a qualified tutor and qualified, member and active tutors per skill', async () => {
    // Project: med at 1. Items: 2 plain (med 1), 2 with med.cardio 2, 1 with law 3. Overlap 1.
    const projectId = await buildProject(h, manager, { overlap: 1, requiredSkills: { med: 1 } } as never);
    const data = (t: string) => ({ text: t, source: 's' });
    const res = await importLines(h, manager, projectId, [
      { id: 'p1', data: data('p1') },
      { id: 'p2', data: data('p2') },
      { id: 'c1', data: data('c1'), skills: { 'med.cardio': 2 } },
      { id: 'c2', data: data('c2'), skills: { 'med.cardio': 2 } },
      { id: 'l1', data: data('l1'), skills: { law: 3 } },
    ]);
    expect(res.status).toBe(201);
    // Members: A holds med 2 (covers med.cardio 2 by the hierarchy); B holds med 1 and med.cardio 1.
    // Not members: C holds med 3 and law 3; D holds law 3 but is suspended.
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => seedUser(h.verity, 'annotator')));
    await addMembers(h, manager, projectId, [a!, b!]);
    await grant(h, admin, a!, { med: 2 });
    await grant(h, admin, b!, { med: 1, 'med.cardio': 1 });
    await grant(h, admin, c!, { med: 3, law: 3 });
    await grant(h, admin, d!, { law: 3 });
    await h.verity.store.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', d!.id)
      .execute();
    // A submits p1 then p2 (the project's order), and is active in the last 7 days.
    for (let k = 0; k < 2; k++) {
      const work = await next(h, a!, projectId);
      await submit(h, a!, work.body.assignment.id, validAnswers);
    }
    // Open now: c1, c2, l1. c1 and c2: A can take them (B cannot: cardio 1). l1: no member holds law 3.
    const coverage = await h.call(manager, 'GET', `/api/projects/${projectId}/skills/coverage`);
    expect(coverage.status).toBe(200);
    expect(coverage.body).toEqual({
      requiredSkills: { med: 1 },
      waiting: 1,
      rows: [
        { skill: 'law', level: 3, items: 1, waiting: 1, qualified: 1, members: 0, active: 0 },
        // med 1 is asked by every open item: c1, c2 and l1.
        { skill: 'med', level: 1, items: 3, waiting: 1, qualified: 3, members: 2, active: 1 },
        { skill: 'med.cardio', level: 2, items: 2, waiting: 0, qualified: 2, members: 1, active: 1 },
      ],
    });
    const project = await h.call(manager, 'GET', `/api/projects/${projectId}`);
    expect(project.body.progress.waitingForSkills).toBe(1);
    // A takes c1 (a live lock, overlap 1: no longer open). Open: c2 (A can), l1 (nobody).
    const work = await next(h, a!, projectId);
    expect(work.body.item.externalId).toBe('c1');
    const after = await h.call(manager, 'GET', `/api/projects/${projectId}/skills/coverage`);
    expect(after.body.waiting).toBe(1);
    // C joins: law 3 is now held by a member, so l1 waits no more.
    await addMembers(h, manager, projectId, [c!]);
    const joined = await h.call(manager, 'GET', `/api/projects/${projectId}/skills/coverage`);
    expect(joined.body.waiting).toBe(0);
    expect(joined.body.rows[0]).toEqual({
      skill: 'law',
      level: 3,
      items: 1,
      waiting: 0,
      qualified: 1,
      members: 1,
      active: 0,
    });
  });

  it('counts an item whose qualified members have all touched it as waiting', async () => {
    const projectId = await buildProject(h, manager, { overlap: 2, requiredSkills: { law: 1 } } as never);
    expect((await importLines(h, manager, projectId, [{ data: { text: 'x', source: 's' } }])).status).toBe(
      201,
    );
    const lawyer = await seedUser(h.verity, 'annotator');
    await addMembers(h, manager, projectId, [lawyer]);
    await grant(h, admin, lawyer, { law: 1 });
    const work = await next(h, lawyer, projectId);
    await submit(h, lawyer, work.body.assignment.id, validAnswers);
    const coverage = await h.call(manager, 'GET', `/api/projects/${projectId}/skills/coverage`);
    expect(coverage.body.waiting).toBe(1);
    expect(coverage.body.rows).toEqual([
      // Qualified: the lawyer and C of the first test (law 3); D is suspended.
      { skill: 'law', level: 1, items: 1, waiting: 1, qualified: 2, members: 1, active: 1 },
    ]);
  });
});
