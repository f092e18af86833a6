import type { z } from 'zod';
import type { AttemptStatus } from '../../core/api/assessments.ts';
import type { Roster, RosterFilters, RosterPerson, RosterQuery } from '../../core/api/roster.ts';
import { csvDocument } from '../../core/csv.ts';
import { wilsonInterval } from '../../core/quality/wilson.ts';
import { formatMinutes } from '../../core/worklog.ts';
import { projectWithAccess } from '../access.ts';
import { latestAttemptsOf } from '../assessments/attempts.repository.ts';
import { recordExport } from '../audit/audit.service.ts';
import { type AppContext, type Caller, iso, isoOrNull } from '../context.ts';
import { forbidden } from '../http/errors.ts';
import type { CsvFile } from '../http/register.ts';
import { measureAnnotators } from '../judge/judge-report.service.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import {
  countPeople,
  goldOf,
  managesAnyProject,
  pagePeople,
  type RosterScope,
  type RosterSelection,
  skillRowsOf,
  workOf,
} from './roster.repository.ts';

type PersonOut = z.input<typeof RosterPerson>;
type Filters = z.output<typeof RosterFilters>;

/**
 * Who may read the roster and whose people they see (docs/roster.md): admins and managers
 * everyone (they manage every project); a project manager (a member as manager or admin, without
 * a global role) the members of the projects they manage, with the work of those projects only;
 * anyone else is refused. With a project: not found unless the caller sees it, refused unless
 * they manage it.
 */
async function scopeOf(
  ctx: AppContext,
  caller: Caller,
  project: number | undefined,
): Promise<{ scope: RosterScope; project: ProjectRow | null }> {
  const db = ctx.store.db;
  const everyone = caller.role === 'admin' || caller.role === 'manager';
  if (!everyone && !(await managesAnyProject(db, caller.id)))
    throw forbidden('The roster is for admins, managers and the managers of projects.');
  const managerOf = everyone ? null : caller.id;
  if (project === undefined) return { scope: { managerOf, project: null }, project: null };
  const found = await projectWithAccess(db, caller, project);
  if (!found.access.manage) throw forbidden("Only the project's managers see its people.");
  return { scope: { managerOf, project }, project: found.project };
}

function selectionOf(q: Filters, scope: RosterScope, now: number): RosterSelection {
  return {
    scope,
    now,
    q: q.q,
    skill: q.skill === undefined ? undefined : { name: q.skill, minLevel: q.minLevel ?? 1 },
    statuses: q.status,
    contractEndBefore: q.contractEndBefore,
    contractEndAfter: q.contractEndAfter,
    lastActiveSince: q.lastActiveSince,
    lastActiveBefore: q.lastActiveBefore,
    sort: q.sort,
    order: q.order,
  };
}

/** The people's figures in scope: work, gold, skills, and with a project the agreement. */
async function withFigures(
  ctx: AppContext,
  scope: RosterScope,
  project: ProjectRow | null,
  people: Awaited<ReturnType<typeof pagePeople>>,
): Promise<PersonOut[]> {
  const db = ctx.store.db;
  const ids = people.map((p) => p.id);
  const [work, gold, skills, agreement, attempts] = await Promise.all([
    workOf(db, scope, ids),
    goldOf(db, scope, ids),
    skillRowsOf(db, ids),
    project ? agreementIn(ctx, project) : Promise.resolve(null),
    latestAttemptsOf(db, ids),
  ]);
  return people.map((p) => {
    const w = work.get(p.id);
    const g = gold.get(p.id) ?? { sum: 0, n: 0 };
    return {
      id: p.id,
      email: p.email,
      name: p.name,
      role: p.role,
      status: p.status,
      contractStart: isoOrNull(p.contractStart),
      contractEnd: isoOrNull(p.contractEnd),
      skills: (skills.get(p.id) ?? []).map((s) => ({
        ...s,
        grantedAt: iso(s.grantedAt),
      })) as PersonOut['skills'],
      itemsDone: w?.items ?? 0,
      activeMs: w?.activeMs ?? 0,
      gold: { n: g.n, accuracy: g.n === 0 ? null : g.sum / g.n, interval: wilsonInterval(g.sum, g.n) },
      agreement: agreement ? (agreement.get(p.id) ?? { agreed: 0, units: 0, rate: null }) : null,
      lastActiveAt: isoOrNull(w?.lastAt ?? null),
      assessments: (attempts.get(p.id) ?? []).map((a) => ({
        ...a,
        status: a.status as z.infer<typeof AttemptStatus>,
        finishedAt: isoOrNull(a.finishedAt),
      })),
    };
  });
}

