import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeam,
  next,
  saveDraft,
  seedUser,
  submit,
  type Team,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let team: Team;
let author: TestUser;
let otherMember: TestUser;
let outsider: TestUser;
let annotationId: number;
beforeAll(async () => {
  h = await startHarness();
  team = await buildTeam(h, { items: 1, annotators: 2 });
  [author, otherMember] = team.annotators as [TestUser, TestUser];
  outsider = await seedUser(h.verity, 'annotator');
  const claimed = await next(h, author, team.projectId);
  expect(claimed.status).toBe(200);
  const assignmentId = claimed.body.assignment.id;
  const saved = await saveDraft(h, author, assignmentId, { topic: 'other' });
  expect(saved.status).toBe(200);
  annotationId = saved.body.annotation.id;
  expect((await submit(h, author, assignmentId, validAnswers)).status).toBe(200);
});
afterAll(async () => h.close());

const history = (who: TestUser, id = annotationId) => h.call(who, 'GET', `/api/annotations/${id}/revisions`);

describe("an annotation's history", () => {
  it('lists every revision oldest first, drafts included, for the project manager', async () => {
    const res = await history(team.manager);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ revision: 1, kind: 'draft', userId: author.id, answers: { topic: 'other' } }),
      expect.objectContaining({ revision: 2, kind: 'submit', userId: author.id, answers: validAnswers }),
    ]);
    expect(res.body.items.map((r: { importedBy: unknown }) => r.importedBy)).toEqual([null, null]);
  });

  it('is shown to its own annotator', async () => {
    const res = await history(author);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { kind: string }) => r.kind)).toEqual(['draft', 'submit']);
  });

  it('is not found for another annotator of the project, someone outside it, or an unknown id', async () => {
    for (const res of [
      await history(otherMember),
      await history(outsider),
      await history(team.manager, 999_999),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });
});
