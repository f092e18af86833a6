import fs from 'node:fs';
import { type Annotator, newTally, workPaced } from './annotator.ts';
import type { StoreRun } from './context.ts';
import { percentile, progress, toMb } from './report.ts';
import { addAnnotators } from './setup.ts';

/** How often the size of the WAL is read during the storm. */
const SAMPLE_MS = 100;

/**
 * The soak part (SQLite): a storm of annotators working with no think time for `--soak-seconds`,
 * while the WAL file's size is read every 100 ms. Its peak says whether checkpoints keep the log
 * bounded under sustained writes; `next` p99 during the storm says what that costs. PostgreSQL
 * manages its own WAL (max_wal_size), so it has no soak.
 */
export async function runSoak(run: StoreRun): Promise<void> {
  if (run.store.kind !== 'sqlite') {
    run.report.note(`skip soak.${run.kind}: PostgreSQL bounds its own WAL (max_wal_size)`);
    return;
  }
  const { soakAnnotators: count, soakSeconds } = run.options;
  const server = run.servers[0]!;
  const users = await server.createUsers('annotator', count, 'soak');
  await addAnnotators(server, run.admin, run.projectId, users);
  const wal = `${run.store.file}-wal`;
  const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
  let peak = sizeOf(wal);
  const sampler = setInterval(() => {
    peak = Math.max(peak, sizeOf(wal));
  }, SAMPLE_MS);

  progress(`${run.kind}: soak, ${count} annotators with no think time for ${soakSeconds} s`);
  const tally = newTally();
  const started = performance.now();
  const deadline = started + soakSeconds * 1000;
  const crowd = users.map((user): Annotator => ({ server, user, projectId: run.projectId }));
  try {
    await Promise.all(crowd.map((a, k) => workPaced(a, `soak${k}`, () => 0, deadline, tally)));
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, sizeOf(wal));
  const sorted = [...tally.next].sort((x, y) => x - y);
  const name = `soak.${run.kind}`;
  run.report.add(`${name}.wal_peak`, toMb(peak), 'MB');
  run.report.add(`${name}.wal_end`, toMb(sizeOf(wal)), 'MB');
  run.report.add(`${name}.db_size`, toMb(sizeOf(run.store.file)), 'MB');
  run.report.add(`${name}.rounds_per_s`, tally.rounds / seconds, 'rounds/s');
  run.report.add(`${name}.next_p50`, percentile(sorted, 50), 'ms');
  run.report.add(`${name}.next_p99`, percentile(sorted, 99), 'ms');
  run.report.add(`${name}.errors`, tally.errors, 'count');
}
