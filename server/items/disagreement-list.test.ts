import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, postItems, type Team } from '../testing/factories.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

/**
 * The item list sorts by disagreement (most disputed first, items without a score last) and
 * filters by a minimum, a page at a time; imported annotations give their items a score.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const iface = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'calculus'] }],
};

/** A line with one answer per annotator, in order. */
const line = (id: string, topics: string[]) => ({
  id,
  data: { text: `item ${id}` },
  ...(topics.length === 0
    ? {}
    : {
        annotations: topics.map((topic, k) => ({ annotator: `Expert ${k} (external)`, answers: { topic } })),
      }),
});

interface Listed {
  externalId: string;
  disagreement: number | null;
}

async function listAll(team: Team, query: string, limit: number): Promise<Listed[]> {
  const out: Listed[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor === null ? '' : `&cursor=${cursor}`;
    const res = await h.call(
      team.manager,
      'GET',
      `/api/projects/${team.projectId}/items?limit=${limit}${query}${after}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor !== null);
  return out;
}

let team: Team;
beforeAll(async () => {
  team = await buildTeam(h, { items: 0, annotators: 1, overlap: 2, interface: iface });
  await postItems(h.verity, team.manager, team.projectId, [
    line('agree', ['algebra', 'algebra']),
    line('split', ['algebra', 'geometry']),
    line('most', ['algebra', 'geometry', 'algebra']),
    line('single', ['calculus']),
    line('none', []),
  ]);
  // A plain import afterwards (no annotations) leaves its items without a score.
  await postItems(h.verity, team.manager, team.projectId, [line('plain', [])]);
});

describe('the item list by disagreement', () => {
  it('gives imported items their score', async () => {
    const items = await listAll(team, '', 50);
    const score = Object.fromEntries(items.map((i) => [i.externalId, i.disagreement]));
    expect(score).toEqual({
      agree: 0,
      split: 1,
      most: expect.closeTo(2 / 3, 9),
      single: null,
      none: null,
      plain: null,
    });
  });

  it('pages most disputed first, items without a score last', async () => {
    const desc = await listAll(team, '&sort=disagreement&order=desc', 2);
    expect(desc.map((i) => i.externalId)).toEqual(['split', 'most', 'agree', 'plain', 'none', 'single']);
    const asc = await listAll(team, '&sort=disagreement&order=asc', 4);
    expect(asc.map((i) => i.externalId)).toEqual(['single', 'none', 'plain', 'agree', 'most', 'split']);
  });

  it('filters by a minimum score', async () => {
    const some = await listAll(team, '&minDisagreement=0.5&sort=disagreement&order=desc', 1);
    expect(some.map((i) => i.externalId)).toEqual(['split', 'most']);
    const all = await listAll(team, '&minDisagreement=0', 50);
    expect(all.map((i) => i.externalId)).toEqual(['agree', 'split', 'most']);
    const bad = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/items?minDisagreement=2`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('minDisagreement');
  });

  it('is for managers and reviewers: an annotator cannot sort or filter by it, nor see it', async () => {
    const annotator = team.annotators[0]!;
    const url = `/api/projects/${team.projectId}/items`;
    expect((await h.call(annotator, 'GET', `${url}?sort=disagreement`)).status).toBe(403);
    expect((await h.call(annotator, 'GET', `${url}?minDisagreement=0.1`)).status).toBe(403);
    const own = await h.call(annotator, 'GET', url);
    expect(own.status).toBe(200);
    for (const i of own.body.items) expect(i.disagreement).toBeNull();
  });
});
