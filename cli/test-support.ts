import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createToken,
  createVerity,
  freshStoreConfig,
  insertUser,
  type ServerConfig,
  type Verity,
} from '../server/testing/harness.ts';

export const BIN = fileURLToPath(new URL('../bin/verity.mjs', import.meta.url));
/** The checkout, where `npx verity` finds the command. */
export const REPO = path.dirname(path.dirname(BIN));

/** Runs a command line in `sh` as a person would paste it: no Verity settings in the environment. */
export function runShell(command: string, cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { env: withoutVerity(process.env), cwd, stdio: 'pipe' });
    child.stdin.end();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const withoutVerity = (env: NodeJS.ProcessEnv): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(env).filter(([k]) => !k.startsWith('VERITY_') && k !== 'DATABASE_URL' && k !== 'PORT'),
  );

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `verity` command in a child process, with only the given Verity settings. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  opts: { input?: string; cwd?: string } = {},
) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...withoutVerity(process.env), ...env },
    cwd: opts.cwd ?? path.dirname(BIN),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(opts.input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return Object.assign(done, { child });
}

/** The environment that points the CLI at a store: the data folder, or PostgreSQL with the test schema. */
export function storeEnv(config: ServerConfig): Record<string, string> {
  const env: Record<string, string> = { VERITY_DATA: config.dataDir, VERITY_SECRET: config.secret ?? '' };
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    if (config.pgSchema) url.searchParams.set('options', `-c search_path=${config.pgSchema}`);
    env.DATABASE_URL = url.toString();
  }
  return env;
}

export interface CliServer {
  verity: Verity;
  config: ServerConfig;
  /** VERITY_URL plus the store settings, for runCli. */
  env: Record<string, string>;
  /** A new admin's API token. */
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

/** A real server on a free port over a fresh store (SQLite, or PostgreSQL with VERITY_TEST_STORE). */
export async function startCliServer(overrides: Partial<ServerConfig> = {}): Promise<CliServer> {
  const { config, cleanup } = await freshStoreConfig();
  const verity = await createVerity({ ...config, checkResponses: true, ...overrides });
  await verity.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = verity.app.server.address() as AddressInfo;
  return {
    verity,
    config,
    env: { ...storeEnv(config), VERITY_URL: `http://127.0.0.1:${port}` },
    async adminToken() {
      counter += 1;
      const email = `admin${counter}@example.org`;
      const user = await insertUser(verity.store.db, {
        email,
        name: 'Admin',
        role: 'admin',
        passwordHash: null,
      });
      return (await createToken(verity.ctx, user.id, 'test')).token;
    },
    async close() {
      await verity.close();
      await cleanup();
    },
  };
}
