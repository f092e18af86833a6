import { z } from 'zod';
import { DisplayName } from '../names.ts';
import { Id, IsoTime, PageQuery } from './common.ts';
import { AnnotatorKind } from './judges.ts';

export const roles = ['admin', 'manager', 'reviewer', 'annotator'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;
/**
 * What each global role may do, in one sentence each: the Users page shows it beside the role
 * picker, and docs/data-model.md holds the same table. (A project membership carries its own role.)
 */
export const roleAbilities: Record<Role, string> = {
  admin:
    'Everything: creates users, changes roles, suspends accounts, makes password reset links, and manages every project.',
  manager:
    'Sees and manages every project: creates projects, manages members, imports and exports; lists users.',
  reviewer: 'In projects they are a member of: sees every item and everyone’s answers, and exports.',
  annotator: 'In projects they are a member of: takes items and annotates; sees only their own work.',
};
export const UserStatus = z.enum(['active', 'suspended']);

export const User = z
  .object({
    id: z.number().int(),
    email: z.string().nullable().describe('null for external annotators (identities without a login)'),
    name: z.string(),
    role: Role,
    status: UserStatus,
    external: z.boolean().describe('true for annotators brought in by an import, who cannot sign in'),
    kind: AnnotatorKind.describe(
      '`model`: the account a model judge answers as (docs/judge.md); it cannot sign in',
    ),
    createdAt: IsoTime,
    contractStart: IsoTime.nullable().describe(
      'access starts at this instant (inclusive); null: no start (docs/users.md, "Contract windows")',
    ),
    contractEnd: IsoTime.nullable().describe('access ends at this instant (exclusive); null: no end'),
    offboardedAt: IsoTime.nullable().describe(
      'when an admin offboarded the user (suspended, API tokens revoked); null: not offboarded',
    ),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const Password = z.string().min(10, 'use at least 10 characters').max(1024);

export const CreateUserBody = z.object({
  email: Email,
  name: DisplayName,
  role: Role.default('annotator'),
  password: Password.optional(),
});
/** A contract instant: an ISO 8601 date-time with an offset (`2027-01-01T00:00:00Z`), as epoch ms. */
export const ContractTime = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO 8601 date-time with an offset, e.g. 2027-01-01T09:00:00Z',
  })
  .transform((text) => Date.parse(text));

export const UpdateUserBody = z
  .object({
    name: DisplayName,
    role: Role,
    status: UserStatus,
    contractStart: ContractTime.nullable().describe(
      'access starts at this instant (inclusive); null clears it (docs/users.md, "Contract windows")',
    ),
    contractEnd: ContractTime.nullable().describe(
      'access ends at this instant (exclusive), after contractStart; null clears it',
    ),
  })
  .partial()
  .superRefine((b, ctx) => {
    if (
      typeof b.contractStart === 'number' &&
      typeof b.contractEnd === 'number' &&
      b.contractEnd <= b.contractStart
    )
      ctx.addIssue({ code: 'custom', path: ['contractEnd'], message: 'must be later than contractStart' });
  });

/** What a bulk status change does to each user it names (docs/users.md, "Suspension and offboarding"). */
export const BulkStatusAction = z.enum(['suspend', 'offboard', 'reinstate']);
export const MAX_BULK_USERS = 5000;
export const BulkStatusBody = z
  .object({
    action: BulkStatusAction,
    emails: z.array(Email).max(MAX_BULK_USERS).default([]).describe('the users, by email'),
    userIds: z.array(Id).max(MAX_BULK_USERS).default([]).describe('and/or by id'),
  })
  .superRefine((b, ctx) => {
    if (b.emails.length + b.userIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['emails'],
        message: 'name at least one user (emails or userIds)',
      });
    if (b.emails.length + b.userIds.length > MAX_BULK_USERS)
      ctx.addIssue({
        code: 'custom',
        path: ['emails'],
        message: `at most ${MAX_BULK_USERS} users in one call`,
      });
  });
export const BulkStatusOutcome = z.enum([
  'suspended',
  'already_suspended',
  'offboarded',
  'already_offboarded',
  'reinstated',
  'already_active',
  'not_found',
]);
export const BulkStatusResult = z
  .object({
    action: BulkStatusAction,
    results: z
      .array(
        z.object({
          target: z.string().describe('the email or id as given (emails lower-cased)'),
          userId: z.number().int().nullable(),
          outcome: BulkStatusOutcome,
        }),
      )
      .describe('one per distinct email or id given, in the order given'),
    changed: z.number().int().describe('how many users this call changed'),
    locksReleased: z.number().int().describe('how many of their locks went back to the pool'),
  })
  .meta({ id: 'BulkStatusResult' });
export const UserParams = z.object({ userId: Id });
export const ListUsersQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe(
      'only users whose name or email contains this text, ignoring case (on SQLite, case is folded for A–Z only)',
    ),
});
export const ChangePasswordBody = z.object({ currentPassword: z.string().max(1024), newPassword: Password });

export const LoginBody = z.object({ email: Email, password: z.string().max(1024) });
export const Session = z
  .object({
    user: User,
    csrfToken: z
      .string()
      .describe('send as x-csrf-token on cookie-authenticated writes; empty for an API-token caller'),
  })
  .meta({ id: 'Session' });

export const ApiToken = z
  .object({ id: z.number().int(), name: z.string(), createdAt: IsoTime, lastUsedAt: IsoTime.nullable() })
  .meta({ id: 'ApiToken' });
export const CreateTokenBody = z.object({ name: z.string().trim().min(1).max(100).default('api') });
export const CreatedToken = ApiToken.extend({ token: z.string().describe('shown once; stored hashed') });
export const TokenParams = z.object({ tokenId: Id });

export const PasswordResetLink = z
  .object({
    url: z
      .string()
      .describe(
        'the one-time link to give the user: <origin>/reset-password#token=…; shown once, stored hashed',
      ),
    expiresAt: IsoTime,
  })
  .meta({ id: 'PasswordResetLink' });
export const ResetPasswordBody = z.object({
  token: z.string().min(1).max(200).describe('the token from the link (after #token=)'),
  newPassword: Password,
});
