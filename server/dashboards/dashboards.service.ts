import type { z } from 'zod';
import type { Dashboards } from '../../core/api/dashboards.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import { AgreementByDay, utcDay } from '../../core/quality/agreement-by-day.ts';
import { ConfusionTally } from '../../core/quality/confusion.ts';
import { projectWithAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import type { Store } from '../db/store.ts';
import type { Db } from '../db/transaction.ts';
import { projectGoldAnswers } from '../gold/gold.repository.ts';
import { accuracyOf } from '../gold/gold.service.ts';
import { projectScores } from '../gold/scores.repository.ts';
import { forbidden } from '../http/errors.ts';
import { forEachSubmittedItem, ROWS } from '../quality/submitted-items.ts';
import { countItems, submissionsPerBucket } from '../stats/stats.repository.ts';
import { DAY_MS, decisionsPerDay, reworksPerDay, throughputByUser } from './dashboards.repository.ts';

type DashboardsOut = z.input<typeof Dashboards>;

/** What the dashboards need of the project row. */
export interface DashboardProject {
  id: number;
  interface: string;
  overlap: number;
}

/**
 * A project's quality dashboards (docs/quality.md, Dashboards), for those who see everyone's work
 * (managers, admins, the project's reviewers): aggregates only. Model judges count with
 * `includeModels`, as in the agreement report.
 */
export async function projectDashboards(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  { includeModels = false }: { includeModels?: boolean } = {},
): Promise<DashboardsOut> {
  const db = ctx.store.db;
  const { project, access } = await projectWithAccess(db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers of the project can see its dashboards.');
  return computeDashboards(ctx.store, project, includeModels);
}

/** The dashboards without the access check (the bench times this). */
export async function computeDashboards(
  store: Store,
  project: DashboardProject,
  includeModels: boolean,
  batchRows = ROWS,
): Promise<DashboardsOut> {
  const db = store.db;
  const [answers, annotators, review, burndown] = await Promise.all([
    answerCharts(store, project, includeModels, batchRows),
    annotatorPoints(db, project.id, includeModels),
    reviewDays(db, project.id),
    burndownDays(db, project),
  ]);
  return { ...answers, annotators, review, burndown };
}

/**
 * Agreement per day and the confusion matrices, in one pass over the submitted answers: an item
 * belongs to the UTC day of its latest counted submission.
 */
async function answerCharts(
  store: Store,
  project: DashboardProject,
  includeModels: boolean,
  batchRows: number,
) {
  const db = store.db;
  const iface = migrateInterface(JSON.parse(project.interface));
  const byDay = new AgreementByDay(iface);
  const confusion = new ConfusionTally(iface);
  for (const [itemId, answers] of await projectGoldAnswers(db, project.id))
    confusion.addGold(itemId, answers);
  await forEachSubmittedItem(store, project.id, iface, { includeModels, batchRows }, (item) => {
    let latest = 0;
    for (const a of item.annotations) {
      latest = Math.max(latest, a.submittedAt);
      confusion.add(item.itemId, a.annotator, a.answers, a.model);
    }
    byDay.addItem(item.itemId, utcDay(latest), item.annotations, item.data);
  });
  return { agreement: byDay.result(), confusion: confusion.result() };
}

/** Each annotator's gold accuracy (Wilson interval) and throughput: the scatter's points. */
async function annotatorPoints(db: Db, projectId: number, includeModels: boolean) {
  const [work, scores] = await Promise.all([throughputByUser(db, projectId), projectScores(db, projectId)]);
  const scored = new Map<number, number[]>();
  for (const s of scores) {
    if (s.score === null) continue;
    const list = scored.get(s.userId);
    if (list) list.push(s.score);
    else scored.set(s.userId, [s.score]);
  }
  return work
    .filter((w) => includeModels || !w.model)
    .map((w) => {
      const activeHours = w.leadMs / 3_600_000;
      return {
        annotator: w.annotator,
        kind: w.model ? ('model' as const) : ('human' as const),
        submitted: w.submitted,
        activeDays: w.activeDays,
        perActiveDay: w.activeDays === 0 ? null : w.submitted / w.activeDays,
        activeHours,
        perHour: activeHours === 0 ? null : w.submitted / activeHours,
        gold: accuracyOf(scored.get(w.userId) ?? []),
      };
    })
    .sort((a, b) => (a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0));
}

/** Decisions and reworks per UTC day, days with any in order. */
async function reviewDays(db: Db, projectId: number): Promise<DashboardsOut['review']> {
  const [decisions, reworks] = await Promise.all([
    decisionsPerDay(db, projectId),
    reworksPerDay(db, projectId),
  ]);
  const days = new Map<number, { accepted: number; rejected: number; fixed: number; reworked: number }>();
  const day = (d: number) => {
    let row = days.get(d);
    if (!row) {
      row = { accepted: 0, rejected: 0, fixed: 0, reworked: 0 };
      days.set(d, row);
    }
    return row;
  };
  for (const d of decisions)
    if (d.outcome === 'accepted' || d.outcome === 'rejected' || d.outcome === 'fixed')
      day(d.day)[d.outcome] += d.count;
  for (const r of reworks) day(r.day).reworked += r.count;
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([d, row]) => ({ day: utcDay(d * DAY_MS), ...row }));
}

/**
 * People's submissions so far and the target slots left (each item's own target, as the
 * overview's burndown counts them) at the end of each UTC day with submissions. A judge takes no slot, so
 * model judges never count here.
 */
async function burndownDays(db: Db, project: DashboardProject): Promise<DashboardsOut['burndown']> {
  const [{ target }, buckets] = await Promise.all([
    countItems(db, project.id, project.overlap),
    submissionsPerBucket(db, { projectId: project.id, bucketMs: DAY_MS }),
  ]);
  let submitted = 0;
  const days = buckets.map((b) => {
    submitted += b.count;
    return { day: utcDay(b.bucket * DAY_MS), submitted, remaining: Math.max(0, target - submitted) };
  });
  return { target, days };
}
