import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../testing/export-fixtures.ts';
import { buildProject, postItems, seedJudgeAccount, seedUser } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let manager: TestUser;
let projectId: number;
const people: TestUser[] = [];
let judgeId: number;
let judgeName: string;

const iface = {
  fields: [
    { name: 'text', type: 'text' },
    { name: 'pair', type: 'responses' },
  ],
  questions: [
    { name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'other'] },
    { name: 'tags', type: 'multi_choice', options: ['pii', 'toxic'] },
    { name: 'better', type: 'pairwise', field: 'pair', scale: 5 },
  ],
};

const pair = [
  { id: 'b', content: 'answer b' },
  { id: 'a', content: 'answer a' },
];

/**
 * Three people (p1–p3) and a model judge on five ordinary items and two gold items. `topic` per
 * item, people then the judge ('-' no answer): a = algebra, g = geometry, o = other.
 */
const TOPICS: Record<string, [string, string, string, string]> = {
  i0: ['a', 'a', 'a', 'a'],
  i1: ['a', 'a', 'g', 'g'],
  i2: ['g', 'g', 'g', 'g'],
  i3: ['a', 'g', '-', 'a'],
  i4: ['o', '-', '-', 'a'],
  g0: ['a', 'a', 'g', 'a'],
  g1: ['g', 'o', 'g', 'o'],
};
const LETTER: Record<string, string> = { a: 'algebra', g: 'geometry', o: 'other' };

beforeAll(async () => {
  h = await startHarness();
  manager = await seedUser(h.verity, 'manager');
  projectId = await buildProject(h, manager, { interface: iface, overlap: 4 });
  for (let k = 0; k < 3; k++) people.push(await seedUser(h.verity, 'annotator'));
  judgeName = `Judge ${Date.now()}`;
  judgeId = await seedJudgeAccount(h.verity, judgeName);
  await postItems(
    h.verity,
    manager,
    projectId,
    Object.keys(TOPICS).map((id) =>
      id.startsWith('g')
        ? {
            id,
            data: { text: id, pair },
            gold: {
              topic: id === 'g0' ? 'algebra' : 'geometry',
              tags: ['pii'],
              better: { preferred: 'a', strength: 2 },
            },
          }
        : { id, data: { text: id, pair } },
    ),
  );
  const items = await h.verity.store.db
    .selectFrom('items')
    .select(['id', 'externalId'])
    .where('projectId', '=', projectId)
    .execute();
  const t = Date.UTC(2026, 11, 1);
  const who = [...people.map((p) => p.id), judgeId];
  await annotate(
    h.verity,
    projectId,
    items.flatMap((item) =>
      (TOPICS[item.externalId as string] ?? []).flatMap((letter, k) =>
        letter === '-'
          ? []
          : [
              {
                itemId: item.id,
                userId: who[k] as number,
                status: 'submitted' as const,
                answers: {
                  topic: LETTER[letter],
                  // Everyone marks pii; only the judge marks toxic too.
                  tags: k === 3 ? ['pii', 'toxic'] : ['pii'],
                  better: { preferred: k === 2 ? 'b' : 'a', strength: 2 },
                },
                times: [t, t, t] as [number, number, number],
              },
            ],
      ),
    ),
  );
});
afterAll(async () => h.close());

interface ReportRow {
  annotator: string;
  kind: string;
  consensus: {
    overall: { agreed: number; units: number };
    questions: Record<string, { agreed: number; units: number; rate: number | null; parts?: object }>;
  };
  gold: {
    items: number;
    overall: { n: number; accuracy: number | null };
    questions: Record<string, { n: number; accuracy: number | null }>;
  };
}

