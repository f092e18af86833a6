import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject, next, seedUser, submit, validAnswers } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { addSkills, grant, importLines, itemIdsOf } from '../testing/skill-fixtures.ts';

/** The catalogue, people's skills with their source, the audit entries, imports and exports with skills. */

let h: Harness;
let admin: TestUser;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await seedUser(h.verity, 'admin');
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => h.close());

const audit = (action: string) =>
  h.verity.store.db.selectFrom('auditLog').selectAll().where('action', '=', action).orderBy('id').execute();

describe('the skills catalogue', () => {
  it('lists, adds, describes and removes skills, each act in the audit log', async () => {
    const add = await h.call(manager, 'POST', '/api/skills', { name: 'lang.fr', description: 'French' });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ name: 'lang.fr', description: 'French', holders: 0 });
    expect((await h.call(manager, 'POST', '/api/skills', { name: 'lang.fr' })).body.error.code).toBe(
      'CONFLICT',
    );
    const bad = await h.call(admin, 'POST', '/api/skills', { name: 'Lang.FR' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('skill name "Lang.FR" must be lowercase');
    const changed = await h.call(manager, 'PATCH', '/api/skills/lang.fr', { description: 'French, written' });
    expect(changed.body.description).toBe('French, written');
    const annotator = await seedUser(h.verity, 'annotator');
    const list = await h.call(annotator, 'GET', '/api/skills');
    expect(list.body.items.map((s: { name: string }) => s.name)).toContain('lang.fr');
    expect((await h.call(admin, 'DELETE', '/api/skills/lang.fr')).status).toBe(204);
    expect(
      (await h.call(admin, 'GET', '/api/skills')).body.items.map((s: { name: string }) => s.name),
    ).not.toContain('lang.fr');
    const [created] = await audit('skill.create');
    expect(created).toMatchObject({ actorId: manager.id, targetType: 'skill', targetId: 'lang.fr' });
    const [updated] = await audit('skill.update');
    expect(JSON.parse(updated!.before!)).toEqual({ description: 'French' });
    expect(JSON.parse(updated!.after!)).toEqual({ description: 'French, written' });
    expect((await audit('skill.delete')).map((e) => e.targetId)).toEqual(['lang.fr']);
  });

  it('refuses to remove a skill while someone holds it or a project requires it, naming where', async () => {
    await addSkills(h, admin, ['chem', 'chem.organic']);
    const tutor = await seedUser(h.verity, 'annotator');
    await grant(h, admin, tutor, { chem: 1 });
    const held = await h.call(admin, 'DELETE', '/api/skills/chem');
    expect(held.status).toBe(409);
    expect(held.body.error.message).toBe('Skill "chem" is in use: held by 1 person.');
    const projectId = await buildProject(h, manager, { requiredSkills: { 'chem.organic': 2 } } as never);
    const res = await importLines(h, manager, projectId, [
      { data: { text: 'x', source: 's' }, skills: { chem: 3 } },
    ]);
    expect(res.status).toBe(201);
    await h.call(admin, 'DELETE', `/api/users/${tutor.id}/skills/chem`);
    const required = await h.call(admin, 'DELETE', '/api/skills/chem');
    expect(required.body.error.message).toBe(
      `Skill "chem" is in use: required by items of project "Assignments" (id ${projectId}).`,
    );
    const own = await h.call(admin, 'DELETE', '/api/skills/chem.organic');
    expect(own.body.error.message).toBe(
      `Skill "chem.organic" is in use: required by project "Assignments" (id ${projectId}).`,
    );
  });
});

