import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, buildProject, newKey, next, seedUser } from '../testing/factories.ts';
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

/** A gold answer no payload could hold by chance. */
const MARK = 987654.321;

/** The shape of a JSON value: its keys, recursively, with arrays reduced to their first element. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? [] : [shapeOf(v[0])];
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, shapeOf(x)]),
    );
  return typeof v;
}

describe('gold never reaches an annotator', () => {
  it('is absent from every payload an annotator gets while working a project with gold items', async () => {
    const projectId = await buildProject(h, manager, { overlap: 1 });
    const lines = [
      { id: 'g0', data: { text: 'first', source: 's' }, gold: { topic: 'other', steps: MARK } },
      { id: 'g1', data: { text: 'second', source: 's' }, gold: { topic: 'geometry', steps: MARK } },
      { id: 'p0', data: { text: 'third', source: 's' } },
      { id: 'p1', data: { text: 'fourth', source: 's' } },
    ];
    const imported = await h.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/items`,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: jsonl(lines),
    });
    expect(imported.statusCode).toBe(201);
    const gold = { warmup: 1, rate: 0.5, bar: { minAccuracy: 0.7, after: 10 } };
    expect((await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { gold })).status).toBe(200);
    await addMembers(h, manager, projectId, [annotator]);

    // The project's progress counts no gold item as in progress before anyone worked on it.
    const fresh = await h.call(annotator, 'GET', `/api/projects/${projectId}`);
    expect(fresh.body.progress).toMatchObject({ items: 4, complete: 0, inProgress: 0 });
    const payloads: { what: string; body: unknown }[] = [];
    const get = async (what: string, method: string, url: string, body?: unknown) => {
      const res = await h.call(annotator, method, url, body);
      payloads.push({ what: `${what} (${res.status})`, body: res.body });
      return res;
    };
    await get('projects', 'GET', '/api/projects');
    await get('project', 'GET', `/api/projects/${projectId}`);
    const work: { gold: boolean; body: unknown }[] = [];
    const goldIds = new Set(
      (await h.verity.store.db.selectFrom('goldItems').select('itemId').execute()).map((r) => r.itemId),
    );
    for (let i = 0; ; i++) {
      const res = await next(h, annotator, projectId);
      payloads.push({ what: `next ${i}`, body: res.body });
      if (res.status === 204) break;
      const { assignment, item } = res.body;
      work.push({ gold: goldIds.has(item.id), body: res.body });
      await get('work', 'GET', `/api/assignments/${assignment.id}`);
      await get('draft', 'PUT', `/api/assignments/${assignment.id}/draft`, {
        answers: { topic: 'algebra' },
        activeMs: 5,
      });
      const done = await get('submit', 'POST', `/api/assignments/${assignment.id}/submit`, {
        answers: { topic: 'algebra', steps: 3 },
        idempotencyKey: newKey(),
        activeMs: 10,
      });
      expect(done.status).toBe(200);
      await get('item', 'GET', `/api/items/${item.id}`);
      await get('revisions', 'GET', `/api/annotations/${done.body.annotation.id}/revisions`);
      await get('mine', 'GET', `/api/projects/${projectId}/assignments/mine`);
      await get('progress', 'GET', `/api/projects/${projectId}/my-progress`);
    }
    await get('items', 'GET', `/api/projects/${projectId}/items`);
    await get('export', 'GET', `/api/projects/${projectId}/export?format=jsonl`);
    await get('stats', 'GET', `/api/projects/${projectId}/stats`);
    await get('gold report', 'GET', `/api/projects/${projectId}/gold`);

    // Both gold items were served, as the first item and among the rest.
    expect(work.length).toBe(4);
    expect(work[0]!.gold).toBe(true);
    expect(work.filter((w) => w.gold).length).toBe(2);
    for (const { what, body } of payloads) {
      const text = JSON.stringify(body) ?? '';
      expect(text, what).not.toContain(String(MARK));
      // The one `gold` key an annotator sees is the project's, null for them as for any project.
      expect(text.replaceAll('"gold":null', ''), what).not.toMatch(/gold/i);
    }
    // A gold item's work payload has the same shape as an ordinary one's.
    const goldWork = work.find((w) => w.gold)!;
    const plainWork = work.find((w) => !w.gold)!;
    expect(shapeOf(goldWork.body)).toEqual(shapeOf(plainWork.body));
  });
});
