import { z } from 'zod';
import { SkillLevelSchema, SkillName } from '../skills.ts';
import { AttemptStatus } from './assessments.ts';
import { Id, IsoTime } from './common.ts';
import { GoldAccuracy } from './gold.ts';
import { dateBound } from './items.ts';
import { Role } from './users.ts';

/**
 * The roster (docs/roster.md): the people admins and managers oversee, with their standing and
 * figures, filtered, sorted and paged by offset.
 */

/**
 * Where an account stands now, the first that holds: offboarded, suspended, before its contract's
 * start, at or after its end (docs/users.md, "Contract windows"), else active.
 */
export const RosterStatus = z.enum([
  'active',
  'suspended',
  'offboarded',
  'contract_not_started',
  'contract_ended',
]);
export type RosterStatus = z.infer<typeof RosterStatus>;
export const RosterSort = z.enum([
  'name',
  'email',
  'role',
  'status',
  'contractEnd',
  'lastActive',
  'itemsDone',
  'activeTime',
]);
export type RosterSort = z.infer<typeof RosterSort>;

export const ROSTER_MAX_LIMIT = 500;

/** An instant as a filter: an ISO 8601 date (its first millisecond, UTC) or date-time (no zone: UTC). */
const instant = (what: string) =>
  z
    .string()
    .max(40)
    .refine(
      (v) => dateBound(v, 'from') !== null,
      'must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T09:30:00Z)',
    )
    .transform((v) => dateBound(v, 'from') as number)
    .optional()
    .describe(what);

const statuses = z
  .union([RosterStatus, z.array(RosterStatus).max(RosterStatus.options.length)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** The roster's filters, shared by the page and the CSV. */
const filterFields = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('only people whose name or email contains this text, ignoring case'),
  skill: SkillName.optional().describe(
    'only people who hold this skill at `minLevel` or above, by the hierarchy rule (holding `math` at 2 covers `math.algebra` at 2 unless `math.algebra` itself is held; docs/skills.md)',
  ),
  minLevel: z.coerce
    .number()
    .pipe(SkillLevelSchema)
    .optional()
    .describe('the least level of `skill` (1–3; default 1); needs `skill`'),
  status: statuses
    .optional()
    .describe('only people in one of these states (repeat for several); see RosterStatus'),
  project: Id.optional().describe(
    "only members of this project; the figures then count this project's work only, and agreement is shown",
  ),
  contractEndBefore: instant('only people whose contract ends before this instant'),
  contractEndAfter: instant('only people whose contract ends at or after this instant'),
  lastActiveSince: instant('only people whose last submission is at or after this instant'),
  lastActiveBefore: instant(
    'only people with no submission at or after this instant (those who never submitted included)',
  ),
  sort: RosterSort.default('name').describe(
    '`lastActive`, `itemsDone`, `activeTime`: by the figures (never active: 0); `contractEnd`: no end sorts last; ties go by id',
  ),
  order: z.enum(['asc', 'desc']).default('asc'),
});
const levelNeedsSkill = (
  q: { skill?: string | undefined; minLevel?: number | undefined },
  ctx: z.RefinementCtx,
) => {
  if (q.minLevel !== undefined && q.skill === undefined)
    ctx.addIssue({ code: 'custom', path: ['minLevel'], message: 'needs a skill' });
};
export const RosterFilters = filterFields.superRefine(levelNeedsSkill);
export type RosterFilters = z.output<typeof RosterFilters>;

export const RosterQuery = filterFields
  .extend({
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('rows to pass over'),
    limit: z.coerce.number().int().min(1).max(ROSTER_MAX_LIMIT).default(50),
  })
  .superRefine(levelNeedsSkill);

export const RosterSkill = z.object({
  skill: z.string(),
  level: z.int(),
  source: z.enum(['granted', 'assessment', 'invite', 'import']),
  grantedBy: z.string().nullable().describe('the email (or name) of who granted it; null for a test'),
  grantedAt: IsoTime,
});

export const RosterAgreement = z.object({
  agreed: z.int(),
  units: z.int().describe('answers compared with the consensus of the other people (ties left out)'),
  rate: z.number().nullable(),
});

/** A person's latest attempt at one assessment (docs/assessments.md). */
export const RosterAssessment = z.object({
  projectId: z.int(),
  projectName: z.string(),
  skill: z.string(),
  level: z.int(),
  status: AttemptStatus,
  score: z.number().nullable().describe('the attempt score in [0, 1]; null until scored'),
  finishedAt: IsoTime.nullable(),
});

export const RosterPerson = z
  .object({
    id: z.int(),
    email: z.string().nullable(),
    name: z.string(),
    role: Role,
    status: RosterStatus,
    contractStart: IsoTime.nullable(),
    contractEnd: IsoTime.nullable(),
    skills: z.array(RosterSkill).describe('the skills held, by name'),
    itemsDone: z.int().describe('submitted annotations (in the project, with `project`; else in scope)'),
    activeMs: z.int().describe("the lead times of those annotations summed, the work log's active time"),
    gold: GoldAccuracy.describe('the mean of their scored gold answers, with its Wilson 95 % interval'),
    agreement: RosterAgreement.nullable().describe(
      "leave-one-out agreement with the other people's majority, as the judges report measures it; only with `project` (else null)",
    ),
    lastActiveAt: IsoTime.nullable().describe('their latest submission (in scope); null: none'),
    assessments: z
      .array(RosterAssessment)
      .describe('their latest attempt at each assessment they took, in any project'),
  })
  .meta({ id: 'RosterPerson' });
export type RosterPerson = z.infer<typeof RosterPerson>;

export const Roster = z
  .object({
    scope: z
      .enum(['everyone', 'managed projects'])
      .describe("everyone's (admins, managers), or the members of the projects the caller manages"),
    asOf: IsoTime.describe('the instant the statuses were decided at'),
    total: z.int().describe('people matching the filters'),
    offset: z.int(),
    limit: z.int(),
    people: z.array(RosterPerson),
  })
  .meta({ id: 'Roster' });
export type Roster = z.infer<typeof Roster>;
