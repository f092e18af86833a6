import type { Db } from '../db/transaction.ts';
import { type ProjectRow, projectRowOf } from './projects.repository.ts';

type MemberRole = 'admin' | 'manager' | 'reviewer' | 'annotator';

/** The project and the caller's role in it (null when not a member), in one query. */
export async function findProjectWithMembership(
  db: Db,
  projectId: number,
  userId: number,
): Promise<(ProjectRow & { memberRole: MemberRole | null }) | undefined> {
  const row = await db
    .selectFrom('projects as p')
    .leftJoin('projectMembers as m', (join) =>
      join.onRef('m.projectId', '=', 'p.id').on('m.userId', '=', userId),
    )
    .selectAll('p')
    .select('m.role as memberRole')
    .where('p.id', '=', projectId)
    .executeTakeFirst();
  return row && { ...projectRowOf(row), memberRole: row.memberRole as MemberRole | null };
}

/** The project's members with their account's email and name, by user id; or just one of them. */
export async function listMemberRows(db: Db, projectId: number, userId?: number) {
  let query = db
    .selectFrom('projectMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.projectId', 'm.userId', 'u.email', 'u.name', 'm.role', 'm.addedAt', 'u.modelConnectionId'])
    .where('m.projectId', '=', projectId)
    .orderBy('m.userId');
  if (userId !== undefined) query = query.where('m.userId', '=', userId);
  return query.execute();
}

/** Adds the user to the project, or changes their role there. */
export async function upsertMember(
  db: Db,
  m: { projectId: number; userId: number; role: MemberRole; addedAt: number },
): Promise<void> {
  await db
    .insertInto('projectMembers')
    .values(m)
    .onConflict((oc) => oc.columns(['projectId', 'userId']).doUpdateSet({ role: m.role }))
    .execute();
}

/** False when the user was no member of the project. */
export async function deleteMember(db: Db, projectId: number, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('projectMembers')
    .where('projectId', '=', projectId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The member of the project who has this email, if any. */
export const findMemberByEmail = (db: Db, projectId: number, email: string) =>
  db
    .selectFrom('projectMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select('m.userId')
    .where('m.projectId', '=', projectId)
    .where('u.email', '=', email)
    .executeTakeFirst();

/**
 * The ids of the projects the user manages (a member there as manager or admin), as a subquery:
 * what a project manager without a global role sees of people (work log, roster).
 */
export const projectsManagedBy = (db: Db, userId: number) =>
  db
    .selectFrom('projectMembers')
    .select('projectId')
    .where('userId', '=', userId)
    .where('role', 'in', ['manager', 'admin']);

/**
 * The account `userId` if it is a member of a project `managerId` manages (a person the manager
 * already sees in a member list), and not an external identity.
 */
export const findFellowMember = (db: Db, managerId: number, userId: number) =>
  db
    .selectFrom('projectMembers as theirs')
    .innerJoin('projectMembers as mine', 'mine.projectId', 'theirs.projectId')
    .innerJoin('users as u', 'u.id', 'theirs.userId')
    .select('theirs.userId as id')
    .where('theirs.userId', '=', userId)
    .where('u.external', '=', 0)
    .where('u.modelConnectionId', 'is', null)
    .where('mine.userId', '=', managerId)
    .where('mine.role', 'in', ['manager', 'admin'])
    .limit(1)
    .executeTakeFirst();
