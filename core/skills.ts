import { z } from 'zod';

/**
 * Skills (docs/skills.md): a catalogue of hierarchical names such as `math.algebra`, `physics`,
 * `code.python`, `medicine.cardiology`, `lang.fr`, held by people at a level of 1 to 3.
 *
 * The rule of the hierarchy: a person's level in a skill is the level of the most specific entry
 * they hold among the skill itself and its ancestors. So holding `math` at 2 covers
 * `math.algebra` at 2, unless they also hold `math.algebra` itself, which then says otherwise
 * (higher or lower); and holding `math.algebra` says nothing of `math`.
 */

/** At most this many dot-separated parts and this many characters in a skill's name. */
export const MAX_SKILL_DEPTH = 6;
export const MAX_SKILL_NAME_LENGTH = 64;
export const SKILL_LEVELS = [1, 2, 3] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

const PART = /^[a-z0-9][a-z0-9_-]*$/;

/** Why a skill's name is refused, or undefined when it is a good one. */
export function skillNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_SKILL_NAME_LENGTH) return `is longer than ${MAX_SKILL_NAME_LENGTH} characters`;
  const parts = name.split('.');
  if (parts.length > MAX_SKILL_DEPTH) return `has more than ${MAX_SKILL_DEPTH} parts`;
  if (!parts.every((p) => PART.test(p)))
    return 'must be lowercase parts of letters, digits, _ and - (starting with a letter or digit) joined by dots';
  return undefined;
}

export const SkillName = z.string().superRefine((name, ctx) => {
  const problem = skillNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: `skill name "${name.slice(0, 80)}" ${problem}` });
});
export const SkillLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** Required skills: name -> the least level an annotator must hold. At most 20 entries. */
export const MAX_REQUIRED_SKILLS = 20;
export const SkillRequirements = z
  .record(SkillName, SkillLevelSchema)
  .refine((r) => Object.keys(r).length <= MAX_REQUIRED_SKILLS, {
    message: `at most ${MAX_REQUIRED_SKILLS} required skills`,
  });
export type SkillRequirements = Record<string, SkillLevel>;

/** The skill's ancestors and itself, most specific first: `a.b.c` -> `a.b.c`, `a.b`, `a`. */
export function lineage(skill: string): string[] {
  const parts = skill.split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

/** The level at which a person holding `held` has `skill` (0: not at all), by the rule above. */
export function effectiveLevel(held: ReadonlyMap<string, number>, skill: string): number {
  for (const name of lineage(skill)) {
    const level = held.get(name);
    if (level !== undefined) return level;
  }
  return 0;
}

/** The requirements a person holding `held` falls short of: each as the skill, the level asked and the level held. */
export function shortfalls(
  held: ReadonlyMap<string, number>,
  required: Readonly<Record<string, number>>,
): { skill: string; required: number; held: number }[] {
  const out: { skill: string; required: number; held: number }[] = [];
  for (const [skill, level] of Object.entries(required)) {
    const have = effectiveLevel(held, skill);
    if (have < level) out.push({ skill, required: level, held: have });
  }
  return out;
}

export const satisfies = (held: ReadonlyMap<string, number>, required: Readonly<Record<string, number>>) =>
  shortfalls(held, required).length === 0;

/**
 * Two sets of requirements together: each skill at the higher of its two levels. Kept in name
 * order, so equal requirements have one canonical JSON text.
 */
export function mergeRequirements(
  ...sets: (Readonly<Record<string, number>> | null | undefined)[]
): Record<string, number> {
  const merged = new Map<string, number>();
  for (const set of sets)
    for (const [skill, level] of Object.entries(set ?? {}))
      merged.set(skill, Math.max(level, merged.get(skill) ?? 0));
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
