import type { z } from 'zod';
import type { AnnotatorStats, ProjectStats } from '../../core/api/stats.ts';
import { csvDocument } from '../../core/csv.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import { AcceptanceTally, suggestionOutcomes } from '../../core/suggestions.ts';
import { projectWithAccess } from '../access.ts';
import { recordExport } from '../audit/audit.service.ts';
import { type AppContext, type Caller, iso, isoOrNull, now } from '../context.ts';
import type { Db } from '../db/transaction.ts';
import { forbidden } from '../http/errors.ts';
import type { CsvFile } from '../http/register.ts';
import { predictionsState, suggestedSubmissionsAfter } from '../predictions/predictions.repository.ts';
import { AnswersCache } from './answers-cache.ts';
import { AnswerTally } from './distributions.ts';
import {
  type AnnotationsState,
  countItems,
  peopleOf,
  submissionSpan,
  submissionsPerBucket,
  submittedAnswersAfter,
  workByUser,
} from './stats.repository.ts';

type StatsOut = z.input<typeof ProjectStats>;
type AnnotatorOut = z.input<typeof AnnotatorStats>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Submissions spread over at most this long are shown by the hour, longer ones by the (UTC) day. */
const HOURLY_UP_TO_MS = 2 * DAY_MS;
/** Items whose answers are read per batch for the distributions: bounded memory at any size. */
const ITEM_BATCH = 2000;

