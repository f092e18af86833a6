import { send } from './client.ts';
import type { StoreRun } from './context.ts';
import { seedAnnotations } from './export.ts';
import { progress } from './report.ts';

const CALLS = 5;

/**
 * Times GET /api/projects/:id/stats (work per annotator, answer distributions, burndown) on the
 * project with a submitted annotation on every item (the export's setup, made here if the export
 * part did not run): the first call, which reads every answer (`cold_ms`), then the median of
 * CALLS more with nothing changed in between, which read the per-person numbers only (`ms`).
 */
export async function runStats(run: StoreRun): Promise<void> {
  if (!run.options.only.includes('export')) await seedAnnotations(run);
  const server = run.servers[0]!;
  const call = () =>
    send({ method: 'GET', url: `${server.url}/api/projects/${run.projectId}/stats`, token: run.admin.token });
  const coldStarted = performance.now();
  const first = await call();
  const coldMs = performance.now() - coldStarted;
  if (first.status !== 200) throw new Error(`stats failed: ${first.status} ${first.text.slice(0, 200)}`);
  const body = JSON.parse(first.text) as { annotators: { submitted: number }[] };
  const submitted = body.annotators.reduce((sum, a) => sum + a.submitted, 0);
  progress(`${run.kind}: statistics over ${submitted} submitted annotations`);
  run.report.add(`stats.${run.kind}.cold_ms`, coldMs, 'ms');
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    const res = await call();
    if (res.status !== 200) throw new Error(`stats failed: ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  run.report.add(`stats.${run.kind}.ms`, times[Math.floor(CALLS / 2)]!, 'ms');
}
