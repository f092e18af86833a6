import { expect } from 'vitest';
import { addMembers, buildTeam, next, seedUser, submit } from '../testing/factories.ts';
import type { Harness, TestUser } from '../testing/harness.ts';

/** Two choice questions: an item's disagreement is 0, 0.5 or 1 with two annotators. */
export const twoQuestions = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    { name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'calculus'], required: true },
    { name: 'level', type: 'choice', options: ['easy', 'hard'] },
  ],
};

export type Answers = Record<string, unknown>;

/**
 * A project with adjudication set as given, its annotators, and an adjudicator (account role
 * reviewer, a member named in the setting).
 */
export async function adjudicated(
  h: Harness,
  setting: { threshold: number; confidenceBelow?: number | null },
  opts: { items?: number; annotators?: number; overlap?: number } = {},
) {
  const { items = 3, annotators = 2, overlap = 2 } = opts;
  const team = await buildTeam(h, {
    items,
    annotators,
    overlap,
    itemOrder: 'sequential',
    interface: twoQuestions,
  });
  const adjudicator = await seedUser(h.verity, 'reviewer');
  await addMembers(h, team.manager, team.projectId, [adjudicator]);
  const set = await h.call(team.manager, 'PATCH', `/api/projects/${team.projectId}`, {
    adjudication: { ...setting, adjudicators: [adjudicator.id] },
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  return { ...team, adjudicator };
}

/** The annotator takes the next item and submits `answers`; the item's id. */
export async function work(h: Harness, who: TestUser, projectId: number, answers: Answers): Promise<number> {
  const got = await next(h, who, projectId);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  const sub = await submit(h, who, got.body.assignment.id, answers);
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return got.body.item.id;
}

export const api = (h: Harness, projectId: number) => ({
  queue: (who: TestUser, query = '') => h.call(who, 'GET', `/api/projects/${projectId}/adjudication${query}`),
  next: (who: TestUser) => h.call(who, 'POST', `/api/projects/${projectId}/adjudication/next`),
  get: (who: TestUser, itemId: number) =>
    h.call(who, 'GET', `/api/projects/${projectId}/adjudication/${itemId}`),
  decide: (who: TestUser, itemId: number, body: unknown) =>
    h.call(who, 'POST', `/api/projects/${projectId}/adjudication/${itemId}/decide`, body),
  release: (who: TestUser, itemId: number, skip = false) =>
    h.call(who, 'POST', `/api/projects/${projectId}/adjudication/${itemId}/release`, { skip }),
});
