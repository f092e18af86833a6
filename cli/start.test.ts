import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPassword } from '../server/main.ts';
import { freshStoreConfig, testStore } from '../server/testing/harness.ts';
import { type CliResult, REPO, runCli, runShell, storeEnv } from './test-support.ts';

let store: Awaited<ReturnType<typeof freshStoreConfig>>;
beforeAll(async () => {
  store = await freshStoreConfig();
});
afterAll(async () => store.cleanup());

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('verity start', () => {
  it('announces its address and the first-admin steps, serves, and stops on SIGTERM', async () => {
    const port = await freePort();
    const run = runCli(['start', '--port', String(port)], {
      ...storeEnv(store.config),
      VERITY_LOG_LEVEL: 'info',
    });
    let stderr = '';
    run.child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await waitFor(() => stderr.includes('then get an API token'), run);

    const [banner, intro, link, hint, next, needs] = stderr.split('\n');
    const where =
      testStore() === 'postgres' ? 'postgres at postgres://' : `sqlite at ${store.config.dataDir})`;
    expect(banner).toMatch(
      new RegExp(`^Verity \\d+\\.\\d+\\.\\d+ listening on http://127\\.0\\.0\\.1:${port} \\(store: `),
    );
    expect(banner).toContain(where);
    expect(intro).toMatch(
      /^No admin yet\. Create one in your browser with this one-time link \(it works once, for 1 hour/,
    );
    expect(link).toMatch(new RegExp(`^  http://127\\.0\\.0\\.1:${port}/setup#token=vsetup_[\\w-]{43}$`));
    const setupStatus = await fetch(`http://127.0.0.1:${port}/api/setup`);
    expect(await setupStatus.json()).toEqual({ needed: true, accounts: false });
    const store_ = testStore() === 'postgres' ? 'DATABASE_URL=' : `--data ${store.config.dataDir}`;
    expect(hint).toMatch(
      /^or create one with: .*npx verity user add --email you@example\.org --name "Your Name" --role admin --password-stdin/,
    );
    expect(hint).toContain(store_);
    expect(next).toMatch(/^then get an API token with: .*npx verity token create --email you@example\.org/);
    // This server's secret came from VERITY_SECRET, which the pasted commands need as well.
    expect(needs).toContain('VERITY_SECRET');

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', store: testStore() });

    run.child.kill('SIGTERM');
    const result: CliResult = await run;
    expect(result.code).toBe(0);
    const logs = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(logs.map((l) => l.msg)).toContain('shutting down');
  });

  it('prints first-run hints that, pasted as is into a shell elsewhere, act on its own store', async () => {
    const fresh = await freshStoreConfig();
    try {
      const port = await freePort();
      // A newcomer's start: the store named by a flag (not the environment), the secret generated.
      const { VERITY_SECRET: _, VERITY_DATA: __, ...env } = storeEnv(fresh.config);
      const run = runCli(['start', '--port', String(port), '--data', fresh.config.dataDir], env);
      let stderr = '';
      run.child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      await waitFor(() => stderr.includes('then get an API token'), run);
      const lines = stderr.split('\n');
      const command = (prefix: string) => lines.find((l) => l.startsWith(prefix))!.slice(prefix.length);
      const addUser = command('or create one with: ');
      const makeToken = command('then get an API token with: ');
      expect(lines[5]).toBe('');

      // Another shell: no Verity settings in its environment, run from the checkout (for npx).
      const shell = (cmd: string) => runShell(cmd, REPO);
      const added = await shell(`printf '%s\\n' 'first-admin-password' | ${addUser}`);
      expect(added.code, added.stderr).toBe(0);
      const made = await shell(makeToken);
      expect(made.code, made.stderr).toBe(0);
      const token = made.stdout.trim();

      const base = `http://127.0.0.1:${port}`;
      const me = await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect((await me.json()).user).toMatchObject({ email: 'you@example.org', role: 'admin' });
      const signIn = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'you@example.org', password: 'first-admin-password' }),
      });
      expect(signIn.status).toBe(200);
      run.child.kill('SIGTERM');
      expect((await run).code).toBe(0);
    } finally {
      await fresh.cleanup();
    }
  });

  it('refuses to make a token with another secret than the server of the store uses', async () => {
    const fresh = await freshStoreConfig();
    try {
      const env = storeEnv(fresh.config);
      const added = await runCli(
        ['user', 'add', '--email', 'ada@example.org', '--name', 'Ada', '--password-stdin'],
        env,
        { input: 'a-long-password\n' },
      );
      expect(added.code, added.stderr).toBe(0);
      const { VERITY_SECRET: _, ...withoutSecret } = env;
      const made = await runCli(['token', 'create', '--email', 'ada@example.org'], withoutSecret);
      expect(made.code).toBe(1);
      expect(made.stderr).toContain('the server for this store runs with VERITY_SECRET');
      expect(made.stdout).toBe('');
      const other = await runCli(['token', 'create', '--email', 'ada@example.org'], {
        ...env,
        VERITY_SECRET: 'another-secret-that-is-long-enough-to-use',
      });
      expect(other.code).toBe(1);
      expect(other.stderr).toContain("VERITY_SECRET differs from the server's secret");
    } finally {
      await fresh.cleanup();
    }
  });

  it('refuses to start with the old VERITY_TRUST_PROXY and says what to write instead', async () => {
    const r = await runCli(['start', '--port', '0'], { ...storeEnv(store.config), VERITY_TRUST_PROXY: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: VERITY_TRUST_PROXY is no longer read: it trusted X-Forwarded-For from anyone. Name the proxies to trust instead, e.g. VERITY_TRUSTED_PROXIES=127.0.0.1 (a proxy on this machine) or VERITY_TRUSTED_PROXIES=10.0.0.0/8 (see docs/security.md), and unset VERITY_TRUST_PROXY.',
    );
  });

  it('names a trusted proxy entry that is not an address or a range', async () => {
    const r = await runCli(['start', '--port', '0'], {
      ...storeEnv(store.config),
      VERITY_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.0/33',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('VERITY_TRUSTED_PROXIES: "10.0.0.0/33" is not an address, a CIDR');
  });

  it('runs with single sign-on from VERITY_OIDC_*: the banner names the provider and the redirect URI, never the secret', async () => {
    const port = await freePort();
    const secret = 'oidc-client-secret-not-to-be-printed-43';
    const run = runCli(['start', '--port', String(port)], {
      ...storeEnv(store.config),
      VERITY_PUBLIC_URL: 'https://verity.example.org',
      VERITY_OIDC_ISSUER: 'https://id.example.org/',
      VERITY_OIDC_CLIENT_ID: 'verity-app',
      VERITY_OIDC_CLIENT_SECRET: secret,
      VERITY_OIDC_LABEL: 'Example ID',
      VERITY_OIDC_ALLOWED_DOMAINS: 'example.org',
      VERITY_OIDC_JIT: '1',
    });
    let stderr = '';
    run.child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await waitFor(() => stderr.includes('redirect URI'), run);
    expect(stderr.split('\n')[1]).toBe(
      'Single sign-on with https://id.example.org/ as "verity-app" (new accounts for example.org as annotator); its redirect URI: https://verity.example.org/api/auth/sso/callback',
    );
    const info = await fetch(`http://127.0.0.1:${port}/api/auth/sso`);
    expect(await info.json()).toEqual({ enabled: true, label: 'Example ID' });
    run.child.kill('SIGTERM');
    const result = await run;
    expect(result.code).toBe(0);
    expect(result.stdout + stderr).not.toContain(secret);
  });

  it('refuses a single sign-on setting it cannot use, naming the variable and never the client secret', async () => {
    const secret = 'oidc-client-secret-not-to-be-printed-42';
    const r = await runCli(['start', '--port', '0'], {
      ...storeEnv(store.config),
      VERITY_OIDC_ISSUER: 'https://id.example.org',
      VERITY_OIDC_CLIENT_ID: 'verity',
      VERITY_OIDC_CLIENT_SECRET: secret,
      VERITY_OIDC_JIT: '1',
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: VERITY_OIDC_JIT=1 needs VERITY_OIDC_ALLOWED_DOMAINS: accounts are created only for the domains you name',
    );
    expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('masks the password of a DATABASE_URL it prints', () => {
    expect(maskPassword('postgres://verity:s3cret@db:5432/verity')).toBe(
      'postgres://verity:***@db:5432/verity',
    );
    expect(maskPassword('postgres://db/verity')).toBe('postgres://db/verity');
  });
});

async function waitFor(ready: () => boolean, run: Promise<CliResult>): Promise<void> {
  let exited: CliResult | undefined;
  void run.then((r) => {
    exited = r;
  });
  const deadline = Date.now() + 30_000;
  while (!ready()) {
    if (exited) throw new Error(`verity start exited early (${exited.code}): ${exited.stderr}`);
    if (Date.now() > deadline) throw new Error('verity start did not announce itself within 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}
