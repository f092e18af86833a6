/** The access matrix's cases for model connections: admins only, every route. */
import type { OperationId } from '../../core/api/routes.ts';
import { insertConnection } from '../models/connections.repository.ts';
import { seal } from '../models/seal.ts';
import { all, type Case, signedIn, unique, type World } from './access-world.ts';

/**
 * A connection of its own per case, pointing at a loopback address it may not reach: the test
 * route answers at once (blocked_address) without a network call.
 */
async function spareConnection(w: World): Promise<number> {
  const row = await insertConnection(w.h.verity.store.db, {
    name: unique('model'),
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'm',
    apiKeySealed: seal(w.h.verity.ctx.secret, 'sk-access-matrix-key'),
    params: {},
    concurrency: 1,
    requestsPerMinute: null,
    timeoutMs: 5000,
    allowPrivateNetwork: false,
    createdBy: w.users.admin.id,
  });
  return row.id;
}

const adminOnly = (ok: 200 | 201 | 204) => signedIn({ ...all('FORBIDDEN'), admin: ok });
const one = async (w: World) => ({ params: { connectionId: await spareConnection(w) } });

export const modelCases = {
  listModelConnections: [{ target: 'all connections', build: () => ({}), expect: adminOnly(200) }],
  createModelConnection: [
    {
      target: 'a new connection',
      build: () => ({
        body: {
          name: unique('model'),
          baseUrl: 'https://models.example.org/v1',
          model: 'm',
          apiKey: 'sk-new',
        },
      }),
      expect: adminOnly(201),
    },
  ],
  getModelConnection: [{ target: 'a connection', build: one, expect: adminOnly(200) }],
  updateModelConnection: [
    {
      target: 'a connection',
      build: async (w) => ({ ...(await one(w)), body: { concurrency: 2 } }),
      expect: adminOnly(200),
    },
  ],
  deleteModelConnection: [{ target: 'a connection', build: one, expect: adminOnly(204) }],
  testModelConnection: [{ target: 'a connection', build: one, expect: adminOnly(200) }],
} satisfies Partial<Record<OperationId, Case[]>>;
