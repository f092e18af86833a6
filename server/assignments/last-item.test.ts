import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, claimProblems, next } from '../testing/factories.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

describe('the last open item', () => {
  // On PostgreSQL a claimer skips rows another claim holds; when that row is the only one left,
  // skipping would tell the second annotator "nothing left" although the item has a free slot.
  it('goes to every annotator who asks at the same moment, while it has slots', async () => {
    for (let round = 0; round < 15; round++) {
      const team = await buildTeam(h, { items: 1, annotators: 3, overlap: 3 });
      const answers = await Promise.all(team.annotators.map((a) => next(h, a, team.projectId)));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(new Set(answers.map((r) => r.body.item.id))).toEqual(new Set(team.itemIds));
      expect(await claimProblems(h, team.projectId, 3)).toEqual([]);
    }
  });
});
