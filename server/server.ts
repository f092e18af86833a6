import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app.ts';
import type { ScryptCost } from './auth/crypto.ts';
import { PasswordHasher } from './auth/passwords.ts';
import { loadServerSecret, type SecretUser } from './auth/secret.ts';
import type { AppContext } from './context.ts';
import { openStore } from './db/connect.ts';
import type { Store } from './db/store.ts';
import { startImportWorker } from './imports/worker-client.ts';
import { jobKinds } from './job-kinds.ts';
import type { JobKind } from './jobs/kind.ts';
import { JobSystem } from './jobs/queue.ts';
import type { RunnerOptions } from './jobs/runner-options.ts';
import { defaultMediaConfig, type MediaConfig } from './media/media-config.ts';
import { openMediaStorage } from './media/open-storage.ts';
import { ModelClients } from './models/model-client.ts';
import { SsoClient } from './sso/sso-client.ts';
import type { SsoConfig } from './sso/sso-config.ts';

export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;

export interface ServerConfig {
  dataDir: string;
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
  secret?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  checkResponses?: boolean;
  poolSize?: number;
  /**
   * Start SQLite's import worker with the server rather than at the first import (it takes a
   * moment to load). `verity start` does; tests, which start many servers, do not.
   */
  startImportWorker?: boolean;
  /** Proxies to trust for the client's address (addresses, CIDRs); default none. */
  trustedProxies?: readonly string[];
  /** The server's public origin (https://verity.example.org) for the Origin check; default the Host's. */
  publicOrigin?: string | null;
  /**
   * TEST ONLY: hash passwords at this cost instead of PASSWORD_COST, so suites that create many
   * users stay fast. Only code can set it (no environment variable or flag reads into it), so a
   * deployment cannot be weakened by configuration.
   */
  passwordCostForTests?: ScryptCost;
  /**
   * Run background jobs' steps in this process (docs/jobs.md). `verity start` does; tests and the
   * CLI's local commands, which only enqueue, do not.
   */
  runJobs?: boolean;
  /** Kinds of job besides the server's own (server/job-kinds.ts): tests add theirs. */
  jobKinds?: readonly JobKind[];
  /** The runner's lease, concurrency, poll and retry settings (tests shorten them). */
  jobRunner?: Partial<RunnerOptions>;
  /** Single sign-on (VERITY_OIDC_*, server/sso/sso-config.ts); absent or null: none. */
  sso?: SsoConfig | null;
  /** How media are stored and fetched (VERITY_MEDIA_*, VERITY_S3_*: parseMediaEnv); default: in the data folder. */
  media?: MediaConfig;
  /** TEST ONLY: the clock contract windows are checked against (AppContext.clock); default Date.now. */
  clock?: () => number;
}

export interface Verity {
  app: FastifyInstance;
  ctx: AppContext;
  store: Store;
  close(): Promise<void>;
}

/**
 * The service context for a store, as the server builds it: the CLI's local commands use it too,
 * so tokens they create are keyed with the same secret the server checks them against.
 */
export async function createContext(
  store: Store,
  config: Pick<
    ServerConfig,
    | 'dataDir'
    | 'secret'
    | 'trustedProxies'
    | 'publicOrigin'
    | 'passwordCostForTests'
    | 'jobKinds'
    | 'sso'
    | 'clock'
    | 'media'
  >,
  user: SecretUser = 'server',
): Promise<AppContext> {
  const secret = await loadServerSecret(store, config.dataDir, config.secret, user);
  const jobs = new JobSystem([...jobKinds, ...(config.jobKinds ?? [])]);
  const ctx: AppContext = {
    store,
    secret,
    version: VERSION,
    sessionTtlMs: 12 * 3600_000,
    secureCookies: process.env.VERITY_SECURE_COOKIES === '1',
    passwords: new PasswordHasher(config.passwordCostForTests),
    trustedProxies: config.trustedProxies ?? [],
    publicOrigin: config.publicOrigin ?? null,
    tmpDir: path.join(config.dataDir, 'tmp'),
    models: new ModelClients(store, secret),
    jobs,
    sso: config.sso ? new SsoClient(config.sso) : null,
    media: openMediaStorage(config.media ?? defaultMediaConfig(), config.dataDir),
    clock: config.clock ?? Date.now,
  };
  jobs.bind(ctx);
  return ctx;
}

/** Opens the store (migrating it), loads the secret and builds the app; does not listen. */
export async function createVerity(config: ServerConfig): Promise<Verity> {
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pgSchema: config.pgSchema,
    ...(config.poolSize ? { poolSize: config.poolSize } : {}),
  });
  const ctx = await createContext(store, config);
  if (config.startImportWorker) void startImportWorker(store);
  const app = await buildApp(ctx, {
    ...(config.logger !== undefined ? { logger: config.logger } : {}),
    checkResponses: config.checkResponses ?? false,
  });
  const jobs = ctx.jobs;
  if (config.runJobs && jobs instanceof JobSystem)
    jobs.startRunner(config.jobRunner, (message, err) => app.log.error({ err }, message));
  return {
    app,
    ctx,
    store,
    close: async () => {
      // Together: requests end while running steps finish (or are given back), before the store closes.
      await Promise.all([jobs instanceof JobSystem ? jobs.stopRunner() : undefined, app.close()]);
      await ctx.models.close();
      await ctx.sso?.close();
      await ctx.media.storage.close();
      await store.close();
    },
  };
}
