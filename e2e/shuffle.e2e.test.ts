import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../server/testing/harness.ts';
import { type E2E, projectWithItems, startE2E } from './harness.ts';
import { letterShowing } from './keys.ts';

/**
 * Position bias: each annotator sees a pair in their own order (per item and annotator), answers
 * by side ("A much better"), and the answer, the recorded order and the export all name ids, so
 * the side a candidate was shown on can be undone.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const iface = {
  fields: [
    { name: 'prompt', type: 'text' },
    { name: 'pair', label: 'Answers', type: 'responses' },
  ],
  questions: [{ name: 'better', label: 'Which is better?', type: 'pairwise', field: 'pair', required: true }],
};
const pair = [
  { id: 'first-in-file', content: 'Marker ONE: the answer listed first in the file.' },
  { id: 'second-in-file', content: 'Marker TWO: the answer listed second in the file.' },
];
const markerOf = (id: string) => (id === 'first-in-file' ? 'Marker ONE' : 'Marker TWO');

describe('position shuffling', () => {
  it('shows a pair in each annotator’s own order and records answers, orders and exports by id', async () => {
    const manager = await e.user('manager');
    const { id: projectId, annotator: first } = await projectWithItems(
      e,
      manager,
      { name: 'Shuffled pair', interface: iface, overlap: 20 },
      [{ id: 'pair-1', data: { prompt: 'Which is right?', pair } }],
    );
    // Annotators claim the item until two have been shown it in different orders.
    const claim = async (who: TestUser) => {
      const next = await e.api.call(who, 'POST', `/api/projects/${projectId}/assignments/next`);
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      return next.body.shown.pair as string[];
    };
    const people: { who: TestUser; shown: string[] }[] = [{ who: first, shown: await claim(first) }];
    for (let i = 0; i < 20 && people.length < 2; i++) {
      const who = await e.user('annotator');
      await e.api.call(manager, 'POST', `/api/projects/${projectId}/members`, { email: who.email });
      const shown = await claim(who);
      if (shown[0] !== people[0]!.shown[0]) people.push({ who, shown });
    }
    expect(people).toHaveLength(2);

    // Each sees their own first candidate as Response A, and prefers A by keyboard.
    for (const { who, shown } of people) {
      const { page } = await e.open(who);
      await page.goto(`/projects/${projectId}/annotate`);
      await page.locator('[data-question="better"]').waitFor();
      expect(await letterShowing(page, markerOf(shown[0]!))).toBe('A');
      expect(await letterShowing(page, markerOf(shown[1]!))).toBe('B');
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'All done' }).waitFor();
    }

    // The answers name the candidate each was shown as A, and each annotation records its order.
    const items = await e.api.call(manager, 'GET', `/api/projects/${projectId}/items`);
    const detail = await e.api.call(manager, 'GET', `/api/items/${items.body.items[0].id}`);
    const byUser = new Map(
      (detail.body.annotations as { userId: number; answers: Record<string, unknown>; shown: unknown }[]).map(
        (a) => [a.userId, a],
      ),
    );
    for (const { who, shown } of people) {
      const a = byUser.get(who.id);
      expect(a?.answers.better).toEqual({ preferred: shown[0], strength: 3 });
      expect(a?.shown).toEqual({ pair: shown });
    }

    // The export carries both: the side each preferred maps back to the same ids.
    const exported = await e.api.call(manager, 'GET', `/api/projects/${projectId}/export`);
    expect(exported.status).toBe(200);
    const [line] = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const annotations = line.annotations as {
      answers: { better: { preferred: string } };
      shown: { pair: string[] };
    }[];
    expect(annotations).toHaveLength(2);
    for (const a of annotations) expect(a.answers.better.preferred).toBe(a.shown.pair[0]);
    expect(new Set(annotations.map((a) => a.answers.better.preferred))).toEqual(
      new Set(['first-in-file', 'second-in-file']),
    );
  });
});
