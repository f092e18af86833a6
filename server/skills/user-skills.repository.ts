import { voidCursorsOfUser } from '../assignments/claim-cursors.repository.ts';
import type { SkillSource } from '../db/schema-workforce.ts';
import type { Db, Tx } from '../db/transaction.ts';

/** A grant of one skill at a level. */
export interface SkillGrant {
  skill: string;
  level: number;
}

/** The names among `names` that are not in the catalogue, in the order given. */
export async function unknownSkills(db: Db, names: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return [];
  const known = new Set(
    (await db.selectFrom('skills').select('name').where('name', 'in', wanted).execute()).map((r) => r.name),
  );
  return wanted.filter((n) => !known.has(n));
}

/** The skills the user holds, by name (core/skills.ts reads levels from it by the hierarchy rule). */
export async function heldSkills(db: Db, userId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('userSkills')
    .select(['skill', 'level'])
    .where('userId', '=', userId)
    .execute();
  return new Map(rows.map((r) => [r.skill, r.level]));
}

/** The skills each of the users holds, by user id (users holding none are absent). */
export async function heldSkillsOf(
  db: Db,
  userIds: readonly number[],
): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db
      .selectFrom('userSkills')
      .select(['userId', 'skill', 'level'])
      .where('userId', 'in', userIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      const held = out.get(r.userId) ?? new Map<string, number>();
      held.set(r.skill, r.level);
      out.set(r.userId, held);
    }
  }
  return out;
}

/**
 * Grants the user each skill at its level, replacing what they held of it, inside the caller's
 * transaction. The skills must be in the catalogue (check with unknownSkills first: the foreign
 * key refuses others). Returns the levels held before, by skill (absent: not held), for the audit.
 * The user's claim cursors are voided first (voidCursorsOfUser), so items they now qualify for
 * are claimable on their very next request.
 */
export async function grantSkills(
  tx: Tx,
  grant: {
    userId: number;
    skills: readonly SkillGrant[];
    source: SkillSource;
    grantedBy: number | null;
    assessmentAttemptId?: number | null;
    now: number;
  },
): Promise<Map<string, number>> {
  if (grant.skills.length === 0) return new Map();
  await voidCursorsOfUser(tx, grant.userId);
  const before = await tx
    .selectFrom('userSkills')
    .select(['skill', 'level'])
    .where('userId', '=', grant.userId)
    .where(
      'skill',
      'in',
      grant.skills.map((s) => s.skill),
    )
    .execute();
  for (const s of grant.skills)
    await tx
      .insertInto('userSkills')
      .values({
        userId: grant.userId,
        skill: s.skill,
        level: s.level,
        source: grant.source,
        grantedBy: grant.grantedBy,
        assessmentAttemptId: grant.assessmentAttemptId ?? null,
        grantedAt: grant.now,
      })
      .onConflict((oc) =>
        oc.columns(['userId', 'skill']).doUpdateSet({
          level: s.level,
          source: grant.source,
          grantedBy: grant.grantedBy,
          assessmentAttemptId: grant.assessmentAttemptId ?? null,
          grantedAt: grant.now,
        }),
      )
      .execute();
  return new Map(before.map((r) => [r.skill, r.level]));
}

/** Takes the skill from the user; the level they held, or undefined when they held none. */
export async function revokeSkill(tx: Tx, userId: number, skill: string): Promise<number | undefined> {
  // A held ancestor may now speak for the skill at another level: their cursors are void too.
  await voidCursorsOfUser(tx, userId);
  const gone = await tx
    .deleteFrom('userSkills')
    .where('userId', '=', userId)
    .where('skill', '=', skill)
    .returning('level')
    .executeTakeFirst();
  return gone?.level;
}
