import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, claimProblems, next, postItems, seedUser } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';
import { fullLine, generationInterface, promptLine } from './fixtures.ts';

/**
 * Items imported with the prompt alone (docs/generation.md): valid, awaiting their candidates,
 * never served, and kept closed by everything that recomputes free slots.
 */
let h: Harness;
let manager: TestUser;
let annotator: TestUser;
let projectId: number;

beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  annotator = await seedUser(h.verity, 'annotator');
  const res = await h.call(manager, 'POST', '/api/projects', {
    name: 'Awaiting',
    interface: generationInterface,
  });
  projectId = res.body.id;
  await addMembers(h, manager, projectId, [annotator]);
  await postItems(h.verity, manager, projectId, [promptLine(1), promptLine(2), fullLine(3)]);
});
afterAll(async () => h?.close());

const itemRows = () =>
  h.verity.store.db
    .selectFrom('items')
    .select(['externalId', 'slotsLeft', 'awaiting'])
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();

describe('items awaiting candidates', () => {
  it('are imported closed, with the field absent or empty', async () => {
    expect(await itemRows()).toEqual([
      { externalId: 'p1', slotsLeft: 0, awaiting: 1 },
      { externalId: 'p2', slotsLeft: 0, awaiting: 1 },
      { externalId: 'f3', slotsLeft: 1, awaiting: 0 },
    ]);
  });

  it('show as awaiting in the item browser and the progress, not in progress', async () => {
    const list = await h.call(manager, 'GET', `/api/projects/${projectId}/items`);
    expect(list.body.items.map((i: { status: string }) => i.status)).toEqual([
      'awaiting',
      'awaiting',
      'open',
    ]);
    const awaiting = await h.call(manager, 'GET', `/api/projects/${projectId}/items?status=awaiting`);
    expect(awaiting.body.items.map((i: { externalId: string }) => i.externalId)).toEqual(['p1', 'p2']);
    const inProgress = await h.call(manager, 'GET', `/api/projects/${projectId}/items?status=in_progress`);
    expect(inProgress.body.items).toEqual([]);
    const project = await h.call(manager, 'GET', `/api/projects/${projectId}`);
    expect(project.body.progress).toMatchObject({ items: 3, awaiting: 2, inProgress: 0, complete: 0 });
  });

  it('are never served, and a larger overlap or a copy of the project keeps them closed', async () => {
    const first = await next(h, annotator, projectId);
    expect(first.status).toBe(200);
    expect(first.body.item.externalId).toBe('f3');
    const patched = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { overlap: 3 });
    expect(patched.status).toBe(200);
    expect((await itemRows()).map((r) => r.slotsLeft)).toEqual([0, 0, 2]);
    expect(await claimProblems(h, projectId, 3)).toEqual([]);
    const other = await seedUser(h.verity, 'annotator');
    await addMembers(h, manager, projectId, [other]);
    expect((await next(h, other, projectId)).body.item.externalId).toBe('f3');
    const copy = await h.call(manager, 'POST', `/api/projects/${projectId}/duplicate`, {
      name: 'Copy',
      items: true,
    });
    expect(copy.status).toBe(201);
    const copied = await h.verity.store.db
      .selectFrom('items')
      .select(['slotsLeft', 'awaiting'])
      .where('projectId', '=', copy.body.id)
      .orderBy('id')
      .execute();
    expect(copied).toEqual([
      { slotsLeft: 0, awaiting: 1 },
      { slotsLeft: 0, awaiting: 1 },
      { slotsLeft: 3, awaiting: 0 },
    ]);
  });

  it('cannot carry annotations before their candidates', async () => {
    const res = await h.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/items`,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: jsonl([{ ...promptLine(9), annotations: [{ annotator: 'x@example.org', answers: {} }] }]),
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('awaits the candidates of \\"pair\\"');
  });
});
