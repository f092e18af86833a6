import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../testing/export-fixtures.ts';
import { buildProject, postItems, seedJudgeAccount, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
let projectId: number;
let itemIds: number[];

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    { name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'other'] },
    { name: 'tags', type: 'multi_choice', options: ['pii', 'toxic'] },
    { name: 'note', type: 'text' },
  ],
};

/**
 * Three external annotators through the import: "good" always right, "twin1" and "twin2" who copy
 * each other and are wrong on items 0–3, right on 4–11. A draft and a model judge's submission
 * disagree with everyone, and must not count.
 */
beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  projectId = await buildProject(h, manager, { interface: iface, overlap: 3 });
  const truth = (i: number) => (i % 2 === 0 ? 'algebra' : 'geometry');
  const wrong = (i: number) => (i % 2 === 0 ? 'geometry' : 'algebra');
  await postItems(
    h.verity,
    manager,
    projectId,
    Array.from({ length: 12 }, (_, i) => ({
      id: `item-${i}`,
      data: { text: `text ${i}` },
      annotations: [
        { annotator: 'good', answers: { topic: truth(i), tags: ['pii'], note: 'fine' } },
        { annotator: 'twin1', answers: { topic: i < 4 ? wrong(i) : truth(i), tags: ['pii', 'toxic'] } },
        { annotator: 'twin2', answers: { topic: i < 4 ? wrong(i) : truth(i), tags: [] } },
      ],
    })),
  );
  const items = await h.verity.store.db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
  itemIds = items.map((i) => i.id);
  const drafter = await seedUser(h.verity, 'annotator');
  const judgeId = await seedJudgeAccount(h.verity, 'Judge');
  const t = Date.UTC(2026, 11, 1);
  await annotate(h.verity, projectId, [
    {
      itemId: itemIds[4]!,
      userId: drafter.id,
      status: 'draft',
      answers: { topic: 'other' },
      times: [t, t, null],
    },
    ...[4, 5].map((i) => ({
      itemId: itemIds[i]!,
      userId: judgeId,
      status: 'submitted' as const,
      answers: { topic: 'other' },
      times: [t, t, t] as [number, number, number],
    })),
  ]);
});
afterAll(async () => h.close());

const get = (query: string) => h.call(manager, 'GET', `/api/projects/${projectId}/export${query}`);

interface Line {
  id: number;
  annotations: unknown[];
  consensus?: Record<string, { answer: unknown; confidence: number }>;
}

async function lines(query: string): Promise<Line[]> {
  const res = await get(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return String(res.body)
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

describe('export with consensus', () => {
  it('adds each line its consensus per question, from people’s submitted answers only', async () => {
    const out = await lines('?consensus=majority');
    expect(out).toHaveLength(12);
    expect(out[0]!.consensus).toEqual({
      topic: { answer: 'geometry', confidence: 2 / 3 },
      tags: { answer: ['pii'], confidence: 2 / 3 },
    });
    // The draft and the judge's "other" on item 4 do not count.
    expect(out[4]!.consensus?.topic).toEqual({ answer: 'algebra', confidence: 1 });
    expect(out[5]!.consensus?.topic).toEqual({ answer: 'geometry', confidence: 1 });
  });

  it('dawid-skene gives a confidence from the posterior over every item', async () => {
    const out = await lines('?consensus=dawid-skene');
    for (const line of out) {
      const { answer, confidence } = line.consensus!.topic!;
      expect(['algebra', 'geometry']).toContain(answer);
      expect(confidence).toBeGreaterThan(0.5);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('bradley-terry leaves categorical questions out, with an empty consensus', async () => {
    const out = await lines('?consensus=bradley-terry');
    expect(out.every((l) => JSON.stringify(l.consensus) === '{}')).toBe(true);
  });

  it('keeps the lines as they were without the parameter, and with filters', async () => {
    const plain = await lines('');
    expect(plain.every((l) => l.consensus === undefined)).toBe(true);
    const filtered = await lines(`?consensus=weighted&ids=${itemIds[7]}`);
    expect(filtered).toHaveLength(1);
    expect(filtered[0]!.consensus?.topic?.answer).toBe('geometry');
    const { consensus, ...rest } = filtered[0]!;
    expect(rest).toEqual(plain[7]);
    expect(consensus).toBeDefined();
  });

  it('refuses an unknown method or a format not made from it, naming the parameter', async () => {
    for (const query of [
      '?consensus=vote',
      '?format=csv&consensus=majority',
      '?format=kto&consensus=weighted',
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message.startsWith('query.consensus: '), res.body.error.message).toBe(true);
    }
    const res = await get('?consensus=vote');
    expect(res.body.error.message).toContain('majority, weighted, dawid-skene, bradley-terry');
  });
});

describe('export with consensus over candidates', () => {
  it('ranks an item’s candidates by Bradley–Terry for pairwise and ranking questions', async () => {
    const tutor = await buildProject(h, manager, {
      overlap: 3,
      interface: {
        fields: [
          { name: 'prompt', type: 'text' },
          { name: 'pair', type: 'responses' },
          { name: 'four', type: 'responses' },
        ],
        questions: [
          { name: 'better', type: 'pairwise', field: 'pair' },
          { name: 'order', type: 'ranking', field: 'four', allowTies: true },
        ],
      },
    });
    const candidates = (ids: string[]) => ids.map((id) => ({ id, content: `answer ${id}` }));
    const answers = [
      { better: { preferred: 'b', strength: 2 }, order: { order: [['y'], ['w', 'x'], ['z']] } },
      { better: { preferred: 'b', strength: 1 }, order: { order: [['y'], ['x'], ['w'], ['z']] } },
      { better: { preferred: null, strength: 0 }, order: { order: [['x'], ['y'], ['w'], ['z']] } },
    ];
    await postItems(h.verity, manager, tutor, [
      {
        data: {
          prompt: 'Which is better?',
          pair: candidates(['a', 'b']),
          four: candidates(['w', 'x', 'y', 'z']),
        },
        annotations: answers.map((a, k) => ({ annotator: `tutor ${k}`, answers: a })),
      },
    ]);
    const res = await h.call(manager, 'GET', `/api/projects/${tutor}/export?consensus=majority`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const line = JSON.parse(String(res.body).trim()) as Line;
    const better = line.consensus?.better;
    expect(better?.answer).toMatchObject({ preferred: 'b', order: [['b'], ['a']] });
    expect(better?.confidence).toBeGreaterThan(0.5);
    expect(better?.confidence).toBeLessThan(1);
    expect(line.consensus?.order?.answer).toMatchObject({ order: [['y'], ['x'], ['w'], ['z']] });
  });
});
