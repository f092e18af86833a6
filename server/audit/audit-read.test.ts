import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sampleInterface, startHarness, type TestUser } from '../testing/harness.ts';

/** Reading the log (docs/audit.md, "Reading it"): filters, keyset pages, scope, the export. */

let h: Harness;
let admin: TestUser;
let pm: TestUser;
let target: TestUser;
let mine: number;
let other: number;
const t0 = Date.now();
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
  pm = await h.user('annotator');
  target = await h.user('annotator');
  const made = async (name: string) =>
    (await h.call(admin, 'POST', '/api/projects', { name, interface: sampleInterface })).body.id as number;
  mine = await made('Managed by pm');
  other = await made('Not theirs');
  expect(
    (await h.call(admin, 'POST', `/api/projects/${mine}/members`, { userId: pm.id, role: 'manager' })).status,
  ).toBe(201);
  for (const role of ['reviewer', 'annotator', 'reviewer'])
    expect((await h.call(admin, 'PATCH', `/api/users/${target.id}`, { role })).status).toBe(200);
  await h.call(admin, 'PATCH', `/api/projects/${other}`, { overlap: 2 });
});
afterAll(async () => h?.close());

const list = (who: TestUser, query: Record<string, string>) =>
  h.call(who, 'GET', `/api/audit?${new URLSearchParams(query)}`);

describe('reading the audit log', () => {
  it('filters by action, actor, target email and time; newest first', async () => {
    const res = await list(admin, { action: 'user.role', target: target.email, actor: admin.email });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: any) => e.after.role)).toEqual(['reviewer', 'annotator', 'reviewer']);
    expect(res.body.items[0]).toMatchObject({
      actorId: admin.id,
      actor: admin.email,
      targetEmail: target.email,
      targetType: 'user',
    });
    expect((await list(admin, { action: 'user.', target: String(target.id) })).body.items.length).toBe(3);
    expect(
      (await list(admin, { action: 'user.role', until: new Date(t0 - 60_000).toISOString() })).body.items,
    ).toEqual([]);
    expect(
      (await list(admin, { action: 'user.role', since: new Date(t0 - 60_000).toISOString() })).body.items
        .length,
    ).toBe(3);
    const bad = await list(admin, { since: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('since');
  });

  it('pages by keyset without gaps or repeats', async () => {
    const all = (await list(admin, { limit: '500' })).body.items.map((e: any) => e.id);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await list(admin, { limit: '2', ...(cursor ? { cursor } : {}) });
      paged.push(...res.body.items.map((e: any) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(5);
  });

  it('shows a project manager only the entries of the projects they manage', async () => {
    const res = await list(pm, { limit: '500' });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((e: any) => e.projectId))).toEqual(new Set([mine]));
    expect((await list(target, {})).status).toBe(403);
  });

  it('exports the same entries as JSON lines and CSV, and records the export', async () => {
    const jsonl = await h.verity.app.inject({
      url: '/api/audit/export?action=user.role',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    const lines = jsonl.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((e) => e.after.role)).toEqual(['reviewer', 'annotator', 'reviewer']);
    const csv = await h.verity.app.inject({
      url: '/api/audit/export?format=csv&action=user.role',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const rows = csv.body.trim().split('\r\n');
    expect(rows[0]).toBe(
      'id,at,actor_id,actor,action,target_type,target_id,target_email,project_id,before,after',
    );
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain('"{""role"":""annotator""}"');
    const recorded = await list(admin, { action: 'export.audit' });
    expect(recorded.body.items.map((e: any) => e.after)).toEqual([
      { format: 'csv', filters: { action: 'user.role' } },
      { format: 'jsonl', filters: { action: 'user.role' } },
    ]);
  });
});
