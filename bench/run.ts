/**
 * `npm run bench`: import, next-item and export figures on SQLite and PostgreSQL, each with the
 * floor under it measured in the same run and the ratio to it (bench/floor-*.ts, the targets in
 * bench/targets.ts), then browser figures in headless Chromium, one line each
 * (`bench <name> <value> <unit>`) on stdout, a verdict comment after each ratio; progress on
 * stderr. See docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM } from '../e2e/chromium.ts';
import type { StoreKind } from '../server/db/store.ts';
import { runAdaptive } from './adaptive.ts';
import { runBrowserBench } from './browser.ts';
import { runConsensus } from './consensus.ts';
import type { StoreRun } from './context.ts';
import { runDashboards } from './dashboards.ts';
import { writeItemsFile } from './datagen.ts';
import { runExport } from './export.ts';
import { runPreferenceExport } from './export-preference.ts';
import { runImportFloor } from './floor-import.ts';
import { runGeneration } from './generation.ts';
import { runImport } from './import.ts';
import { runJobs } from './jobs.ts';
import { runMetrics } from './metrics.ts';
import { runNext } from './next.ts';
import { runNextRouted } from './next-routed.ts';
import { runOffboard } from './offboard.ts';
import { type BenchOptions, parseOptions } from './options.ts';
import { runPeaksBench } from './peaks.ts';
import { progress, Report } from './report.ts';
import { runRoster } from './roster.ts';
import { runSearch } from './search.ts';
import { type ServerChild, startServer } from './servers.ts';
import { createProject } from './setup.ts';
import { runSoak } from './soak.ts';
import { runStats } from './stats.ts';
import { type BenchStore, preparePostgres, prepareSqlite, refreshStatistics } from './stores.ts';

/** Undo steps of whatever is running, newest first; also run on Ctrl-C. */
const undo: (() => Promise<void>)[] = [];
async function unwind(): Promise<void> {
  for (let step = undo.pop(); step; step = undo.pop()) {
    await step().catch((err: unknown) => progress(`cleanup failed: ${(err as Error).message}`));
  }
}
process.once('SIGINT', () => {
  void unwind().then(() => process.exit(130));
});

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const report = new Report();
  if (options.only.some((part) => part !== 'browser' && part !== 'peaks')) await benchStores(options, report);
  if (options.only.includes('browser')) await benchBrowser(options, report);
  if (options.only.includes('peaks')) {
    progress('peaks: a long recording on an in-process server on SQLite');
    await runPeaksBench({ smoke: options.smoke, report });
  }
  process.stderr.write(`\n${report.markdownTable()}\n`);
}

async function benchStores(options: BenchOptions, report: Report): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-'));
  undo.push(async () => fs.rmSync(scratch, { recursive: true, force: true }));
  const itemsFile = path.join(scratch, 'items.jsonl');
  progress(`generating ${options.size} items`);
  const { bytes } = await writeItemsFile(itemsFile, options.size);
  progress(`${(bytes / 1e6).toFixed(1)} MB, ${Math.round(bytes / options.size)} B per item`);
  for (const kind of options.stores) await benchStore(kind, options, report, itemsFile);
  await unwind();
}

/** Once per run, on the embedded SQLite store of an in-process server (bench/browser.ts). */
async function benchBrowser(options: BenchOptions, report: Report): Promise<void> {
  if (!options.stores.includes('sqlite')) {
    report.note('skip browser: it runs on SQLite, which --stores leaves out');
    return;
  }
  if (!fs.existsSync(CHROMIUM)) {
    report.note(`skip browser: no Chromium at ${CHROMIUM}`);
    return;
  }
  progress('browser: headless Chromium against an in-process server on SQLite');
  await runBrowserBench({
    smoke: options.smoke,
    print: (name, value, unit) => report.add(name, value, unit),
  });
}

async function benchStore(
  kind: StoreKind,
  options: BenchOptions,
  report: Report,
  itemsFile: string,
): Promise<void> {
  const prepared = kind === 'sqlite' ? prepareSqlite() : await preparePostgres(options.pgUrl);
  if ('unreachable' in prepared) {
    report.note(
      `skip postgres: PostgreSQL unreachable at ${redact(options.pgUrl)} (${prepared.unreachable})`,
    );
    return;
  }
  const depth = undo.length;
  undo.push(() => prepared.cleanup());
  try {
    const launch = serverLauncher(prepared, options);
    const servers: ServerChild[] = [];
    // SQLite: one server process. PostgreSQL: two on the same database when next or jobs is measured.
    const count =
      kind === 'postgres' && (options.only.includes('next') || options.only.includes('jobs')) ? 2 : 1;
    // One after the other: the first migrates the fresh store.
    for (let k = 0; k < count; k++) servers.push(await launch());
    const store = await prepared.open();
    undo.push(() => store.close());
    const [admin] = await servers[0]!.createUsers('admin', 1, 'admin');
    const run: StoreRun = {
      kind,
      options,
      report,
      servers,
      admin: admin!,
      projectId: await createProject(servers[0]!, admin!),
      store,
      async restartFirstServer() {
        await servers[0]!.stop();
        servers[0] = await launch();
        return servers[0];
      },
    };
    const importRate = await runImport(run, itemsFile, options.only.includes('import'));
    if (options.only.includes('import')) await runImportFloor(run, itemsFile, importRate);
    await refreshStatistics(store);
    if (options.only.includes('next')) await runNextRouted(run, itemsFile, await runNext(run));
    if (options.only.includes('soak')) await runSoak(run);
    if (options.only.includes('export')) {
      await runExport(run);
      await runPreferenceExport(run);
    }
    if (options.only.includes('stats')) await runStats(run);
    if (options.only.includes('metrics')) await runMetrics(run);
    if (options.only.includes('dashboards')) await runDashboards(run);
    if (options.only.includes('search')) await runSearch(run);
    if (options.only.includes('jobs')) await runJobs(run);
    if (options.only.includes('generation')) await runGeneration(run, prepared.env);
    // The figures do not depend on the store: measured on the run's first store only.
    if (options.only.includes('consensus') && kind === options.stores[0]) await runConsensus(run);
    if (options.only.includes('adaptive') && kind === options.stores[0]) await runAdaptive(run);
    if (options.only.includes('offboard')) await runOffboard(run);
    if (options.only.includes('roster')) await runRoster(run);
  } finally {
    while (undo.length > depth)
      await undo.pop()!().catch((err: unknown) => progress(`cleanup failed: ${err}`));
  }
}

/** Starts server children for one store; each is stopped by the store's cleanup at the latest. */
function serverLauncher(prepared: BenchStore, options: BenchOptions): () => Promise<ServerChild> {
  const dir = options.profileDir ? path.resolve(options.profileDir) : undefined;
  const nodeArgs = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
  const env = dir ? { ...prepared.env, BENCH_PROFILE_DIR: dir } : prepared.env;
  if (dir) fs.mkdirSync(dir, { recursive: true });
  return async () => {
    const server = await startServer(env, nodeArgs);
    undo.push(() => server.stop());
    return server;
  };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

main().catch(async (err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  await unwind();
  process.exit(1);
});
