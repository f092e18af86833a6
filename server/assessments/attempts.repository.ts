import { sql } from 'kysely';
import { annotatorLabelOf } from '../assignments/assignments.repository.ts';
import type { AssessmentAttemptsTable, AttemptStatus } from '../db/schema-assessments.ts';
import type { Db, Tx } from '../db/transaction.ts';

/** The reads and writes of assessment attempts (migration 0032, docs/assessments.md). */

export type AttemptRow = Omit<AssessmentAttemptsTable, 'id'> & { id: number };

/** The user's attempts at the project's assessment, oldest first. */
export function attemptsOf(db: Db, p: { projectId: number; userId: number }): Promise<AttemptRow[]> {
  return db
    .selectFrom('assessmentAttempts')
    .selectAll()
    .where('projectId', '=', p.projectId)
    .where('userId', '=', p.userId)
    .orderBy('attemptNo')
    .execute();
}

/** The user's attempts at every assessment, by project then attempt. */
export function attemptsOfUser(db: Db, userId: number): Promise<AttemptRow[]> {
  return db
    .selectFrom('assessmentAttempts')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('projectId')
    .orderBy('attemptNo')
    .execute();
}

/**
 * Takes the row locks of the user's attempts at the project until the transaction ends (an update
 * that changes nothing: PostgreSQL locks the rows, SQLite's writer holds the store already). The
 * last submit and a reviewer's mark both score an attempt from the gold scores; taking this first,
 * the later of two concurrent ones reads what the earlier committed, so neither leaves the attempt
 * pending with every answer marked.
 */
export async function lockAttemptsOf(tx: Tx, p: { projectId: number; userId: number }): Promise<void> {
  await tx
    .updateTable('assessmentAttempts')
    .set({ status: sql`status` })
    .where('projectId', '=', p.projectId)
    .where('userId', '=', p.userId)
    .execute();
}

