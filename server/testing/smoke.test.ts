import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, jsonl, sampleInterface, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

describe('smoke', () => {
  it('walks create → import → next → submit → export', async () => {
    const admin = await h.user('admin');
    const ann = await h.user('annotator');
    const p = await h.call(admin, 'POST', '/api/projects', {
      name: 'P',
      interface: sampleInterface,
      overlap: 1,
    });
    expect(p.status).toBe(201);
    await h.call(admin, 'POST', `/api/projects/${p.body.id}/members`, { email: ann.email });
    const imp = await h.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${p.body.id}/items`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/x-ndjson' },
      payload: jsonl([
        { id: 'a', data: { text: 'hello', source: 's' } },
        { data: { text: 'x', source: 's' } },
      ]),
    });
    expect(imp.statusCode, imp.body).toBe(201);
    const next = await h.call(ann, 'POST', `/api/projects/${p.body.id}/assignments/next`);
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const sub = await h.call(ann, 'POST', `/api/assignments/${next.body.assignment.id}/submit`, {
      answers: { topic: 'algebra' },
      idempotencyKey: 'key-00000001',
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    const exp = await h.call(admin, 'GET', `/api/projects/${p.body.id}/export?format=jsonl`);
    expect(exp.status).toBe(200);
    const lines = String(exp.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    // Every question of the interface, null when unanswered.
    expect(lines[0].annotations[0].answers).toEqual({
      topic: 'algebra',
      flags: null,
      entities: null,
      difficulty: null,
      steps: null,
      comment: null,
    });
  });
});
