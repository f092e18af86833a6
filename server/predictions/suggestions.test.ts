import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedExport } from '../testing/export-fixtures.ts';
import {
  addMembers,
  buildProject,
  newKey,
  next,
  postItems,
  saveDraft,
  submit,
} from '../testing/factories.ts';
import { type Harness, sampleInterface, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * Suggestions in the work loop (docs/suggestions.md): which one is shown, to whom with its agent,
 * what a save records, and the acceptance the statistics report.
 */

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.user('manager');
});
afterAll(async () => h.close());

const predictions = [
  { agent: 'gpt-secret', score: 0.9, answers: { topic: 'geometry', difficulty: 4 } },
  { agent: 'rules', score: 0.4, answers: { topic: 'algebra' } },
];

async function projectWith(rows: unknown[], settings: Record<string, unknown> = {}) {
  const project = await buildProject(h, manager, settings);
  await postItems(h.verity, manager, project, rows);
  const annotator = await h.user('annotator');
  await addMembers(h, manager, project, [annotator]);
  return { project, annotator };
}

const item = (id: string, preds: unknown[] = predictions) => ({
  id,
  data: { text: `item ${id}`, source: 's' },
  ...(preds.length > 0 ? { predictions: preds } : {}),
});

const suggestedByOf = async (assignmentId: number) =>
  (
    await h.verity.store.db
      .selectFrom('annotations')
      .select('suggestedBy')
      .where('assignmentId', '=', assignmentId)
      .executeTakeFirstOrThrow()
  ).suggestedBy;

