import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/transaction.ts';

/** The reads of a project's skill coverage (docs/skills.md, "Coverage"). */

/** People who can work at `now`: active, in their contract window, not a model judge's account. */
const workingAt = (eb: ExpressionBuilder<Database & { u: Database['users'] }, 'u'>, now: number) =>
  eb.and([
    eb('u.status', '=', 'active'),
    eb('u.modelConnectionId', 'is', null),
    eb.or([eb('u.contractStart', 'is', null), eb('u.contractStart', '<=', now)]),
    eb.or([eb('u.contractEnd', 'is', null), eb('u.contractEnd', '>', now)]),
  ]);

/** The skills of everyone who can work at `now` and holds any, by user id. */
export async function skillsOfWorkingPeople(db: Db, now: number): Promise<Map<number, Map<string, number>>> {
  const rows = await db
    .selectFrom('userSkills as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['s.userId', 's.skill', 's.level'])
    .where((eb) => workingAt(eb, now))
    .execute();
  const out = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const held = out.get(r.userId) ?? new Map<string, number>();
    held.set(r.skill, r.level);
    out.set(r.userId, held);
  }
  return out;
}

/** The project's annotators who can work at `now` (members with the role `annotator`). */
export async function workingAnnotators(db: Db, projectId: number, now: number): Promise<number[]> {
  const rows = await db
    .selectFrom('projectMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select('m.userId')
    .where('m.projectId', '=', projectId)
    .where('m.role', '=', 'annotator')
    .where((eb) => workingAt(eb, now))
    .execute();
  return rows.map((r) => r.userId);
}

/** Who submitted in the project since `since`. */
export async function submittersSince(db: Db, projectId: number, since: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('annotations')
    .select('userId')
    .distinct()
    .where('projectId', '=', projectId)
    .where('submittedAt', '>=', since)
    .execute();
  return new Set(rows.map((r) => r.userId));
}

/** Open items (a free slot, not awaiting candidates) by profile id (null: no item requirement). */
export async function openItemsByProfile(db: Db, projectId: number): Promise<Map<number | null, number>> {
  const rows = await db
    .selectFrom('items as i')
    .select(['i.skillProfileId', sql<number>`count(*)`.as('n')])
    .where('i.projectId', '=', projectId)
    .where(sql<boolean>`i.slots_left > 0`)
    .where('i.awaiting', '=', 0)
    .groupBy('i.skillProfileId')
    .execute();
  return new Map(rows.map((r) => [r.skillProfileId, Number(r.n)]));
}

/**
 * Open items of one profile (null: items without one) that none of `eligible` can take: each of
 * them touched it already (a live lock, a submission, a skip; not a lost lock of their own).
 */
export async function countUntakeable(
  db: Db,
  p: { projectId: number; profileId: number | null; eligible: number[] },
): Promise<number> {
  let query = db
    .selectFrom('items as i')
    .select(sql<number>`count(*)`.as('n'))
    .where('i.projectId', '=', p.projectId)
    .where(sql<boolean>`i.slots_left > 0`)
    .where('i.awaiting', '=', 0)
    .where('i.skillProfileId', p.profileId === null ? 'is' : '=', p.profileId);
  if (p.eligible.length > 0)
    query = query.where(
      (eb) =>
        eb
          .selectFrom('assignments as a')
          .select(sql<number>`count(*)`.as('t'))
          .whereRef('a.itemId', '=', 'i.id')
          .where('a.status', '!=', 'expired')
          .where('a.userId', 'in', p.eligible),
      '>=',
      p.eligible.length,
    );
  return Number((await query.executeTakeFirstOrThrow()).n);
}
