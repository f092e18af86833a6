import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownOrder, shownSeed } from '../../core/interface/index.ts';
import { addMembers, newKey, postItems, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const iface = {
  fields: [
    { name: 'prompt', type: 'text' },
    { name: 'reply', type: 'responses' },
  ],
  questions: [
    { name: 'topic', type: 'choice', options: ['algebra', 'other'] },
    { name: 'essay', type: 'text', multiline: true },
    { name: 'ideal', type: 'rewrite', field: 'reply' },
  ],
};
const ids = ['a', 'b', 'c', 'd'];
const item = (n: number) => ({
  data: { prompt: `prompt ${n}`, reply: ids.map((id) => ({ id, content: `answer ${id} to ${n}` })) },
});

const signals = (s: Partial<Record<string, number>> = {}) => ({
  pastedChars: 0,
  typedChars: 0,
  typingMs: 0,
  focusChanges: 0,
  ...s,
});
const long = 'x'.repeat(300);

interface World {
  manager: TestUser;
  reviewer: TestUser;
  annotators: TestUser[];
  projectId: number;
}

async function world(items = 1): Promise<World> {
  const manager = await seedUser(h.verity, 'manager');
  const res = await h.call(manager, 'POST', '/api/projects', {
    name: 'Tutors',
    interface: iface,
    overlap: 2,
  });
  expect(res.status).toBe(201);
  const projectId = res.body.id as number;
  await postItems(
    h.verity,
    manager,
    projectId,
    Array.from({ length: items }, (_, n) => item(n)),
  );
  const annotators = [await seedUser(h.verity, 'annotator'), await seedUser(h.verity, 'annotator')];
  await addMembers(h, manager, projectId, annotators);
  const reviewer = await seedUser(h.verity, 'annotator');
  const added = await h.call(manager, 'POST', `/api/projects/${projectId}/members`, {
    userId: reviewer.id,
    role: 'reviewer',
  });
  expect(added.status).toBe(201);
  return { manager, reviewer, annotators, projectId };
}

const next = async (who: TestUser, projectId: number) => {
  const res = await h.call(who, 'POST', `/api/projects/${projectId}/assignments/next`);
  expect(res.status).toBe(200);
  return res.body as { assignment: { id: number; itemId: number }; shown: Record<string, string[]> };
};
const draft = (who: TestUser, assignmentId: number, body: Record<string, unknown>) =>
  h.call(who, 'PUT', `/api/assignments/${assignmentId}/draft`, { activeMs: 0, ...body });
const submit = (who: TestUser, assignmentId: number, body: Record<string, unknown>) =>
  h.call(who, 'POST', `/api/assignments/${assignmentId}/submit`, {
    activeMs: 0,
    idempotencyKey: newKey(),
    ...body,
  });
const itemPage = async (who: TestUser, itemId: number) =>
  (await h.call(who, 'GET', `/api/items/${itemId}`)).body;

describe('shown order', () => {
  it('is computed per item and annotator, recorded with each save, and stable', async () => {
    const { manager, annotators, projectId } = await world();
    const [ann, other] = annotators as [TestUser, TestUser];
    const work = await next(ann, projectId);
    const itemId = work.assignment.itemId;
    expect(work.shown).toEqual({ reply: shownOrder(ids, shownSeed(itemId, ann.id, 'reply')) });
    const again = await h.call(ann, 'GET', `/api/assignments/${work.assignment.id}`);
    expect(again.body.shown).toEqual(work.shown);

    const saved = await draft(ann, work.assignment.id, { answers: { topic: 'algebra' } });
    expect(saved.body.annotation.shown).toEqual(work.shown);
    const done = await submit(ann, work.assignment.id, { answers: { topic: 'algebra' } });
    expect(done.body.annotation.shown).toEqual(work.shown);

    const theirs = await next(other, projectId);
    expect(theirs.assignment.itemId).toBe(itemId);
    expect(theirs.shown).toEqual({ reply: shownOrder(ids, shownSeed(itemId, other.id, 'reply')) });
    await submit(other, theirs.assignment.id, { answers: { topic: 'other' } });

    const exported = await h.call(manager, 'GET', `/api/projects/${projectId}/export?format=jsonl`);
    const line = JSON.parse(String(exported.body).trim());
    const byUser = Object.fromEntries(
      line.annotations.map((a: { userId: number; shown: unknown }) => [a.userId, a.shown]),
    );
    expect(byUser).toEqual({ [ann.id]: work.shown, [other.id]: theirs.shown });
  });

  it('cannot be set by the client', async () => {
    const { annotators, projectId } = await world();
    const ann = annotators[0]!;
    const work = await next(ann, projectId);
    const res = await draft(ann, work.assignment.id, { answers: {}, shown: { reply: ['d', 'c', 'b', 'a'] } });
    expect(res.status).toBe(200);
    expect(res.body.annotation.shown).toEqual(work.shown);
  });
});

describe('integrity signals', () => {
  it('are summed over drafts and the submit, and a replayed submit adds nothing', async () => {
    const { manager, annotators, projectId } = await world();
    const ann = annotators[0]!;
    const { assignment } = await next(ann, projectId);
    await draft(ann, assignment.id, {
      answers: { essay: 'x'.repeat(100) },
      signals: { essay: signals({ typedChars: 100, typingMs: 20_000, focusChanges: 1 }) },
    });
    await draft(ann, assignment.id, { answers: { essay: 'x'.repeat(150) } });
    const body = {
      answers: { topic: 'algebra', essay: long, ideal: { text: 'better', source: 'b' } },
      signals: {
        essay: signals({ pastedChars: 150, typingMs: 1000 }),
        ideal: signals({ typedChars: 6, typingMs: 2000 }),
      },
      idempotencyKey: newKey(),
    };
    const first = await submit(ann, assignment.id, body);
    expect(first.status).toBe(200);
    const replay = await submit(ann, assignment.id, body);
    expect(replay.status).toBe(200);
    expect(replay.body.created).toBe(false);

    const [annotation] = (await itemPage(manager, assignment.itemId)).annotations;
    expect(annotation.signals).toEqual({
      essay: signals({ pastedChars: 150, typedChars: 100, typingMs: 21_000, focusChanges: 1 }),
      ideal: signals({ typedChars: 6, typingMs: 2000 }),
    });
    // 150 of 300 pasted is exactly half: not "mostly".
    expect(annotation.flags).toEqual({});
  });

  it('are refused for a question that is not text or rewrite, or unknown, naming body.signals.<name>', async () => {
    const { annotators, projectId } = await world();
    const ann = annotators[0]!;
    const { assignment } = await next(ann, projectId);
    const choice = await draft(ann, assignment.id, { answers: {}, signals: { topic: signals() } });
    expect(choice.status).toBe(400);
    expect(choice.body.error.code).toBe('VALIDATION_FAILED');
    expect(choice.body.error.message).toMatch(/^body\.signals\.topic: .*text and rewrite/);
    const unknown = await submit(ann, assignment.id, {
      answers: { topic: 'algebra' },
      signals: { mood: signals() },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^body\.signals\.mood: no question named "mood"/);
    const negative = await draft(ann, assignment.id, {
      answers: {},
      signals: { essay: signals({ pastedChars: -1 }) },
    });
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toMatch(/^body\.signals\.essay\.pastedChars/);
    const extra = await draft(ann, assignment.id, {
      answers: {},
      signals: { essay: { ...signals(), keys: 3 } },
    });
    expect(extra.status).toBe(400);
    const work = await h.call(ann, 'GET', `/api/assignments/${assignment.id}`);
    expect(work.body.annotation).toBeNull();
  });
});

describe('integrity flags', () => {
  async function flaggedWorld() {
    const w = await world(2);
    const ann = w.annotators[0]!;
    const { assignment } = await next(ann, w.projectId);
    const res = await submit(ann, assignment.id, {
      answers: { topic: 'algebra', essay: long },
      signals: { essay: signals({ pastedChars: 300, typedChars: 0, focusChanges: 2 }) },
    });
    expect(res.status).toBe(200);
    return { ...w, ann, assignment, submitted: res.body };
  }

  it('are shown to managers and reviewers on the item page, with the signals', async () => {
    const { manager, reviewer, assignment } = await flaggedWorld();
    for (const who of [manager, reviewer]) {
      const [annotation] = (await itemPage(who, assignment.itemId)).annotations;
      expect(annotation.flags).toEqual({ essay: ['mostly_pasted'] });
      expect(annotation.signals.essay).toEqual(signals({ pastedChars: 300, focusChanges: 2 }));
    }
  });

  it('never reach an annotator, not even about their own work', async () => {
    const { ann, assignment, submitted, projectId } = await flaggedWorld();
    const responses = [
      { status: 200, body: submitted },
      await h.call(ann, 'GET', `/api/assignments/${assignment.id}`),
      await draft(ann, assignment.id, { answers: { topic: 'other', essay: long } }),
      await h.call(ann, 'GET', `/api/projects/${projectId}/assignments/mine`),
      await h.call(ann, 'GET', `/api/items/${assignment.itemId}`),
      await h.call(ann, 'GET', `/api/projects/${projectId}/items`),
    ];
    for (const r of responses) {
      expect(r.status).toBe(200);
      const text = JSON.stringify(r.body);
      expect(text).toContain(String(assignment.itemId));
      expect(text).not.toContain('"signals"');
      expect(text).not.toContain('"flags"');
      expect(text).not.toContain('mostly_pasted');
      expect(text).not.toContain('"flagged"');
    }
  });

  it('filter the item list for managers (flagged=only) and mark the row; an annotator may not filter by them', async () => {
    const { manager, ann, assignment, projectId } = await flaggedWorld();
    const all = (await h.call(manager, 'GET', `/api/projects/${projectId}/items`)).body.items;
    expect(all.map((i: { id: number; flagged: boolean }) => [i.id, i.flagged])).toEqual(
      all.map((i: { id: number }) => [i.id, i.id === assignment.itemId]),
    );
    const only = await h.call(manager, 'GET', `/api/projects/${projectId}/items?flagged=only`);
    expect(only.body.items.map((i: { id: number }) => i.id)).toEqual([assignment.itemId]);
    const refused = await h.call(ann, 'GET', `/api/projects/${projectId}/items?flagged=only`);
    expect(refused.status).toBe(403);
  });

  it('follow the latest text: typing the answer shorter clears mostly_pasted', async () => {
    const w = await world();
    const ann = w.annotators[0]!;
    const { assignment } = await next(ann, w.projectId);
    await draft(ann, assignment.id, {
      answers: { essay: long },
      signals: { essay: signals({ pastedChars: 300 }) },
    });
    expect((await itemPage(w.manager, assignment.itemId)).annotations[0].flags).toEqual({
      essay: ['mostly_pasted'],
    });
    await draft(ann, assignment.id, { answers: { essay: 'short now' } });
    expect((await itemPage(w.manager, assignment.itemId)).annotations[0].flags).toEqual({});
    const none = await h.call(w.manager, 'GET', `/api/projects/${w.projectId}/items?flagged=only`);
    expect(none.body.items).toEqual([]);
  });
});
