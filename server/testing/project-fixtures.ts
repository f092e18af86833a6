import { expect } from 'vitest';
import { errorCodes } from '../../core/errors.ts';
import { postItems } from './factories.ts';
import { type Harness, sampleInterface, type TestUser } from './harness.ts';

/**
 * Projects, items and members made through the API by the admin, for the project tests.
 * `world` is read at each call, so a file can set it up in beforeAll.
 */
export function projectFixtures(world: () => { h: Harness; admin: TestUser }) {
  let serial = 0;
  const unique = (what: string): string => `${what} ${++serial}`;

  async function createProject(extra: Record<string, unknown> = {}): Promise<number> {
    const { h, admin } = world();
    const res = await h.call(admin, 'POST', '/api/projects', {
      name: unique('Project'),
      interface: sampleInterface,
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  const importItems = (projectId: number, count: number) =>
    postItems(
      world().h.verity,
      world().admin,
      projectId,
      Array.from({ length: count }, (_, i) => ({ data: { text: `item ${i}`, source: 'test' } })),
    );

  async function member(
    projectId: number,
    role: 'annotator' | 'reviewer' | 'manager' = 'annotator',
  ): Promise<TestUser> {
    const { h, admin } = world();
    const user = await h.user('annotator');
    expect(
      (await h.call(admin, 'POST', `/api/projects/${projectId}/members`, { userId: user.id, role })).status,
    ).toBe(201);
    return user;
  }

  return { unique, createProject, importItems, member };
}

/** The paths a 4xx validation error names, after checking the envelope. */
export function invalidPaths(res: {
  status: number;
  body: { error: { code: string; details: { path: string }[] } };
}) {
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(['VALIDATION_FAILED', 'INVALID_INTERFACE']).toContain(res.body.error.code);
  expect(res.status).toBe(errorCodes[res.body.error.code as keyof typeof errorCodes].status);
  return res.body.error.details.map((d) => d.path);
}
