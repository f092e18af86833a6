import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNowhere } from '../testing/secret-search.ts';
import { atProvider, finishSignIn, signInWithSso, startSignIn, whoIs } from '../testing/sso-browser.ts';
import { type SsoWorld, startSsoWorld } from '../testing/sso-fixture.ts';

let w: SsoWorld;
/** Every response text the tests saw, searched for the client secret at the end. */
const seen: string[] = [];
let serial = 0;
const account = (domain = 'acme.test') => {
  serial += 1;
  const sub = `sub-${serial}-${Date.now()}`;
  w.provider.add({ sub, email: `person${serial}@${domain}`, emailVerified: true, name: `Person ${serial}` });
  w.provider.signInAs(sub);
  return { sub, email: `person${serial}@${domain}` };
};

beforeAll(async () => {
  w = await startSsoWorld();
});
afterAll(async () => w?.close());

describe('single sign-on: the flow', () => {
  it('tells the sign-in page that SSO is on, and its label', async () => {
    const res = await w.h.call(null, 'GET', '/api/auth/sso');
    seen.push(JSON.stringify(res.body));
    expect(res.body).toEqual({ enabled: true, label: 'Acme ID' });
  });

  it('starts with a redirect to the provider: code flow, PKCE S256, state and nonce, a sealed Lax cookie', async () => {
    const started = await startSignIn(w.h.verity, '/my-work');
    seen.push(...started.texts);
    expect(started.status).toBe(303);
    expect(started.authUrl.origin).toBe(w.provider.issuer);
    const q = started.authUrl.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(w.provider.clientId);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
    expect(q.get('redirect_uri')).toBe('http://verity.test/api/auth/sso/callback');
    const state = q.get('state')!;
    const nonce = q.get('nonce')!;
    expect(state.length).toBeGreaterThanOrEqual(20);
    expect(nonce.length).toBeGreaterThanOrEqual(20);
    // The cookie is sealed: neither the state, the nonce nor anything readable shows in it.
    expect(started.flowCookie).toMatch(/^v1\./);
    expect(started.flowCookie).not.toContain(state);
    expect(started.flowCookie).not.toContain(nonce);
    const header = JSON.stringify(started.texts[1]);
    expect(header).toMatch(
      /verity_sso=[^;]+; Max-Age=600; Path=\/api\/auth\/sso\/callback; HttpOnly; SameSite=Lax/,
    );
  });

  it('signs in through the provider with code and PKCE, into a session like a password sign-in, landing where it started', async () => {
    const { email } = account();
    const done = await signInWithSso(w.h.verity, '/projects/1/annotate');
    seen.push(...done.texts);
    expect(done.status).toBe(303);
    expect(done.location).toBe('/projects/1/annotate');
    const me = await whoIs(w.h.verity, done.session);
    expect(me?.email).toBe(email);
    // The session is the password sign-in's: HttpOnly, SameSite=Strict.
    expect(done.texts.join('\n')).toMatch(
      /verity_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict/,
    );
  });

  it('never lands outside the app: another origin or the API as returnTo lands on /', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/api/tokens']) {
      account();
      const done = await signInWithSso(w.h.verity, returnTo);
      seen.push(...done.texts);
      expect(done.location, returnTo).toBe('/');
      expect(await whoIs(w.h.verity, done.session)).not.toBeNull();
    }
  });
});

