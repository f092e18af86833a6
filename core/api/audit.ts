import { z } from 'zod';
import { Id, IsoTime, PageQuery } from './common.ts';

/** An instant a filter names: an ISO 8601 date-time with an offset, or a date (its UTC midnight). */
const Instant = z
  .string()
  .refine((t) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(t) && !Number.isNaN(Date.parse(t)), {
    message: 'must be an ISO 8601 date (2027-01-31) or date-time with an offset (2027-01-31T09:00:00Z)',
  })
  .transform((t) => Date.parse(t));

/** The filters of the audit log (docs/audit.md, "Reading it"): every one optional, all of them ANDed. */
export const AuditFilters = z.object({
  since: Instant.optional().describe('entries at or after this instant'),
  until: Instant.optional().describe('entries before this instant'),
  actor: z.string().trim().min(1).max(320).optional().describe("the actor's email, or their user id"),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*\.?$/, 'an action name such as user.role, or a prefix ending in a dot: user.')
    .max(100)
    .optional()
    .describe('one action (`user.role`), or every action under a prefix ending in a dot (`user.`)'),
  target: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .optional()
    .describe("the target's id (as text), or the target user's email"),
  project: Id.optional().describe('entries concerning this project'),
});
export type AuditFilters = z.output<typeof AuditFilters>;

export const AuditQuery = PageQuery.extend(AuditFilters.shape);

export const AuditExportQuery = AuditFilters.extend({
  format: z.enum(['jsonl', 'csv']).default('jsonl').describe('JSON lines (default) or CSV'),
});

/** One administrative act as the log keeps it (docs/audit.md). */
export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: IsoTime,
    actorId: z.number().int().nullable().describe('null: the system (a just-in-time account, the local CLI)'),
    actor: z.string().nullable().describe("the actor's email (or name) when they acted"),
    action: z.string().describe('a dotted name such as user.role or project.settings (docs/audit.md)'),
    targetType: z.string(),
    targetId: z.string().nullable(),
    targetEmail: z.string().nullable().describe("the target user's email, where the target is a user"),
    projectId: z.number().int().nullable(),
    before: z.unknown().describe('the values before (changed keys only), null where there were none'),
    after: z.unknown().describe('the values after (changed keys only), null where there are none'),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The CSV export's columns, in order; before and after as JSON text. */
export const AUDIT_CSV_HEADER = [
  'id',
  'at',
  'actor_id',
  'actor',
  'action',
  'target_type',
  'target_id',
  'target_email',
  'project_id',
  'before',
  'after',
] as const;
