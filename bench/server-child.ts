/**
 * A Verity server for the bench, in its own process: configured from the environment, listening
 * on 127.0.0.1 and a free port (printed as one JSON line on stdout), with bench-only routes that
 * the product never serves: the process's peak memory and CPU time, a reset of the peaks, users
 * with tokens, a job of the test kind, and stopping or starting the process's job runner.
 */
import type { Role } from '../core/api/users.ts';
import { createToken } from '../server/auth/auth.service.ts';
import { JobSystem } from '../server/jobs/queue.ts';
import { createVerity } from '../server/server.ts';
import { TEST_JOB_KIND, testJobKinds } from '../server/testing/job-test-kind.ts';
import { insertUser } from '../server/users/users.repository.ts';
import { PeakMemory } from './rss.ts';
import { profileSql } from './sql-profile.ts';

export interface ChildReady {
  port: number;
  pid: number;
}

/** What GET /__bench/stats answers. */
export interface ChildStats {
  peakRssBytes: number;
  peakHeapBytes: number;
  /** User plus system CPU time of the process since it started. */
  cpuMicros: number;
}

export interface BenchUser {
  id: number;
  email: string;
  token: string;
}

const env = (name: string): string | undefined => process.env[name] || undefined;
const dataDir = env('BENCH_DATA_DIR');
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');

const memory = new PeakMemory(50);
const verity = await createVerity({
  dataDir,
  databaseUrl: env('BENCH_DATABASE_URL'),
  pgSchema: env('BENCH_PG_SCHEMA'),
  secret: env('BENCH_SECRET'),
  logger: false,
  // As `verity start` does, with the test job kind for the jobs part (bench/jobs.ts).
  startImportWorker: true,
  runJobs: true,
  jobKinds: testJobKinds,
});
const profileDir = env('BENCH_PROFILE_DIR');
if (profileDir) profileSql(verity.store, `${profileDir}/sql-${verity.store.kind}-${process.pid}.json`);

verity.app.get('/__bench/stats', async (): Promise<ChildStats> => {
  const cpu = process.cpuUsage();
  return {
    peakRssBytes: memory.peakRssBytes(),
    peakHeapBytes: memory.peakHeapBytes(),
    cpuMicros: cpu.user + cpu.system,
  };
});
verity.app.post('/__bench/stats/reset', async () => {
  memory.reset();
  return { ok: true };
});
verity.app.post('/__bench/users', async (req) => {
  const { role, count, prefix } = req.body as { role: Role; count: number; prefix: string };
  const users: BenchUser[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${prefix}${i}@bench.invalid`;
    const row = await insertUser(verity.store.db, {
      email,
      name: `${prefix} ${i}`,
      role,
      passwordHash: null,
    });
    const token = await createToken(verity.ctx, row.id, 'bench');
    users.push({ id: row.id, email, token: token.token });
  }
  return { users };
});

verity.app.post('/__bench/jobs', async (req) => {
  const { url, steps, prefix } = req.body as { url: string; steps: number; prefix: string };
  const keys = Array.from({ length: steps }, (_, i) => `${prefix}-${i}`);
  const jobId = await verity.ctx.jobs.enqueue({
    kind: TEST_JOB_KIND,
    projectId: null,
    params: { url, keys },
    createdBy: null,
  });
  return { jobId };
});
verity.app.post('/__bench/jobs/runner', async (req) => {
  const { run } = req.body as { run: boolean };
  const jobs = verity.ctx.jobs;
  if (!(jobs instanceof JobSystem)) throw new Error('no job system');
  if (run) jobs.startRunner({}, () => undefined);
  else await jobs.stopRunner();
  return { ok: true };
});

await verity.app.listen({ host: '127.0.0.1', port: 0 });
const address = verity.app.server.address();
if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
const ready: ChildReady = { port: address.port, pid: process.pid };
process.stdout.write(`${JSON.stringify(ready)}\n`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  memory.stop();
  await verity.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
