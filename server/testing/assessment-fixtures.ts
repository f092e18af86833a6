import { expect } from 'vitest';
import { type Api, addMembers, buildProject, next, postItems, submit } from './factories.ts';
import type { TestUser } from './harness.ts';

/** Test fixtures of the assessment tests: a skill in the catalogue, an assessment project, a tutor's pass through it. */

let serial = 0;

/** A new skill in the catalogue (straight to the store: the catalogue's routes are another feature's). */
export async function catalogueSkill(h: Api, name = `assess.skill${++serial}`): Promise<string> {
  await h.verity.store.db
    .insertInto('skills')
    .values({ name, description: name, createdBy: null, createdAt: 1 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return name;
}

export interface Question {
  text: string;
  gold: Record<string, unknown>;
  priority?: number;
}

/** An assessment project of `manager` with these questions (gold items) and members. */
export async function assessmentProject(
  h: Api,
  manager: TestUser,
  p: { setting: Record<string, unknown>; questions: Question[]; members?: TestUser[]; plain?: number },
): Promise<number> {
  const projectId = await buildProject(h, manager, { overlap: 1 });
  const set = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { assessment: p.setting });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  await postItems(h.verity, manager, projectId, [
    ...p.questions.map((q, i) => ({
      id: `q${i}`,
      data: { text: q.text, source: 'assessment' },
      gold: q.gold,
      ...(q.priority === undefined ? {} : { priority: q.priority }),
    })),
    ...Array.from({ length: p.plain ?? 0 }, (_, i) => ({ data: { text: `plain ${i}`, source: 'plain' } })),
  ]);
  if (p.members) await addMembers(h, manager, projectId, p.members);
  return projectId;
}

export const start = (h: Api, who: TestUser, projectId: number) =>
  h.call(who, 'POST', `/api/projects/${projectId}/assessment/attempts`);

/** The caller's entry for the project in GET /api/assessments, or undefined. */
export async function mine(h: Api, who: TestUser, projectId: number) {
  const res = await h.call(who, 'GET', '/api/assessments');
  expect(res.status).toBe(200);
  const items: { projectId: number }[] = res.body.items;
  return res.body.items[items.findIndex((a) => a.projectId === projectId)];
}

/**
 * Works the tutor's queue to its end, answering each served item by its text; returns the texts in
 * the order served.
 */
export async function answerAll(
  h: Api,
  who: TestUser,
  projectId: number,
  answersByText: Record<string, Record<string, unknown>>,
): Promise<string[]> {
  const served: string[] = [];
  for (;;) {
    const got = await next(h, who, projectId);
    if (got.status === 204 || got.body === null || got.body?.item === undefined) break;
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const text = got.body.item.data.text as string;
    served.push(text);
    const answers = answersByText[text];
    if (!answers) throw new Error(`no answers for "${text}"`);
    const done = await submit(h, who, got.body.assignment.id, answers);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  }
  return served;
}

/** The user's skills as the store holds them, with their source and attempt. */
export const skillsOf = (h: Api, userId: number) =>
  h.verity.store.db
    .selectFrom('userSkills')
    .select(['skill', 'level', 'source', 'assessmentAttemptId', 'grantedBy'])
    .where('userId', '=', userId)
    .execute();

/** The audit entries of an action about a user. */
export const auditOf = (h: Api, action: string, userId: number) =>
  h.verity.store.db
    .selectFrom('auditLog')
    .selectAll()
    .where('action', '=', action)
    .where('targetId', '=', String(userId))
    .execute();