const report = async (query = '') => {
  const res = await h.call(manager, 'GET', `/api/projects/${projectId}/judges/report${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    method: string;
    judgeInConsensus: boolean;
    goldItems: number;
    annotators: ReportRow[];
  };
};

describe('the model judge against the people', () => {
  it("gives the judge's and each person's agreement with the people's consensus, side by side", async () => {
    const r = await report();
    expect(r).toMatchObject({ method: 'majority', judgeInConsensus: false, goldItems: 2 });
    expect(r.annotators.map((a) => a.kind)).toEqual(['model', 'human', 'human', 'human']);
    const [judge, ...humans] = r.annotators;
    expect(judge?.annotator).toBe(judgeName);
    // The judge against all the people: i0 agrees, i1 not (a), i2 agrees, i3 a tie (left out),
    // i4 not (o), g0 agrees, g1 not (g).
    expect(judge?.consensus.questions.topic).toMatchObject({ agreed: 3, units: 6 });
    const byEmail = new Map(humans.map((a) => [a.annotator, a]));
    // p1 against p2 and p3: i0, i2 agree; i3 not; i1, g0, g1 ties; i4 alone.
    expect(byEmail.get(people[0]!.email)?.consensus.questions.topic).toMatchObject({ agreed: 2, units: 3 });
    // p3 against p1 and p2: i0, i2 agree; i1 and g0 not; g1 a tie.
    expect(byEmail.get(people[2]!.email)?.consensus.questions.topic).toMatchObject({ agreed: 2, units: 4 });
    // Multi-choice per option: everyone agrees on pii; on toxic the judge never does.
    expect(judge?.consensus.questions.tags?.parts).toMatchObject({
      pii: { agreed: 7, units: 7 },
      toxic: { agreed: 0, units: 7 },
    });
    // Pairwise: the people's majority prefers a (p3 prefers b); the judge always a.
    expect(judge?.consensus.questions.better).toMatchObject({ agreed: 7, units: 7 });
  });

  it('scores everyone on gold with the same scorer', async () => {
    const r = await report();
    const by = new Map(r.annotators.map((a) => [a.annotator, a.gold]));
    expect(by.get(judgeName)?.items).toBe(2);
    expect(by.get(judgeName)?.questions.topic).toMatchObject({ n: 2, accuracy: 0.5 });
    expect(by.get(people[0]!.email)?.questions.topic).toMatchObject({ n: 2, accuracy: 1 });
    expect(by.get(people[2]!.email)?.questions.topic).toMatchObject({ n: 2, accuracy: 0.5 });
    // tags: Jaccard, the judge's {pii, toxic} against {pii} is 1/2 on both gold items.
    expect(by.get(judgeName)?.questions.tags).toMatchObject({ n: 2, accuracy: 0.5 });
    expect(by.get(people[2]!.email)?.questions.better).toMatchObject({ n: 2, accuracy: 0 });
  });

  it('forms the consensus by Dawid–Skene when asked', async () => {
    const r = await report('?method=dawid-skene');
    expect(r.method).toBe('dawid-skene');
    const judge = r.annotators[0];
    expect(judge?.consensus.questions.topic?.units).toBeGreaterThanOrEqual(6);
    expect(judge?.consensus.questions.tags?.parts).toMatchObject({
      pii: { agreed: 7 },
      toxic: { agreed: 0 },
    });
  });

  it("is refused to the project's annotators", async () => {
    const added = await h.call(manager, 'POST', `/api/projects/${projectId}/members`, {
      userId: people[0]!.id,
      role: 'annotator',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const res = await h.call(people[0]!, 'GET', `/api/projects/${projectId}/judges/report`);
    expect(res.status).toBe(403);
  });
});

describe("the judge in the consensus: the project's setting", () => {
  const consensusOf = async (externalId: string) => {
    const res = await h.call(manager, 'GET', `/api/projects/${projectId}/export?consensus=majority`);
    expect(res.status).toBe(200);
    const lines = String(res.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { externalId: string; consensus: Record<string, unknown> });
    return lines.find((l) => l.externalId === externalId)?.consensus;
  };

  it('leaves the judge out by default, and counts it once the manager turns it on', async () => {
    const project = await h.call(manager, 'GET', `/api/projects/${projectId}`);
    expect(project.body.judgeInConsensus).toBe(false);
    // i4: the one person says other, the judge algebra.
    expect((await consensusOf('i4'))?.topic).toEqual({ answer: 'other', confidence: 1 });
    const on = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { judgeInConsensus: true });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body.judgeInConsensus).toBe(true);
    // A tie between the person and the judge goes to the option listed first.
    expect((await consensusOf('i4'))?.topic).toEqual({ answer: 'algebra', confidence: 0.5 });
    expect((await report()).judgeInConsensus).toBe(true);
    const off = await h.call(manager, 'PATCH', `/api/projects/${projectId}`, { judgeInConsensus: false });
    expect(off.body.judgeInConsensus).toBe(false);
    expect((await consensusOf('i4'))?.topic).toEqual({ answer: 'other', confidence: 1 });
  });
});
