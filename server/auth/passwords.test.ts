import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient } from '../testing/auth-client.ts';
import { type Harness, startHarness } from '../testing/harness.ts';
import { insertUser } from '../users/users.repository.ts';
import { hashPassword, PASSWORD_COST, verifyPassword } from './crypto.ts';
import { Gate } from './passwords.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const { send } = authClient(() => h);

describe('password hashing', () => {
  it('hashes at scrypt N=2^17, r=8, p=1 (OWASP) unless told otherwise, and checks the result', async () => {
    expect(PASSWORD_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toEqual({ ok: true, weaker: false });
    expect(await verifyPassword('wrong horse battery', stored)).toEqual({ ok: false, weaker: false });
  });

  it('rehashes a password stored at the old cost (2^14) when its owner next signs in', async () => {
    // A server at the real cost: the harness's own hashes cheaply.
    const real = await h.sibling({ passwordCostForTests: undefined });
    const password = 'an-old-but-good-password';
    const old = await hashPassword(password, { N: 2 ** 14, r: 8, p: 1 });
    const user = await insertUser(h.verity.store.db, {
      email: 'old-hash@example.org',
      name: 'Old Hash',
      role: 'annotator',
      passwordHash: old,
    });
    const stored = async () =>
      (
        await h.verity.store.db
          .selectFrom('users')
          .select('passwordHash')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).passwordHash;
    const signIn = () =>
      send({ method: 'POST', url: '/api/auth/login', body: { email: user.email, password }, via: real });
    expect((await signIn()).status).toBe(200);
    const rehashed = await stored();
    expect(rehashed).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await signIn()).status).toBe(200);
    expect(await stored()).toBe(rehashed);
  });

  it('refuses, without trying, a stored hash that asks for an absurd cost', async () => {
    const absurd = `scrypt$${2 ** 30}$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;
    expect(await verifyPassword('anything', absurd, { N: 2 ** 10, r: 8, p: 1 })).toEqual({
      ok: false,
      weaker: false,
    });
  });
});

describe('the hashing gate', () => {
  it('runs at most two hashes at once, queues the next ones, and refuses beyond the waiting room', async () => {
    const gate = new Gate({ concurrent: 2, waiting: 3, retryAfterSeconds: 2 });
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
      });
    const admitted = Array.from({ length: 5 }, task);
    await expect(task()).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: 'The server is busy checking passwords; try again in a few seconds.',
      details: { retryAfterSeconds: 2 },
    });
    for (let done = 0; done < 5; done++) {
      await new Promise((r) => setImmediate(r));
      expect(running).toBeLessThanOrEqual(2);
      releases.shift()!();
    }
    await Promise.all(admitted);
    expect(most).toBe(2);
    // Once drained it admits again.
    const again = task();
    await new Promise((r) => setImmediate(r));
    releases.shift()!();
    await again;
  });
});
