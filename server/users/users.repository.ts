import { type Selectable, sql } from 'kysely';
import type { User } from '../../core/api/users.ts';
import { iso, isoOrNull } from '../context.ts';
import type { UsersTable } from '../db/schema.ts';
import type { Db } from '../db/transaction.ts';

/** A user as the code sees it: `external` as a boolean (the table holds 0/1 on both stores). */
export type UserRow = Omit<Selectable<UsersTable>, 'external'> & { external: boolean };

const userRowOf = (r: Selectable<UsersTable>): UserRow => ({ ...r, external: r.external === 1 });

export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  status: r.status,
  external: r.external,
  kind: r.modelConnectionId === null ? 'human' : 'model',
  createdAt: iso(r.createdAt),
  contractStart: isoOrNull(r.contractStart),
  contractEnd: isoOrNull(r.contractEnd),
  offboardedAt: isoOrNull(r.offboardedAt),
});

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && userRowOf(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && userRowOf(row);
}

export async function insertUser(
  db: Db,
  u: {
    email: string | null;
    name: string;
    role: UserRow['role'];
    passwordHash: string | null;
    external?: boolean;
  },
): Promise<UserRow> {
  const row = await db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name,
      role: u.role,
      status: 'active',
      passwordHash: u.passwordHash,
      external: u.external ? 1 : 0,
      createdAt: Date.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return userRowOf(row);
}

/** `%`, `_` and the escape character itself, taken literally inside a LIKE pattern. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A page of users by id; with `contains`, only those whose name or email contains it, ignoring
 * case: `lower()` on both sides (SQLite folds A–Z only, PostgreSQL every letter). A scan of the
 * users table, which holds people, not items.
 */
export async function listUsers(
  db: Db,
  page: { afterId: number; limit: number; contains?: string | undefined },
): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().where('id', '>', page.afterId);
  if (page.contains) {
    const pattern = `%${likeLiteral(page.contains.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(email)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const rows = await query.orderBy('id').limit(page.limit).execute();
  return rows.map(userRowOf);
}

export async function hasActiveAdmin(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether anyone can sign in at all: an active account with an email and a password. */
export async function hasSignInAccount(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'active')
    .where('email', 'is not', null)
    .where('passwordHash', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets a user's password hash; with `replacing`, only while the stored hash is still that one. */
export async function setPasswordHash(
  db: Db,
  userId: number,
  passwordHash: string,
  opts: { replacing?: string } = {},
): Promise<void> {
  let query = db.updateTable('users').set({ passwordHash }).where('id', '=', userId);
  if (opts.replacing !== undefined) query = query.where('passwordHash', '=', opts.replacing);
  await query.execute();
}

/** Sets the given fields of a user (name, role, status, contract window); nothing when none is given. */
export async function updateUserRow(
  db: Db,
  userId: number,
  fields: Partial<Pick<UserRow, 'name' | 'role' | 'status' | 'contractStart' | 'contractEnd'>>,
): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await db.updateTable('users').set(fields).where('id', '=', userId).execute();
}

/** The users with these emails or ids (a status change names them either way). */
export async function findUsersByEmailsOrIds(
  db: Db,
  emails: readonly string[],
  ids: readonly number[],
): Promise<UserRow[]> {
  if (emails.length === 0 && ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => {
      const either = [];
      if (emails.length > 0) either.push(eb('email', 'in', emails));
      if (ids.length > 0) either.push(eb('id', 'in', ids));
      return eb.or(either);
    })
    .orderBy('id')
    .execute();
  return rows.map(userRowOf);
}

/**
 * Sets the status of these users: suspended (with `offboardedAt` when offboarding) or active
 * again (offboarding cleared). The contract window is left as it is.
 */
export async function setStatusOf(
  db: Db,
  ids: readonly number[],
  change: { status: 'suspended'; offboardedAt?: number } | { status: 'active' },
): Promise<void> {
  if (ids.length === 0) return;
  const fields =
    change.status === 'active'
      ? { status: 'active' as const, offboardedAt: null }
      : {
          status: 'suspended' as const,
          ...(change.offboardedAt ? { offboardedAt: change.offboardedAt } : {}),
        };
  await db.updateTable('users').set(fields).where('id', 'in', ids).execute();
}
