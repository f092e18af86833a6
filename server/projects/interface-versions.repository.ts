import { type RawBuilder, sql } from 'kysely';
import type { AffectedTest } from '../../core/interface/index.ts';
import type { StoreKind } from '../db/store.ts';
import type { Db } from '../db/transaction.ts';

export interface InterfaceVersionRow {
  projectId: number;
  version: number;
  interface: string;
  createdBy: number;
  createdAt: number;
}

export async function insertInterfaceVersion(db: Db, row: InterfaceVersionRow): Promise<void> {
  await db.insertInto('interfaceVersions').values(row).execute();
}

/** Makes `version` the project's current interface. */
export async function setCurrentInterface(
  db: Db,
  p: { projectId: number; version: number; interface: string; now: number },
): Promise<void> {
  await db
    .updateTable('projects')
    .set({ interface: p.interface, interfaceVersion: p.version, updatedAt: p.now })
    .where('id', '=', p.projectId)
    .execute();
}

export type AffectedQuery = AffectedTest & { question: string };

/**
 * How many of a project's annotations (drafts included) each test matches, and how many match
 * any of them: one pass over the project's annotations, in SQL on both stores (JSON functions on
 * SQLite, jsonb on PostgreSQL). Question names are identifiers, so `$.name` paths are safe.
 */
export async function countAffectedAnswers(
  db: Db,
  kind: StoreKind,
  projectId: number,
  tests: readonly AffectedQuery[],
): Promise<{ total: number; each: number[] }> {
  if (tests.length === 0) return { total: 0, each: [] };
  const conditions = tests.map((t) => (kind === 'postgres' ? postgresTest(t) : sqliteTest(t)));
  const sums = conditions.map(
    (c, i) => sql`coalesce(sum(case when ${c} then 1 else 0 end), 0) as ${sql.ref(`c${i}`)}`,
  );
  const any = sql.join(
    conditions.map((c) => sql`(${c})`),
    sql` or `,
  );
  const from =
    kind === 'postgres'
      ? sql`(select answers::jsonb as a, status from annotations where project_id = ${projectId} offset 0) n`
      : sql`(select answers, status from annotations where project_id = ${projectId}) n`;
  const result = await sql<Record<string, number | string>>`
    select ${sql.join(sums)}, coalesce(sum(case when ${any} then 1 else 0 end), 0) as total from ${from}`.execute(
    db,
  );
  const row = result.rows[0] ?? {};
  return { total: Number(row.total ?? 0), each: tests.map((_, i) => Number(row[`c${i}`] ?? 0)) };
}

function sqliteTest(t: AffectedQuery): RawBuilder<unknown> {
  const path = `$.${t.question}`;
  const type = sql`json_type(n.answers, ${path})`;
  const value = sql`json_extract(n.answers, ${path})`;
  const each = (alias: string) => sql`json_each(n.answers, ${path}) ${sql.raw(alias)}`;
  switch (t.test) {
    case 'answered':
      return sql`coalesce(${type}, 'null') <> 'null'`;
    case 'is':
      return sql`(${type} = 'text' and ${value} = ${t.value})`;
    case 'includes':
      return sql`(${type} = 'array' and exists (select 1 from ${each('e')} where e.type = 'text' and e.value = ${t.value}))`;
    case 'hasLabel':
      return sql`(${type} = 'array' and exists (select 1 from ${each('e')} where case when e.type = 'object' then json_extract(e.value, '$.label') = ${t.value} else 0 end))`;
    case 'below':
      return sql`(${type} in ('integer', 'real') and ${value} < ${t.limit})`;
    case 'above':
      return sql`(${type} in ('integer', 'real') and ${value} > ${t.limit})`;
    case 'fractional':
      return sql`(${type} = 'real' and ${value} <> cast(${value} as integer))`;
    case 'longerThan':
      return sql`(${type} = 'text' and length(${value}) > ${t.limit})`;
    case 'moreThan':
      return sql`(${type} = 'array' and json_array_length(n.answers, ${path}) > ${t.limit})`;
    case 'fewerThan':
      return sql`(n.status = 'submitted' and ${type} = 'array' and json_array_length(n.answers, ${path}) < ${t.limit})`;
    case 'unanswered':
      return sql`(n.status = 'submitted' and (coalesce(${type}, 'null') = 'null' or (${type} = 'text' and trim(${value}) = '')))`;
    case 'overlapping':
      return sql`(${type} = 'array' and exists (select 1 from ${each('x')}, ${each('y')} where x.key < y.key
        and json_extract(x.value, '$.start') < json_extract(y.value, '$.end')
        and json_extract(y.value, '$.start') < json_extract(x.value, '$.end')))`;
  }
}

function postgresTest(t: AffectedQuery): RawBuilder<unknown> {
  const v = sql`(n.a -> ${t.question})`;
  const type = sql`jsonb_typeof(${v})`;
  const text = sql`(n.a ->> ${t.question})`;
  const when = (jsonType: string, test: RawBuilder<unknown>) =>
    sql`case when ${type} = ${jsonType} then ${test} else false end`;
  const num = sql`${text}::numeric`;
  switch (t.test) {
    case 'answered':
      return sql`coalesce(${type}, 'null') <> 'null'`;
    case 'is':
      return sql`${v} = ${JSON.stringify(t.value)}::jsonb`;
    case 'includes':
      return when('array', sql`${v} @> ${JSON.stringify([t.value])}::jsonb`);
    case 'hasLabel':
      return when('array', sql`${v} @> ${JSON.stringify([{ label: t.value }])}::jsonb`);
    case 'below':
      return when('number', sql`${num} < ${t.limit}`);
    case 'above':
      return when('number', sql`${num} > ${t.limit}`);
    case 'fractional':
      return when('number', sql`${num} <> trunc(${num})`);
    case 'longerThan':
      return when('string', sql`char_length(${text}) > ${t.limit}`);
    case 'moreThan':
      return when('array', sql`jsonb_array_length(${v}) > ${t.limit}`);
    case 'fewerThan':
      return sql`(n.status = 'submitted' and ${when('array', sql`jsonb_array_length(${v}) < ${t.limit}`)})`;
    case 'unanswered':
      return sql`(n.status = 'submitted' and (coalesce(${type}, 'null') = 'null' or ${when('string', sql`btrim(${text}) = ''`)}))`;
    case 'overlapping':
      return when(
        'array',
        sql`exists (select 1 from jsonb_array_elements(${v}) with ordinality x(s, i),
          jsonb_array_elements(${v}) with ordinality y(s, i) where x.i < y.i
          and (x.s ->> 'start')::numeric < (y.s ->> 'end')::numeric
          and (y.s ->> 'start')::numeric < (x.s ->> 'end')::numeric)`,
      );
  }
}
