import { skillNameProblem } from '../../../../core/skills.ts';

/**
 * Required skills as people type them: `math.algebra:2, physics:1` (commas or new lines between,
 * a level of 1 to 3 after each name; a name alone means level 1). Pure: the form's kernel.
 */
export function requirementsText(r: Readonly<Record<string, number>>): string {
  return Object.entries(r)
    .map(([name, level]) => `${name}:${level}`)
    .join(', ');
}

export function parseRequirements(
  text: string,
): { ok: true; value: Record<string, 1 | 2 | 3> } | { ok: false; message: string } {
  const value: Record<string, 1 | 2 | 3> = {};
  for (const raw of text.split(/[,\n]/)) {
    const part = raw.trim();
    if (part === '') continue;
    const at = part.lastIndexOf(':');
    const name = (at < 0 ? part : part.slice(0, at)).trim();
    const level = at < 0 ? 1 : Number(part.slice(at + 1).trim());
    const problem = skillNameProblem(name);
    if (problem) return { ok: false, message: `"${name}": the skill name ${problem}.` };
    if (level !== 1 && level !== 2 && level !== 3)
      return { ok: false, message: `"${part}": write the level after a colon, 1, 2 or 3.` };
    if (Object.hasOwn(value, name)) return { ok: false, message: `"${name}" appears twice.` };
    value[name] = level;
  }
  return { ok: true, value };
}
