import { sql } from 'kysely';
import { send } from './client.ts';
import type { StoreRun } from './context.ts';
import { percentile, progress } from './report.ts';
import type { BenchUser } from './server-child.ts';
import type { ServerChild } from './servers.ts';
import { addAnnotators, OVERLAP } from './setup.ts';

const ANSWERS = { topic: 'algebra', difficulty: 3, comment: 'bench' };

interface Tally {
  /** Milliseconds of each measured `next`, in completion order. */
  latencies: number[];
  rounds: number;
  errors: number;
}

/**
 * Many annotators at once, each looping next → submit over keep-alive connections with no think
 * time; one warm-up round each is not measured. Before them, one annotator alone gives the
 * latency of an unloaded server. Afterwards the store itself is asked whether any item was handed
 * out beyond its overlap, or twice to one annotator.
 */
export async function runNext(run: StoreRun): Promise<void> {
  const { annotators: count, rounds, soloRounds } = run.options;
  const users = await run.servers[0]!.createUsers('annotator', count + 1, 'annotator');
  await addAnnotators(run.servers[0]!, run.admin, run.projectId, users);
  const [solo, ...crowd] = users as [BenchUser, ...BenchUser[]];

  progress(`${run.kind}: one annotator alone, 1 warm-up + ${soloRounds} rounds`);
  const soloWarmUp = newTally();
  const alone = newTally();
  await annotate(run.servers[0]!, solo, run.projectId, 'w', 1, soloWarmUp);
  await annotate(run.servers[0]!, solo, run.projectId, 'm', soloRounds, alone);

  progress(
    `${run.kind}: ${count} annotators on ${run.servers.length} server(s), 1 warm-up + ${rounds} rounds each`,
  );
  const serverOf = (k: number) => run.servers[k % run.servers.length]!;
  const warmUp = newTally();
  await Promise.all(crowd.map((u, k) => annotate(serverOf(k), u, run.projectId, 'w', 1, warmUp)));
  const tally = newTally();
  const cpuBefore = await serverCpu(run);
  const started = performance.now();
  await Promise.all(crowd.map((u, k) => annotate(serverOf(k), u, run.projectId, 'm', rounds, tally)));
  const seconds = (performance.now() - started) / 1000;
  const cpuMicros = (await serverCpu(run)) - cpuBefore;

  const soloSorted = [...alone.latencies].sort((a, b) => a - b);
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  run.report.add(`next.${run.kind}.p50`, percentile(sorted, 50), 'ms');
  run.report.add(`next.${run.kind}.p99`, percentile(sorted, 99), 'ms');
  run.report.add(`next.${run.kind}.throughput`, tally.rounds / seconds, 'rounds/s');
  run.report.add(`next.${run.kind}.server_cpu`, cpuMicros / 1000 / tally.rounds, 'ms/round');
  run.report.add(`next.${run.kind}.solo_p50`, percentile(soloSorted, 50), 'ms');
  run.report.add(`next.${run.kind}.solo_p99`, percentile(soloSorted, 99), 'ms');
  run.report.add(
    `next.${run.kind}.errors`,
    soloWarmUp.errors + alone.errors + warmUp.errors + tally.errors,
    'count',
  );
  run.report.add(`next.${run.kind}.double_assignments`, await doubleAssignments(run), 'count');
}

const newTally = (): Tally => ({ latencies: [], rounds: 0, errors: 0 });

/** CPU time of all server processes (not PostgreSQL's own), in microseconds. */
async function serverCpu(run: StoreRun): Promise<number> {
  const stats = await Promise.all(run.servers.map((s) => s.stats()));
  return stats.reduce((sum, s) => sum + s.cpuMicros, 0);
}

async function annotate(
  server: ServerChild,
  user: BenchUser,
  projectId: number,
  phase: string,
  rounds: number,
  tally: Tally,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const next = await send({
      method: 'POST',
      url: `${server.url}/api/projects/${projectId}/assignments/next`,
      token: user.token,
    });
    tally.latencies.push(performance.now() - started);
    if (next.status === 204) return;
    if (next.status !== 200) {
      tally.errors += 1;
      continue;
    }
    const work = JSON.parse(next.text) as { assignment: { id: number } };
    const submitted = await send({
      method: 'POST',
      url: `${server.url}/api/assignments/${work.assignment.id}/submit`,
      token: user.token,
      json: { answers: ANSWERS, activeMs: 1000, idempotencyKey: `bench-${user.id}-${phase}-${round}` },
    });
    if (submitted.status !== 200) tally.errors += 1;
    else tally.rounds += 1;
  }
}

/**
 * Items holding more live claims (locks and submissions) than the overlap, plus (item, user)
 * pairs assigned or annotated more than once. Anything but 0 is a bug in the claim path.
 */
async function doubleAssignments(run: StoreRun): Promise<number> {
  const db = run.store.db;
  const over = await sql<{ n: number }>`select count(*) as n from (
      select item_id from assignments where project_id = ${run.projectId} and status in ('locked', 'submitted')
      group by item_id having count(*) > ${OVERLAP}) t`.execute(db);
  const twiceAssigned = await sql<{ n: number }>`select count(*) as n from (
      select item_id, user_id from assignments where project_id = ${run.projectId}
      group by item_id, user_id having count(*) > 1) t`.execute(db);
  const twiceAnnotated = await sql<{ n: number }>`select count(*) as n from (
      select item_id, user_id from annotations where project_id = ${run.projectId}
      group by item_id, user_id having count(*) > 1) t`.execute(db);
  return [over, twiceAssigned, twiceAnnotated].reduce((sum, r) => sum + Number(r.rows[0]?.n ?? 0), 0);
}