describe('single sign-on: the checks', () => {
  it('refuses a callback whose state is not the one this browser was given', async () => {
    account();
    const started = await startSignIn(w.h.verity);
    const callback = await atProvider(started.authUrl);
    callback.searchParams.set('state', 'not-the-state-we-sent');
    const done = await finishSignIn(w.h.verity, callback, started.flowCookie);
    seen.push(...done.texts);
    expect(done.location).toBe('/?sso_error=SSO_FAILED');
    expect(done.session).toBeNull();
  });

  it('refuses a callback in a browser that did not start the sign-in (no flow cookie), and a replayed one', async () => {
    account();
    const started = await startSignIn(w.h.verity);
    const callback = await atProvider(started.authUrl);
    const elsewhere = await finishSignIn(w.h.verity, callback, null);
    expect([elsewhere.location, elsewhere.session]).toEqual(['/?sso_error=SSO_FAILED', null]);
    const own = await finishSignIn(w.h.verity, callback, started.flowCookie);
    expect(own.session).not.toBeNull();
    // The code is used up at the provider: the same callback again is refused.
    const replay = await finishSignIn(w.h.verity, callback, started.flowCookie);
    expect([replay.location, replay.session]).toEqual(['/?sso_error=SSO_FAILED', null]);
    seen.push(...elsewhere.texts, ...own.texts, ...replay.texts);
  });

  it("refuses an ID token whose nonce is another sign-in's", async () => {
    account();
    const a = await startSignIn(w.h.verity);
    const b = await startSignIn(w.h.verity);
    // A's request, carrying B's state and PKCE challenge but A's nonce, finished in B's browser:
    // the state and PKCE hold, only the nonce differs.
    const mixed = new URL(a.authUrl);
    for (const p of ['state', 'code_challenge']) mixed.searchParams.set(p, b.authUrl.searchParams.get(p)!);
    const done = await finishSignIn(w.h.verity, await atProvider(mixed), b.flowCookie);
    seen.push(...done.texts);
    expect([done.location, done.session]).toEqual(['/?sso_error=SSO_FAILED', null]);
    expect(
      w.logs.lines.some(
        (l) =>
          l.includes('single sign-on: refused') &&
          l.includes('OAUTH_JWT_CLAIM_COMPARISON') &&
          l.includes('nonce'),
      ),
    ).toBe(true);
  });

  it("refuses a code whose PKCE challenge is another sign-in's", async () => {
    account();
    const a = await startSignIn(w.h.verity);
    const b = await startSignIn(w.h.verity);
    const mixed = new URL(a.authUrl);
    for (const p of ['state', 'nonce']) mixed.searchParams.set(p, b.authUrl.searchParams.get(p)!);
    const done = await finishSignIn(w.h.verity, await atProvider(mixed), b.flowCookie);
    seen.push(...done.texts);
    expect([done.location, done.session]).toEqual(['/?sso_error=SSO_FAILED', null]);
    expect(w.logs.lines.some((l) => l.includes('single sign-on: refused') && /invalid_grant/.test(l))).toBe(
      true,
    );
  });

  it("refuses the provider's error answer (the person declined)", async () => {
    const started = await startSignIn(w.h.verity);
    const state = started.authUrl.searchParams.get('state')!;
    const callback = new URL(
      `http://verity.test/api/auth/sso/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(w.provider.issuer)}`,
    );
    const done = await finishSignIn(w.h.verity, callback, started.flowCookie);
    expect([done.location, done.session]).toEqual(['/?sso_error=SSO_FAILED', null]);
  });

  it('keeps the outbound guard: a provider on a private address is refused unless the configuration allows it', async () => {
    const guarded = await w.sibling({
      issuer: new URL('https://127.0.0.1:8443/'),
      allowPrivateNetwork: false,
    });
    const started = await startSignIn(guarded);
    expect(started.status).toBe(303);
    expect(started.authUrl.href).toBe('http://verity.test/?sso_error=SSO_FAILED');
    expect(w.logs.lines.some((l) => l.includes('loopback address'))).toBe(true);
  });

  it('never shows the client secret: not in any response, nor in any log line, even when the provider refuses it', async () => {
    const wrong = `wrong-${w.provider.clientSecret.slice(-20)}-x`;
    const badSecret = await w.sibling({ clientSecret: wrong });
    account();
    const refused = await signInWithSso(badSecret);
    expect(refused.location).toBe('/?sso_error=SSO_FAILED');
    expect(w.logs.lines.some((l) => /invalid_client/.test(l))).toBe(true);
    const openapi = await w.h.call(null, 'GET', '/api/openapi.json');
    const texts = [...seen, ...refused.texts, JSON.stringify(openapi.body)];
    assertNowhere(w.provider.clientSecret, { responses: texts.join('\n'), logs: w.logs.lines.join('\n') });
    assertNowhere(wrong, { responses: texts.join('\n'), logs: w.logs.lines.join('\n') });
    expect(w.logs.lines.length).toBeGreaterThan(20);
  });
});
