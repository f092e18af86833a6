import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { AdaptiveOverlap } from '../../core/api/adaptive-overlap.ts';
import type { AdjudicationSetting } from '../../core/api/adjudication.ts';
import type { GoldSettings } from '../../core/api/gold.ts';
import type { Project, ProjectProgress } from '../../core/api/projects.ts';
import type { ReviewSetting } from '../../core/api/review.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import type { SuggestionsSetting } from '../../core/suggestions.ts';
import type { PayRate } from '../../core/worklog.ts';
import { adjudicationOf } from '../adjudication/adjudication-setting.ts';
import { assessmentOf } from '../assessments/assessment-setting.ts';
import { countStranded } from '../assignments/stranded.repository.ts';
import { iso } from '../context.ts';
import { NO_RANDOM_KEY, type ProjectsTable } from '../db/schema.ts';
import type { StoreKind } from '../db/store.ts';
import type { Db, Tx } from '../db/transaction.ts';
import { goldSettingsOf } from '../gold/gold-settings.ts';
import { adaptiveColumn, adaptiveOverlapOf, itemTarget } from '../quality/adaptive-overlap.repository.ts';
import { requiredSkillsOf, requirementText } from '../skills/routing.ts';
import { countWaitingForSkills } from '../skills/waiting.ts';
import { payColumn, payOf } from '../worklog/pay.ts';

/** A project as the code sees it: flags as booleans (the table holds 0/1 on both stores). */
export type ProjectRow = Omit<Selectable<ProjectsTable>, 'allowEditSubmitted'> & {
  allowEditSubmitted: boolean;
};

/** A projects row as read from either store, turned into a ProjectRow. */
export const projectRowOf = <R extends Selectable<ProjectsTable>>(
  r: R,
): Omit<R, 'allowEditSubmitted'> & { allowEditSubmitted: boolean } => ({
  ...r,
  allowEditSubmitted: r.allowEditSubmitted === 1,
});

export async function findProject(db: Db, id: number): Promise<ProjectRow | undefined> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row && projectRowOf(row);
}

/**
 * The project, locked until the transaction ends (PostgreSQL: FOR UPDATE; a SQLite write
 * transaction holds the store's write lock already): changes that read then write it, such as a
 * new interface version, cannot interleave.
 */
