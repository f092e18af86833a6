/** The access matrix's cases for review (docs/quality.md): reviewers and managers of the project. */
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, secrets, signedIn, type World } from './access-world.ts';

/** Reviewers of A: its managers and reviewer members; annotators are refused, outsiders told nothing. */
const reviewersOfA = (o: 200 | 204) => signedIn({ ...all(o), annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' });
const reviewersOfB = signedIn({ ...all('NOT_FOUND'), admin: 204, manager: 204 });

/**
 * The colleague's annotation in A, put (back) in the review queue, nobody holding it: each caller
 * meets the same state. Returns its current revision.
 */
async function queued(w: World): Promise<{ annotationId: number; revision: number }> {
  const db = w.h.verity.store.db;
  const annotationId = w.work.other.annotation;
  const a = await db
    .selectFrom('annotations')
    .select(['revision', 'itemId', 'projectId', 'userId'])
    .where('id', '=', annotationId)
    .executeTakeFirstOrThrow();
  const now = Date.now();
  const state = {
    status: 'awaiting_review' as const,
    enteredAt: now,
    claimedBy: null,
    claimExpiresAt: null,
    comment: null,
    reviewedBy: null,
    reviewedAt: null,
    fixedFromRevision: null,
    updatedAt: now,
  };
  await db
    .insertInto('reviews')
    .values({ annotationId, projectId: a.projectId, itemId: a.itemId, annotatorId: a.userId, ...state })
    .onConflict((oc) => oc.column('annotationId').doUpdateSet(state))
    .execute();
  return { annotationId, revision: a.revision };
}

const decision = (body: (revision: number) => Record<string, unknown>): Case[] => [
  {
    target: "a colleague's annotation awaiting review in A",
    build: async (w) => {
      const q = await queued(w);
      return { params: { projectId: w.projectA, annotationId: q.annotationId }, body: body(q.revision) };
    },
    expect: reviewersOfA(200),
    shows: ['A_OTHER_ANSWER'],
  },
  {
    target: 'an annotation of B not in review',
    build: (w) => ({ params: { projectId: w.projectB, annotationId: w.work.B.annotation }, body: body(1) }),
    expect: signedIn({ ...all('NOT_FOUND') }),
  },
];

export const reviewCases = {
  nextReview: [
    {
      target: 'project A, with an annotation awaiting review',
      build: async (w) => {
        await queued(w);
        return { params: { projectId: w.projectA } };
      },
      expect: reviewersOfA(200),
      shows: ['A_OTHER_TEXT', 'A_OTHER_ANSWER'],
    },
    { target: 'project B', build: (w) => ({ params: { projectId: w.projectB } }), expect: reviewersOfB },
  ],
  acceptReview: decision((revision) => ({ revision })),
  rejectReview: decision((revision) => ({ revision, comment: 'please look again' })),
  fixReview: decision((revision) => ({
    revision,
    answers: { topic: 'geometry', comment: secrets.A_OTHER_ANSWER.text },
  })),
} satisfies Partial<Record<OperationId, Case[]>>;
