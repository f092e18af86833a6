import { expect } from 'vitest';
import type { Api } from './factories.ts';
import { jsonl, type TestUser } from './harness.ts';

/** Builders for the skills tests (docs/skills.md): catalogue entries, grants, imports with skills. */

/** Adds each name to the catalogue (a name already there is fine). */
export async function addSkills(h: Api, admin: TestUser, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const res = await h.call(admin, 'POST', '/api/skills', { name, description: `about ${name}` });
    if (res.status !== 201 && res.body?.error?.code !== 'CONFLICT')
      throw new Error(`add skill ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** Grants the user these skills through the API. */
export async function grant(
  h: Api,
  admin: TestUser,
  user: { id: number },
  skills: Record<string, number>,
): Promise<void> {
  const res = await h.call(admin, 'POST', `/api/users/${user.id}/skills`, { skills });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Posts JSONL lines to the project's import; the raw answer. */
export async function importLines(h: Api, manager: TestUser, projectId: number, lines: unknown[]) {
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(lines),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

/** The project's item ids by external id. */
export async function itemIdsOf(h: Api, projectId: number): Promise<Map<string, number>> {
  const rows = await h.verity.store.db
    .selectFrom('items')
    .select(['id', 'externalId'])
    .where('projectId', '=', projectId)
    .execute();
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}