export async function findProjectForUpdate(
  tx: Tx,
  kind: StoreKind,
  id: number,
): Promise<ProjectRow | undefined> {
  const query = tx.selectFrom('projects').selectAll().where('id', '=', id);
  const row = await (kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row && projectRowOf(row);
}

/** The settings a project is created with; the rest (ids, times) the store fills in. */
export type NewProject = Omit<
  ProjectRow,
  | 'id'
  | 'updatedAt'
  | 'liveConnectionId'
  | 'reviewMode'
  | 'reviewPercent'
  | 'gold'
  | 'adaptiveOverlap'
  | 'judgeInConsensus'
  | 'adjudication'
  | 'pay'
  | 'assessment'
  | 'requiredSkills'
  | 'itemSkills'
> &
  Partial<Pick<ProjectRow, 'reviewMode' | 'reviewPercent' | 'judgeInConsensus'>> & {
    gold?: string | null;
    adaptiveOverlap?: string | null;
    adjudication?: string | null;
    pay?: string | null;
    requiredSkills?: string | null;
  };

/** Creates a project and records its interface as its first version (`interfaceVersion` 1). */
export async function insertProject(tx: Tx, p: NewProject): Promise<ProjectRow> {
  const row = await tx
    .insertInto('projects')
    .values({ ...p, allowEditSubmitted: p.allowEditSubmitted ? 1 : 0, updatedAt: p.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('interfaceVersions')
    .values({
      projectId: row.id,
      version: row.interfaceVersion,
      interface: row.interface,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
    })
    .execute();
  return projectRowOf(row);
}

/** Changes the given settings of a project. */
export async function updateProjectRow(
  db: Db,
  projectId: number,
  changes: Partial<
    Pick<
      ProjectRow,
      'name' | 'guidelines' | 'overlap' | 'lockTtlSeconds' | 'itemOrder' | 'allowEditSubmitted'
    >
  > & {
    suggestions?: SuggestionsSetting | undefined;
    review?: ReviewSetting | undefined;
    gold?: GoldSettings | undefined;
    adaptiveOverlap?: AdaptiveOverlap | null | undefined;
    judgeInConsensus?: boolean | undefined;
    adjudication?: AdjudicationSetting | null | undefined;
    pay?: PayRate | null | undefined;
    requiredSkills?: Record<string, number> | undefined;
  },
  updatedAt: number,
): Promise<void> {
  const {
    allowEditSubmitted,
    suggestions,
    review,
    gold,
    adaptiveOverlap,
    judgeInConsensus,
    adjudication,
    pay,
    requiredSkills,
    ...rest
  } = changes;
  await db
    .updateTable('projects')
    .set({
      ...rest,
      ...(suggestions === undefined ? {} : suggestionColumns(suggestions)),
      ...(review === undefined ? {} : reviewColumns(review)),
      ...(gold === undefined ? {} : { gold: JSON.stringify(gold) }),
      ...(adjudication === undefined ? {} : { adjudication: adjudication && JSON.stringify(adjudication) }),
      ...(adaptiveOverlap === undefined ? {} : { adaptiveOverlap: adaptiveColumn(adaptiveOverlap) }),
      ...(allowEditSubmitted === undefined ? {} : { allowEditSubmitted: allowEditSubmitted ? 1 : 0 }),
      ...(judgeInConsensus === undefined ? {} : { judgeInConsensus: judgeInConsensus ? 1 : 0 }),
      ...(pay === undefined ? {} : { pay: payColumn(pay) }),
      ...(requiredSkills === undefined ? {} : { requiredSkills: requirementText(requiredSkills) }),
      updatedAt,
    })
    .where('id', '=', projectId)
    .execute();
}

/** The setting as the projects row holds it: the agent only in mode 'agent'. */
export const suggestionColumns = (s: SuggestionsSetting) => ({
  suggestionsMode: s.mode,
  suggestionsAgent: s.mode === 'agent' ? (s.agent ?? null) : null,
});

/** The review setting as the projects row holds it: the percent only in mode 'sample'. */
export const reviewColumns = (r: ReviewSetting) => ({
  reviewMode: r.mode,
  reviewPercent: r.mode === 'sample' ? (r.percent ?? null) : null,
});

/** A project's suggestions setting, read from its row. */
export const suggestionsOf = (
  p: Pick<ProjectRow, 'suggestionsMode' | 'suggestionsAgent'>,
): SuggestionsSetting => ({
  mode: p.suggestionsMode,
  agent: p.suggestionsAgent,
});

/** A page of projects by id, after `afterId`: all of them, or those `memberId` is a member of. */
export async function listProjectRows(
  db: Db,
  page: { afterId: number; limit: number; memberId?: number | undefined },
): Promise<ProjectRow[]> {
  let query = db
    .selectFrom('projects')
    .selectAll('projects')
    .where('projects.id', '>', page.afterId)
    .orderBy('projects.id')
    .limit(page.limit);
  if (page.memberId !== undefined) {
    query = query
      .innerJoin('projectMembers as m', 'm.projectId', 'projects.id')
      .where('m.userId', '=', page.memberId);
  }
  return (await query.execute()).map(projectRowOf);
}

/** Draws keys for the items of a project that has just switched to random order. */
export async function drawRandomKeys(db: Db, kind: StoreKind, projectId: number): Promise<void> {
  const key =
    kind === 'postgres'
      ? sql<number>`1 + floor(random() * 2147483646)::int`
      : sql<number>`1 + abs(random() % 2147483646)`;
  await db
    .updateTable('items')
    .set({ rand: key })
    .where('projectId', '=', projectId)
    .where('rand', '=', NO_RANDOM_KEY)
    .execute();
}

export async function projectProgress(db: Db, p: ProjectRow): Promise<z.input<typeof ProjectProgress>> {
  const target = itemTarget(p.overlap);
  const items = await db
    .selectFrom('items')
    .select([
      sql<number>`count(*)`.as('items'),
      sql<number>`coalesce(sum(case when submitted_count >= ${target} then 1 else 0 end), 0)`.as('complete'),
      // A gold item has no free slot from the start: it is not "in progress" for that (migration 0020).
      sql<number>`coalesce(sum(case when submitted_count < ${target} and slots_left < ${target} and awaiting = 0
        and not exists (select 1 from gold_items g where g.item_id = items.id) then 1 else 0 end), 0)`.as(
        'inProgress',
      ),
      sql<number>`coalesce(sum(awaiting), 0)`.as('awaiting'),
      sql<number>`coalesce(sum(submitted_count), 0)`.as('submitted'),
    ])
    .where('projectId', '=', p.id)
    .executeTakeFirstOrThrow();
  const skipped = await db
    .selectFrom('assignments')
    .select(sql<number>`count(*)`.as('n'))
    .where('projectId', '=', p.id)
    .where('status', '=', 'skipped')
    .executeTakeFirstOrThrow();
  return {
    items: Number(items.items),
    complete: Number(items.complete),
    inProgress: Number(items.inProgress),
    awaiting: Number(items.awaiting),
    submitted: Number(items.submitted),
    skipped: Number(skipped.n),
    // With adaptive overlap an item may need up to `max` annotators.
    stranded: await countStranded(db, { projectId: p.id, overlap: adaptiveOverlapOf(p)?.max ?? p.overlap }),
    waitingForSkills: await countWaitingForSkills(db, p, Date.now()),
  };
}

/**
 * A project as the API returns it. `showAgent`: whether the caller may see agent names (managers
 * and reviewers); for anyone else the setting's agent is left out, like a hidden model name.
 */
export async function toProject(db: Db, p: ProjectRow, showAgent: boolean): Promise<z.input<typeof Project>> {
  return {
    id: p.id,
    name: p.name,
    guidelines: p.guidelines,
    overlap: p.overlap,
    lockTtlSeconds: p.lockTtlSeconds,
    itemOrder: p.itemOrder,
    allowEditSubmitted: p.allowEditSubmitted,
    suggestions: { mode: p.suggestionsMode, agent: showAgent ? p.suggestionsAgent : null },
    review: { mode: p.reviewMode, percent: p.reviewPercent },
    // Gold is never shown to annotators: whether a project has gold is itself a hint.
    gold: showAgent ? goldSettingsOf(p) : null,
    adjudication: adjudicationOf(p),
    adaptiveOverlap: showAgent ? adaptiveOverlapOf(p) : null,
    judgeInConsensus: p.judgeInConsensus === 1,
    pay: showAgent ? payOf(p) : null,
    assessment: assessmentOf(p),
    requiredSkills: requiredSkillsOf(p) as Record<string, 1 | 2 | 3>,
    interface: migrateInterface(JSON.parse(p.interface), p.interfaceVersion),
    createdAt: iso(p.createdAt),
    progress: await projectProgress(db, p),
  };
}
