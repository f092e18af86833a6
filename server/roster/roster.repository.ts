import { type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { RosterSort, RosterStatus } from '../../core/api/roster.ts';
import { lineage } from '../../core/skills.ts';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/transaction.ts';
import { projectsManagedBy } from '../projects/members.repository.ts';
import { likeLiteral } from '../users/users.repository.ts';

/**
 * Whose people and whose work the roster reads (roster.service.ts): `managerOf` narrows both to the
 * projects that user manages (a project manager without a global role); `project` to one project.
 */
export interface RosterScope {
  managerOf: number | null;
  project: number | null;
}

/** The filters and the order, as the service hands them over (instants in epoch ms). */
export interface RosterSelection {
  scope: RosterScope;
  now: number;
  q?: string | undefined;
  skill?: { name: string; minLevel: number } | undefined;
  statuses?: readonly RosterStatus[] | undefined;
  contractEndBefore?: number | undefined;
  contractEndAfter?: number | undefined;
  lastActiveSince?: number | undefined;
  lastActiveBefore?: number | undefined;
  sort: RosterSort;
  order: 'asc' | 'desc';
}

/** Aggregates come back as strings from PostgreSQL (bigint, numeric) and as numbers from SQLite. */
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** Later than any contract's end: people without one sort after everyone with one. */
const NO_END = sql.lit(8_640_000_000_000_000);

type RosterDb = Database & { u: Database['users']; w: WorkRow };
type UsersQuery = SelectQueryBuilder<RosterDb, 'u' | 'w', object>;
interface WorkRow {
  userId: number;
  items: number;
  leadMs: number;
  lastAt: number | null;
}

/** The projects whose work counts: the one asked for, or the managed ones, or all (null). */
function projectCondition(db: Db, scope: RosterScope, column: string): RawBuilder<unknown> {
  const ref = sql.ref(column);
  if (scope.project !== null) return sql`${ref} = ${scope.project}`;
  if (scope.managerOf !== null) return sql`${ref} in ${projectsManagedBy(db, scope.managerOf)}`;
  return sql`1 = 1`;
}

/**
 * Each person's submitted annotations in scope: how many, their lead times summed (the work log's
 * active time, docs/worklog.md) and the latest submission. One grouped pass over the covering
 * index `annotations_stats`.
 */
const workTable = (db: Db, scope: RosterScope) =>
  db
    .selectFrom('annotations as a')
    .select([
      'a.userId',
      sql<number>`count(*)`.as('items'),
      sql<number>`sum(a.lead_time_ms)`.as('leadMs'),
      sql<number | null>`max(a.submitted_at)`.as('lastAt'),
    ])
    .where('a.status', '=', 'submitted')
    .where(projectCondition(db, scope, 'a.project_id') as RawBuilder<boolean>)
    .groupBy('a.userId');

/** Where an account stands at `now`, the first that holds (core/api/roster.ts RosterStatus). */
export const statusAt = (now: number) => sql<RosterStatus>`case
  when u.offboarded_at is not null then 'offboarded'
  when u.status = 'suspended' then 'suspended'
  when u.contract_start is not null and u.contract_start > ${now} then 'contract_not_started'
  when u.contract_end is not null and u.contract_end <= ${now} then 'contract_ended'
  else 'active' end`;

/** The level at which the person holds `skill` by the hierarchy rule (core/skills.ts): the most specific entry of its lineage. */
const levelOf = (skill: string) => sql<number>`coalesce((select s.level from user_skills s
  where s.user_id = u.id and s.skill in (${sql.join(lineage(skill))})
  order by length(s.skill) desc limit 1), 0)`;

const members = (db: Db, projects: RawBuilder<unknown>) =>
  db
    .selectFrom('projectMembers as m')
    .select('m.userId')
    .where(projects as RawBuilder<boolean>);

/** The people the selection names: accounts of people (no model judges, no imported identities) in scope, filtered. */
function filtered(db: Db, s: RosterSelection, withWork: boolean): UsersQuery {
  let q = db.selectFrom('users as u') as unknown as UsersQuery;
  if (withWork)
    q = db
      .selectFrom('users as u')
      .leftJoin(workTable(db, s.scope).as('w'), 'w.userId', 'u.id') as unknown as UsersQuery;
  q = q.where('u.modelConnectionId', 'is', null).where('u.external', '=', 0);
  const { scope } = s;
  if (scope.managerOf !== null)
    q = q.where('u.id', 'in', members(db, sql`m.project_id in ${projectsManagedBy(db, scope.managerOf)}`));
  if (scope.project !== null) q = q.where('u.id', 'in', members(db, sql`m.project_id = ${scope.project}`));
  if (s.q) {
    const pattern = `%${likeLiteral(s.q.toLowerCase())}%`;
    q = q.where((eb: ExpressionBuilder<RosterDb, 'u' | 'w'>) =>
      eb.or([
        eb(sql`lower(u.name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(u.email)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (s.skill) q = q.where(sql<boolean>`${levelOf(s.skill.name)} >= ${s.skill.minLevel}`);
  if (s.statuses && s.statuses.length > 0)
    q = q.where(sql<boolean>`${statusAt(s.now)} in (${sql.join(s.statuses)})`);
  if (s.contractEndBefore !== undefined) q = q.where('u.contractEnd', '<', s.contractEndBefore);
  if (s.contractEndAfter !== undefined) q = q.where('u.contractEnd', '>=', s.contractEndAfter);
  if (s.lastActiveSince !== undefined) q = q.where(sql<boolean>`w.last_at >= ${s.lastActiveSince}`);
  if (s.lastActiveBefore !== undefined)
    q = q.where(sql<boolean>`(w.last_at is null or w.last_at < ${s.lastActiveBefore})`);
  return q;
}

const needsWork = (s: RosterSelection) =>
  s.lastActiveSince !== undefined ||
  s.lastActiveBefore !== undefined ||
  s.sort === 'lastActive' ||
  s.sort === 'itemsDone' ||
  s.sort === 'activeTime';

function sortKey(s: RosterSelection): RawBuilder<unknown> {
  switch (s.sort) {
    case 'name':
      return sql`lower(u.name)`;
    case 'email':
      return sql`coalesce(u.email, '')`;
    case 'role':
      return sql`u.role`;
    case 'status':
      return statusAt(s.now);
    case 'contractEnd':
      return sql`coalesce(u.contract_end, ${NO_END})`;
    case 'lastActive':
      return sql`coalesce(w.last_at, 0)`;
    case 'itemsDone':
      return sql`coalesce(w.items, 0)`;
    case 'activeTime':
      return sql`coalesce(w.lead_ms, 0)`;
  }
}

/** How many people the selection names. */
export async function countPeople(db: Db, s: RosterSelection): Promise<number> {
  const withWork = s.lastActiveSince !== undefined || s.lastActiveBefore !== undefined;
  const row = await filtered(db, s, withWork).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return num(row.n);
}

/** One page of the selection's people in its order (ties by id): the account and its status at `now`. */
export async function pagePeople(db: Db, s: RosterSelection, page: { offset: number; limit: number | null }) {
  const dir = s.order === 'desc' ? sql`desc` : sql`asc`;
  let q = filtered(db, s, needsWork(s))
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.contractStart',
      'u.contractEnd',
      statusAt(s.now).as('rosterStatus'),
    ])
    .orderBy(sql`${sortKey(s)} ${dir}`)
    .orderBy(sql`u.id ${dir}`);
  if (page.limit !== null) q = q.limit(page.limit).offset(page.offset);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    status: r.rosterStatus as RosterStatus,
    contractStart: numOrNull(r.contractStart),
    contractEnd: numOrNull(r.contractEnd),
  }));
}

/** The people's submitted work in scope, by user id (absent: none). */
export async function workOf(
  db: Db,
  scope: RosterScope,
  userIds: readonly number[],
): Promise<Map<number, { items: number; activeMs: number; lastAt: number | null }>> {
  const out = new Map<number, { items: number; activeMs: number; lastAt: number | null }>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await workTable(db, scope)
      .where('a.userId', 'in', userIds.slice(i, i + 1000))
      .execute();
    for (const r of rows)
      out.set(r.userId, { items: num(r.items), activeMs: num(r.leadMs), lastAt: numOrNull(r.lastAt) });
  }
  return out;
}

/** The people's scored gold answers in scope (gold_scores, migration 0020): their sum and count, by user id. */
export async function goldOf(
  db: Db,
  scope: RosterScope,
  userIds: readonly number[],
): Promise<Map<number, { sum: number; n: number }>> {
  const out = new Map<number, { sum: number; n: number }>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db
      .selectFrom('goldScores as g')
      .select(['g.userId', sql<number>`sum(g.score)`.as('sum'), sql<number>`count(g.score)`.as('n')])
      .where('g.score', 'is not', null)
      .where('g.userId', 'in', userIds.slice(i, i + 1000))
      .where(projectCondition(db, scope, 'g.project_id') as RawBuilder<boolean>)
      .groupBy('g.userId')
      .execute();
    for (const r of rows) out.set(r.userId, { sum: num(r.sum), n: num(r.n) });
  }
  return out;
}

/** The skills each person holds, with source, granter and date, by user id then skill name. */
export async function skillRowsOf(db: Db, userIds: readonly number[]) {
  const out = new Map<
    number,
    { skill: string; level: number; source: string; grantedBy: string | null; grantedAt: number }[]
  >();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db
      .selectFrom('userSkills as s')
      .leftJoin('users as g', 'g.id', 's.grantedBy')
      .select(['s.userId', 's.skill', 's.level', 's.source', 's.grantedAt', 'g.email', 'g.name'])
      .where('s.userId', 'in', userIds.slice(i, i + 1000))
      .orderBy('s.userId')
      .orderBy('s.skill')
      .execute();
    for (const r of rows) {
      const list = out.get(r.userId) ?? [];
      list.push({
        skill: r.skill,
        level: r.level,
        source: r.source,
        grantedBy: r.email ?? r.name ?? null,
        grantedAt: num(r.grantedAt),
      });
      out.set(r.userId, list);
    }
  }
  return out;
}

/** Whether the user manages any project (a member there as manager or admin). */
export async function managesAnyProject(db: Db, userId: number): Promise<boolean> {
  return (await projectsManagedBy(db, userId).limit(1).executeTakeFirst()) !== undefined;
}
