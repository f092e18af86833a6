import { sql } from 'kysely';
import {
  type Annotator,
  exponentialThink,
  newTally,
  type Tally,
  workPaced,
  workRounds,
} from './annotator.ts';
import type { StoreRun } from './context.ts';
import { bareRequests } from './floor-next.ts';
import { percentile, progress, type Unit } from './report.ts';
import type { BenchUser } from './server-child.ts';
import { addAnnotators, OVERLAP } from './setup.ts';

/**
 * The next-item part, in four phases over keep-alive connections:
 * 1. one annotator alone, next → submit back to back: the latency of an unloaded server;
 * 2. one unmeasured warm-up round for each of the crowd;
 * 3. the crowd at work: each annotator loops next → think → submit → think for a fixed time, think
 *    times exponential with mean `--think-ms`. This is the load real annotators put on a server,
 *    and its latencies are what they feel;
 * 3b. the floor: the same crowd and think times again, every request a bare `GET /api/auth/me`
 *    (bench/floor-next.ts), whose p99 the paced `next` p99 is divided by;
 * 4. the crowd saturating the server: `--rounds` next → submit rounds each with no think time. Its
 *    latency is only queueing (clients / throughput), so just its rate and CPU cost are reported.
 * Afterwards the store itself is asked whether any item was handed out beyond its overlap, or
 * twice to one annotator.
 */
export async function runNext(run: StoreRun): Promise<Map<string, number>> {
  return measureNext(run, { projectId: run.projectId, name: 'next', prefix: 'annotator' });
}

/** What one measurement of the next-item part works on: a project, the figures' name, the users. */
export interface NextTarget {
  projectId: number;
  /** The figures' first part: `next`, or `next_routed` (bench/next-routed.ts). */
  name: string;
  /** The annotators' email prefix (unique per target). */
  prefix: string;
  /** Run on the annotators before the measured phases (the solo annotator first). */
  prepare?: (users: BenchUser[]) => Promise<void>;
}

