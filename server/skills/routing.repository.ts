import { sql } from 'kysely';
import type { Store } from '../db/store.ts';
import type { Db, Tx } from '../db/transaction.ts';

/** The reads and writes routing by skill needs (docs/skills.md, "Routing"). */

/** A project's skill columns: its own requirement and whether its items carry any. */
export async function projectSkills(db: Db, projectId: number) {
  return db
    .selectFrom('projects')
    .select(['id', 'requiredSkills', 'itemSkills'])
    .where('id', '=', projectId)
    .executeTakeFirst();
}

/** A project's item-level requirements: each distinct one once, with its id. */
export async function skillProfilesOf(
  db: Db,
  projectId: number,
): Promise<{ id: number; requirements: Record<string, number> }[]> {
  const rows = await db
    .selectFrom('skillProfiles')
    .select(['id', 'requirements'])
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, requirements: JSON.parse(r.requirements) }));
}

/**
 * The skills the user holds, read by a claim. On PostgreSQL the user's row is share-locked until
 * the claim commits, so a change of their skills (which writes that row first: voidCursorsOfUser)
 * waits for the claim, or the claim waits for it and then reads the new skills. SQLite's write
 * transactions run one at a time already.
 */
export async function heldSkillsForClaim(store: Store, tx: Tx, userId: number): Promise<Map<string, number>> {
  if (store.kind !== 'postgres') {
    const rows = await tx
      .selectFrom('userSkills')
      .select(['skill', 'level'])
      .where('userId', '=', userId)
      .execute();
    return new Map(rows.map((r) => [r.skill, r.level]));
  }
  const { rows } = await sql<{ skill: string | null; level: number | null }>`
    select s.skill, s.level from users u left join user_skills s on s.user_id = u.id
    where u.id = ${userId} for share of u`.execute(tx);
  return new Map(rows.filter((r) => r.skill !== null).map((r) => [r.skill!, r.level!]));
}

/**
 * The ids of the profiles of these canonical requirement texts in the project, made where
 * missing, inside the import's transaction; marks the project as having item skills.
 */
export async function ensureSkillProfiles(
  tx: Tx,
  projectId: number,
  texts: readonly string[],
): Promise<Map<string, number>> {
  const wanted = [...new Set(texts)];
  if (wanted.length === 0) return new Map();
  await tx
    .insertInto('skillProfiles')
    .values(wanted.map((requirements) => ({ projectId, requirements })))
    .onConflict((oc) => oc.columns(['projectId', 'requirements']).doNothing())
    .execute();
  await tx.updateTable('projects').set({ itemSkills: 1 }).where('id', '=', projectId).execute();
  const rows = await tx
    .selectFrom('skillProfiles')
    .select(['id', 'requirements'])
    .where('projectId', '=', projectId)
    .where('requirements', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.requirements, r.id]));
}

/** Gives items their profile: one statement per profile. */
export async function setItemProfiles(tx: Tx, byProfile: ReadonlyMap<number, number[]>): Promise<void> {
  for (const [profileId, itemIds] of byProfile)
    for (let i = 0; i < itemIds.length; i += 1000)
      await tx
        .updateTable('items')
        .set({ skillProfileId: profileId })
        .where('id', 'in', itemIds.slice(i, i + 1000))
        .execute();
}

/** The item's own requirements as canonical JSON text, or null: for the export's lines. */
export async function itemSkillTexts(db: Db, itemIds: readonly number[]): Promise<Map<number, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('items as i')
    .innerJoin('skillProfiles as sp', 'sp.id', 'i.skillProfileId')
    .select(['i.id', 'sp.requirements'])
    .where('i.id', 'in', itemIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.requirements]));
}
