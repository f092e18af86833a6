/** The access matrix's cases for background jobs: admins see all; a project's managers its own. */
import type { OperationId } from '../../core/api/routes.ts';
import { writeTransaction } from '../db/transaction.ts';
import { insertJob, insertSteps, settleTotal } from '../jobs/jobs.repository.ts';
import { all, type Case, signedIn, type World } from './access-world.ts';

/** An open job (queued: the matrix's server runs no jobs) of the project, or of none; its id. */
export async function jobFixture(w: World, projectId: number | null): Promise<number> {
  const store = w.h.verity.store;
  return writeTransaction(store, async (tx) => {
    const now = Date.now();
    const id = await insertJob(tx, {
      kind: 'matrix',
      projectId,
      params: '{}',
      lane: null,
      createdBy: w.users.admin.id,
      now,
    });
    await insertSteps(tx, { jobId: id, lane: null, keys: ['one', 'two'], now });
    await settleTotal(tx, id, now);
    return id;
  });
}

const NF = 'NOT_FOUND' as const;
const managersOfA = signedIn({ ...all(NF), admin: 200, manager: 200, projectManager: 200 });
const managersOfB = signedIn({ ...all(NF), admin: 200, manager: 200 });
const adminsOnly = signedIn({ ...all(NF), admin: 200 });

/** A fresh job for each call: a cancelled one could not be cancelled again. */
const oneJob: Case[] = [
  {
    target: 'a job of project A',
    build: async (w) => ({ params: { jobId: await jobFixture(w, w.projectA) } }),
    expect: managersOfA,
  },
  {
    target: 'a job of project B',
    build: async (w) => ({ params: { jobId: await jobFixture(w, w.projectB) } }),
    expect: managersOfB,
  },
  {
    target: 'a job of no project',
    build: async (w) => ({ params: { jobId: await jobFixture(w, null) } }),
    expect: adminsOnly,
  },
];

export const jobCases = {
  listJobs: [
    { target: 'all jobs', build: () => ({}), expect: signedIn(all(200)) },
    {
      target: 'project A',
      build: (w) => ({ query: { projectId: String(w.projectA) } }),
      expect: managersOfA,
    },
    {
      target: 'project B',
      build: (w) => ({ query: { projectId: String(w.projectB) } }),
      expect: managersOfB,
    },
  ],
  getJob: oneJob,
  cancelJob: oneJob,
} satisfies Partial<Record<OperationId, Case[]>>;
