import type { AddressInfo } from 'node:net';
import { localCommand } from '../core/command-line.ts';

export { OLD_TRUST_PROXY_MESSAGE, parseTrustedProxies } from './auth/client-address.ts';
export { parsePublicUrl } from './auth/origin.ts';
export { parseMediaEnv } from './media/media-config.ts';
export { parseSsoEnv } from './sso/sso-config.ts';

import type { MediaConfig } from './media/media-config.ts';
import { createVerity, VERSION, type Verity } from './server.ts';
import { issueSetupLink, SETUP_LINK_TTL_MS } from './setup/setup.service.ts';
import type { SsoConfig } from './sso/sso-config.ts';

export interface StartOptions {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  secret?: string | undefined;
  /** pino level for the JSON logs on stdout (default info). */
  logLevel?: string | undefined;
  /** Proxies whose X-Forwarded-* headers are believed (VERITY_TRUSTED_PROXIES). */
  trustedProxies?: readonly string[];
  /** The origin browsers use (VERITY_PUBLIC_URL), for the Origin check. */
  publicOrigin?: string | null;
  /** Single sign-on with an OpenID Connect provider (VERITY_OIDC_*, docs/sso.md); null: none. */
  sso?: SsoConfig | null;
  /** Media storage and URL imports (VERITY_MEDIA_*, VERITY_S3_*, docs/media.md); default: the data folder. */
  media?: MediaConfig;
  /** Where the start-up banner goes (default stderr); it is written before the first log line. */
  announce?: (text: string) => void;
}

export interface RunningServer {
  verity: Verity;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Stops accepting requests, lets in-flight ones finish, closes the store. */
  close(): Promise<void>;
}

/** Opens the store, listens, and announces where; the process entry of `verity start`. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const logs = heldUntilReleased(process.stdout);
  const verity = await createVerity({
    dataDir: opts.dataDir,
    databaseUrl: opts.databaseUrl,
    secret: opts.secret,
    logger: { level: opts.logLevel ?? 'info', stream: logs },
    startImportWorker: true,
    runJobs: true,
    ...(opts.trustedProxies ? { trustedProxies: opts.trustedProxies } : {}),
    ...(opts.publicOrigin ? { publicOrigin: opts.publicOrigin } : {}),
    ...(opts.sso ? { sso: opts.sso } : {}),
    ...(opts.media ? { media: opts.media } : {}),
  });
  try {
    await verity.app.listen({ port: opts.port, host: opts.host });
    const url = urlOf(verity.app.server.address() as AddressInfo);
    const store = opts.databaseUrl
      ? `postgres at ${maskPassword(opts.databaseUrl)}`
      : `sqlite at ${opts.dataDir}`;
    const lines = [`Verity ${VERSION} listening on ${url} (store: ${store})`];
    if (opts.sso) lines.push(ssoLine(opts.sso, opts.publicOrigin ?? linkOrigin(url)));
    // The link goes to this banner only (stderr), never to the JSON logs, which are often shipped elsewhere.
    const setup = await issueSetupLink(verity.ctx, { origin: opts.publicOrigin ?? linkOrigin(url) });
    if (setup) lines.push(...firstAdminHint(opts, setup.url));
    (opts.announce ?? ((t) => process.stderr.write(t)))(`${lines.join('\n')}\n`);
    return { verity, url, close: () => verity.close() };
  } catch (err) {
    await verity.close();
    throw err;
  } finally {
    logs.release();
  }
}

/**
 * How to make the first admin: the one-time setup link for a browser, or the CLI on the very store
 * this server uses (pasteable), and how to get an API token.
 */
function firstAdminHint(opts: StartOptions, setupUrl: string): string[] {
  const store = {
    dataDir: opts.dataDir,
    databaseUrl: opts.databaseUrl,
    secretFromEnv: opts.secret !== undefined,
  };
  const add = localCommand(
    store,
    'user add --email you@example.org --name "Your Name" --role admin --password-stdin',
  );
  const token = localCommand(store, 'token create --email you@example.org');
  const hours = SETUP_LINK_TTL_MS / 3600_000;
  return [
    `No admin yet. Create one in your browser with this one-time link (it works once, for ${hours} hour${hours === 1 ? '' : 's'}; a restart prints a new one):`,
    `  ${setupUrl}`,
    `or create one with: ${add.command}`,
    `then get an API token with: ${token.command}`,
    ...(add.needs.length > 0 ? [`(${add.needs.join('; ')})`] : []),
  ];
}

/** The provider, and the redirect URI to register with it (the client secret is never printed). */
function ssoLine(sso: SsoConfig, origin: string): string {
  const jit = sso.jit
    ? `new accounts for ${sso.allowedDomains.join(', ')} as ${sso.defaultRole}`
    : 'no new accounts';
  return `Single sign-on with ${sso.issuer.href} as "${sso.clientId}" (${jit}); its redirect URI: ${origin}/api/auth/sso/callback`;
}

const urlOf = (a: AddressInfo): string =>
  `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;

/** Where a browser on this machine reaches the server: an any-address bind is reached at localhost. */
function linkOrigin(url: string): string {
  const u = new URL(url);
  if (u.hostname === '0.0.0.0' || u.hostname === '[::]') u.hostname = 'localhost';
  return u.origin;
}

/** postgres://verity:s3cret@db/verity → postgres://verity:***@db/verity */
export function maskPassword(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable DATABASE_URL)';
  }
}

/** A log destination that holds lines back until released, so the banner comes first. */
function heldUntilReleased(out: NodeJS.WritableStream): { write(chunk: string): boolean; release(): void } {
  let held: string[] | null = [];
  return {
    write(chunk) {
      if (held) held.push(chunk);
      else out.write(chunk);
      return true;
    },
    release() {
      if (held?.length) out.write(held.join(''));
      held = null;
    },
  };
}
