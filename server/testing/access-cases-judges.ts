/**
 * The access matrix's cases for model judges and suggestions (docs/judge.md): the project's
 * managers and admins make and run them, its reviewers see the list, nobody else.
 */
import { expect } from 'vitest';
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, signedIn, unique, type World } from './access-world.ts';

/**
 * A model connection, written straight to the store: the routes here only read it (nothing is
 * called: a run's job is queued, and the world's server answers no model). Its address is a port
 * nobody listens on.
 */
export async function judgeConnection(w: World): Promise<number> {
  const now = Date.now();
  const row = await w.h.verity.store.db
    .insertInto('modelConnections')
    .values({
      name: unique('matrix-model'),
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'matrix-model',
      apiKeySealed: null,
      requestsPerMinute: null,
      createdBy: w.users.admin.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A judge of the project, added by the admin; its account's user id. */
async function judgeOf(w: World, projectId: number): Promise<number> {
  const res = await w.h.call(w.users.admin, 'POST', `/api/projects/${projectId}/judges`, {
    connection: await judgeConnection(w),
  });
  expect(res.status).toBe(201);
  return res.body.userId;
}

const viewersOfA = signedIn({ ...all(200), annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' });
const viewersOfB = signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 });
const managersOfA = signedIn({
  admin: 201,
  manager: 201,
  projectManager: 201,
  reviewer: 'FORBIDDEN',
  annotator: 'FORBIDDEN',
  outsider: 'NOT_FOUND',
});
const managersOfB = signedIn({ ...all('NOT_FOUND'), admin: 201, manager: 201 });

export const judgeCases = {
  judgeReport: [
    { target: 'project A', build: (w) => ({ params: { projectId: w.projectA } }), expect: viewersOfA },
    { target: 'project B', build: (w) => ({ params: { projectId: w.projectB } }), expect: viewersOfB },
  ],
  listConnectionChoices: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), reviewer: 'FORBIDDEN', annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
    { target: 'project B', build: (w) => ({ params: { projectId: w.projectB } }), expect: viewersOfB },
  ],
  listJudges: [
    { target: 'project A', build: (w) => ({ params: { projectId: w.projectA } }), expect: viewersOfA },
    { target: 'project B', build: (w) => ({ params: { projectId: w.projectB } }), expect: viewersOfB },
  ],
  addJudge: [
    {
      target: 'project A',
      build: async (w) => ({
        params: { projectId: w.projectA },
        body: { connection: await judgeConnection(w) },
      }),
      expect: managersOfA,
    },
    {
      target: 'project B',
      build: async (w) => ({
        params: { projectId: w.projectB },
        body: { connection: await judgeConnection(w) },
      }),
      expect: managersOfB,
    },
  ],
  runJudge: [
    {
      target: 'a judge of project A',
      build: async (w) => ({
        params: { projectId: w.projectA, userId: await judgeOf(w, w.projectA) },
        body: {},
      }),
      expect: managersOfA,
    },
    {
      target: 'a judge of project B',
      build: async (w) => ({
        params: { projectId: w.projectB, userId: await judgeOf(w, w.projectB) },
        body: {},
      }),
      expect: managersOfB,
    },
  ],
  suggest: [
    {
      target: 'project A',
      build: async (w) => ({
        params: { projectId: w.projectA },
        body: { connection: await judgeConnection(w) },
      }),
      expect: managersOfA,
    },
    {
      target: 'project B',
      build: async (w) => ({
        params: { projectId: w.projectB },
        body: { connection: await judgeConnection(w) },
      }),
      expect: managersOfB,
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
