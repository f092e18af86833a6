import { z } from 'zod';
import { InterfaceDefinition, InterfaceEdit } from '../interface/index.ts';
import { DisplayName } from '../names.ts';
import { SkillLevelSchema, SkillRequirements } from '../skills.ts';
import { AdaptiveOverlap } from './adaptive-overlap.ts';
import { AdjudicationSetting } from './adjudication.ts';
import { AssessmentSetting } from './assessments.ts';
import { Id, IsoTime } from './common.ts';
import { GoldSettings } from './gold.ts';
import { AnnotatorKind } from './judges.ts';
import { ReviewSetting } from './review.ts';
import { Email, Role } from './users.ts';
import { PayRate } from './worklog.ts';

export const ItemOrder = z.enum(['sequential', 'random']);

/** Which of an item's predictions annotators are shown as suggestions (docs/suggestions.md). */
export const SuggestionsSetting = z
  .object({
    mode: z
      .enum(['off', 'agent', 'best'])
      .describe(
        "off: none; agent: the named agent's; best: the highest-scored of each item, ties by agent name",
      ),
    agent: DisplayName.nullable().optional().describe('the agent shown in mode `agent`'),
  })
  .refine((s) => s.mode !== 'agent' || (s.agent ?? '') !== '', {
    message: 'mode "agent" needs an agent',
    path: ['agent'],
  })
  .meta({ id: 'SuggestionsSetting' });

const SettingFields = z.object({
  name: DisplayName,
  guidelines: z.string().max(1_000_000),
  overlap: z.number().int().min(1).max(100),
  lockTtlSeconds: z.number().int().min(30).max(86_400),
  itemOrder: ItemOrder,
  allowEditSubmitted: z.boolean(),
  suggestions: SuggestionsSetting,
  review: ReviewSetting,
  gold: GoldSettings.optional(),
  adjudication: AdjudicationSetting.nullable().optional().describe('null: adjudication off (the default)'),
  adaptiveOverlap: AdaptiveOverlap.nullable().describe('null: every item gets `overlap` (docs/quality.md)'),
  judgeInConsensus: z
    .boolean()
    .describe("model judges' answers count in the consensus (docs/quality.md); default false: people's only"),
  pay: PayRate.nullable().describe('the pay rate of the work log (docs/worklog.md); null: none'),
  assessment: AssessmentSetting.nullable()
    .optional()
    .describe('the project is a qualification test (docs/assessments.md); null: not one (the default)'),
  requiredSkills: SkillRequirements.describe(
    'skills every item asks for, name -> least level (docs/skills.md); {}: none. Names must be in the catalogue',
  ),
});

// Defaults belong to creation only: in zod 4 a default inside .partial() would still fill in,
// and an update would silently reset every setting it did not mention.
export const CreateProjectBody = SettingFields.extend({
  guidelines: SettingFields.shape.guidelines.default(''),
  overlap: SettingFields.shape.overlap.default(1),
  lockTtlSeconds: SettingFields.shape.lockTtlSeconds.default(600),
  itemOrder: ItemOrder.default('sequential'),
  allowEditSubmitted: z.boolean().default(true),
  suggestions: SuggestionsSetting.default({ mode: 'best' }),
  review: ReviewSetting.default({ mode: 'none' }),
  adaptiveOverlap: SettingFields.shape.adaptiveOverlap.default(null),
  judgeInConsensus: z.boolean().default(false),
  pay: SettingFields.shape.pay.default(null),
  requiredSkills: SettingFields.shape.requiredSkills.default({}),
  interface: InterfaceDefinition,
});
export const UpdateProjectBody = SettingFields.partial().extend({
  interface: InterfaceEdit.optional().describe(
    'a new interface: a change makes a new interface version; a change that affects existing answers needs `confirm` (docs/data-model.md, "Interface versions")',
  ),
  confirm: z
    .boolean()
    .optional()
    .describe(
      'apply an interface change that affects existing answers; without it such a change is refused (409)',
    ),
});

/** One breaking change of an interface edit, with how many annotations it affects. */
export const InterfaceChange = z
  .object({
    kind: z.enum([
      'question_removed',
      'question_type_changed',
      'option_removed',
      'label_removed',
      'field_changed',
      'constraint_tightened',
      'field_added',
      'field_type_changed',
    ]),
    question: z.string().optional(),
    field: z.string().optional(),
    option: z.string().optional(),
    label: z.string().optional(),
    constraint: z.string().optional(),
    answers: z
      .number()
      .int()
      .describe('annotations (drafts included) with an answer this change makes invalid'),
  })
  .meta({ id: 'InterfaceChange' });
