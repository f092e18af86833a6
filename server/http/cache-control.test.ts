import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient } from '../testing/auth-client.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const { send } = authClient(() => h);

describe('Cache-Control', () => {
  it('marks every API answer no-store: data, sign-in, errors', async () => {
    const user = await h.user('manager');
    const answers = [
      await send({ url: '/api/projects', token: user.token }),
      await send({ url: '/api/auth/me', token: user.token }),
      await send({
        method: 'POST',
        url: '/api/auth/login',
        body: { email: user.email, password: user.password },
      }),
      await send({ url: '/api/projects' }),
      await send({ url: '/api/no-such-route', token: user.token }),
    ];
    for (const res of answers)
      expect(res.headers['cache-control'], JSON.stringify(res.body)).toBe('no-store');
  });

  it('lets the public API description be cached', async () => {
    for (const url of ['/api/openapi.json', '/api/docs']) {
      const res = await h.verity.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBeUndefined();
    }
  });
});
