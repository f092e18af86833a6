import { randomBytes } from 'node:crypto';
import type { Roster } from '../../core/api/roster.ts';
import type { Role } from '../../core/api/users.ts';
import { createToken } from '../auth/auth.service.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { Verity } from '../server.ts';
import { grantSkills } from '../skills/user-skills.repository.ts';
import { insertUser } from '../users/users.repository.ts';
import type { Harness, TestUser } from './harness.ts';

/** Builders for the roster's tests (server/roster/): named people and the skills they hold. */

/** A person named `${tag} ${label}` with an API token, written straight to the store. */
export async function person(verity: Verity, tag: string, label: string, role: Role = 'annotator') {
  const email = `${label.toLowerCase()}-${randomBytes(4).toString('hex')}@example.org`;
  const row = await insertUser(verity.store.db, { email, name: `${tag} ${label}`, role, passwordHash: null });
  const token = await createToken(verity.ctx, row.id, 'test');
  return { id: row.id, email, role, token: token.token, password: '', name: `${tag} ${label}` };
}
export type Person = Awaited<ReturnType<typeof person>>;

/** Puts the skills in the catalogue (if missing) and grants them to the user, by an admin. */
export async function grant(verity: Verity, userId: number, skills: Record<string, number>, by: number) {
  const now = Date.now();
  await writeTransaction(verity.store, async (tx) => {
    for (const name of Object.keys(skills))
      await tx
        .insertInto('skills')
        .values({ name, description: name, createdBy: by, createdAt: now })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    await grantSkills(tx, {
      userId,
      skills: Object.entries(skills).map(([skill, level]) => ({ skill, level })),
      source: 'granted',
      grantedBy: by,
      now,
    });
  });
}

/** The roster as `who` sees it with this query (names in the order given); fails on any other status. */
export async function rosterOf(h: Pick<Harness, 'call'>, who: TestUser, query: string) {
  const res = await h.call(who, 'GET', `/api/roster?${query}`);
  if (res.status !== 200) throw new Error(`roster ${query}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Roster;
}