export async function measureNext(run: StoreRun, target: NextTarget): Promise<Map<string, number>> {
  const { annotators: count, rounds, soloRounds, soloLateAfter, thinkMs, pacedSeconds } = run.options;
  const users = await run.servers[0]!.createUsers('annotator', count + 1, target.prefix);
  await addAnnotators(run.servers[0]!, run.admin, target.projectId, users);
  await target.prepare?.(users);
  const [solo, ...others] = users as [BenchUser, ...BenchUser[]];
  const annotator = (user: BenchUser, k: number): Annotator => ({
    server: run.servers[k % run.servers.length]!,
    user,
    projectId: target.projectId,
  });
  const crowd = others.map(annotator);
  const where = `${count} annotators on ${run.servers.length} server(s)`;

  progress(`${run.kind}: one annotator alone, 1 warm-up + ${soloRounds} rounds`);
  const soloWarmUp = newTally();
  const alone = newTally();
  await workRounds(annotator(solo, 0), 'w', 1, soloWarmUp);
  await workRounds(annotator(solo, 0), 'm', soloRounds, alone);
  // The same annotator, still alone, after many more submissions: with overlap 3 every item they
  // did stays open, so each next must pass over all of them. Its cost must not grow with them.
  progress(`${run.kind}: the same annotator, ${soloLateAfter} rounds later`);
  await workRounds(annotator(solo, 0), 'l', soloLateAfter, newTally());
  const aloneLate = newTally();
  await workRounds(annotator(solo, 0), 'n', soloRounds, aloneLate);

  progress(`${run.kind}: ${where}, 1 warm-up round each`);
  const warmUp = newTally();
  await Promise.all(crowd.map((a) => workRounds(a, 'w', 1, warmUp)));

  progress(`${run.kind}: ${where} for ${pacedSeconds} s, think time mean ${thinkMs} ms`);
  const paced = newTally();
  const pacedCpuBefore = await serverCpu(run);
  const deadline = performance.now() + pacedSeconds * 1000;
  await Promise.all(
    crowd.map((a, k) => workPaced(a, 'p', exponentialThink(thinkMs, k + 1), deadline, paced)),
  );
  const pacedCpu = (await serverCpu(run)) - pacedCpuBefore;
  progress(`${run.kind}: ${paced.rounds} rounds, ${(pacedCpu / 1000 / paced.rounds).toFixed(2)} ms CPU each`);

  const bare = await bareRequests(run, crowd);

  progress(`${run.kind}: ${where}, ${rounds} rounds each with no think time`);
  const saturated = newTally();
  const cpuBefore = await serverCpu(run);
  const started = performance.now();
  await Promise.all(crowd.map((a) => workRounds(a, 's', rounds, saturated)));
  const seconds = (performance.now() - started) / 1000;
  const cpuMicros = (await serverCpu(run)) - cpuBefore;

  const p = (values: number[], at: number) =>
    percentile(
      [...values].sort((x, y) => x - y),
      at,
    );
  const figures = new Map<string, number>();
  const add = (figure: string, value: number, unit: Unit) => {
    figures.set(figure, value);
    run.report.add(`${target.name}.${run.kind}.${figure}`, value, unit);
  };
  add('p50', p(paced.next, 50), 'ms');
  add('p99', p(paced.next, 99), 'ms');
  add('floor_p99_ms', p(bare, 99), 'ms');
  add('p99_ratio_to_floor', p(paced.next, 99) / p(bare, 99), 'ratio');
  const submitName = target.name === 'next' ? 'submit' : `submit_${target.name.slice(5)}`;
  run.report.add(`${submitName}.${run.kind}.p50`, p(paced.submit, 50), 'ms');
  run.report.add(`${submitName}.${run.kind}.p99`, p(paced.submit, 99), 'ms');
  add('rate', paced.next.length / pacedSeconds, 'req/s');
  add('saturated_rounds_per_s', saturated.rounds / seconds, 'rounds/s');
  add('server_cpu', cpuMicros / 1000 / saturated.rounds, 'ms/round');
  add('solo_p50', p(alone.next, 50), 'ms');
  add('solo_p99', p(alone.next, 99), 'ms');
  add('solo_late_p50', p(aloneLate.next, 50), 'ms');
  const tallies: Tally[] = [soloWarmUp, alone, aloneLate, warmUp, paced, saturated];
  add(
    'errors',
    tallies.reduce((sum, t) => sum + t.errors, 0),
    'count',
  );
  add('double_assignments', await doubleAssignments(run, target.projectId), 'count');
  return figures;
}

/** CPU time of all server processes (not PostgreSQL's own), in microseconds. */
async function serverCpu(run: StoreRun): Promise<number> {
  const stats = await Promise.all(run.servers.map((s) => s.stats()));
  return stats.reduce((sum, s) => sum + s.cpuMicros, 0);
}

/**
 * Items holding more live claims (locks and submissions) than the overlap, plus (item, user)
 * pairs assigned or annotated more than once. Anything but 0 is a bug in the claim path.
 */
async function doubleAssignments(run: StoreRun, projectId: number): Promise<number> {
  const db = run.store.db;
  const over = await sql<{ n: number }>`select count(*) as n from (
      select item_id from assignments where project_id = ${projectId} and status in ('locked', 'submitted')
      group by item_id having count(*) > ${OVERLAP}) t`.execute(db);
  const twiceAssigned = await sql<{ n: number }>`select count(*) as n from (
      select item_id, user_id from assignments where project_id = ${projectId}
      group by item_id, user_id having count(*) > 1) t`.execute(db);
  const twiceAnnotated = await sql<{ n: number }>`select count(*) as n from (
      select item_id, user_id from annotations where project_id = ${projectId}
      group by item_id, user_id having count(*) > 1) t`.execute(db);
  return [over, twiceAssigned, twiceAnnotated].reduce((sum, r) => sum + Number(r.rows[0]?.n ?? 0), 0);
}
