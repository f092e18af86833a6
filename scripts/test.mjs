#!/usr/bin/env node
// The one test command: type-check, lint, then the test tiers (vitest.config.ts): unit once,
// server on SQLite and on PostgreSQL, e2e once on SQLite. PostgreSQL is skipped with a notice when
// unreachable, except under CI where that is a failure. Prints a closing "N passed, N failed" line
// over all runs.
//
//   node scripts/test.mjs [--no-check] [--tier unit|server|e2e]... [vitest filters]
//
// --no-check leaves out type-check and lint; --tier runs only the named tiers, and then
// VERITY_TEST_STORE, when set, is the one store the server tier runs on (`npm run test:server`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const tiers = args.flatMap((a, i) => (args[i - 1] === '--tier' ? [a] : []));
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--tier');
const wanted = (tier) => tiers.length === 0 || tiers.includes(tier);
const pgUrl = process.env.VERITY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const STORES = ['sqlite', 'postgres'];
let passed = 0;
let failed = 0;
let broken = false;

for (const tier of tiers) {
  if (!['unit', 'server', 'e2e'].includes(tier)) {
    console.error(`unknown tier "${tier}": unit, server or e2e`);
    process.exit(2);
  }
}

function run(label, cmd, cmdArgs, env = {}) {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.log(`== ${label}: FAILED (exit ${r.status})`);
    broken = true;
  }
  return r.status === 0;
}

/** Runs one tier's vitest project on `store` and adds its counts to the closing line. */
function vitest(tier, store) {
  const out = path.join(os.tmpdir(), `verity-vitest-${tier}-${store}-${process.pid}.json`);
  const filters = only.length > 0 ? ['--passWithNoTests', ...only] : [];
  // The server tier's files mostly wait (on child processes, the database, jobs, ffmpeg): two run
  // at once even on two cores, where vitest would run one, which cut the tier from 587 s to 406 s
  // on PostgreSQL on the 2-vCPU machine. The browser tier stays one file at a time.
  const workers = tier === 'server' ? [`--maxWorkers=${Math.max(2, os.availableParallelism() - 1)}`] : [];
  run(
    tier === 'unit' ? 'unit tests' : `${tier} tests on ${store}`,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      tier,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...workers,
      ...filters,
    ],
    { VERITY_TEST_STORE: store },
  );
  try {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails before its tests run (an error while loading it) counts as one failure.
    failed += report.testResults.filter(
      (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
    ).length;
    fs.rmSync(out, { force: true });
  } catch {
    failed += 1;
  }
}

function reachable(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.setTimeout(2000, () => {
      s.destroy();
      resolve(false);
    });
  });
}

/** The stores the server tier runs on: both, or VERITY_TEST_STORE's alone when --tier is given. */
function serverStores() {
  const chosen = process.env.VERITY_TEST_STORE;
  if (tiers.length === 0 || !chosen) return STORES;
  if (!STORES.includes(chosen)) {
    console.error(`VERITY_TEST_STORE=${chosen}: sqlite or postgres`);
    process.exit(2);
  }
  return [chosen];
}

if (!args.includes('--no-check')) {
  run('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('lint', 'npx', ['biome', 'check', '.']);
}
// Store-free: the store named here is never opened.
if (wanted('unit')) vitest('unit', 'sqlite');
if (wanted('server')) {
  for (const store of serverStores()) {
    if (store === 'sqlite') vitest('server', store);
    else if (await reachable(pgUrl)) vitest('server', store);
    else if (process.env.CI) {
      console.log(`PostgreSQL at ${pgUrl} is unreachable; CI requires it.`);
      broken = true;
    } else console.log(`\n== PostgreSQL at ${pgUrl} is unreachable: the postgres run is skipped.`);
  }
}
// The browser sees the store only through the HTTP API, which the server tier checks on both.
if (wanted('e2e')) vitest('e2e', 'sqlite');

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);