export type InterfaceChange = z.infer<typeof InterfaceChange>;

/** `details` of INTERFACE_CHANGE_NEEDS_CONFIRMATION. */
export const InterfaceChangeDetails = z
  .object({
    affectedAnswers: z.number().int().describe('annotations affected by at least one change'),
    changes: z.array(InterfaceChange),
  })
  .meta({ id: 'InterfaceChangeDetails' });
export type InterfaceChangeDetails = z.infer<typeof InterfaceChangeDetails>;

export const DuplicateProjectBody = z.object({
  name: DisplayName,
  items: z
    .boolean()
    .default(false)
    .describe('copy the items too (data, meta, external id, priority), without their annotations'),
});

export const ProjectProgress = z
  .object({
    items: z.number().int(),
    complete: z.number().int().describe('items with `overlap` submitted annotations'),
    inProgress: z.number().int().describe('items with a live lock or a submission but not complete'),
    awaiting: z
      .number()
      .int()
      .describe('items whose candidates are still to be generated, not served yet (docs/generation.md)'),
    skipped: z.number().int().describe('skips recorded on the project'),
    submitted: z.number().int().describe('submitted annotations'),
    stranded: z
      .number()
      .int()
      .describe('items that cannot complete with the current members (docs/data-model.md, "Stranded items")'),
    waitingForSkills: z
      .number()
      .int()
      .describe('open items no qualified current member can take (docs/skills.md, "Coverage")'),
  })
  .meta({ id: 'ProjectProgress' });

export const Project = z
  .object({
    id: z.number().int(),
    name: z.string(),
    guidelines: z.string(),
    overlap: z.number().int(),
    lockTtlSeconds: z.number().int(),
    itemOrder: ItemOrder,
    allowEditSubmitted: z.boolean(),
    suggestions: z
      .object({
        mode: z.enum(['off', 'agent', 'best']),
        agent: z
          .string()
          .nullable()
          .describe('the agent of mode `agent`; null otherwise, and for callers who do not see agent names'),
      })
      .describe('which suggestion annotators are shown (docs/suggestions.md)'),
    review: z
      .object({ mode: z.enum(['none', 'sample', 'all']), percent: z.number().int().nullable() })
      .describe('which submissions enter review (docs/quality.md)'),
    gold: GoldSettings.nullable().describe('gold settings (docs/quality.md); null for annotators'),
    adjudication: AdjudicationSetting.nullable().describe('adjudication (docs/quality.md); null: off'),
    adaptiveOverlap: AdaptiveOverlap.nullable().describe('adaptive overlap (docs/quality.md); null: off'),
    judgeInConsensus: z
      .boolean()
      .describe("model judges' answers count in the consensus export (docs/quality.md)"),
    pay: PayRate.nullable().describe('the pay rate (docs/worklog.md); null: none, and for annotators'),
    assessment: AssessmentSetting.nullable().describe(
      'the assessment setting (docs/assessments.md); null: none',
    ),
    requiredSkills: z
      .record(z.string(), SkillLevelSchema)
      .describe('skills every item asks for (docs/skills.md); {}: none'),
    interface: InterfaceDefinition,
    createdAt: IsoTime,
    progress: ProjectProgress,
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

export const Member = z
  .object({
    projectId: z.number().int(),
    userId: z.number().int(),
    email: z.string().nullable(),
    name: z.string(),
    role: Role,
    kind: AnnotatorKind.describe('`model`: a model judge answering as this account (docs/judge.md)'),
    addedAt: IsoTime,
  })
  .meta({ id: 'Member' });
export const AddMemberBody = z
  .object({
    userId: Id.optional().describe(
      'admins and managers: any account; a project manager: someone who is a member of a project they manage',
    ),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .describe('admins and managers only; a project manager invites the address instead'),
    role: Role.default('annotator'),
  })
  .refine((b) => b.userId !== undefined || b.email !== undefined, { message: 'give userId or email' });
export const MemberParams = z.object({ projectId: Id, userId: Id });

export const Invitation = z
  .object({
    id: z.number().int(),
    projectId: z.number().int(),
    email: z.string(),
    role: Role,
    createdAt: IsoTime,
  })
  .meta({ id: 'Invitation' });
export const InviteBody = z.object({ email: Email, role: Role.default('annotator') });
export const InvitationParams = z.object({ projectId: Id, invitationId: Id });
