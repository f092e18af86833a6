import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient } from '../testing/auth-client.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { SESSION_COOKIE } from './authenticate.ts';

let h: Harness;
let user: TestUser;
beforeAll(async () => {
  h = await startHarness();
  user = await h.user('annotator');
});
afterAll(async () => h.close());

const { send, login } = authClient(() => h);
const HOST = 'verity.example.org';

/** A cookie-authenticated write (with the right CSRF token) sent to HOST with this Origin. */
async function writeFrom(origin: string | undefined, more: { via?: Harness['verity']; host?: string } = {}) {
  const session = await login(user.email, user.password);
  return send({
    method: 'POST',
    url: '/api/tokens',
    body: { name: 'from-a-page' },
    cookie: session.cookie,
    csrf: session.csrf,
    headers: { host: more.host ?? HOST, ...(origin === undefined ? {} : { origin }) },
    ...(more.via ? { via: more.via } : {}),
  });
}

describe('Origin check', () => {
  it('refuses a write a browser marks as coming from another site, even with the CSRF token', async () => {
    const res = await writeFrom('https://evil.example.net');
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: 'CSRF_FAILED',
      message:
        "This request came from https://evil.example.net, which is not this server's address; it was refused.",
    });
  });

  it('refuses an Origin of "null" (a sandboxed frame) and one on another port', async () => {
    expect((await writeFrom('null')).status).toBe(403);
    expect((await writeFrom(`https://${HOST}:8443`)).status).toBe(403);
  });

  it('accepts a write from the host it was sent to, whatever the scheme in front', async () => {
    expect((await writeFrom(`https://${HOST}`)).status).toBe(201);
    expect((await writeFrom(`http://${HOST.toUpperCase()}`)).status).toBe(201);
  });

  it('accepts a write without an Origin, as the CLI and scripts send them', async () => {
    expect((await writeFrom(undefined)).status).toBe(201);
  });

  it('refuses a sign-in posted from another site (login CSRF) and sets no cookie', async () => {
    const res = await send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: user.email, password: user.password },
      headers: { host: HOST, origin: 'https://evil.example.net' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
    expect(res.setCookies.filter((c) => c.startsWith(SESSION_COOKIE))).toEqual([]);
  });

  it('leaves reads alone, whatever their Origin', async () => {
    const res = await send({
      url: '/api/auth/me',
      token: user.token,
      headers: { origin: 'https://evil.example.net' },
    });
    expect(res.status).toBe(200);
  });

  it('with a public URL configured, accepts exactly its origin, whatever Host the proxy sends', async () => {
    const behindProxy = await h.sibling({ publicOrigin: `https://${HOST}` });
    const inner = { via: behindProxy, host: '127.0.0.1:8080' };
    expect((await writeFrom(`https://${HOST}`, inner)).status).toBe(201);
    expect((await writeFrom(`http://${HOST}`, inner)).status).toBe(403);
    expect((await writeFrom('http://127.0.0.1:8080', inner)).status).toBe(403);
  });
});
