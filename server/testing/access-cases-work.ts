/** The access matrix's cases for the work on items: import, browse, export, annotate. */
import { expect } from 'vitest';
import type { OperationId } from '../../core/api/routes.ts';
import {
  all,
  assignmentCases,
  type Case,
  importBody,
  managersOfA,
  secrets,
  signedIn,
  unique,
  type World,
} from './access-world.ts';
import { postItems } from './factories.ts';

const ownAnswers = { topic: 'algebra', comment: secrets.A_OWN_ANSWER.text };

/** The annotator's live lock in project A: the one they hold, or a newly claimed one. */
async function annotatorsLock(w: World): Promise<number> {
  const next = await w.h.call(w.users.annotator, 'POST', `/api/projects/${w.projectA}/assignments/next`);
  expect(next.status).toBe(200);
  return next.body.assignment.id;
}

/** A new item of the project, made for one call that deletes it; its id. */
async function spareItem(w: World, projectId: number): Promise<number> {
  await postItems(w.h.verity, w.users.admin, projectId, [
    { data: { text: unique('spare'), source: 'matrix' } },
  ]);
  const row = await w.h.verity.store.db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', projectId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const workCases = {
  importItems: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA }, raw: importBody() }),
      expect: signedIn({
        admin: 201,
        manager: 201,
        projectManager: 201,
        reviewer: 'FORBIDDEN',
        annotator: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
      }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB }, raw: importBody() }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 201, manager: 201 }),
    },
  ],
  listItems: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA }, query: { limit: '500' } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: ['A_OWN_TEXT', 'A_OTHER_TEXT'],
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB }, query: { limit: '500' } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_TEXT'],
    },
  ],
  bulkItemAction: [
    {
      target: "the priority of the annotator's item in A (set to what it is)",
      build: (w) => ({
        params: { projectId: w.projectA },
        body: { action: 'priority', ids: [w.work.A.item], priority: 10 },
      }),
      expect: managersOfA(200),
    },
    {
      target: 'a spare item of A, deleted',
      build: async (w) => ({
        params: { projectId: w.projectA },
        body: { action: 'delete', ids: [await spareItem(w, w.projectA)] },
      }),
      expect: managersOfA(200),
    },
    {
      target: 'a spare item of B, returned to the queue',
      build: async (w) => ({
        params: { projectId: w.projectB },
        body: { action: 'requeue', ids: [await spareItem(w, w.projectB)] },
      }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  getItem: [
    {
      target: "the annotator's item in A, shared with a colleague",
      build: (w) => ({ params: { itemId: w.work.A.item } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: ['A_OWN_TEXT', 'A_OWN_ANSWER', 'A_SHARED_ANSWER'],
    },
    {
      target: "a colleague's item in A",
      build: (w) => ({ params: { itemId: w.work.other.item } }),
      expect: signedIn({ ...all(200), annotator: 'NOT_FOUND', outsider: 'NOT_FOUND' }),
      shows: ['A_OTHER_TEXT', 'A_OTHER_ANSWER'],
    },
    {
      target: 'an item of B',
      build: (w) => ({ params: { itemId: w.work.B.item } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_TEXT', 'B_ANSWER'],
    },
  ],
  annotationHistory: [
    {
      target: "the annotator's annotation in A",
      build: (w) => ({ params: { annotationId: w.work.A.annotation } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: ['A_OWN_ANSWER'],
    },
    {
      target: "a colleague's annotation in A",
      build: (w) => ({ params: { annotationId: w.work.other.annotation } }),
      expect: signedIn({ ...all(200), annotator: 'NOT_FOUND', outsider: 'NOT_FOUND' }),
      shows: ['A_OTHER_ANSWER'],
    },
    {
      target: 'an annotation of B',
      build: (w) => ({ params: { annotationId: w.work.B.annotation } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_ANSWER'],
    },
  ],
  exportItems: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
      shows: ['A_OWN_TEXT', 'A_OWN_ANSWER', 'A_SHARED_ANSWER', 'A_OTHER_TEXT', 'A_OTHER_ANSWER'],
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
      shows: ['B_TEXT', 'B_ANSWER'],
    },
  ],
  nextAssignment: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  myAssignments: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
      shows: (kind) => (kind === 'annotator' ? ['A_OWN_TEXT', 'A_OWN_ANSWER'] : []),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  myProgress: [
    {
      target: 'project A',
      build: (w) => ({ params: { projectId: w.projectA } }),
      expect: signedIn({ ...all(200), outsider: 'NOT_FOUND' }),
    },
    {
      target: 'project B',
      build: (w) => ({ params: { projectId: w.projectB } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  getAssignment: assignmentCases(() => ({}), 200, ['A_OWN_TEXT', 'A_OWN_ANSWER']),
  saveDraft: assignmentCases(() => ({ body: { answers: ownAnswers } }), 200, ['A_OWN_ANSWER']),
  submit: assignmentCases(
    () => ({ body: { answers: ownAnswers, idempotencyKey: unique('matrix-key') } }),
    200,
    ['A_OWN_ANSWER'],
  ),
  skip: [
    {
      target: "the annotator's open lock in A",
      build: async (w) => {
        // Skipping closes the lock, so each caller gets the annotator's current (or a fresh) one.
        return { params: { assignmentId: await annotatorsLock(w) }, body: { reason: 'matrix' } };
      },
      expect: signedIn({ ...all('NOT_FOUND'), annotator: 200 }),
    },
    {
      target: "a colleague's assignment in A",
      build: (w) => ({ params: { assignmentId: w.work.other.assignment }, body: {} }),
      expect: signedIn(all('NOT_FOUND')),
    },
    {
      target: 'a lock in B',
      build: (w) => ({ params: { assignmentId: w.work.bravoLock }, body: {} }),
      expect: signedIn(all('NOT_FOUND')),
    },
  ],
  returnSkip: [
    {
      target: "the annotator's skip in A",
      build: async (w) => {
        // Each caller returns a fresh skip: the annotator's current (or a new) lock, skipped.
        const id = await annotatorsLock(w);
        const skipped = await w.h.call(w.users.annotator, 'POST', `/api/assignments/${id}/skip`, {});
        expect(skipped.status).toBe(200);
        return { params: { assignmentId: id } };
      },
      expect: signedIn({ ...all(200), reviewer: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
    {
      target: "the annotator's submitted assignment in A",
      build: (w) => ({ params: { assignmentId: w.work.A.assignment } }),
      expect: signedIn({ ...all('CONFLICT'), reviewer: 'FORBIDDEN', outsider: 'NOT_FOUND' }),
    },
    {
      target: 'a submitted assignment in B',
      build: (w) => ({ params: { assignmentId: w.work.B.assignment } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 'CONFLICT', manager: 'CONFLICT' }),
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
