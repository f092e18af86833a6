import type { Db } from '../db/transaction.ts';
import { listSkillRows } from './skills.repository.ts';

/**
 * The catalogue's names, read once for an import: an import line's `skills` must name skills of
 * the catalogue (docs/skills.md, "Requirements"). A name the catalogue lacks is that line's error.
 */
export class SkillCatalogue {
  private constructor(private readonly names: ReadonlySet<string>) {}

  static async load(db: Db): Promise<SkillCatalogue> {
    return new SkillCatalogue(new Set((await listSkillRows(db)).map((s) => s.name)));
  }

  /** Why these requirements are refused, or null. */
  problemOf(skills: Record<string, number> | null): string | null {
    if (!skills) return null;
    const unknown = Object.keys(skills).filter((n) => !this.names.has(n));
    if (unknown.length === 0) return null;
    return `skills.${JSON.stringify(unknown[0])}: no skill of that name in the catalogue${
      unknown.length > 1
        ? ` (nor ${unknown
            .slice(1)
            .map((n) => JSON.stringify(n))
            .join(', ')})`
        : ''
    }`;
  }
}
