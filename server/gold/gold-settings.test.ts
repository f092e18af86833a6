import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
let annotator: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  annotator = await seedUser(h.verity, 'annotator');
});
afterAll(async () => h.close());

describe('gold settings of a project', () => {
  it('default, change with the project, and stay hidden from annotators', async () => {
    const projectId = await buildProject(h, manager);
    await addMembers(h, manager, projectId, [annotator]);
    const created = await h.call(manager, 'GET', `/api/projects/${projectId}`);
    expect(created.body.gold).toEqual({ warmup: 0, rate: 0, bar: null, questions: {} });
    const gold = {
      warmup: 3,
      rate: 0.1,
      bar: { minAccuracy: 0.7, after: 10 },
      questions: { steps: { tolerance: 0.5 } },
    };
    const updated = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { gold });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.gold).toEqual(gold);
    expect((await h.call(annotator, 'GET', `/api/projects/${projectId}`)).body.gold).toBeNull();
    const listed = await h.call(annotator, 'GET', '/api/projects');
    expect(listed.body.items.find((p: { id: number }) => p.id === projectId).gold).toBeNull();
  });

  it('refuses a rate outside [0, 1]', async () => {
    const projectId = await buildProject(h, manager);
    const res = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { gold: { rate: 2 } });
    expect(res.status).toBe(400);
  });
});