export function insertAttempt(
  tx: Tx,
  a: Pick<AttemptRow, 'projectId' | 'userId' | 'attemptNo' | 'skill' | 'level' | 'passMark' | 'startedAt'>,
): Promise<AttemptRow> {
  return tx
    .insertInto('assessmentAttempts')
    .values({ ...a, status: 'in_progress', score: null, results: null, finishedAt: null, scoredAt: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records an attempt's new status, score and results (and, when given, when it finished or was scored). */
export async function updateAttempt(
  tx: Tx,
  id: number,
  changes: Partial<Pick<AttemptRow, 'status' | 'score' | 'results' | 'finishedAt' | 'scoredAt'>>,
): Promise<void> {
  await tx.updateTable('assessmentAttempts').set(changes).where('id', '=', id).execute();
}

/** The questions of an assessment: its gold items served now, in the order they are served. */
export async function questionIds(db: Db, projectId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('goldItems as g')
    .innerJoin('items as i', 'i.id', 'g.itemId')
    .select('i.id')
    .where('g.projectId', '=', projectId)
    .where('i.awaiting', '=', 0)
    .orderBy('i.priority', 'desc')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => r.id);
}

/** How many questions each of the projects' assessments has. */
export async function questionCounts(db: Db, projectIds: readonly number[]): Promise<Map<number, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('goldItems as g')
    .innerJoin('items as i', 'i.id', 'g.itemId')
    .select(['g.projectId', sql<number>`count(*)`.as('n')])
    .where('g.projectId', 'in', projectIds)
    .where('i.awaiting', '=', 0)
    .groupBy('g.projectId')
    .execute();
  return new Map(rows.map((r) => [r.projectId, Number(r.n)]));
}

/** The gold items of the project the user has submitted (their current work rows), by project. */
export async function answeredCounts(db: Db, userId: number, projectIds: readonly number[]) {
  if (projectIds.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('goldItems as g', 'g.itemId', 'a.itemId')
    .select(['a.projectId', sql<number>`count(*)`.as('n')])
    .where('a.userId', '=', userId)
    .where('a.projectId', 'in', projectIds)
    .where('a.status', '=', 'submitted')
    .groupBy('a.projectId')
    .execute();
  return new Map(rows.map((r) => [r.projectId, Number(r.n)]));
}

/** The ids of the project's gold items the user has submitted. */
export async function answeredIds(tx: Tx, p: { projectId: number; userId: number }): Promise<Set<number>> {
  const rows = await tx
    .selectFrom('assignments as a')
    .innerJoin('goldItems as g', 'g.itemId', 'a.itemId')
    .select('a.itemId')
    .where('a.projectId', '=', p.projectId)
    .where('a.userId', '=', p.userId)
    .where('a.status', '=', 'submitted')
    .execute();
  return new Set(rows.map((r) => r.itemId));
}

/** The user's gold scores on the project: one per (item, interface question); null awaits a mark. */
export function goldPartsOf(db: Db, p: { projectId: number; userId: number }) {
  return db
    .selectFrom('goldScores')
    .select(['itemId', 'question', 'score'])
    .where('projectId', '=', p.projectId)
    .where('userId', '=', p.userId)
    .orderBy('itemId')
    .orderBy('question')
    .execute();
}

/** The answers of the user's annotations on the project's gold items as first submitted (what was scored). */
export async function firstSubmittedAnswers(
  db: Db,
  p: { projectId: number; userId: number },
): Promise<Map<number, Record<string, unknown>>> {
  const rows = await db
    .selectFrom('annotations as n')
    .innerJoin('goldItems as g', 'g.itemId', 'n.itemId')
    .innerJoin('annotationRevisions as r', 'r.annotationId', 'n.id')
    .select(['n.itemId', 'r.revision', 'r.answers'])
    .where('n.projectId', '=', p.projectId)
    .where('n.userId', '=', p.userId)
    .where('r.kind', '=', 'submit')
    .orderBy('n.itemId')
    .orderBy('r.revision')
    .execute();
  const out = new Map<number, Record<string, unknown>>();
  for (const r of rows)
    if (!out.has(r.itemId)) out.set(r.itemId, JSON.parse(r.answers) as Record<string, unknown>);
  return out;
}

/** Every attempt at the project's assessment with its tutor's label, by tutor then attempt. */
export function projectAttempts(db: Db, projectId: number) {
  return db
    .selectFrom('assessmentAttempts as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .selectAll('t')
    .select(annotatorLabelOf('u').as('tutor'))
    .where('t.projectId', '=', projectId)
    .orderBy('t.userId')
    .orderBy('t.attemptNo')
    .execute();
}

/** The projects that are assessments, with whether the user is a member of each. */
export function assessmentProjects(db: Db, userId: number) {
  return db
    .selectFrom('projects as p')
    .leftJoin('projectMembers as m', (join) =>
      join.onRef('m.projectId', '=', 'p.id').on('m.userId', '=', userId),
    )
    .select(['p.id', 'p.name', 'p.assessment', 'm.role as memberRole'])
    .where('p.assessment', 'is not', null)
    .orderBy('p.id')
    .execute();
}

export interface LatestAttempt {
  projectId: number;
  projectName: string;
  skill: string;
  level: number;
  status: string;
  score: number | null;
  finishedAt: number | null;
}

/**
 * Each user's latest attempt at every assessment they tried (their roster entry), by user id; users
 * who tried none are absent. The skill and level are those the attempt was taken for.
 */
export async function latestAttemptsOf(
  db: Db,
  userIds: readonly number[],
): Promise<Map<number, LatestAttempt[]>> {
  const out = new Map<number, LatestAttempt[]>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db
      .selectFrom('assessmentAttempts as t')
      .innerJoin('projects as p', 'p.id', 't.projectId')
      .select([
        't.userId',
        't.projectId',
        'p.name',
        't.skill',
        't.level',
        't.status',
        't.score',
        't.finishedAt',
      ])
      .where('t.userId', 'in', userIds.slice(i, i + 1000))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('assessmentAttempts as later')
              .select(sql`1`.as('one'))
              .whereRef('later.projectId', '=', 't.projectId')
              .whereRef('later.userId', '=', 't.userId')
              .whereRef('later.attemptNo', '>', 't.attemptNo'),
          ),
        ),
      )
      .orderBy('t.userId')
      .orderBy('t.projectId')
      .execute();
    for (const r of rows) {
      const list = out.get(r.userId) ?? [];
      list.push({
        projectId: r.projectId,
        projectName: r.name,
        skill: r.skill,
        level: r.level,
        status: r.status as AttemptStatus,
        score: r.score,
        finishedAt: r.finishedAt,
      });
      out.set(r.userId, list);
    }
  }
  return out;
}
