import { mergeRequirements, satisfies } from '../../core/skills.ts';
import type { Db } from '../db/transaction.ts';
import { countUntakeable, skillsOfWorkingPeople, workingAnnotators } from './coverage.repository.ts';
import { skillProfilesOf } from './routing.repository.ts';
import { requiredSkillsOf } from './routing.ts';

/**
 * Items waiting for a qualified tutor (docs/skills.md, "Coverage"): for each requirement a
 * project's items carry (its own, merged with each item profile's), the open items no working,
 * qualified annotator member who has not touched them can take.
 */

export const ACTIVE_DAYS = 7;

export interface Requirement {
  profileId: number | null;
  skills: Record<string, number>;
}

type ProjectSkills = { id: number; requiredSkills: string | null; itemSkills: number };

/** The effective requirement of each kind of item: without a profile (if the project asks anything), and each profile. */
export async function requirementsOf(db: Db, p: ProjectSkills): Promise<Requirement[]> {
  const own = requiredSkillsOf(p);
  const out: Requirement[] = [];
  if (Object.keys(own).length > 0) out.push({ profileId: null, skills: mergeRequirements(own) });
  if (p.itemSkills === 1)
    for (const profile of await skillProfilesOf(db, p.id))
      out.push({ profileId: profile.id, skills: mergeRequirements(own, profile.requirements) });
  return out;
}

/** Items waiting for a qualified tutor, by profile id: none of the qualified working annotators can take them. */
export async function waitingByProfile(db: Db, p: ProjectSkills, requirements: Requirement[], now: number) {
  const out = new Map<number | null, number>();
  if (requirements.length === 0) return out;
  const members = await workingAnnotators(db, p.id, now);
  const held = await skillsOfWorkingPeople(db, now);
  const none = new Map<string, number>();
  for (const r of requirements) {
    const eligible = members.filter((id) => satisfies(held.get(id) ?? none, r.skills));
    out.set(r.profileId, await countUntakeable(db, { projectId: p.id, profileId: r.profileId, eligible }));
  }
  return out;
}

/** The project's count of items waiting for a qualified tutor (0 when it asks no skill). */
export async function countWaitingForSkills(db: Db, p: ProjectSkills, now: number): Promise<number> {
  const requirements = await requirementsOf(db, p);
  let total = 0;
  for (const n of (await waitingByProfile(db, p, requirements, now)).values()) total += n;
  return total;
}