/**
 * Each person's agreement in the project: the judges report's leave-one-out comparison with the
 * other people's majority (server/judge/judge-report.service.ts), overall, by user id.
 */
async function agreementIn(ctx: AppContext, project: ProjectRow) {
  const { annotators } = await measureAnnotators(ctx, project, 'majority');
  return new Map(annotators.filter((a) => a.kind === 'human').map((a) => [a.userId, a.consensus.overall]));
}

export async function roster(
  ctx: AppContext,
  caller: Caller,
  q: z.output<typeof RosterQuery>,
): Promise<z.input<typeof Roster>> {
  const { scope, project } = await scopeOf(ctx, caller, q.project);
  const now = ctx.clock();
  const selection = selectionOf(q, scope, now);
  const db = ctx.store.db;
  const [total, people] = await Promise.all([
    countPeople(db, selection),
    pagePeople(db, selection, { offset: q.offset, limit: q.limit }),
  ]);
  return {
    scope: scope.managerOf === null ? 'everyone' : 'managed projects',
    asOf: iso(now),
    total,
    offset: q.offset,
    limit: q.limit,
    people: await withFigures(ctx, scope, project, people),
  };
}

export const ROSTER_CSV_HEADER = [
  'id',
  'email',
  'name',
  'role',
  'status',
  'contract_start',
  'contract_end',
  'skills',
  'items_done',
  'active_minutes',
  'gold_scored',
  'gold_accuracy',
  'gold_low',
  'gold_high',
  'agreement_agreed',
  'agreement_units',
  'agreement_rate',
  'last_active',
  'assessments',
] as const;

const fixed = (x: number | null | undefined) => (x === null || x === undefined ? '' : x.toFixed(4));

/** Every person the filters name, in their order, as CSV (docs/roster.md). */
export async function rosterCsv(ctx: AppContext, caller: Caller, q: Filters): Promise<CsvFile> {
  const { scope, project } = await scopeOf(ctx, caller, q.project);
  const now = ctx.clock();
  const people = await pagePeople(ctx.store.db, selectionOf(q, scope, now), { offset: 0, limit: null });
  const rows = await withFigures(ctx, scope, project, people);
  const lines = rows.map((p) => [
    p.id,
    p.email ?? '',
    p.name,
    p.role,
    p.status,
    p.contractStart ?? '',
    p.contractEnd ?? '',
    p.skills.map((s) => `${s.skill}:${s.level}`).join(' '),
    p.itemsDone,
    formatMinutes(p.activeMs),
    p.gold.n,
    fixed(p.gold.accuracy),
    p.gold.n === 0 ? '' : fixed(p.gold.interval.low),
    p.gold.n === 0 ? '' : fixed(p.gold.interval.high),
    p.agreement?.agreed ?? '',
    p.agreement?.units ?? '',
    fixed(p.agreement?.rate),
    p.lastActiveAt ?? '',
    p.assessments
      .map((a) => `${a.skill}:${a.level} ${a.status}${a.score === null ? '' : ` ${a.score.toFixed(4)}`}`)
      .join('; '),
  ]);
  await recordExport(
    ctx,
    caller,
    { action: 'export.roster', targetType: 'roster', projectId: q.project ?? null },
    'csv',
    { ...q },
  );
  const suffix = q.project === undefined ? '' : `-project-${q.project}`;
  return {
    csv: csvDocument([[...ROSTER_CSV_HEADER], ...lines]),
    fileName: `roster-${iso(now).slice(0, 10)}${suffix}.csv`,
  };
}
