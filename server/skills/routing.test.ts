import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject, next, seedUser, submit, validAnswers } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { addSkills, grant, importLines, itemIdsOf } from '../testing/skill-fixtures.ts';

/** Routing by skill level (docs/skills.md, "Routing"): the hierarchy, item requirements, grants mid-session. */

let h: Harness;
let admin: TestUser;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await seedUser(h.verity, 'admin');
  manager = await seedUser(h.verity, 'manager');
  await addSkills(h, admin, ['math', 'math.algebra', 'math.geometry', 'physics']);
});
afterAll(async () => h.close());

const line = (id: string, skills?: Record<string, number>) => ({
  id,
  data: { text: `item ${id}`, source: 's' },
  ...(skills ? { skills } : {}),
});

async function project(lines: unknown[], requiredSkills: Record<string, number> = {}) {
  const projectId = await buildProject(h, manager, { overlap: 1, requiredSkills } as never);
  const res = await importLines(h, manager, projectId, lines);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { projectId, ids: await itemIdsOf(h, projectId) };
}

async function annotator(projectId: number, skills: Record<string, number> = {}) {
  const user = await seedUser(h.verity, 'annotator');
  await addMembers(h, manager, projectId, [user]);
  if (Object.keys(skills).length > 0) await grant(h, admin, user, skills);
  return user;
}

/** Claims and submits until nothing is left; the external ids received, in order. */
async function workAll(who: TestUser, projectId: number, ids: Map<string, number>): Promise<string[]> {
  const byId = new Map([...ids].map(([ext, id]) => [id, ext]));
  const got: string[] = [];
  for (;;) {
    const work = await next(h, who, projectId);
    if (work.status === 204) return got;
    expect(work.status, JSON.stringify(work.body)).toBe(200);
    got.push(byId.get(work.body.item.id)!);
    expect((await submit(h, who, work.body.assignment.id, validAnswers)).status).toBe(200);
  }
}

describe('routing by skill level', () => {
  it("refuses every item to someone short of the project's own requirement, naming what is missing", async () => {
    const { projectId } = await project([line('a')], { 'math.algebra': 2 });
    const none = await annotator(projectId);
    const low = await annotator(projectId, { 'math.algebra': 1 });
    for (const [who, held] of [
      [none, 0],
      [low, 1],
    ] as const) {
      const res = await next(h, who, projectId);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('SKILLS_MISSING');
      expect(res.body.error.details.missing).toEqual([{ skill: 'math.algebra', required: 2, held }]);
      expect(res.body.error.message).toContain('math.algebra at level 2');
    }
  });

  it('lets math at 2 cover math.algebra at 2, unless math.algebra is held at 1, which overrides it', async () => {
    const { projectId, ids } = await project([line('a', { 'math.algebra': 2 }), line('b')]);
    const parent = await annotator(projectId, { math: 2 });
    expect(await workAll(parent, projectId, ids)).toEqual(['a', 'b']);
    const { projectId: p2, ids: ids2 } = await project([line('a', { 'math.algebra': 2 }), line('b')]);
    const overridden = await annotator(p2, { math: 3, 'math.algebra': 1 });
    expect(await workAll(overridden, p2, ids2)).toEqual(['b']);
    // Holding the child says nothing of the parent.
    const { projectId: p3, ids: ids3 } = await project([line('a', { math: 1 }), line('b')]);
    const child = await annotator(p3, { 'math.algebra': 3 });
    expect(await workAll(child, p3, ids3)).toEqual(['b']);
  });

  it('hands items whose own requirement the caller meets, merged with the project one', async () => {
    const { projectId, ids } = await project(
      [line('a', { physics: 1 }), line('b', { 'math.geometry': 3 }), line('c'), line('d', { math: 1 })],
      { math: 1 },
    );
    const who = await annotator(projectId, { math: 2, physics: 1 });
    expect(await workAll(who, projectId, ids)).toEqual(['a', 'c', 'd']);
  });

  it('makes items claimable on the very next request after a grant, though the search passed them', async () => {
    const { projectId, ids } = await project([line('a', { physics: 2 }), line('b'), line('c')]);
    const who = await annotator(projectId);
    const first = await next(h, who, projectId);
    expect(first.body.item.id).toBe(ids.get('b'));
    expect((await submit(h, who, first.body.assignment.id, validAnswers)).status).toBe(200);
    // Mid-session: the cursor stands past `a`; the grant voids it.
    await grant(h, admin, who, { physics: 2 });
    const after = await next(h, who, projectId);
    expect(after.body.item.id).toBe(ids.get('a'));
  });

  it('takes items away on the next request after a revoke', async () => {
    const { projectId, ids } = await project([
      line('a', { physics: 1 }),
      line('b', { physics: 1 }),
      line('c'),
    ]);
    const who = await annotator(projectId, { physics: 1 });
    const first = await next(h, who, projectId);
    expect(first.body.item.id).toBe(ids.get('a'));
    await submit(h, who, first.body.assignment.id, validAnswers);
    expect((await h.call(admin, 'DELETE', `/api/users/${who.id}/skills/physics`)).status).toBe(200);
    expect(await workAll(who, projectId, ids)).toEqual(['c']);
  });

  it('lets a lock taken before a revoke run its course: its submit is kept, the next claim follows the new skills', async () => {
    const { projectId, ids } = await project([
      line('a', { physics: 1 }),
      line('b', { physics: 1 }),
      line('c'),
    ]);
    const who = await annotator(projectId, { physics: 1 });
    const held = await next(h, who, projectId);
    expect(held.body.item.id).toBe(ids.get('a'));
    expect((await h.call(admin, 'DELETE', `/api/users/${who.id}/skills/physics`)).status).toBe(200);
    expect((await submit(h, who, held.body.assignment.id, validAnswers)).status).toBe(200);
    expect(await workAll(who, projectId, ids)).toEqual(['c']);
  });

  it('makes items claimable at once when the project lowers its requirement', async () => {
    const { projectId, ids } = await project([line('a', { physics: 1 }), line('b')], { math: 2 });
    const who = await annotator(projectId, { math: 1, physics: 1 });
    expect((await next(h, who, projectId)).body.error.code).toBe('SKILLS_MISSING');
    const res = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { requiredSkills: { math: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.requiredSkills).toEqual({ math: 1 });
    expect(await workAll(who, projectId, ids)).toEqual(['a', 'b']);
  });

  it('serves gold items by the same rule', async () => {
    const projectId = await buildProject(h, manager, { overlap: 1 });
    const gold = { topic: 'other' };
    const res = await importLines(h, manager, projectId, [
      { ...line('g1', { physics: 3 }), gold },
      { ...line('g2'), gold },
      line('p'),
    ]);
    expect(res.status).toBe(201);
    const patch = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, {
      gold: { warmup: 2, rate: 0 },
    });
    expect(patch.status).toBe(200);
    const ids = await itemIdsOf(h, projectId);
    const who = await annotator(projectId, { physics: 2 });
    expect(await workAll(who, projectId, ids)).toEqual(['g2', 'p']);
  });

  it('refuses a requirement naming a skill not in the catalogue', async () => {
    const res = await h.call(manager, 'POST', '/api/projects', {
      name: 'Unknown skill',
      interface: (await import('../testing/harness.ts')).sampleInterface,
      requiredSkills: { 'chem.organic': 2 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toBe('requiredSkills: "chem.organic" is not in the skills catalogue');
  });
});
