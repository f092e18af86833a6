import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, managersOfA, signedIn, type World } from './access-world.ts';

/**
 * Generation's row of the role × route matrix. The world's projects have no `responses` field,
 * so those who may start a job get as far as the field check (VALIDATION_FAILED, nothing
 * enqueued); the rest are refused before it. The connection is a row of the store's own.
 */
const connections = new WeakMap<World, Promise<number>>();
function connectionOf(w: World): Promise<number> {
  let id = connections.get(w);
  if (!id) {
    id = w.h.verity.store.db
      .insertInto('modelConnections')
      .values({
        name: 'zq-matrix-connection',
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'matrix-model',
        apiKeySealed: null,
        requestsPerMinute: null,
        createdBy: w.users.admin.id,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.id));
    connections.set(w, id);
  }
  return id;
}

const generate = (projectOf: (w: World) => number) => async (w: World) => ({
  params: { projectId: projectOf(w) },
  body: { connection: await connectionOf(w), candidates: 2 },
});

export const generationCases = {
  generateCandidates: [
    { target: 'project A', build: generate((w) => w.projectA), expect: managersOfA('VALIDATION_FAILED') },
    {
      target: 'project B',
      build: generate((w) => w.projectB),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 'VALIDATION_FAILED', manager: 'VALIDATION_FAILED' }),
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
