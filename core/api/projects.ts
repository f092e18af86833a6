import { z } from 'zod';
import { InterfaceDefinition } from '../interface/index.ts';
import { DisplayName } from '../names.ts';
import { Id, IsoTime } from './common.ts';
import { Email, Role } from './users.ts';

export const ItemOrder = z.enum(['sequential', 'random']);

const SettingFields = z.object({
  name: DisplayName,
  guidelines: z.string().max(1_000_000),
  overlap: z.number().int().min(1).max(100),
  lockTtlSeconds: z.number().int().min(30).max(86_400),
  itemOrder: ItemOrder,
  allowEditSubmitted: z.boolean(),
});

// Defaults belong to creation only: in zod 4 a default inside .partial() would still fill in,
// and an update would silently reset every setting it did not mention.
export const CreateProjectBody = SettingFields.extend({
  guidelines: SettingFields.shape.guidelines.default(''),
  overlap: SettingFields.shape.overlap.default(1),
  lockTtlSeconds: SettingFields.shape.lockTtlSeconds.default(600),
  itemOrder: ItemOrder.default('sequential'),
  allowEditSubmitted: z.boolean().default(true),
  interface: InterfaceDefinition,
});
export const UpdateProjectBody = SettingFields.partial();

export const ProjectProgress = z
  .object({
    items: z.number().int(),
    complete: z.number().int().describe('items with `overlap` submitted annotations'),
    inProgress: z.number().int().describe('items with a live lock or a submission but not complete'),
    skipped: z.number().int().describe('skips recorded on the project'),
    submitted: z.number().int().describe('submitted annotations'),
    stranded: z
      .number()
      .int()
      .describe('items that cannot complete with the current members (docs/data-model.md, "Stranded items")'),
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
