import type { z } from 'zod';
import type { Worklog, WorklogRow } from '../../core/api/worklog.ts';
import { csvDocument } from '../../core/csv.ts';
import {
  amountCents,
  dateOfDay,
  dayOfDate,
  formatCents,
  formatMinutes,
  mergeCounts,
} from '../../core/worklog.ts';
import { projectWithAccess } from '../access.ts';
import { recordExport } from '../audit/audit.service.ts';
import type { AppContext, Caller } from '../context.ts';
import type { CsvFile } from '../http/register.ts';
import { payOf } from './pay.ts';
import {
  type DayRange,
  peopleByIds,
  projectsByIds,
  reviewsByDay,
  reworksByDay,
  submissionsByDay,
  type WorklogScope,
} from './worklog.repository.ts';

type RowOut = z.input<typeof WorklogRow>;
export interface WorklogQuery {
  from: string;
  to: string;
  project?: number | undefined;
}

/**
 * Whose rows the caller reads: admins and managers everyone's; anyone else their own and those of
 * the projects they manage. With a project: not found unless the caller sees it; all its rows
 * for those who manage it, else the caller's own there.
 */
async function scopeOf(ctx: AppContext, caller: Caller, project: number | undefined): Promise<WorklogScope> {
  const everyone = caller.role === 'admin' || caller.role === 'manager';
  if (project === undefined) return { self: everyone ? null : caller.id, project: null };
  const { access } = await projectWithAccess(ctx.store.db, caller, project);
  return { self: access.manage ? null : caller.id, project };
}

/** The work log rows of the range, by date, then email (or name), then project. */
export async function worklogRows(ctx: AppContext, caller: Caller, q: WorklogQuery): Promise<RowOut[]> {
  const scope = await scopeOf(ctx, caller, q.project);
  const range: DayRange = { from: dayOfDate(q.from) ?? 0, to: dayOfDate(q.to) ?? 0 };
  const db = ctx.store.db;
  const [submitted, reviewed, rework] = await Promise.all([
    submissionsByDay(db, scope, range),
    reviewsByDay(db, scope, range),
    reworksByDay(db, scope, range),
  ]);
  const cells = mergeCounts({ submitted, reviewed, rework });
  const [people, projects] = await Promise.all([
    peopleByIds(db, [...new Set(cells.map((c) => c.userId))]),
    projectsByIds(db, [...new Set(cells.map((c) => c.projectId))]),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const projectOf = new Map(projects.map((p) => [p.id, { name: p.name, pay: payOf(p) }]));
  const rows: RowOut[] = [];
  for (const c of cells) {
    const who = person.get(c.userId);
    const where = projectOf.get(c.projectId);
    // Model judges are no one's payroll; a row whose account or project is gone has no one to pay.
    if (!who || who.modelConnectionId !== null || !where) continue;
    rows.push({
      date: dateOfDay(c.day),
      userId: c.userId,
      email: who.email,
      name: who.name,
      projectId: c.projectId,
      project: where.name,
      submitted: c.submitted,
      reviewed: c.reviewed,
      rework: c.rework,
      activeMs: c.activeMs,
      pay: where.pay,
      amountCents: amountCents(where.pay, c),
    });
  }
  const label = (r: RowOut) => r.email ?? r.name;
  return rows.sort(
    (a, b) => a.date.localeCompare(b.date) || label(a).localeCompare(label(b)) || a.projectId - b.projectId,
  );
}

export async function worklog(
  ctx: AppContext,
  caller: Caller,
  q: WorklogQuery,
): Promise<z.input<typeof Worklog>> {
  return { from: q.from, to: q.to, rows: await worklogRows(ctx, caller, q) };
}

export const WORKLOG_CSV_HEADER = [
  'date',
  'tutor_email',
  'tutor_name',
  'project_id',
  'project',
  'submitted',
  'reviewed',
  'rework',
  'active_minutes',
  'pay_unit',
  'rate',
  'currency',
  'amount',
] as const;

/** The log as CSV for payroll: money as decimal text from integer cents, never a float. */
export async function worklogCsv(ctx: AppContext, caller: Caller, q: WorklogQuery): Promise<CsvFile> {
  const rows = await worklogRows(ctx, caller, q);
  const lines = rows.map((r) => [
    r.date,
    r.email ?? '',
    r.name,
    r.projectId,
    r.project,
    r.submitted,
    r.reviewed,
    r.rework,
    formatMinutes(r.activeMs),
    r.pay?.unit ?? '',
    r.pay ? formatCents(r.pay.rateCents) : '',
    r.pay?.currency ?? '',
    r.amountCents === null || r.amountCents === undefined ? '' : formatCents(r.amountCents),
  ]);
  await recordExport(
    ctx,
    caller,
    { action: 'export.worklog', targetType: 'worklog', projectId: q.project ?? null },
    'csv',
    { ...q },
  );
  const scope = q.project === undefined ? '' : `-project-${q.project}`;
  return {
    csv: csvDocument([[...WORKLOG_CSV_HEADER], ...lines]),
    fileName: `worklog-${q.from}-${q.to}${scope}.csv`,
  };
}
