import type { Db } from '../db/transaction.ts';

type MemberRole = 'admin' | 'manager' | 'reviewer' | 'annotator';

/** The users' memberships: user id -> project id -> role. */
export async function membershipsOf(
  db: Db,
  userIds: readonly number[],
): Promise<Map<number, Map<number, MemberRole>>> {
  const out = new Map<number, Map<number, MemberRole>>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db
      .selectFrom('projectMembers')
      .select(['userId', 'projectId', 'role'])
      .where('userId', 'in', userIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      const mine = out.get(r.userId) ?? new Map<number, MemberRole>();
      mine.set(r.projectId, r.role);
      out.set(r.userId, mine);
    }
  }
  return out;
}

/** The projects with these ids or these exact names (a name may match several). */
export async function projectsByIdsOrNames(
  db: Db,
  ids: readonly number[],
  names: readonly string[],
): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0 && names.length === 0) return [];
  return db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where((eb) => {
      const either = [];
      if (ids.length > 0) either.push(eb('id', 'in', ids));
      if (names.length > 0) either.push(eb('name', 'in', names));
      return eb.or(either);
    })
    .orderBy('id')
    .execute();
}
