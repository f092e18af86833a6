import type { PasswordHasher } from './auth/passwords.ts';
import type { UsersTable } from './db/schema.ts';
import type { Store } from './db/store.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { MediaConfig } from './media/media-config.ts';
import type { MediaStorage } from './media/storage.ts';
import type { ModelConnections } from './models/model-call.ts';
import type { SsoClient } from './sso/sso-client.ts';

/** What every service receives: the store and the server-wide settings. No globals. */
export interface AppContext {
  store: Store;
  secret: string;
  version: string;
  sessionTtlMs: number;
  secureCookies: boolean;
  /** Hashes and checks passwords at the configured cost, a bounded number at a time. */
  passwords: PasswordHasher;
  /** Proxies whose X-Forwarded-* headers are believed (VERITY_TRUSTED_PROXIES); empty: none. */
  trustedProxies: readonly string[];
  /** The origin browsers reach the server at (VERITY_PUBLIC_URL), for the Origin check; null: the Host's. */
  publicOrigin: string | null;
  /** Where import spools its validated rows before the single insert transaction. */
  tmpDir: string;
  /** The model connections (server/models/): `open(id)` gives a handle to call; nothing opens before. */
  models: ModelConnections;
  /** Background jobs: enqueue and cancel (server/jobs/, docs/jobs.md). */
  jobs: JobQueue;
  /** Media files (server/media/, docs/media.md): where their bytes live, the limits, the URL policy. */
  media: { storage: MediaStorage; config: MediaConfig };
  /** Single sign-on with an OpenID Connect provider (server/sso/, docs/sso.md); null: not configured. */
  sso: SsoClient | null;
  /**
   * The current time in epoch ms: Date.now, or a test's clock (ServerConfig.clock). Contract
   * windows are checked against it (docs/users.md).
   */
  clock: () => number;
}

export interface Caller {
  id: number;
  email: string | null;
  name: string;
  role: UsersTable['role'];
  via: 'session' | 'token';
  /** Set for cookie sessions: writes must echo it in x-csrf-token. */
  csrfToken: string | null;
  sessionHash: string | null;
}

export const now = (): number => Date.now();
export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
