import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTeam,
  claimProblems,
  claimsOf,
  expireLock,
  newKey,
  next,
  saveDraft,
  submit,
  validAnswers,
} from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

/** One annotator holding a fresh lock on a one-item project. */
async function claimed(opts: { allowEditSubmitted?: boolean; overlap?: number; annotators?: number } = {}) {
  const team = await buildTeam(h, { items: 1, annotators: opts.annotators ?? 1, ...opts });
  const who = team.annotators[0]!;
  const work = await next(h, who, team.projectId);
  return { ...team, who, assignmentId: work.body.assignment.id as number };
}

const revisions = async (who: TestUser, annotationId: number) =>
  (await h.call(who, 'GET', `/api/annotations/${annotationId}/revisions`)).body.items as {
    kind: string;
    answers: Record<string, unknown>;
  }[];

const progress = async (manager: TestUser, projectId: number) =>
  (await h.call(manager, 'GET', `/api/projects/${projectId}`)).body.progress;

describe('drafts', () => {
  it('autosaves partial answers that submit would refuse', async () => {
    const { who, assignmentId } = await claimed();
    const draft = await saveDraft(h, who, assignmentId, { flags: ['pii'] });
    expect(draft.status).toBe(200);
    expect(draft.body.annotation).toMatchObject({
      status: 'draft',
      answers: { flags: ['pii'] },
      submittedAt: null,
    });
    const sub = await submit(h, who, assignmentId, { flags: ['pii'] });
    expect(sub.status).toBe(422);
    expect(sub.body.error.code).toBe('INVALID_ANSWERS');
    expect(sub.body.error.message).toContain('topic');
  });

  it('rejects an answer of the wrong shape with INVALID_ANSWERS naming the question, saving nothing', async () => {
    const { who, assignmentId } = await claimed();
    const wrongOption = await saveDraft(h, who, assignmentId, { topic: 'calculus' });
    expect(wrongOption.status).toBe(422);
    expect(wrongOption.body.error.code).toBe('INVALID_ANSWERS');
    expect(wrongOption.body.error.message).toMatch(/^topic/);
    const unknown = await saveDraft(h, who, assignmentId, { mood: 'happy' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('mood');
    const work = await h.call(who, 'GET', `/api/assignments/${assignmentId}`);
    expect(work.body.annotation).toBeNull();
  });

  it('sums the active time of every save into leadTimeMs', async () => {
    const { who, assignmentId } = await claimed();
    await saveDraft(h, who, assignmentId, { topic: 'geometry' }, 1000);
    await saveDraft(h, who, assignmentId, { topic: 'other' }, 2500);
    const sub = await submit(h, who, assignmentId, validAnswers, newKey(), 500);
    expect(sub.body.annotation.leadTimeMs).toBe(4000);
  });
});

describe('submit', () => {
  it('records every change as a revision: drafts, the submit, and an edit', async () => {
    const { who, assignmentId } = await claimed();
    await saveDraft(h, who, assignmentId, { topic: 'geometry' });
    await saveDraft(h, who, assignmentId, { topic: 'other' });
    await submit(h, who, assignmentId, { topic: 'algebra' });
    const edit = await submit(h, who, assignmentId, { topic: 'algebra', comment: 'second look' });
    expect(await revisions(who, edit.body.annotation.id)).toMatchObject([
      { kind: 'draft', answers: { topic: 'geometry' } },
      { kind: 'draft', answers: { topic: 'other' } },
      { kind: 'submit', answers: { topic: 'algebra' } },
      { kind: 'edit', answers: { topic: 'algebra', comment: 'second look' } },
    ]);
  });

  it('a replay with the same idempotency key returns created:false and the same annotation', async () => {
    const { manager, projectId, who, assignmentId } = await claimed();
    const key = newKey();
    const first = await submit(h, who, assignmentId, validAnswers, key);
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(true);
    const replay = await submit(h, who, assignmentId, validAnswers, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ created: false, annotation: first.body.annotation });
    expect((await revisions(who, first.body.annotation.id)).map((r) => r.kind)).toEqual(['submit']);
    expect(await progress(manager, projectId)).toMatchObject({ submitted: 1, complete: 1 });
  });

  it('a replay of a key from before an edit writes nothing and returns the annotation as it stands now', async () => {
    const { who, assignmentId } = await claimed({ allowEditSubmitted: true });
    const firstKey = newKey();
    const first = await submit(h, who, assignmentId, { topic: 'algebra' }, firstKey);
    const edit = await submit(h, who, assignmentId, { topic: 'geometry' }, newKey());
    const replay = await submit(h, who, assignmentId, { topic: 'algebra' }, firstKey);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ created: false, annotation: edit.body.annotation });
    expect(replay.body.annotation.revision).toBeGreaterThan(first.body.annotation.revision);
    expect((await revisions(who, first.body.annotation.id)).map((r) => r.kind)).toEqual(['submit', 'edit']);
  });

  it('a replay is recognised even when the server normalised the answers it stored', async () => {
    const { who, assignmentId } = await claimed();
    // Stored as { topic, flags: ['unsafe', 'pii'] }: option order, the null answer dropped.
    const answers = { comment: null, flags: ['pii', 'unsafe'], topic: 'algebra' };
    const key = newKey();
    const first = await submit(h, who, assignmentId, answers, key);
    expect(first.status).toBe(200);
    const replay = await submit(h, who, assignmentId, answers, key);
    expect(replay.status, JSON.stringify(replay.body)).toBe(200);
    expect(replay.body.created).toBe(false);
  });

  it('the same key with different answers is a 409 IDEMPOTENCY_MISMATCH and changes nothing', async () => {
    const { who, assignmentId } = await claimed();
    const key = newKey();
    const first = await submit(h, who, assignmentId, { topic: 'algebra' }, key);
    const clash = await submit(h, who, assignmentId, { topic: 'geometry' }, key);
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
    const work = await h.call(who, 'GET', `/api/assignments/${assignmentId}`);
    expect(work.body.annotation).toEqual(first.body.annotation);
  });

  it('lets an annotator edit their submission while the project allows it', async () => {
    const { manager, projectId, who, assignmentId } = await claimed({ allowEditSubmitted: true });
    await submit(h, who, assignmentId, { topic: 'algebra' });
    const edit = await submit(h, who, assignmentId, { topic: 'geometry' });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({
      created: true,
      annotation: { status: 'submitted', answers: { topic: 'geometry' } },
    });
    // An edit is still one annotation of one annotator.
    expect(await progress(manager, projectId)).toMatchObject({ submitted: 1, complete: 1 });
  });

  it('keeps a draft of edits beside the submitted answers until it is submitted', async () => {
    const { who, assignmentId } = await claimed({ allowEditSubmitted: true });
    await submit(h, who, assignmentId, { topic: 'algebra' });
    const draft = await saveDraft(h, who, assignmentId, { topic: 'other' });
    expect(draft.body.annotation).toMatchObject({
      status: 'submitted',
      answers: { topic: 'algebra' },
      pendingAnswers: { topic: 'other' },
    });
    const edit = await submit(h, who, assignmentId, { topic: 'other' });
    expect(edit.body.annotation).toMatchObject({ answers: { topic: 'other' }, pendingAnswers: null });
  });

  it('refuses edits with ALREADY_SUBMITTED when the project does not allow them', async () => {
    const { who, assignmentId } = await claimed({ allowEditSubmitted: false });
    const first = await submit(h, who, assignmentId, { topic: 'algebra' });
    const edit = await submit(h, who, assignmentId, { topic: 'geometry' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('ALREADY_SUBMITTED');
    const draft = await saveDraft(h, who, assignmentId, { topic: 'geometry' });
    expect([draft.status, draft.body.error.code]).toEqual([409, 'ASSIGNMENT_CLOSED']);
    const work = await h.call(who, 'GET', `/api/assignments/${assignmentId}`);
    expect(work.body.annotation).toEqual(first.body.annotation);
  });

  it('after the lock expired and the slot was taken, answers LOCK_EXPIRED and keeps the answers as a draft', async () => {
    const { projectId, annotators, who, assignmentId } = await claimed({ annotators: 2 });
    await expireLock(h, assignmentId);
    expect((await next(h, annotators[1]!, projectId)).status).toBe(200);
    const late = await submit(h, who, assignmentId, { topic: 'geometry', comment: 'took a while' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('LOCK_EXPIRED');
    const work = await h.call(who, 'GET', `/api/assignments/${assignmentId}`);
    expect(work.body.assignment.status).toBe('expired');
    expect(work.body.annotation).toMatchObject({
      status: 'draft',
      answers: { topic: 'geometry', comment: 'took a while' },
    });
    expect(await claimProblems(h, projectId, 1)).toEqual([]);
  });

  it('after the lock expired while the slot is still free, the submit goes through', async () => {
    const { manager, projectId, who, assignmentId } = await claimed();
    await expireLock(h, assignmentId);
    const late = await submit(h, who, assignmentId, validAnswers);
    expect(late.status).toBe(200);
    expect(late.body.annotation.status).toBe('submitted');
    expect(await progress(manager, projectId)).toMatchObject({ complete: 1 });
  });
});

describe('submit under concurrency', () => {
  it('two simultaneous submits with one key record one annotation and one submit revision', async () => {
    const { who, assignmentId, projectId } = await claimed();
    const key = newKey();
    const results = await Promise.all([0, 1, 2].map(() => submit(h, who, assignmentId, validAnswers, key)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.created).sort()).toEqual([false, false, true]);
    expect((await revisions(who, results[0]!.body.annotation.id)).map((r) => r.kind)).toEqual(['submit']);
    expect(await claimProblems(h, projectId, 1)).toEqual([]);
  });

  it('two simultaneous submits with different keys count as one submission and one edit', async () => {
    const { who, assignmentId, projectId, manager } = await claimed({ allowEditSubmitted: true });
    const results = await Promise.all([
      submit(h, who, assignmentId, { topic: 'algebra' }),
      submit(h, who, assignmentId, { topic: 'geometry' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const kinds = (await revisions(who, results[0]!.body.annotation.id)).map((r) => r.kind);
    expect(kinds).toEqual(['submit', 'edit']);
    expect(await progress(manager, projectId)).toMatchObject({ submitted: 1 });
    expect(await claimProblems(h, projectId, 1)).toEqual([]);
  });

  it('a skip racing a submit leaves either a skip or a submission, never both', async () => {
    const { who, assignmentId, projectId } = await claimed();
    await Promise.all([
      submit(h, who, assignmentId, validAnswers),
      h.call(who, 'POST', `/api/assignments/${assignmentId}/skip`, {}),
    ]);
    const [claim] = await claimsOf(h, projectId);
    expect(['submitted', 'skipped']).toContain(claim?.status);
    expect(await claimProblems(h, projectId, 1)).toEqual([]);
  });
});
