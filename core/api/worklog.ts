import { z } from 'zod';
import { dayOfDate } from '../worklog.ts';
import { Id } from './common.ts';

/** The longest range one work-log request covers, in days (both ends included). */
export const WORKLOG_MAX_DAYS = 366;

/** A project's pay rate (docs/worklog.md): per hour of active time or per submitted item. */
export const PayRate = z
  .strictObject({
    unit: z.enum(['hour', 'item']).describe('hour: per hour of active time; item: per submitted item'),
    rateCents: z
      .int()
      .min(0)
      .max(100_000_000)
      .describe("the rate in the currency's minor units (cents): 2550 is 25.50"),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals, such as EUR')
      .describe('ISO 4217 code'),
  })
  .meta({ id: 'PayRate' });

const UtcDate = z
  .string()
  .refine((d) => dayOfDate(d) !== null, 'a calendar date YYYY-MM-DD')
  .describe('a UTC calendar date, YYYY-MM-DD');

export const WorklogQuery = z
  .object({
    from: UtcDate.describe('the first UTC day, YYYY-MM-DD'),
    to: UtcDate.describe('the last UTC day, YYYY-MM-DD (included)'),
    project: Id.optional().describe('one project only'),
  })
  .superRefine((q, ctx) => {
    const from = dayOfDate(q.from);
    const to = dayOfDate(q.to);
    if (from === null || to === null) return;
    if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (to - from + 1 > WORKLOG_MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${WORKLOG_MAX_DAYS} days after from` });
  });

/** One person's work in one project on one UTC day. */
export const WorklogRow = z
  .object({
    date: z.string().describe('the UTC day, YYYY-MM-DD'),
    userId: z.number().int(),
    email: z.string().nullable(),
    name: z.string(),
    projectId: z.number().int(),
    project: z.string(),
    submitted: z.number().int().describe('annotations first submitted that day'),
    reviewed: z.number().int().describe('review decisions the person made that day (as a reviewer)'),
    rework: z.number().int().describe('rejected annotations the person resubmitted that day'),
    activeMs: z
      .number()
      .int()
      .describe('the lead times of the annotations first submitted that day, in milliseconds'),
    pay: PayRate.nullable().describe("the project's pay rate; null: none set"),
    amountCents: z.number().int().nullable().describe('what the row earns, in cents; null without a rate'),
  })
  .meta({ id: 'WorklogRow' });

export const Worklog = z
  .object({
    from: z.string(),
    to: z.string(),
    rows: z.array(WorklogRow).describe('by date, then email, then project'),
  })
  .meta({ id: 'Worklog' });
