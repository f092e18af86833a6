import { sql } from 'kysely';
import type { SkillSource } from '../db/schema-workforce.ts';
import type { Db, Tx } from '../db/transaction.ts';

/** The skills catalogue (migration 0030) and the skills people hold, as the API shows them. */

export interface SkillRow {
  name: string;
  description: string;
  createdAt: number;
  holders: number;
}

const withHolders = (db: Db) =>
  db
    .selectFrom('skills as s')
    .select(['s.name', 's.description', 's.createdAt'])
    .select((eb) =>
      eb
        .selectFrom('userSkills as h')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('h.skill', '=', 's.name')
        .as('holders'),
    );

const rowOf = (r: { name: string; description: string; createdAt: number; holders: number | null }) => ({
  ...r,
  holders: Number(r.holders ?? 0),
});

/** The whole catalogue in name order (it is small: hundreds of names, not millions). */
export async function listSkillRows(db: Db): Promise<SkillRow[]> {
  return (await withHolders(db).orderBy('s.name').execute()).map(rowOf);
}

export async function findSkillRow(db: Db, name: string): Promise<SkillRow | undefined> {
  const row = await withHolders(db).where('s.name', '=', name).executeTakeFirst();
  return row && rowOf(row);
}

/** Adds a skill; false when the name is taken. */
export async function insertSkill(
  tx: Tx,
  s: { name: string; description: string; createdBy: number; createdAt: number },
): Promise<boolean> {
  const done = await tx
    .insertInto('skills')
    .values(s)
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  return done !== undefined;
}

export async function updateSkillDescription(tx: Tx, name: string, description: string): Promise<void> {
  await tx.updateTable('skills').set({ description }).where('name', '=', name).execute();
}

export async function deleteSkillRow(tx: Tx, name: string): Promise<void> {
  await tx.deleteFrom('skills').where('name', '=', name).execute();
}

/** Every stored requirement: each project's own, and each item profile, with the project's name. */
export async function allRequirements(
  db: Db,
): Promise<{ projectId: number; projectName: string; text: string; items: boolean }[]> {
  const own = await db
    .selectFrom('projects')
    .select(['id as projectId', 'name as projectName', 'requiredSkills as text'])
    .where('requiredSkills', 'is not', null)
    .execute();
  const profiles = await db
    .selectFrom('skillProfiles as sp')
    .innerJoin('projects as p', 'p.id', 'sp.projectId')
    .select(['p.id as projectId', 'p.name as projectName', 'sp.requirements as text'])
    .execute();
  return [
    ...own.map((r) => ({ ...r, text: r.text!, items: false })),
    ...profiles.map((r) => ({ ...r, items: true })),
  ];
}

export interface UserSkillRow {
  skill: string;
  level: number;
  source: SkillSource;
  grantedById: number | null;
  grantedByLabel: string | null;
  assessmentAttemptId: number | null;
  grantedAt: number;
}

/** The skills the user holds with who granted each, in name order. */
export async function listUserSkillRows(db: Db, userId: number): Promise<UserSkillRow[]> {
  return db
    .selectFrom('userSkills as s')
    .leftJoin('users as g', 'g.id', 's.grantedBy')
    .select([
      's.skill',
      's.level',
      's.source',
      's.grantedBy as grantedById',
      sql<string | null>`coalesce(g.email, g.name)`.as('grantedByLabel'),
      's.assessmentAttemptId',
      's.grantedAt',
    ])
    .where('s.userId', '=', userId)
    .orderBy('s.skill')
    .execute();
}
