import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, seedUser } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
let annotator: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  annotator = await seedUser(h.verity, 'annotator');
});
afterAll(async () => h.close());

async function post(projectId: number, lines: unknown[]) {
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(lines),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const itemsOf = (projectId: number) =>
  h.verity.store.db
    .selectFrom('items')
    .select(['id', 'externalId', 'slotsLeft'])
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();

const data = { text: 'Pythagoras', source: 'test' };

describe('importing gold items', () => {
  it('stores normalised gold answers apart and keeps the item out of the open slots', async () => {
    const projectId = await buildProject(h, manager, { overlap: 2 });
    const res = await post(projectId, [
      { id: 'plain', data },
      { id: 'gold', data, gold: { topic: 'geometry', flags: ['pii', 'unsafe'] } },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.imported).toBe(2);
    const [plain, gold] = await itemsOf(projectId);
    expect(plain).toMatchObject({ externalId: 'plain', slotsLeft: 2 });
    expect(gold).toMatchObject({ externalId: 'gold', slotsLeft: 0 });
    const stored = await h.verity.store.db.selectFrom('goldItems').selectAll().execute();
    const row = stored.find((r) => r.itemId === gold!.id);
    // Validated like a submitted annotation: multi-choice answers in the options' order.
    expect(JSON.parse(row!.answers)).toEqual({ topic: 'geometry', flags: ['unsafe', 'pii'] });
    expect(row!.projectId).toBe(projectId);
    // A change of overlap recomputes the slots: the gold item keeps none.
    await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { overlap: 3 });
    expect((await itemsOf(projectId)).map((i) => i.slotsLeft)).toEqual([3, 0]);
  });

  it('refuses invalid gold answers, naming the line and the question', async () => {
    const projectId = await buildProject(h, manager);
    const res = await post(projectId, [
      { data },
      { data, gold: { topic: 'music' } },
      { data, gold: { flags: ['pii'] } },
      { data, gold: ['geometry'] },
      {
        data,
        gold: { topic: 'algebra' },
        annotations: [{ annotator: 'Ext', answers: { topic: 'algebra' } }],
      },
    ]);
    expect(res.status).toBe(422);
    const messages: string[] = res.body.error.details.errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toMatch(/^line 2: gold\.topic/);
    expect(messages[0]).toContain('music');
    expect(messages[1]).toMatch(/^line 3: gold\.topic/);
    expect(messages[2]).toBe('line 4: "gold" must be an object of answers by question name');
    expect(messages[3]).toBe('line 5: gold: a gold item carries no annotations');
  });

  it('shows gold to managers in the item API and the export, never to an annotator', async () => {
    const projectId = await buildProject(h, manager);
    await h.call(manager, 'POST', `/api/projects/${projectId}/members`, { userId: annotator.id });
    expect(
      (
        await post(projectId, [
          { id: 'g', data, gold: { topic: 'other' } },
          { id: 'p', data },
        ])
      ).status,
    ).toBe(201);
    const [gold, plain] = await itemsOf(projectId);
    const detail = await h.call(manager, 'GET', `/api/items/${gold!.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.gold).toEqual({ topic: 'other' });
    expect((await h.call(manager, 'GET', `/api/items/${plain!.id}`)).body.gold).toBeUndefined();
    const exported = await h.call(manager, 'GET', `/api/projects/${projectId}/export?format=jsonl`);
    const lines = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.externalId === 'g').gold).toEqual({ topic: 'other' });
    expect('gold' in lines.find((l) => l.externalId === 'p')).toBe(false);
    // An annotator may not export, and has no access to an item they never worked.
    expect((await h.call(annotator, 'GET', `/api/projects/${projectId}/export?format=jsonl`)).status).toBe(
      403,
    );
    expect((await h.call(annotator, 'GET', `/api/items/${gold!.id}`)).status).toBe(404);
  });

  it('deletes gold answers with their item', async () => {
    const projectId = await buildProject(h, manager);
    await post(projectId, [{ data, gold: { topic: 'other' } }]);
    const [gold] = await itemsOf(projectId);
    const res = await h.call(manager, 'POST', `/api/projects/${projectId}/items/actions`, {
      action: 'delete',
      ids: [gold!.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    const left = await h.verity.store.db
      .selectFrom('goldItems')
      .select('itemId')
      .where('itemId', '=', gold!.id)
      .execute();
    expect(left).toEqual([]);
  });
});
