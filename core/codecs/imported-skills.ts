import { MAX_REQUIRED_SKILLS, mergeRequirements, SKILL_LEVELS, skillNameProblem } from '../skills.ts';
import { isObject, quote } from './json-shape.ts';

/**
 * A line's `skills` value (docs/skills.md, "Requirements"): skill name -> the least level (1–3)
 * an annotator must hold to get the item, on top of the project's own. Null or `{}`: none. The
 * names must be in the catalogue, which the server checks. Returns the requirements in canonical
 * order, or the problem phrased with its field (`skills."Math": …`).
 */
export function skillsFrom(value: unknown): Record<string, number> | null | string {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) return '"skills" must be an object of skill name -> level (1 to 3)';
  const names = Object.keys(value);
  if (names.length > MAX_REQUIRED_SKILLS)
    return `"skills" names ${names.length} skills; at most ${MAX_REQUIRED_SKILLS} are allowed`;
  for (const name of names) {
    const problem = skillNameProblem(name);
    if (problem) return `skills.${quote(name.slice(0, 80))}: the skill name ${problem}`;
    const level = value[name];
    if (!SKILL_LEVELS.includes(level as 1)) return `skills.${quote(name)}: the level must be 1, 2 or 3`;
  }
  return names.length === 0 ? null : mergeRequirements(value as Record<string, number>);
}