describe("people's skills", () => {
  it('grants, changes and revokes with source, granter and date, each with an audit entry naming the email', async () => {
    await addSkills(h, admin, ['code', 'code.python']);
    const tutor = await seedUser(h.verity, 'annotator');
    const res = await h.call(manager, 'POST', `/api/users/${tutor.id}/skills`, {
      skills: { code: 1, 'code.python': 3 },
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        skill: 'code',
        level: 1,
        source: 'granted',
        grantedBy: { id: manager.id, label: manager.email },
      }),
      expect.objectContaining({
        skill: 'code.python',
        level: 3,
        source: 'granted',
        assessmentAttemptId: null,
      }),
    ]);
    expect(Date.parse(res.body.items[0].grantedAt)).toBeGreaterThan(Date.now() - 60_000);
    await h.call(admin, 'POST', `/api/users/${tutor.id}/skills`, { skills: { code: 2 } });
    await h.call(admin, 'DELETE', `/api/users/${tutor.id}/skills/code.python`);
    const own = await h.call(tutor, 'GET', `/api/users/${tutor.id}/skills`);
    expect(own.body.items.map((s: { skill: string; level: number }) => [s.skill, s.level])).toEqual([
      ['code', 2],
    ]);
    const grants = (await audit('skill.grant')).filter((e) => e.targetId === String(tutor.id));
    expect(grants.map((e) => [e.targetEmail, JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
      [tutor.email, { code: null, 'code.python': null }, { code: 1, 'code.python': 3 }],
      [tutor.email, { code: 1 }, { code: 2 }],
    ]);
    const [revoke] = (await audit('skill.revoke')).filter((e) => e.targetId === String(tutor.id));
    expect([revoke!.targetEmail, JSON.parse(revoke!.before!), JSON.parse(revoke!.after!)]).toEqual([
      tutor.email,
      { 'code.python': 3 },
      { 'code.python': null },
    ]);
  });

  it('refuses a grant of a skill not in the catalogue, writing nothing', async () => {
    await addSkills(h, admin, ['bio']);
    const tutor = await seedUser(h.verity, 'annotator');
    const res = await h.call(admin, 'POST', `/api/users/${tutor.id}/skills`, {
      skills: { bio: 2, 'bio.cells': 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('skills: "bio.cells" is not in the skills catalogue');
    expect((await h.call(admin, 'GET', `/api/users/${tutor.id}/skills`)).body.items).toEqual([]);
  });
});

describe('imports and exports with skills', () => {
  it('reports a bad name, a bad level and an unknown skill per line, importing nothing', async () => {
    await addSkills(h, admin, ['stats']);
    const projectId = await buildProject(h, manager);
    const data = { text: 't', source: 's' };
    const res = await importLines(h, manager, projectId, [
      { data, skills: { stats: 1 } },
      { data, skills: { 'Stats!': 1 } },
      { data, skills: { stats: 4 } },
      { data, skills: { 'stats.bayes': 2 } },
      { data, skills: ['stats'] },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/^line 2: skills\."Stats!": the skill name must be lowercase parts/),
      },
      { line: 3, message: 'line 3: skills."stats": the level must be 1, 2 or 3' },
      { line: 4, message: 'line 4: skills."stats.bayes": no skill of that name in the catalogue' },
      { line: 5, message: 'line 5: "skills" must be an object of skill name -> level (1 to 3)' },
    ]);
    expect((await itemIdsOf(h, projectId)).size).toBe(0);
    const profiles = await h.verity.store.db
      .selectFrom('skillProfiles')
      .selectAll()
      .where('projectId', '=', projectId)
      .execute();
    expect(profiles).toEqual([]);
  });

  it("gives an item's own skills back in its export line, so the line imports again as it was", async () => {
    await addSkills(h, admin, ['stats', 'stats.bayes']);
    const projectId = await buildProject(h, manager);
    const lines = [
      { id: 'a', data: { text: 'a', source: 's' }, skills: { 'stats.bayes': 2, stats: 1 } },
      { id: 'b', data: { text: 'b', source: 's' } },
      { id: 'c', data: { text: 'c', source: 's' }, skills: { stats: 1, 'stats.bayes': 2 } },
    ];
    expect((await importLines(h, manager, projectId, lines)).status).toBe(201);
    const profiles = await h.verity.store.db
      .selectFrom('skillProfiles')
      .selectAll()
      .where('projectId', '=', projectId)
      .execute();
    expect(profiles.map((p) => p.requirements)).toEqual(['{"stats":1,"stats.bayes":2}']);
    const exported = await h.call(manager, 'GET', `/api/projects/${projectId}/export?format=jsonl`);
    const out = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((l) => [l.externalId, l.skills])).toEqual([
      ['a', { stats: 1, 'stats.bayes': 2 }],
      ['b', undefined],
      ['c', { stats: 1, 'stats.bayes': 2 }],
    ]);
    const again = await buildProject(h, manager);
    const back = out.map((l) => ({
      id: l.externalId,
      data: l.data,
      ...(l.skills ? { skills: l.skills } : {}),
    }));
    expect((await importLines(h, manager, again, back)).status).toBe(201);
    const tutor = await seedUser(h.verity, 'annotator');
    await addMembers(h, manager, again, [tutor]);
    const work = await next(h, tutor, again);
    expect(work.body.item.externalId).toBe('b');
    await submit(h, tutor, work.body.assignment.id, validAnswers);
    expect((await next(h, tutor, again)).status).toBe(204);
  });
});