/** Managers and reviewers of the project (and admins, global managers) see its statistics. */
async function requireViewAll(db: Db, caller: Caller, projectId: number) {
  const { project, access } = await projectWithAccess(db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers of the project can see its statistics.');
  return project;
}

/** The overview's numbers: work per annotator, answer distributions, remaining work over time. */
export async function projectStats(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  { includeModels = false }: { includeModels?: boolean } = {},
): Promise<StatsOut> {
  const db = ctx.store.db;
  const project = await requireViewAll(db, caller, projectId);
  const [{ annotators, annotations }, { items, target }] = await Promise.all([
    annotatorStats(db, projectId, includeModels),
    countItems(db, projectId, project.overlap),
  ]);
  const key = [
    annotations.count,
    annotations.lastChange,
    items,
    project.overlap,
    project.updatedAt,
    includeModels,
    await predictionsState(db, projectId),
  ].join(':');
  let answers = cache.get(ctx.store, projectId, key);
  if (!answers) {
    const iface = migrateInterface(JSON.parse(project.interface));
    const [distributions, burndown, suggestions] = await Promise.all([
      answerDistributions(db, projectId, iface, includeModels),
      burndownOf(db, { projectId, total: target }),
      suggestionAcceptance(
        db,
        projectId,
        iface.questions.map((q) => q.name),
      ),
    ]);
    answers = { distributions, burndown, suggestions };
    cache.set(ctx.store, projectId, key, answers);
  }
  const at = now();
  return {
    annotators,
    distributions: answers.distributions,
    // An hour or day still to come ends now.
    burndown: answers.burndown.map((p) => ({ at: iso(Math.min(p.atMs, at)), remaining: p.remaining })),
    suggestions: answers.suggestions,
  };
}

type Answers = {
  distributions: StatsOut['distributions'];
  burndown: { atMs: number; remaining: number }[];
  suggestions: StatsOut['suggestions'];
};
const cache = new AnswersCache<Answers>();

/** The per-annotator table as a CSV download. */
export async function annotatorStatsCsv(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  { includeModels = false }: { includeModels?: boolean } = {},
): Promise<CsvFile> {
  const db = ctx.store.db;
  await requireViewAll(db, caller, projectId);
  const { annotators: rows } = await annotatorStats(db, projectId, includeModels);
  const header = [
    'user_id',
    'name',
    'email',
    'submitted',
    'skipped',
    'active_ms',
    'median_ms',
    'last_active_at',
  ];
  const body = rows.map((r) => [
    r.userId,
    r.name,
    r.email ?? '',
    r.submitted,
    r.skipped,
    r.activeMs,
    r.medianMs ?? '',
    r.lastActiveAt ?? '',
  ]);
  await recordExport(
    ctx,
    caller,
    { action: 'export.annotator_stats', targetType: 'project', targetId: projectId, projectId },
    'csv',
    { includeModels },
  );
  return { csv: csvDocument([header, ...body]), fileName: `project-${projectId}-annotators.csv` };
}

/**
 * Every annotator of the project (a member with the role, whether they have worked yet or not)
 * and everyone else who has worked in it (a manager who annotated, an imported annotator, a
 * former member): most submissions first, then by name. Model judges (docs/judge.md) only with
 * `includeModels`, marked `kind: model`.
 */
async function annotatorStats(
  db: Db,
  projectId: number,
  includeModels: boolean,
): Promise<{ annotators: AnnotatorOut[]; annotations: AnnotationsState }> {
  const { rows: work, annotations } = await workByUser(db, projectId, { includeModels });
  const byUser = new Map(work.map((w) => [w.userId, w]));
  const people = await peopleOf(
    db,
    projectId,
    work.map((w) => w.userId),
    { includeModels },
  );
  const annotators = people
    .map((p) => {
      const w = byUser.get(p.id);
      return {
        userId: p.id,
        name: p.name,
        email: p.email,
        kind: p.modelConnectionId === null ? ('human' as const) : ('model' as const),
        submitted: w?.submitted ?? 0,
        skipped: w?.skipped ?? 0,
        activeMs: w?.activeMs ?? 0,
        medianMs: w?.medianMs ?? null,
        lastActiveAt: isoOrNull(w?.lastActiveAt ?? null),
      };
    })
    .sort((a, b) => b.submitted - a.submitted || a.name.localeCompare(b.name) || a.userId - b.userId);
  return { annotators, annotations };
}

/**
 * The acceptance of each agent's suggestions: every submitted annotation made with a suggestion
 * shown, compared question by question with that suggestion (core/suggestions.ts), a page at a
 * time.
 */
async function suggestionAcceptance(
  db: Db,
  projectId: number,
  questions: readonly string[],
): Promise<StatsOut['suggestions']> {
  const tally = new AcceptanceTally();
  for (let afterId = 0; ; ) {
    const page = await suggestedSubmissionsAfter(db, { projectId, afterId, limit: ITEM_BATCH });
    for (const s of page)
      tally.add(s.agent, suggestionOutcomes(JSON.parse(s.submitted), JSON.parse(s.suggested)));
    if (page.length < ITEM_BATCH) break;
    afterId = page[page.length - 1]!.id;
  }
  return tally.rows(questions);
}

/** Tallies the project's submitted answers batch by batch against its current interface. */
async function answerDistributions(
  db: Db,
  projectId: number,
  iface: ReturnType<typeof migrateInterface>,
  includeModels: boolean,
): Promise<StatsOut['distributions']> {
  const tally = new AnswerTally(iface.questions);
  let afterItemId: number | null = 0;
  while (afterItemId !== null) {
    const batch = await submittedAnswersAfter(db, {
      projectId,
      afterItemId,
      items: ITEM_BATCH,
      includeModels,
    });
    for (const answers of batch.answers) tally.add(JSON.parse(answers) as Record<string, unknown>);
    afterItemId = batch.lastItemId;
  }
  return tally.result();
}

/**
 * Remaining work (the items' targets − submissions) from the first submission on: a point at the
 * start of the first hour (or day) with a submission, holding all the work, then one at the end
 * of each hour (or day) with submissions. Hours when the submissions span at most two days, else
 * UTC days.
 */
export async function burndownOf(
  db: Db,
  { projectId, total }: { projectId: number; total: number },
): Promise<{ atMs: number; remaining: number }[]> {
  const span = await submissionSpan(db, projectId);
  if (!span) return [];
  const bucketMs = span.last - span.first <= HOURLY_UP_TO_MS ? HOUR_MS : DAY_MS;
  const buckets = await submissionsPerBucket(db, { projectId, bucketMs });
  const points = [{ atMs: buckets[0]!.bucket * bucketMs, remaining: total }];
  let remaining = total;
  for (const b of buckets) {
    remaining -= b.count;
    points.push({ atMs: (b.bucket + 1) * bucketMs, remaining: Math.max(0, remaining) });
  }
  return points;
}
