import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from '../server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A server process (crash-server.ts) on a test store, to be killed. */
export interface ChildServer {
  child: ChildProcess;
  base: string;
}

/** Starts crash-server.ts on the store (with `env` added) and resolves once it prints its port. */
export async function startChildServer(
  config: ServerConfig,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/testing/crash-server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      VERITY_DATA_DIR: config.dataDir,
      VERITY_SECRET: config.secret ?? '',
      VERITY_DATABASE_URL: config.databaseUrl ?? '',
      VERITY_PG_SCHEMA: config.pgSchema ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) =>
      reject(new Error(`crash-server exited (${code}) before listening: ${stderr}`)),
    );
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Sends `signal` and waits for the process to end (at once if it has). */
export async function stopChild(server: ChildServer, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill(signal);
  await exited;
}
