import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient, type Send } from '../testing/auth-client.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const { send, freshIp } = authClient(() => h);
const signIn = (email: string, password: string, ip: string, more: Partial<Send> = {}) =>
  send({ method: 'POST', url: '/api/auth/login', body: { email, password }, ip, ...more });
const fail = (email: string, ip: string, more: Partial<Send> = {}) =>
  signIn(email, 'wrong-password', ip, more);

/** Fails `n` times and checks each was judged on its password (401), not refused. */
async function failTimes(n: number, email: string, ip: string, more: Partial<Send> = {}): Promise<void> {
  for (let i = 1; i <= n; i++) expect((await fail(email, ip, more)).status, `failure ${i}`).toBe(401);
}

/** Lets every wait run out, as if the time had passed. */
const waitsRunOut = () => h.verity.store.db.updateTable('signInThrottle').set({ nextAttemptAt: 0 }).execute();

describe('sign-in throttle', () => {
  it('never limits successful sign-ins, however many come from one address (an office behind one address)', async () => {
    const office = freshIp();
    const staff = await Promise.all(Array.from({ length: 5 }, () => h.user('annotator')));
    for (let round = 0; round < 8; round++) {
      for (const person of staff) {
        expect((await signIn(person.email, person.password, office)).status, `round ${round}`).toBe(200);
      }
    }
  });

  it('after six failures of an account at an address, makes the next attempt there wait, the right password too', async () => {
    const user = await h.user('annotator');
    const ip = freshIp();
    await failTimes(6, user.email, ip);
    const refused = await signIn(user.email, user.password, ip);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.body.error.message).toBe('Too many failed sign-ins; try again in 1 second.');
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.error.details).toEqual({ retryAfterSeconds: 1 });
    expect(refused.setCookies).toEqual([]);
  });

  it('lets the right password in from another address while one address is throttled for that account', async () => {
    const user = await h.user('annotator');
    const attacker = freshIp();
    await failTimes(6, user.email, attacker);
    expect((await fail(user.email, attacker)).status).toBe(429);
    expect((await signIn(user.email, user.password, freshIp())).status).toBe(200);
    // The owner's success elsewhere does not free the guesser.
    expect((await fail(user.email, attacker)).status).toBe(429);
  });

  it('doubles the wait with each further failure, and a success at that address wipes the slate', async () => {
    const user = await h.user('annotator');
    const ip = freshIp();
    await failTimes(6, user.email, ip);
    const waits: string[] = [];
    for (let i = 0; i < 3; i++) {
      waits.push(String((await fail(user.email, ip)).headers['retry-after']));
      await waitsRunOut();
      expect((await fail(user.email, ip)).status).toBe(401);
    }
    waits.push(String((await fail(user.email, ip)).headers['retry-after']));
    expect(waits).toEqual(['1', '2', '4', '8']);
    await waitsRunOut();
    expect((await signIn(user.email, user.password, ip)).status).toBe(200);
    await failTimes(6, user.email, ip);
    expect((await fail(user.email, ip)).headers['retry-after']).toBe('1');
  });

  it('throttles an unknown email exactly like a known one', async () => {
    const user = await h.user('annotator');
    const answers = async (email: string) => {
      const ip = freshIp();
      const seen = [];
      for (let i = 0; i < 8; i++) {
        const res = await fail(email, ip);
        seen.push({ status: res.status, retryAfter: res.headers['retry-after'], body: res.body });
      }
      return seen;
    };
    const known = await answers(user.email);
    const unknown = await answers('nobody-by-this-name@example.org');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });

  it('counts guesses sent all at once before any is judged, so they cannot slip past together', async () => {
    const user = await h.user('annotator');
    const ip = freshIp();
    const answers = await Promise.all(Array.from({ length: 20 }, () => fail(user.email, ip)));
    const judged = answers.filter((a) => a.status === 401).length;
    expect(judged).toBeLessThanOrEqual(6);
    expect(answers.filter((a) => a.status === 429).length).toBe(20 - judged);
  });

  it('slows an address that sprays many accounts after 100 failures, and no other address', async () => {
    const ip = freshIp();
    for (let i = 0; i < 101; i++) {
      expect((await fail(`spray-${i}@example.org`, ip)).status, `failure ${i + 1}`).toBe(401);
    }
    const user = await h.user('annotator');
    const refused = await signIn(user.email, user.password, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect((await signIn(user.email, user.password, freshIp())).status).toBe(200);
  });

  it('keeps one limit for two server processes on one store', async () => {
    const other = await h.sibling();
    const user = await h.user('annotator');
    const ip = freshIp();
    await failTimes(3, user.email, ip);
    await failTimes(3, user.email, ip, { via: other });
    expect((await signIn(user.email, user.password, ip)).status).toBe(429);
    expect((await signIn(user.email, user.password, ip, { via: other })).status).toBe(429);
  });

  it('keeps the limit across a restart', async () => {
    const user = await h.user('annotator');
    const ip = freshIp();
    const before = await h.sibling();
    await failTimes(6, user.email, ip, { via: before });
    await before.close();
    const after = await h.sibling();
    expect((await signIn(user.email, user.password, ip, { via: after })).status).toBe(429);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const user = await h.user('annotator');
    const peer = freshIp();
    for (let i = 0; i < 6; i++) {
      expect((await fail(user.email, peer, { headers: { 'x-forwarded-for': freshIp() } })).status).toBe(401);
    }
    expect((await fail(user.email, peer, { headers: { 'x-forwarded-for': freshIp() } })).status).toBe(429);
    // Nor can another peer borrow the throttled address by writing it in.
    const borrowed = await signIn(user.email, user.password, freshIp(), {
      headers: { 'x-forwarded-for': peer },
    });
    expect(borrowed.status).toBe(200);
  });

  it('takes the address a trusted proxy saw, never one the client wrote in, so nobody can throttle a victim', async () => {
    const proxy = '10.200.0.1';
    const behindProxy = await h.sibling({ trustedProxies: [proxy] });
    const user = await h.user('annotator');
    const victim = '198.51.100.7';
    const attacker = '203.0.113.9';
    // The attacker writes the victim's address; the proxy appends the address it saw.
    const forged = { via: behindProxy, headers: { 'x-forwarded-for': `${victim}, ${attacker}` } };
    await failTimes(6, user.email, proxy, forged);
    expect((await fail(user.email, proxy, forged)).status).toBe(429);
    const own = { via: behindProxy, headers: { 'x-forwarded-for': victim } };
    expect((await signIn(user.email, user.password, proxy, own)).status).toBe(200);
  });

  it('stores neither emails nor addresses, and prunes keys that hold nothing', async () => {
    const user = await h.user('annotator');
    const ip = freshIp();
    await failTimes(2, user.email, ip);
    const db = h.verity.store.db;
    const rows = JSON.stringify(await db.selectFrom('signInThrottle').selectAll().execute());
    expect(rows).not.toContain(user.email);
    expect(rows).not.toContain(ip);
    await db
      .insertInto('signInThrottle')
      .values({ key: 'a:spent', failures: 1, updatedAt: 0, nextAttemptAt: 0, expiresAt: Date.now() - 1 })
      .execute();
    // A process prunes on its first failure, then at most every ten minutes.
    const fresh = await h.sibling();
    await fail(user.email, freshIp(), { via: fresh });
    const keys = (await db.selectFrom('signInThrottle').select('key').execute()).map((r) => r.key);
    expect(keys).not.toContain('a:spent');
    expect(keys.length).toBeGreaterThan(0);
  });
});
