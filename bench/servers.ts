import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Role } from '../core/api/users.ts';
import { sendJson } from './client.ts';
import type { BenchUser, ChildReady, ChildStats } from './server-child.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);

/** A running server child, seen from the parent. */
export interface ServerChild {
  url: string;
  pid: number;
  /** Peak memory since the last reset, and CPU time since the start, of the server process. */
  stats(): Promise<ChildStats>;
  resetPeaks(): Promise<void>;
  createUsers(role: Role, count: number, prefix: string): Promise<BenchUser[]>;
  stop(): Promise<void>;
}

export interface ChildEnv {
  BENCH_DATA_DIR: string;
  BENCH_SECRET: string;
  BENCH_DATABASE_URL?: string;
  BENCH_PG_SCHEMA?: string;
  /** With --profile: where the child writes its statement timings (its CPU profile goes there too). */
  BENCH_PROFILE_DIR?: string;
}

/** Starts bench/server-child.ts under tsx and waits for its port; `nodeArgs` e.g. --cpu-prof. */
export async function startServer(env: ChildEnv, nodeArgs: string[] = []): Promise<ServerChild> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', path.join(benchDir, 'server-child.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = await readReady(child);
  const url = `http://127.0.0.1:${ready.port}`;
  return {
    url,
    pid: ready.pid,
    stats: () => sendJson<ChildStats>({ method: 'GET', url: `${url}/__bench/stats` }, 200),
    async resetPeaks() {
      await sendJson({ method: 'POST', url: `${url}/__bench/stats/reset`, json: {} }, 200);
    },
    async createUsers(role, count, prefix) {
      const body = { role, count, prefix };
      const out = await sendJson<{ users: BenchUser[] }>(
        { method: 'POST', url: `${url}/__bench/users`, json: body },
        200,
      );
      return out.users;
    },
    stop: () => stopChild(child),
  };
}

function readReady(child: ChildProcess): Promise<ChildReady> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const onExit = (code: number | null) =>
      reject(new Error(`the server child exited (${code}) before listening`));
    child.once('exit', onExit);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      try {
        resolve(JSON.parse(line) as ChildReady);
      } catch {
        reject(new Error(`the server child printed ${JSON.stringify(line)} instead of its port`));
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
