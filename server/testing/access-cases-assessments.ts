/**
 * The access matrix's cases for assessments (docs/assessments.md): anyone signed in lists their
 * own; members start a members-only assessment (admins and managers who are not are refused,
 * others do not see the project), anyone signed in an open one; attempts are for those who see
 * all of a project's work.
 */
import { expect } from 'vitest';
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, signedIn, unique, type World } from './access-world.ts';
import { postItems } from './factories.ts';
import { sampleInterface } from './harness.ts';

const made = new WeakMap<World, Map<string, number>>();

/** An assessment project with one question, staffed like project A; one per world and kind of setting. */
async function assessmentProject(w: World, openToAll: boolean): Promise<number> {
  const mine = made.get(w) ?? new Map<string, number>();
  made.set(w, mine);
  const key = String(openToAll);
  const known = mine.get(key);
  if (known !== undefined) return known;
  const db = w.h.verity.store.db;
  const skill = 'matrix.assessed';
  await db
    .insertInto('skills')
    .values({ name: skill, description: 'matrix', createdBy: null, createdAt: 1 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const created = await w.h.call(w.users.admin, 'POST', '/api/projects', {
    name: unique('matrix assessment'),
    interface: sampleInterface,
    assessment: { skill, level: 1, passMark: 0.5, openToAll },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const projectId: number = created.body.id;
  for (const [user, role] of [
    [w.users.projectManager, 'manager'],
    [w.users.reviewer, 'reviewer'],
    [w.users.annotator, 'annotator'],
    [w.users.suspended, 'manager'],
  ] as const) {
    const res = await w.h.call(w.users.admin, 'POST', `/api/projects/${projectId}/members`, {
      userId: user.id,
      role,
    });
    expect(res.status).toBe(201);
  }
  await postItems(w.h.verity, w.users.admin, projectId, [
    { data: { text: 'matrix question', source: 'matrix' }, gold: { topic: 'algebra' } },
  ]);
  mine.set(key, projectId);
  return projectId;
}

export const assessmentCases = {
  listMyAssessments: [{ target: 'own assessments', build: () => ({}), expect: signedIn(all(200)) }],
  startAssessmentAttempt: [
    {
      target: 'project A (no assessment)',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn(all('NOT_FOUND')),
    },
    {
      target: 'a members-only assessment',
      build: async (w) => ({ params: { projectId: await assessmentProject(w, false) } }),
      expect: signedIn({ ...all(200), admin: 'FORBIDDEN', manager: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
    {
      target: 'an assessment open to all',
      build: async (w) => ({ params: { projectId: await assessmentProject(w, true) } }),
      expect: signedIn(all(200)),
    },
  ],
  assessmentAttempts: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
    {
      target: 'a members-only assessment',
      build: async (w) => ({ params: { projectId: await assessmentProject(w, false) } }),
      expect: signedIn({ ...all(200), annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
