import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPassword } from '../server/main.ts';
import { freshStoreConfig, testStore } from '../server/testing/harness.ts';
import { type CliResult, runCli, storeEnv } from './test-support.ts';

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

    const [banner, hint, next] = stderr.split('\n');
    const where =
      testStore() === 'postgres' ? 'postgres at postgres://' : `sqlite at ${store.config.dataDir})`;
    expect(banner).toMatch(
      new RegExp(`^Verity \\d+\\.\\d+\\.\\d+ listening on http://127\\.0\\.0\\.1:${port} \\(store: `),
    );
    expect(banner).toContain(where);
    expect(hint).toBe(
      'No admin yet. Create one with: npx verity user add --email you@example.org --name "Your Name" --role admin --password-stdin',
    );
    expect(next).toBe('then get an API token with: npx verity token create --email you@example.org');

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