describe('the suggestion in the work payload', () => {
  it('is the best-scored prediction by default, without its agent or score for an annotator', async () => {
    const { project, annotator } = await projectWith([item('a')]);
    const work = await next(h, annotator, project);
    expect(work.status).toBe(200);
    expect(work.body.suggestion).toEqual({ score: null, answers: { topic: 'geometry', difficulty: 4 } });
    expect(JSON.stringify(work.body)).not.toContain('gpt-secret');
    // Nor does the project's own description name an agent to an annotator.
    await h.call(manager, 'PATCH', `/api/projects/${project}`, {
      suggestions: { mode: 'agent', agent: 'gpt-secret' },
    });
    const seen = await h.call(annotator, 'GET', `/api/projects/${project}`);
    expect(seen.body.suggestions).toEqual({ mode: 'agent', agent: null });
    const again = await h.call(annotator, 'GET', `/api/assignments/${work.body.assignment.id}`);
    expect(JSON.stringify(again.body)).not.toContain('gpt-secret');
  });

  it('names the agent and its score to a manager who annotates', async () => {
    const { project } = await projectWith([item('a')]);
    const work = await next(h, manager, project);
    expect(work.body.suggestion).toEqual({
      agent: 'gpt-secret',
      score: 0.9,
      answers: { topic: 'geometry', difficulty: 4 },
    });
  });

  it('names the agent to an annotator when the project reveals models', async () => {
    const iface = {
      fields: [
        { name: 'prompt', type: 'text' },
        { name: 'responses', type: 'responses', revealModels: true },
      ],
      questions: [{ name: 'topic', type: 'choice', options: ['a', 'b'] }],
    };
    const { project, annotator } = await projectWith(
      [
        {
          data: {
            prompt: 'p',
            responses: [
              { id: 'x', content: 'one' },
              { id: 'y', content: 'two' },
            ],
          },
          predictions: [{ agent: 'gpt-open', score: 2, answers: { topic: 'b' } }],
        },
      ],
      { interface: iface },
    );
    const work = await next(h, annotator, project);
    expect(work.body.suggestion).toEqual({ agent: 'gpt-open', score: 2, answers: { topic: 'b' } });
  });

  it("follows the project's setting: a named agent, or none", async () => {
    const { project, annotator } = await projectWith([item('a'), item('b'), item('c', [])]);
    const patched = await h.call(manager, 'PATCH', `/api/projects/${project}`, {
      suggestions: { mode: 'agent', agent: 'rules' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.suggestions).toEqual({ mode: 'agent', agent: 'rules' });
    const first = await next(h, annotator, project);
    expect(first.body.suggestion).toEqual({ score: null, answers: { topic: 'algebra' } });
    await submit(h, annotator, first.body.assignment.id, { topic: 'algebra' });

    await h.call(manager, 'PATCH', `/api/projects/${project}`, { suggestions: { mode: 'off' } });
    const second = await next(h, annotator, project);
    expect(second.body.suggestion).toBeNull();
    await submit(h, annotator, second.body.assignment.id, { topic: 'algebra' });
    expect(await suggestedByOf(second.body.assignment.id)).toBeNull();

    await h.call(manager, 'PATCH', `/api/projects/${project}`, { suggestions: { mode: 'best' } });
    const third = await next(h, annotator, project);
    expect(third.body.item.externalId).toBe('c');
    expect(third.body.suggestion).toBeNull();
  });

  it('leaves out suggested answers the interface no longer takes', async () => {
    const { project, annotator } = await projectWith([item('a')]);
    const questions = sampleInterface.questions.map((q) =>
      q.name === 'topic' ? { ...q, options: ['algebra', 'other'] } : q,
    );
    const edited = await h.call(manager, 'PATCH', `/api/projects/${project}`, {
      interface: { fields: sampleInterface.fields, questions },
      confirm: true,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const work = await next(h, annotator, project);
    expect(work.body.suggestion).toEqual({ score: null, answers: { difficulty: 4 } });
  });

  it('refuses mode agent without an agent', async () => {
    const { project } = await projectWith([item('a')]);
    const res = await h.call(manager, 'PATCH', `/api/projects/${project}`, {
      suggestions: { mode: 'agent' },
    });
    expect(res.status).toBe(400);
    const annotator = await h.call(manager, 'GET', `/api/projects/${project}`);
    expect(annotator.body.suggestions).toEqual({ mode: 'best', agent: null });
  });
});

describe('suggested_by and the acceptance rate', () => {
  it('records the agent shown, decided by the server, and counts accepted and changed answers', async () => {
    const rows = ['a', 'b', 'c', 'd'].map((id) => item(id));
    const { project, annotator } = await projectWith(rows);

    // Accepts the suggestion as it is; the body cannot name another agent.
    const a = await next(h, annotator, project);
    const accepted = await h.call(annotator, 'POST', `/api/assignments/${a.body.assignment.id}/submit`, {
      answers: a.body.suggestion.answers,
      idempotencyKey: newKey(),
      suggestedBy: 'rules',
    });
    expect(accepted.status).toBe(200);
    expect(await suggestedByOf(a.body.assignment.id)).toBe('gpt-secret');

    // Changes one answer, after a draft.
    const b = await next(h, annotator, project);
    await saveDraft(h, annotator, b.body.assignment.id, { topic: 'geometry' });
    expect(await suggestedByOf(b.body.assignment.id)).toBe('gpt-secret');
    await submit(h, annotator, b.body.assignment.id, { topic: 'geometry', difficulty: 2 });

    // Changes both: another topic, no difficulty.
    const c = await next(h, annotator, project);
    await submit(h, annotator, c.body.assignment.id, { topic: 'other' });

    // The setting switches agents: the next save records the agent now shown.
    await h.call(manager, 'PATCH', `/api/projects/${project}`, {
      suggestions: { mode: 'agent', agent: 'rules' },
    });
    const d = await next(h, annotator, project);
    await submit(h, annotator, d.body.assignment.id, { topic: 'algebra' });
    expect(await suggestedByOf(d.body.assignment.id)).toBe('rules');

    const stats = await h.call(manager, 'GET', `/api/projects/${project}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body.suggestions).toEqual([
      { agent: 'gpt-secret', question: null, shown: 6, accepted: 3, changed: 3, rate: 0.5 },
      { agent: 'gpt-secret', question: 'topic', shown: 3, accepted: 2, changed: 1, rate: 2 / 3 },
      { agent: 'gpt-secret', question: 'difficulty', shown: 3, accepted: 1, changed: 2, rate: 1 / 3 },
      { agent: 'rules', question: null, shown: 1, accepted: 1, changed: 0, rate: 1 },
      { agent: 'rules', question: 'topic', shown: 1, accepted: 1, changed: 0, rate: 1 },
    ]);

    // The item page shows a manager the predictions and who suggested each annotation.
    const detail = await h.call(manager, 'GET', `/api/items/${a.body.item.id}`);
    expect(
      detail.body.predictions.map((p: { agent: string; source: string }) => [p.agent, p.source]),
    ).toEqual([
      ['gpt-secret', 'import'],
      ['rules', 'import'],
    ]);
    expect(detail.body.annotations[0].suggestedBy).toBe('gpt-secret');
    const own = await h.call(annotator, 'GET', `/api/items/${a.body.item.id}`);
    expect(own.status).toBe(200);
    expect(own.body.predictions).toBeUndefined();
    expect(JSON.stringify(own.body)).not.toContain('gpt-secret');
  });

  it('exports the predictions of each item and the suggestedBy of each annotation', async () => {
    const { project, annotator } = await projectWith([item('a'), item('b', [])]);
    const work = await next(h, annotator, project);
    await submit(h, annotator, work.body.assignment.id, { topic: 'geometry' });
    const res = await h.call(manager, 'GET', `/api/projects/${project}/export?format=jsonl`);
    expect(res.status).toBe(200);
    const lines = String(res.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].predictions).toEqual([
      { agent: 'gpt-secret', score: 0.9, answers: { topic: 'geometry', difficulty: 4 }, source: 'import' },
      { agent: 'rules', score: 0.4, answers: { topic: 'algebra' }, source: 'import' },
    ]);
    expect(lines[0].annotations[0].suggestedBy).toBe('gpt-secret');
    expect(lines[1].predictions).toEqual([]);
  });

  it('writes the JSONL export byte for byte as the format says, whole and fractional scores alike', async () => {
    const scored = (score: number | null) => [
      { agent: 'zeta', score, answers: { flags: ['pii'], topic: 'other' } },
      { agent: 'alpha', score: 1, answers: { difficulty: 5 } },
    ];
    const { project, annotator } = await projectWith([
      item('a', scored(0.87)),
      item('b', scored(null)),
      item('c', []),
    ]);
    const work = await next(h, annotator, project);
    await submit(h, annotator, work.body.assignment.id, { topic: 'algebra' });
    const res = await h.call(manager, 'GET', `/api/projects/${project}/export?format=jsonl`);
    expect(res.body).toBe(await expectedExport(h.verity, project));
    expect(String(res.body)).toContain(
      '"predictions":[{"agent":"alpha","score":1,"answers":{"difficulty":5},"source":"import"},{"agent":"zeta","score":0.87,',
    );
  });
});
