import type { Selectable } from 'kysely';
import type { User } from '../../core/api/users.ts';
import { iso } from '../context.ts';
import type { UsersTable } from '../db/schema.ts';
import type { Db, Tx } from '../db/transaction.ts';

export type UserRow = Selectable<UsersTable>;

export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  status: r.status,
  external: r.external === 1,
  createdAt: iso(r.createdAt),
});

export const findUserById = (db: Db, id: number): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Db, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

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
  return db
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
}

export async function listUsers(db: Db, afterId: number, limit: number): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
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
