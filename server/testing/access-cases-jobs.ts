/** The access matrix's cases for background jobs: admins see all; a project's managers its own. */
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, signedIn, type World } from './access-world.ts';
import { insertFixtureJob } from './job-fixtures.ts';

/** An open job (queued: the matrix's server runs no jobs) of the project, or of none; its id. */
export const jobFixture = (w: World, projectId: number | null): Promise<number> =>
  insertFixtureJob(w.h.verity.store, { projectId, createdBy: w.users.admin.id, keys: ['one', 'two'] });

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
