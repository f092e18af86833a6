import { z } from 'zod';
import { SkillLevelSchema, SkillName, SkillRequirements } from '../skills.ts';
import { Id, IsoTime } from './common.ts';

/** The skills catalogue, what people hold and what projects require (docs/skills.md). */

export const Skill = z
  .object({
    name: z.string(),
    description: z.string(),
    holders: z.number().int().describe('people holding this skill itself (not through an ancestor)'),
    createdAt: IsoTime,
  })
  .meta({ id: 'Skill' });
export const SkillList = z.object({ items: z.array(Skill) }).meta({ id: 'SkillList' });

export const SkillDescription = z.string().trim().max(500);
export const CreateSkillBody = z.object({ name: SkillName, description: SkillDescription.default('') });
export const UpdateSkillBody = z.object({ description: SkillDescription });
export const SkillParams = z.object({ name: SkillName });

export const SkillSource = z
  .enum(['granted', 'assessment', 'invite', 'import'])
  .describe(
    'granted by an admin or manager, earned by a qualification test, preset by an invite or a CSV import',
  );

export const UserSkill = z
  .object({
    skill: z.string(),
    level: SkillLevelSchema,
    source: SkillSource,
    grantedBy: z
      .object({ id: z.number().int(), label: z.string() })
      .nullable()
      .describe('who granted it (or made the invite or import); null for an assessment'),
    assessmentAttemptId: z
      .number()
      .int()
      .nullable()
      .describe('the attempt that earned it (source `assessment`)'),
    grantedAt: IsoTime,
  })
  .meta({ id: 'UserSkill' });
export const UserSkills = z
  .object({ userId: z.number().int(), email: z.string().nullable(), items: z.array(UserSkill) })
  .meta({ id: 'UserSkills' });

export const GrantSkillsBody = z.object({
  skills: SkillRequirements.describe('skill name -> level (1–3): granted, or changed to that level'),
});
export const UserSkillParams = z.object({ userId: Id, name: SkillName });

/** One (skill, level) a project asks for, by its own requirement or by its items'. */
export const SkillCoverageRow = z
  .object({
    skill: z.string(),
    level: SkillLevelSchema,
    items: z.number().int().describe('open items whose requirements ask for this skill at this level'),
    waiting: z
      .number()
      .int()
      .describe(
        'of those, items no current, active, in-contract annotator member who has not touched them can take',
      ),
    qualified: z
      .number()
      .int()
      .describe('active, in-contract people holding the skill at this level or above'),
    members: z.number().int().describe('of those, annotator members of the project'),
    active: z
      .number()
      .int()
      .describe('of those members, how many submitted in the project in the last 7 days'),
  })
  .meta({ id: 'SkillCoverageRow' });
export const SkillCoverage = z
  .object({
    requiredSkills: z.record(z.string(), SkillLevelSchema).describe("the project's own requirement"),
    waiting: z.number().int().describe('open items waiting for a qualified tutor, each counted once'),
    rows: z.array(SkillCoverageRow),
  })
  .meta({ id: 'SkillCoverage' });

/** `details` of SKILLS_MISSING: what the caller falls short of. */
export const SkillShortfall = z.object({
  skill: z.string(),
  required: z.number().int(),
  held: z.number().int(),
});
export type SkillCoverage = z.infer<typeof SkillCoverage>;
export type UserSkills = z.infer<typeof UserSkills>;
