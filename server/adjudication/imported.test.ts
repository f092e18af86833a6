import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postItems } from '../testing/factories.ts';
import { type Harness, startHarness } from '../testing/harness.ts';
import { adjudicated, api } from './testing.ts';

/** Annotations that arrive by import are judged like submitted ones: a disputed item enters. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const line = (id: string, answers: Record<string, unknown>[]) => ({
  id,
  data: { text: id },
  annotations: answers.map((a, k) => ({ annotator: `Expert ${k} (external)`, answers: a })),
});

describe('imported annotations and adjudication', () => {
  it('send an imported item whose answers disagree to the queue, and not one whose answers agree', async () => {
    const t = await adjudicated(h, { threshold: 0.5 }, { items: 0 });
    await postItems(h.verity, t.manager, t.projectId, [
      line('agree', [
        { topic: 'algebra', level: 'easy' },
        { topic: 'algebra', level: 'easy' },
      ]),
      line('split', [
        { topic: 'algebra', level: 'easy' },
        { topic: 'geometry', level: 'hard' },
      ]),
      line('single', [{ topic: 'calculus', level: 'hard' }]),
    ]);
    const queue = await api(h, t.projectId).queue(t.adjudicator);
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
    const { pending, waiting, claimed, decided } = queue.body.counts;
    expect([pending + waiting, claimed, decided]).toEqual([1, 0, 0]);
    const split = await h.verity.store.db
      .selectFrom('items')
      .select('id')
      .where('projectId', '=', t.projectId)
      .where('externalId', '=', 'split')
      .executeTakeFirstOrThrow();
    expect(
      queue.body.items.map((i: { itemId: number; disagreement: number }) => [i.itemId, i.disagreement]),
    ).toEqual([[split.id, 1]]);
  });
});
