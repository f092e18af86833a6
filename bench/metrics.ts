import { type RawBuilder, sql } from 'kysely';
import { send, sendJson } from './client.ts';
import type { StoreRun } from './context.ts';
import { progress } from './report.ts';
import { refreshStatistics } from './stores.ts';

const CALLS = 3;
/** Two annotators per item, two questions each: four answers per item. */
const ANSWERS_PER_ITEM = 4;

const topic = (id: string, pattern: string) =>
  `case ${pattern} when 0 then 'algebra' when 1 then 'geometry' else 'other' end`.replaceAll('ID', id);

/**
 * A project of size/4 items with a choice and a rating question, each item answered by two
 * annotators who agree on part of it, written straight into the store; `submittedAt` is the SQL
 * of each annotation's submission time (over `a`, the assignment row). The metrics and dashboards
 * parts time their reports over it.
 */
export async function seedAnswers(
  run: StoreRun,
  name: string,
  submittedAt: RawBuilder<unknown> = sql`cast(${Date.now()} as bigint)`,
): Promise<{ projectId: number; items: number }> {
  const server = run.servers[0]!;
  const items = Math.max(1, Math.floor(run.options.size / ANSWERS_PER_ITEM));
  const iface = {
    fields: [
      { name: 'text', type: 'text' },
      { name: 'source', type: 'text' },
    ],
    questions: [
      { name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'other'] },
      { name: 'difficulty', type: 'rating', min: 1, max: 5 },
    ],
  };
  const project = await sendJson<{ id: number }>(
    {
      method: 'POST',
      url: `${server.url}/api/projects`,
      token: run.admin.token,
      json: { name: `bench ${name}`, interface: iface, overlap: 2 },
    },
    201,
  );
  const users = await server.createUsers('annotator', 2, name);
  const db = run.store.db;
  const at = sql`cast(${Date.now()} as bigint)`;
  await sql`insert into items (project_id, external_id, data, meta, priority, rand, slots_left, submitted_count, created_at)
    select ${project.id}, null, data, meta, priority, rand, 0, 2, created_at from items
    where project_id = ${run.projectId} order by id limit ${items}`.execute(db);
  // Annotator 1 and 2 agree on some items and not on others, in a fixed pattern.
  const answers = [
    sql.raw(
      `'{"topic":"' || ${topic('a.item_id', 'ID % 3')} || '","difficulty":' || cast(a.item_id % 5 + 1 as text) || '}'`,
    ),
    sql.raw(
      `'{"topic":"' || ${topic('a.item_id', 'ID % 7 % 3')} || '","difficulty":' || cast(a.item_id % 7 % 5 + 1 as text) || '}'`,
    ),
  ];
  for (const [k, user] of users.entries()) {
    const id = sql`cast(${user.id} as bigint)`;
    await sql`insert into assignments (project_id, item_id, user_id, status, created_at, updated_at)
      select project_id, id, ${id}, 'submitted', ${at}, ${at} from items where project_id = ${project.id}`.execute(
      db,
    );
    await sql`insert into annotations (assignment_id, item_id, project_id, user_id, status, answers, lead_time_ms,
        revision, created_at, updated_at, submitted_at)
      select a.id, a.item_id, a.project_id, a.user_id, 'submitted', ${answers[k]}, 12000, 1, ${at}, ${at}, ${submittedAt}
      from assignments a where a.project_id = ${project.id} and a.user_id = ${id}`.execute(db);
  }
  return { projectId: project.id, items };
}

/**
 * Times GET /api/projects/:id/metrics, the agreement report, over `size` answers (1,000,000 by
 * default, seedAnswers). Every call reads all of them (the report keeps no cache): the median of
 * CALLS calls.
 */
export async function runMetrics(run: StoreRun): Promise<void> {
  const server = run.servers[0]!;
  const { projectId, items } = await seedAnswers(run, 'metrics');
  await refreshStatistics(run.store);
  const url = `${server.url}/api/projects/${projectId}/metrics`;
  const times: number[] = [];
  let counted = 0;
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    const res = await send({ method: 'GET', url, token: run.admin.token });
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`metrics failed: ${res.status} ${res.text.slice(0, 200)}`);
    const body = JSON.parse(res.text) as { questions: Record<string, { n: number }> };
    counted = Object.values(body.questions).reduce((sum, q) => sum + q.n, 0);
  }
  if (counted !== items * ANSWERS_PER_ITEM)
    throw new Error(`metrics counted ${counted} answers, not ${items * ANSWERS_PER_ITEM}`);
  progress(`${run.kind}: agreement over ${counted} answers`);
  times.sort((a, b) => a - b);
  run.report.add(`metrics.${run.kind}.answers`, counted, 'count');
  run.report.add(`metrics.${run.kind}.ms`, times[Math.floor(CALLS / 2)]!, 'ms');
}
