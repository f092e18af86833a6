/** The access matrix's cases for gold: reports and marks for managers and reviewers, lifts for managers. */
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, managersOfA, signedIn, throwawayUser, type World } from './access-world.ts';

// Whether a project has gold is hidden: members who may not see the report are told it is not there.
const viewersOfA = signedIn({ ...all(200), annotator: 'NOT_FOUND', outsider: 'NOT_FOUND' });
const viewersOfB = signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 });

/** A live pause of a fresh account on the project; that account's id. */
async function pausedUser(w: World, projectId: number): Promise<number> {
  const userId = await throwawayUser(w);
  await w.h.verity.store.db
    .insertInto('goldPauses')
    .values({
      projectId,
      userId,
      rule: 'test',
      accuracy: 0,
      scored: 1,
      pausedAt: 1,
      liftedBy: null,
      liftedAt: null,
    })
    .execute();
  return userId;
}

/** A free-text gold answer of a fresh account awaiting a mark on the item; the mark's body. */
async function markDue(w: World, projectId: number, itemId: number) {
  const userId = await throwawayUser(w);
  await w.h.verity.store.db
    .insertInto('goldScores')
    .values({
      projectId,
      itemId,
      userId,
      annotationId: 0,
      question: 'comment',
      score: null,
      detail: null,
      scoredAt: 1,
      markedBy: null,
      markedAt: null,
    })
    .execute();
  return { itemId, userId, question: 'comment', score: 1 };
}

export const goldCases = {
  goldReport: [
    { target: 'project A', build: (w) => ({ params: { projectId: w.projectA } }), expect: viewersOfA },
    { target: 'project B', build: (w) => ({ params: { projectId: w.projectB } }), expect: viewersOfB },
  ],
  liftGoldPause: [
    {
      target: 'a pause in project A',
      build: async (w) => ({ params: { projectId: w.projectA, userId: await pausedUser(w, w.projectA) } }),
      expect: managersOfA(200),
    },
    {
      target: 'a pause in project B',
      build: async (w) => ({ params: { projectId: w.projectB, userId: await pausedUser(w, w.projectB) } }),
      expect: signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 }),
    },
  ],
  markGoldAnswer: [
    {
      target: 'an answer in project A',
      build: async (w) => ({
        params: { projectId: w.projectA },
        body: await markDue(w, w.projectA, w.work.other.item),
      }),
      expect: viewersOfA,
    },
    {
      target: 'an answer in project B',
      build: async (w) => ({
        params: { projectId: w.projectB },
        body: await markDue(w, w.projectB, w.work.B.item),
      }),
      expect: viewersOfB,
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
