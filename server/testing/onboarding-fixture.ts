import { expect } from 'vitest';
import type { Harness, TestUser } from './harness.ts';

/**
 * The onboarding tests' helpers (docs/onboarding.md): skills in the catalogue (whose API is another
 * part's), invites made over HTTP, accepting one as a browser does (its session cookie), and what
 * the store then holds for an account.
 */

export async function seedSkills(h: Harness, names: readonly string[]): Promise<void> {
  await h.verity.store.db
    .insertInto('skills')
    .values(names.map((name) => ({ name, description: name, createdBy: null, createdAt: 1 })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** Makes an invite as `by`; its answer (with `token` cut from the link). */
export async function makeInvite(h: Harness, by: TestUser, body: object) {
  const res = await h.call(by, 'POST', '/api/invites', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res.body, token: String(res.body.url).split('#token=')[1]! } as {
    id: number;
    url: string;
    token: string;
    expiresAt: string;
    [k: string]: unknown;
  };
}

/** POSTs as a browser without a session (public routes): status, parsed body and the session cookie. */
export async function postPublic(h: Harness, url: string, body: unknown) {
  const res = await h.verity.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  const session = res.cookies.find((c) => c.name === 'verity_session' && c.value !== '');
  return {
    status: res.statusCode,
    body: res.body === '' ? null : JSON.parse(res.body),
    session: session?.value ?? null,
    cookies: res.cookies,
  };
}

/** A GET with a session cookie, as the web app sends it. */
export async function getWithSession(h: Harness, url: string, session: string) {
  const res = await h.verity.app.inject({ method: 'GET', url, cookies: { verity_session: session } });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

/** An account as the store holds it: role, window, skills (with their source) and memberships. */
export async function accountState(h: Harness, email: string) {
  const db = h.verity.store.db;
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  if (!user) return undefined;
  const skills = await db
    .selectFrom('userSkills')
    .select(['skill', 'level', 'source', 'grantedBy'])
    .where('userId', '=', user.id)
    .orderBy('skill')
    .execute();
  const memberships = await db
    .selectFrom('projectMembers')
    .select(['projectId', 'role'])
    .where('userId', '=', user.id)
    .orderBy('projectId')
    .execute();
  return { user, skills, memberships };
}

/** The audit entries of an action, oldest first, with before/after parsed. */
export async function auditOf(h: Harness, action: string) {
  const rows = await h.verity.store.db
    .selectFrom('auditLog')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}
