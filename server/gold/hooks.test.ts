import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterfaceDefinition } from '../../core/interface/index.ts';
import type { Tx } from '../db/transaction.ts';
import { findProject, type ProjectRow } from '../projects/projects.repository.ts';
import { buildProject, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { requireNotPaused, scoreGoldSubmission } from './scoring.ts';

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => h.close());

/** A transaction that fails on any use: the hook given it must read and write nothing. */
const untouchable = new Proxy(
  {},
  {
    get: (_, key) => {
      throw new Error(`the store was used: ${String(key)}`);
    },
  },
) as Tx;

const project = async (id: number): Promise<ProjectRow> => (await findProject(h.verity.store.db, id))!;

/** The submit's gold hooks, given a transaction, for the manager on the project. */
const hooks = (tx: Tx, p: ProjectRow) => [
  () => requireNotPaused(tx, { project: p, userId: manager.id }),
  () =>
    scoreGoldSubmission(tx, {
      project: p,
      iface: { questions: [] } as unknown as InterfaceDefinition,
      itemId: 1,
      userId: manager.id,
      annotationId: 1,
      answers: {},
      now: Date.now(),
    }),
];

describe("the work loop's gold hooks", () => {
  it('read nothing on a project that never set up gold', async () => {
    const p = await project(await buildProject(h, manager));
    expect(p.gold).toBeNull();
    for (const hook of hooks(untouchable, p)) await expect(hook()).resolves.toBeUndefined();
  });

  it('check the pause once gold is set up, even after the bar is dropped', async () => {
    const projectId = await buildProject(h, manager);
    const gold = { warmup: 1, bar: { minAccuracy: 0.7, after: 1 } };
    expect((await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { gold })).status).toBe(200);
    await h.verity.store.db
      .insertInto('goldPauses')
      .values({
        projectId,
        userId: manager.id,
        rule: 'a rule',
        accuracy: 0,
        scored: 1,
        pausedAt: 1,
        liftedBy: null,
        liftedAt: null,
      })
      .execute();
    // The bar is dropped; the live pause still holds until a manager lifts it.
    const noBar = { warmup: 0, bar: null };
    expect((await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { gold: noBar })).status).toBe(200);
    const p = await project(projectId);
    for (const hook of hooks(untouchable, p)) await expect(hook()).rejects.toThrow('the store was used');
    const db = h.verity.store.db as Tx;
    await expect(requireNotPaused(db, { project: p, userId: manager.id })).rejects.toMatchObject({
      code: 'GOLD_PAUSED',
    });
  });
});
