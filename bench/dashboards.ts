import { sql } from 'kysely';
import { send } from './client.ts';
import type { StoreRun } from './context.ts';
import { seedAnswers } from './metrics.ts';
import { progress } from './report.ts';
import { refreshStatistics } from './stores.ts';

const CALLS = 3;
const DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * Times GET /api/projects/:id/dashboards over `size` answers (1,000,000 by default): the metrics
 * part's project (bench/metrics.ts), its submissions spread over DAYS UTC days by item, and one
 * annotation in ten reviewed (accepted, rejected or fixed in turn). Every call computes every
 * chart from the store (nothing is cached): the median of CALLS calls.
 */
export async function runDashboards(run: StoreRun): Promise<void> {
  const server = run.servers[0]!;
  const start = Date.UTC(2026, 0, 1);
  const { projectId, items } = await seedAnswers(
    run,
    'dashboards',
    sql`cast(${start} + (a.item_id % ${DAYS}) * ${DAY_MS} as bigint)`,
  );
  const db = run.store.db;
  const reviewed = sql`from annotations n where n.project_id = ${projectId} and n.id % 10 = 0`;
  await sql`insert into reviews (annotation_id, project_id, item_id, annotator_id, status, entered_at, updated_at)
    select n.id, n.project_id, n.item_id, n.user_id,
      case n.id % 3 when 0 then 'accepted' when 1 then 'rejected' else 'fixed' end, n.submitted_at, n.submitted_at
    ${reviewed}`.execute(db);
  await sql`insert into review_events (annotation_id, project_id, reviewer_id, outcome, revision, created_at)
    select n.id, n.project_id, (select min(id) from users),
      case n.id % 3 when 0 then 'accepted' when 1 then 'rejected' else 'fixed' end, 1, n.submitted_at + 3600000
    ${reviewed}`.execute(db);
  await refreshStatistics(run.store);
  const url = `${server.url}/api/projects/${projectId}/dashboards`;
  const times: number[] = [];
  let submitted = 0;
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    const res = await send({ method: 'GET', url, token: run.admin.token });
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`dashboards failed: ${res.status} ${res.text.slice(0, 200)}`);
    const body = JSON.parse(res.text) as {
      burndown: { days: { submitted: number }[] };
      agreement: { points: unknown[] }[];
    };
    submitted = body.burndown.days.at(-1)?.submitted ?? 0;
    if (body.agreement[0]?.points.length !== Math.min(DAYS, items))
      throw new Error(`dashboards: ${body.agreement[0]?.points.length} days of agreement, not ${DAYS}`);
  }
  if (submitted !== items * 2)
    throw new Error(`dashboards counted ${submitted} submissions, not ${items * 2}`);
  // Two questions per submission.
  const answers = submitted * 2;
  progress(`${run.kind}: dashboards over ${answers} answers`);
  times.sort((a, b) => a - b);
  run.report.add(`dashboards.${run.kind}.answers`, answers, 'count');
  run.report.add(`dashboards.${run.kind}.ms`, times[Math.floor(CALLS / 2)]!, 'ms');
}
