import type { AddressInfo } from 'node:net';
import { localCommand } from '../core/command-line.ts';

export { OLD_TRUST_PROXY_MESSAGE, parseTrustedProxies } from './auth/client-address.ts';
export { parsePublicUrl } from './auth/origin.ts';

import { createVerity, VERSION, type Verity } from './server.ts';
import { hasActiveAdmin } from './users/users.repository.ts';

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
    ...(opts.trustedProxies ? { trustedProxies: opts.trustedProxies } : {}),
    ...(opts.publicOrigin ? { publicOrigin: opts.publicOrigin } : {}),
  });
  try {
    await verity.app.listen({ port: opts.port, host: opts.host });
    const url = urlOf(verity.app.server.address() as AddressInfo);
    const store = opts.databaseUrl
      ? `postgres at ${maskPassword(opts.databaseUrl)}`
      : `sqlite at ${opts.dataDir}`;
    const lines = [`Verity ${VERSION} listening on ${url} (store: ${store})`];
    if (!(await hasActiveAdmin(verity.store.db))) lines.push(...firstAdminHint(opts));
    (opts.announce ?? ((t) => process.stderr.write(t)))(`${lines.join('\n')}\n`);
    return { verity, url, close: () => verity.close() };
  } catch (err) {
    await verity.close();
    throw err;
  } finally {
    logs.release();
  }
}

/** How to make the first admin and a token, on the very store this server uses (pasteable). */
function firstAdminHint(opts: StartOptions): string[] {
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
  return [
    `No admin yet. Create one with: ${add.command}`,
    `then get an API token with: ${token.command}`,
    ...(add.needs.length > 0 ? [`(${add.needs.join('; ')})`] : []),
  ];
}

const urlOf = (a: AddressInfo): string =>
  `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;

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
