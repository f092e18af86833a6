import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { insertUser } from './users.repository.ts';

/** Searching users by a part of their name or email (`GET /api/users?q=`), for admins and managers. */

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await seedUser(h.verity, 'admin');
  const people: [string, string][] = [
    ['Élodie Marchand', 'elodie@search.example'],
    ['Bob Percent', 'bob_100%@search.example'],
    ['Carla Quist', 'carla@elsewhere.example'],
  ];
  for (const [name, email] of people)
    await insertUser(h.verity.store.db, { email, name, role: 'annotator', passwordHash: null });
});
afterAll(async () => h.close());

const search = async (who: TestUser, q: string, extra = '') => {
  const res = await h.call(who, 'GET', `/api/users?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: { name: string; email: string }[]; nextCursor: string | null };
};
const names = (page: { items: { name: string }[] }) => page.items.map((u) => u.name);

describe('user search', () => {
  it('finds a part of a name or an email, ignoring case', async () => {
    expect(names(await search(admin, 'MARCH'))).toEqual(['Élodie Marchand']);
    expect(names(await search(admin, 'search.EXAMPLE'))).toEqual(['Élodie Marchand', 'Bob Percent']);
    expect(names(await search(admin, 'quist'))).toEqual(['Carla Quist']);
  });

  it('takes % and _ literally', async () => {
    expect(names(await search(admin, '100%'))).toEqual(['Bob Percent']);
    expect(names(await search(admin, '_1'))).toEqual(['Bob Percent']);
    expect(names(await search(admin, '%'))).toEqual(['Bob Percent']);
  });

  it('pages its results', async () => {
    const first = await search(admin, 'search.example', '&limit=1');
    expect(names(first)).toEqual(['Élodie Marchand']);
    const second = await search(admin, 'search.example', `&limit=1&cursor=${first.nextCursor}`);
    expect(names(second)).toEqual(['Bob Percent']);
  });

  it('is open to managers and refused to everyone else', async () => {
    const manager = await seedUser(h.verity, 'manager');
    expect(names(await search(manager, 'quist'))).toEqual(['Carla Quist']);
    for (const role of ['reviewer', 'annotator'] as const) {
      const who = await seedUser(h.verity, role);
      const res = await h.call(who, 'GET', '/api/users?q=quist');
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('Quist');
    }
  });

  it('refuses a search text over 100 characters, naming the parameter', async () => {
    const res = await h.call(admin, 'GET', `/api/users?q=${'x'.repeat(101)}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('q');
  });
});
