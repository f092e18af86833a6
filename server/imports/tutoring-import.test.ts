import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
let tutor: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.user('manager');
  tutor = await h.user('annotator');
});
afterAll(async () => h.close());

const tutoringInterface = {
  fields: [
    { name: 'prompt', type: 'chat' },
    { name: 'reply', type: 'responses' },
    { name: 'four', type: 'responses' },
  ],
  questions: [
    { name: 'pref', type: 'pairwise', field: 'reply' },
    { name: 'order', type: 'ranking', field: 'four' },
    {
      name: 'grade',
      type: 'rubric',
      field: 'reply',
      grade: 'one',
      criteria: [{ name: 'accuracy', scale: { min: 1, max: 5 } }],
    },
  ],
};

const prompt = [{ role: 'user', content: 'Integrate $x^2$.' }];
const reply = [
  { id: 'r1', model: 'alpha', content: '$x^3/3 + C$' },
  { id: 'r2', model: 'beta', content: '$x^3$' },
];
const four = ['w', 'x', 'y', 'z'].map((id) => ({ id, content: `candidate ${id}` }));
const good = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `t-${i}`,
  data: { prompt, reply, four },
  ...extra,
});
const annotated = (answers: Record<string, unknown>) => ({
  annotations: [{ annotator: 'Expert (external)', answers }],
});
const fullAnswers = {
  pref: { preferred: 'r1', strength: 2 },
  order: { order: [['x'], ['w'], ['y'], ['z']] },
  grade: { grades: [{ candidate: 'r1', scores: { accuracy: { score: 5 } } }] },
};

async function project(): Promise<number> {
  const res = await h.call(manager, 'POST', '/api/projects', {
    name: 'Tutoring',
    interface: tutoringInterface,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function post(projectId: number, lines: unknown[]) {
  const res = await h.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/items`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: jsonl(lines),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const itemCount = async (projectId: number) =>
  (await h.verity.store.db.selectFrom('items').select('id').where('projectId', '=', projectId).execute())
    .length;

describe('importing prompts and candidates', () => {
  it('stores conversations, candidates and their imported answers', async () => {
    const id = await project();
    const res = await post(id, [good(1), good(2, annotated(fullAnswers))]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ imported: 2, annotations: 1 });
    const exported = await h.call(manager, 'GET', `/api/projects/${id}/export`);
    const lines = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[1].data.reply).toEqual(reply);
    expect(lines[1].annotations[0].answers.grade.grades[0].total).toBe(1);
  });

  it('names the line and field of each bad line and imports nothing', async () => {
    const id = await project();
    const lines = [
      good(1),
      good(2, { data: { prompt, reply: [reply[0]], four } }),
      good(3, annotated({ ...fullAnswers, order: { order: [['x'], ['w'], ['y']] } })),
      good(4, annotated({ ...fullAnswers, order: { order: [['x'], ['w'], ['y'], ['z'], ['x']] } })),
      good(
        5,
        annotated({
          ...fullAnswers,
          grade: { grades: [{ candidate: 'r1', scores: { accuracy: { score: 9 } } }] },
        }),
      ),
      good(6, { data: { prompt: [{ role: 'bot', content: 'hi' }], reply, four } }),
      good(7, { data: { prompt, reply: [...reply, { id: 'r3', content: 'third' }], four } }),
    ];
    const res = await post(id, lines);
    expect(res.status).toBe(422);
    const errors = res.body.error.details.errors as { line: number; message: string }[];
    const byLine = (n: number) =>
      errors
        .filter((e) => e.line === n)
        .map((e) => e.message)
        .join(' | ');
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(byLine(2)).toContain('data.reply: has 1 candidate; between 2 and 16 are needed');
    expect(byLine(3)).toContain('order.order: omits candidate "z"');
    expect(byLine(4)).toContain('order.order[4][0]: repeats candidate "x"');
    expect(byLine(5)).toContain(
      'grade.grades[0].scores.accuracy.score: must be a whole number from 1 to 5, got 9',
    );
    expect(byLine(6)).toContain(
      'data.prompt: turn 1: unknown role "bot"; expected system, user or assistant',
    );
    expect(byLine(7)).toContain('data.reply: question "pref" compares exactly 2 candidates; the item has 3');
    expect(await itemCount(id)).toBe(0);
  });
});

describe('the work loop with the tutoring kinds', () => {
  it('saves a draft, refuses an incomplete submit naming the field, and submits', async () => {
    const id = await project();
    expect((await post(id, [good(1)])).status).toBe(201);
    await h.call(manager, 'POST', `/api/projects/${id}/members`, { email: tutor.email });
    const next = await h.call(tutor, 'POST', `/api/projects/${id}/assignments/next`);
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const assignment = next.body.assignment.id;
    const draft = await h.call(tutor, 'PUT', `/api/assignments/${assignment}/draft`, {
      answers: { order: { order: [['y']] } },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const incomplete = await h.call(tutor, 'POST', `/api/assignments/${assignment}/submit`, {
      answers: { ...fullAnswers, pref: { preferred: 'r1', strength: 0 } },
      idempotencyKey: newKey(),
    });
    expect(incomplete.status).toBe(422);
    expect(JSON.stringify(incomplete.body)).toContain(
      'pref.strength: strength 0 is a tie: preferred must be null',
    );
    const done = await h.call(tutor, 'POST', `/api/assignments/${assignment}/submit`, {
      answers: fullAnswers,
      idempotencyKey: newKey(),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.annotation.answers.grade.grades[0].total).toBe(1);
  });

  it('sends an annotator no hidden model name, in the work loop or on their item page', async () => {
    const id = await project();
    expect((await post(id, [good(1)])).status).toBe(201);
    await h.call(manager, 'POST', `/api/projects/${id}/members`, { email: tutor.email });
    const next = await h.call(tutor, 'POST', `/api/projects/${id}/assignments/next`);
    expect(next.status).toBe(200);
    expect(next.body.item.data.reply).toEqual(reply.map(({ model: _, ...c }) => c));
    const again = await h.call(tutor, 'GET', `/api/assignments/${next.body.assignment.id}`);
    expect(JSON.stringify(again.body)).not.toMatch(/alpha|beta/);
    const mine = await h.call(tutor, 'GET', `/api/projects/${id}/assignments/mine`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(JSON.stringify(mine.body)).not.toMatch(/alpha|beta/);
    const own = await h.call(tutor, 'GET', `/api/items/${next.body.item.id}`);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toMatch(/alpha|beta/);
    const managed = await h.call(manager, 'GET', `/api/items/${next.body.item.id}`);
    expect(managed.body.item.data.reply).toEqual(reply);
  });
});
