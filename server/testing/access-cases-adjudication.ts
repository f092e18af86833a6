/** The access matrix's cases for adjudication (docs/quality.md): the project's managers and named adjudicators. */
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, managersOfA, secrets, signedIn, type World } from './access-world.ts';

/**
 * The colleague's item in A (annotated by the colleague and a third annotator, complete) put back
 * in the queue, undecided and unclaimed: each caller meets the same state. A's setting names no
 * adjudicator, so its reviewer and annotator are refused and only its managers pass.
 */
async function waiting(w: World): Promise<number> {
  const db = w.h.verity.store.db;
  const itemId = w.work.other.item;
  const state = {
    claimedBy: null,
    claimExpiresAt: null,
    answers: null,
    adjudicatorId: null,
    decidedAt: null,
    note: null,
    enteredAt: Date.now(),
  };
  await db
    .insertInto('adjudications')
    .values({ itemId, projectId: w.projectA, disagreement: 1, confidence: 0.5, ...state })
    .onConflict((oc) => oc.column('itemId').doUpdateSet(state))
    .execute();
  return itemId;
}

const managersOfB = (o: 200 | 204 | 'NOT_FOUND') => signedIn({ ...all('NOT_FOUND'), admin: o, manager: o });

const onItem = (body: Record<string, unknown>, shows: (keyof typeof secrets)[]): Case[] => [
  {
    target: "the colleague's disputed item in A",
    build: async (w) => ({ params: { projectId: w.projectA, itemId: await waiting(w) }, body }),
    expect: managersOfA(200),
    shows,
  },
  {
    target: 'an item of B not in adjudication',
    build: (w) => ({ params: { projectId: w.projectB, itemId: w.work.B.item }, body }),
    expect: managersOfB('NOT_FOUND'),
  },
];

export const adjudicationCases = {
  adjudicationQueue: [
    {
      target: 'project A, with a disputed item',
      build: async (w) => {
        await waiting(w);
        return { params: { projectId: w.projectA } };
      },
      expect: managersOfA(200),
    },
    { target: 'project B', build: (w) => ({ params: { projectId: w.projectB } }), expect: managersOfB(200) },
  ],
  nextAdjudication: [
    {
      target: 'project A, with a disputed item waiting',
      build: async (w) => {
        await waiting(w);
        return { params: { projectId: w.projectA } };
      },
      expect: managersOfA(200),
      shows: ['A_OTHER_TEXT', 'A_OTHER_ANSWER'],
    },
    { target: 'project B', build: (w) => ({ params: { projectId: w.projectB } }), expect: managersOfB(204) },
  ],
  getAdjudication: onItem({}, ['A_OTHER_TEXT', 'A_OTHER_ANSWER']).map((c) => ({
    ...c,
    build: async (w, kind) => ({ params: (await c.build(w, kind)).params }),
  })),
  decideAdjudication: onItem({ answers: { topic: 'geometry', comment: secrets.A_OTHER_ANSWER.text } }, [
    'A_OTHER_TEXT',
    'A_OTHER_ANSWER',
  ]),
  releaseAdjudication: onItem({ skip: false }, []),
} satisfies Partial<Record<OperationId, Case[]>>;
