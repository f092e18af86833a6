import { z } from 'zod';
import { DisplayName } from '../names.ts';
import { MAX_REQUIRED_SKILLS, SkillLevelSchema, SkillName } from '../skills.ts';
import { Id, IsoTime } from './common.ts';
import { ContractTime, Email, Password, Role, Session } from './users.ts';

/** Invite links (docs/onboarding.md): how long one works, by default and at most. */
export const INVITE_DEFAULT_HOURS = 7 * 24;
export const INVITE_MAX_HOURS = 30 * 24;
/** At most this many projects in one invite. */
export const MAX_INVITE_PROJECTS = 50;
/** The roles a manager (not an admin) may give by an invite or an import. */
export const managerInviteRoles = ['annotator', 'reviewer'] as const;

export const InviteSkills = z
  .record(SkillName, SkillLevelSchema)
  .refine((r) => Object.keys(r).length <= MAX_REQUIRED_SKILLS, {
    message: `at most ${MAX_REQUIRED_SKILLS} skills`,
  })
  .describe('skill name -> level (1–3), granted with source `invite` on acceptance');
export const InviteProject = z.object({
  projectId: Id,
  role: Role.default('annotator').describe("the membership's role in that project"),
});

export const CreateInviteBody = z
  .object({
    email: Email.nullable()
      .default(null)
      .describe('only this address may accept the invite; null: whoever holds the link'),
    role: Role.default('annotator').describe(
      'the account role; managers may give annotator or reviewer only',
    ),
    skills: InviteSkills.default({}),
    projects: z.array(InviteProject).max(MAX_INVITE_PROJECTS).default([]),
    contractStart: ContractTime.nullable().default(null),
    contractEnd: ContractTime.nullable().default(null),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(INVITE_MAX_HOURS)
      .default(INVITE_DEFAULT_HOURS)
      .describe(
        `how long the link works: default ${INVITE_DEFAULT_HOURS} (7 days), at most ${INVITE_MAX_HOURS}`,
      ),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.contractStart !== null && b.contractEnd !== null && b.contractEnd <= b.contractStart)
      ctx.addIssue({ code: 'custom', path: ['contractEnd'], message: 'must be later than contractStart' });
    const ids = b.projects.map((p) => p.projectId);
    const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (twice >= 0)
      ctx.addIssue({ code: 'custom', path: ['projects', twice, 'projectId'], message: 'named twice' });
  });

export const InviteStatus = z.enum(['pending', 'used', 'expired', 'revoked']);
export const InviteGrant = z.object({
  role: Role,
  skills: z.record(z.string(), z.number().int()),
  projects: z.array(z.object({ projectId: z.number().int(), name: z.string(), role: Role })),
  contractStart: IsoTime.nullable(),
  contractEnd: IsoTime.nullable(),
});

export const Invite = InviteGrant.extend({
  id: z.number().int(),
  email: z.string().nullable(),
  status: InviteStatus,
  forImportedAccount: z
    .boolean()
    .describe('true for the link a CSV import made for an account it created: accepting sets its password'),
  createdBy: z.object({ id: z.number().int(), name: z.string() }),
  createdAt: IsoTime,
  expiresAt: IsoTime,
  usedAt: IsoTime.nullable(),
  usedBy: z.number().int().nullable(),
  revokedAt: IsoTime.nullable(),
}).meta({ id: 'Invite' });

export const CreatedInvite = Invite.extend({
  url: z.string().describe('<origin>/invite#token=…: shown once, stored hashed'),
}).meta({ id: 'CreatedInvite' });

export const ListInvitesQuery = z.object({
  status: InviteStatus.optional().describe('only invites in this state'),
});
export const InviteParams = z.object({ inviteId: Id });

export const InviteToken = z.string().min(1).max(200).describe('the token from the link (after #token=)');
export const PreviewInviteBody = z.object({ token: InviteToken });
/** What the invitee sees before accepting: what the invite grants, and nothing about anyone else. */
export const InvitePreview = InviteGrant.extend({
  email: z.string().nullable().describe('the address the invite is bound to; null: any'),
  name: z.string().nullable().describe('the name an import gave the account; null for an invite'),
  expiresAt: IsoTime,
  sso: z.boolean().describe('true when single sign-on is offered as another way to accept'),
}).meta({ id: 'InvitePreview' });

export const AcceptInviteBody = z
  .object({
    token: InviteToken,
    name: DisplayName,
    email: Email.optional().describe(
      "the account's email: required when the invite is not bound to one, else must be that one",
    ),
    password: Password,
  })
  .strict();
export const AcceptedInvite = Session.extend({
  landing: z.string().describe('where the web app takes the new member: their project, or My work'),
}).meta({ id: 'AcceptedInvite' });

export const InviteSsoBody = z.object({ token: InviteToken });
export const InviteSsoStart = z.object({
  location: z.string().describe('open this path to sign in with the provider; the invite rides along'),
});
