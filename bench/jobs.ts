import { findJob } from '../server/jobs/jobs.repository.ts';
import { startJobTestServer } from '../server/testing/job-test-server.ts';
import { sendJson } from './client.ts';
import type { StoreRun } from './context.ts';
import { progress } from './report.ts';

/**
 * The job system's speed (docs/jobs.md): one job of `jobSteps` steps of the test kind, each a
 * loopback HTTP call to a server in this process answering at once, run by the server children's
 * runners (concurrency 32 each) and timed from enqueue to the job's end: `steps_per_s`. SQLite:
 * one process. PostgreSQL: one process (the other's runner stopped), then both.
 */
export async function runJobs(run: StoreRun): Promise<void> {
  const remote = await startJobTestServer();
  try {
    const second = run.servers[1];
    if (run.kind === 'postgres' && second) {
      await setRunner(second.url, false);
      run.report.add(
        `jobs.${run.kind}.one_process_steps_per_s`,
        await timeJob(run, remote.url, 'one'),
        'steps/s',
      );
      await setRunner(second.url, true);
    }
    const label = run.servers.length > 1 ? `${run.servers.length} processes` : 'one process';
    progress(`${run.kind}: jobs on ${label}`);
    const cpuBefore = await serversCpu(run);
    run.report.add(`jobs.${run.kind}.steps_per_s`, await timeJob(run, remote.url, 'all'), 'steps/s');
    // The servers' CPU time per step (all processes): what a step costs besides waiting.
    const cpu = (await serversCpu(run)) - cpuBefore;
    run.report.add(`jobs.${run.kind}.server_cpu_per_step`, cpu / run.options.jobSteps, 'us/step');
    if (remote.totalRequests() === 0) throw new Error('the jobs part made no request');
  } finally {
    await remote.close();
  }
}

async function serversCpu(run: StoreRun): Promise<number> {
  let total = 0;
  for (const server of run.servers) total += (await server.stats()).cpuMicros;
  return total;
}

/** Stops or starts a bench server's job runner. */
export const setRunner = (url: string, run: boolean) =>
  sendJson({ method: 'POST', url: `${url}/__bench/jobs/runner`, json: { run } }, 200);

async function timeJob(run: StoreRun, endpoint: string, name: string): Promise<number> {
  const steps = run.options.jobSteps;
  const started = performance.now();
  const { jobId } = await sendJson<{ jobId: number }>(
    {
      method: 'POST',
      url: `${run.servers[0]!.url}/__bench/jobs`,
      json: { url: endpoint, steps, prefix: name },
    },
    200,
  );
  for (;;) {
    const job = await findJob(run.store.db, jobId);
    if (job && job.status !== 'queued' && job.status !== 'running') {
      if (job.status !== 'succeeded' || job.doneSteps !== steps)
        throw new Error(`bench job ${jobId} ended ${job.status} with ${job.doneSteps} of ${steps} steps`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  progress(`${run.kind}: ${steps} job steps in ${seconds.toFixed(2)} s`);
  return steps / seconds;
}
