import { mergeRequirements, type SkillRequirements, satisfies, shortfalls } from '../../core/skills.ts';
import type { Store } from '../db/store.ts';
import type { Tx } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { heldSkillsForClaim, skillProfilesOf } from './routing.repository.ts';

/**
 * Routing by skill (docs/skills.md, "Routing"): which of a project's items a caller may claim.
 *
 * `undefined`: every item (the project asks nothing, or the caller satisfies every profile); a
 * list: only items without a profile of their own or with one of these profiles. A caller who
 * falls short of the project's own requirement can take nothing: SKILLS_MISSING names what is
 * missing. The claim statement applies the list itself, so routing costs no extra round trip
 * per candidate.
 */
export type ProfileFilter = number[] | undefined;

/** The project's own requirement, read from its row (canonical JSON text or null). */
export function requiredSkillsOf(p: { requiredSkills: string | null }): SkillRequirements {
  return p.requiredSkills === null ? {} : (JSON.parse(p.requiredSkills) as SkillRequirements);
}

/** The stored form of a requirement: canonical JSON text, or null for none. */
export function requirementText(r: Readonly<Record<string, number>> | null | undefined): string | null {
  const merged = mergeRequirements(r);
  return Object.keys(merged).length === 0 ? null : JSON.stringify(merged);
}

/** Inside the claim transaction: the caller's filter, or SKILLS_MISSING. */
export async function routeClaim(
  store: Store,
  tx: Tx,
  p: { project: { id: number; requiredSkills: string | null; itemSkills: number }; userId: number },
): Promise<ProfileFilter> {
  const own = requiredSkillsOf(p.project);
  const hasOwn = Object.keys(own).length > 0;
  if (!hasOwn && p.project.itemSkills === 0) return undefined;
  const held = await heldSkillsForClaim(store, tx, p.userId);
  const missing = shortfalls(held, own);
  if (missing.length > 0) throw skillsMissing(missing);
  if (p.project.itemSkills === 0) return undefined;
  const profiles = await skillProfilesOf(tx, p.project.id);
  const ok = profiles.filter((profile) => satisfies(held, profile.requirements)).map((profile) => profile.id);
  return ok.length === profiles.length ? undefined : ok;
}

export function skillsMissing(missing: { skill: string; required: number; held: number }[]): AppError {
  const words = missing
    .map((m) => `${m.skill} at level ${m.required} (you hold ${m.held === 0 ? 'none' : `level ${m.held}`})`)
    .join(', ');
  return new AppError('SKILLS_MISSING', `This project asks for ${words}.`, { missing });
}
