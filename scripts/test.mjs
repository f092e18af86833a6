#!/usr/bin/env node
// The one test command: type-check, lint, OpenAPI drift, then every test on SQLite and on
// PostgreSQL. PostgreSQL is skipped with a notice when unreachable, except under CI where
// that is a failure. Prints a closing "N passed, N failed" line over all runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const pgUrl = process.env.VERITY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let passed = 0;
let failed = 0;
let broken = false;

function run(label, cmd, cmdArgs, env = {}) {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.log(`== ${label}: FAILED (exit ${r.status})`);
    broken = true;
  }
  return r.status === 0;
}

function vitest(store) {
  const out = path.join(os.tmpdir(), `verity-vitest-${store}-${process.pid}.json`);
  run(
    `tests on ${store}`,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...only],
    {
      VERITY_TEST_STORE: store,
    },
  );
  try {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
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

if (!args.includes('--no-check')) {
  run('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('lint', 'npx', ['biome', 'check', '.']);
}
vitest('sqlite');
if (await reachable(pgUrl)) vitest('postgres');
else if (process.env.CI) {
  console.log(`PostgreSQL at ${pgUrl} is unreachable; CI requires it.`);
  broken = true;
} else console.log(`\n== PostgreSQL at ${pgUrl} is unreachable: the postgres run is skipped.`);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);
