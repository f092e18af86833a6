import { z } from 'zod';
import { IsoTime } from './common.ts';
import { Role } from './users.ts';

/** Bulk onboarding from CSV (docs/onboarding.md): the CSV text, and whether to apply it. */
export const ImportUsersBody = z
  .object({
    csv: z.string().describe('the CSV document (UTF-8 text; at most 1 MiB, 2,000 rows)'),
  })
  .strict();
export const ImportUsersQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false)
    .describe('`true`: report what would change and change nothing'),
});

const Change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });
export const ImportLinePlan = z.object({
  line: z.number().int().describe("the line's number in the file (the header is line 1)"),
  email: z.string(),
  action: z.enum(['create', 'update', 'unchanged']),
  userId: z
    .number()
    .int()
    .nullable()
    .describe('the account; null on a dry run for an account the import would create'),
  name: Change(z.string().nullable()).optional(),
  role: Change(Role.nullable()).optional(),
  contractStart: Change(IsoTime.nullable()).optional(),
  contractEnd: Change(IsoTime.nullable()).optional(),
  skills: z
    .array(z.object({ skill: z.string(), from: z.number().int().nullable(), to: z.number().int() }))
    .describe('skills granted or changed (from: the level held of that very skill, null: none)'),
  memberships: z
    .array(
      z.object({
        projectId: z.number().int(),
        project: z.string(),
        from: Role.nullable(),
        to: Role,
      }),
    )
    .describe('memberships added or changed (from null: not a member)'),
  inviteUrl: z
    .string()
    .nullable()
    .describe('for an account the import created: its single-use invite link (shown once); else null'),
});
export const ImportUsersResult = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean().describe('true when the changes were made (never on a dry run)'),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    inviteExpiresAt: IsoTime.nullable().describe('when the invite links of created accounts expire'),
    lines: z.array(ImportLinePlan),
  })
  .meta({ id: 'ImportUsersResult' });
