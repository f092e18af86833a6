import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postItems } from '../testing/factories.ts';
import { type Harness, jsonl, startHarness, type TestUser } from '../testing/harness.ts';
import { buildSearchWorld, type SearchWorld } from '../testing/search-fixture.ts';
import { searchTuning } from './items.repository.ts';

let h: Harness;
let w: SearchWorld;
beforeAll(async () => {
  h = await startHarness();
  w = await buildSearchWorld(h);
});
afterAll(async () => h.close());

interface Summary {
  id: number;
  preview: string;
  status: string;
}

/** Every page of a listing, following nextCursor, checking no page repeats an item. */
async function list(query: string, who: TestUser = w.manager): Promise<Summary[]> {
  const out: Summary[] = [];
  let cursor: string | null = null;
  do {
    const url = `/api/projects/${w.projectId}/items?${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await h.call(who, 'GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor !== null && out.length < 100);
  expect(new Set(out.map((i) => i.id)).size).toBe(out.length);
  return out;
}
/** The positions (in import order) of the items a listing returns, in its order. */
const found = async (query: string, who?: TestUser) =>
  (await list(query, who)).map((i) => w.ids.indexOf(i.id));
const q = (words: string) => `q=${encodeURIComponent(words)}`;

/** The 400 of a bad query: the parameters its details name, and its message. */
async function refused(query: string): Promise<{ paths: string[]; message: string }> {
  const res = await h.call(w.manager, 'GET', `/api/projects/${w.projectId}/items?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  return {
    paths: res.body.error.details.map((d: { path: string }) => d.path),
    message: res.body.error.message,
  };
}

describe('searching items by words', () => {
  it('finds every word, the last as a prefix', async () => {
    expect(await found(q('quadratic'))).toEqual([0]);
    expect(await found(q('equation'))).toEqual([0, 2]);
    expect(await found(q('equation solve'))).toEqual([0]);
    expect(await found(q('equation second'))).toEqual([]);
    expect(await found(q('equations second'))).toEqual([2]);
    expect(await found(q('pythag'))).toEqual([1]);
  });

  it('ignores case, accents and punctuation', async () => {
    expect(await found(q('PYTHAGOREAN, theorem!'))).toEqual([1]);
    expect(await found(q('creme brulee'))).toEqual([3]);
    expect(await found(q('CRÈME-BRÛLÉE;'))).toEqual([3]);
    expect(await found(q('strasse naive'))).toEqual([3]);
    expect(await found(q('RÉSOUDRE'))).toEqual([2]);
  });

  it('matches the externalId and every string of the data, but not meta', async () => {
    expect(await found(q('geo'))).toEqual([1]);
    expect(await found(q('alg 2'))).toEqual([2]);
    expect(await found(q('book'))).toEqual([0, 2]);
    expect(await found(q('textbook'))).toEqual([]);
  });

  it('does not match a one-letter last word as a prefix', async () => {
    expect(await found(q('x'))).toEqual([]);
    expect(await found(q('a'))).toEqual([3]);
  });

  it('filters nothing when q holds no word', async () => {
    expect(await found(q(' ;!? '))).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a q over its bounds, naming it', async () => {
    expect((await refused(q(Array.from({ length: 17 }, (_, i) => `w${i}`).join(' ')))).paths).toEqual([
      'query.q',
    ]);
    expect((await refused(q('x'.repeat(501)))).paths).toEqual(['query.q']);
  });

  it('combines with status, sort and order', async () => {
    expect(await found(`${q('equation')}&status=waiting`)).toEqual([2]);
    expect(await found(`${q('the')}&order=desc&limit=1`)).toEqual([1, 0]);
    expect(await found(`${q('the')}&sort=priority&limit=1`)).toEqual([1, 0]);
  });

  it('keeps the index in step with imports and deletions', async () => {
    await postItems(h.verity, w.manager, w.projectId, [
      { id: 'tmp', data: { text: 'ephemeral zebra', source: 'x' } },
    ]);
    const added = await list(q('zebra'));
    expect(added).toHaveLength(1);
    const gone = added[0]!.id;
    await h.verity.store.db.deleteFrom('items').where('id', '=', gone).execute();
    expect(await found(q('zebra'))).toEqual([]);
    // SQLite may give the deleted item's id to the next one: its old words must not come with it.
    await postItems(h.verity, w.manager, w.projectId, [
      { id: 'tmp', data: { text: 'replacement', source: 'x' } },
    ]);
    expect(await found(q('ephemeral'))).toEqual([]);
    const replaced = await list(q('replacement'));
    expect(replaced).toHaveLength(1);
    await h.verity.store.db.deleteFrom('items').where('id', '=', replaced[0]!.id).execute();
  });

  it('indexes items of an import that starts over in exact mode (a taken externalId)', async () => {
    const rows = [
      { id: 'exact-1', data: { text: 'walrus', source: 'x' } },
      { id: 'alg-1', data: { text: 'taken', source: 'x' } },
    ];
    const res = await h.verity.app.inject({
      method: 'POST',
      url: `/api/projects/${w.projectId}/items?skipInvalid=true`,
      headers: { authorization: `Bearer ${w.manager.token}`, 'content-type': 'application/x-ndjson' },
      payload: jsonl(rows),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(JSON.parse(res.body).imported).toBe(1);
    const found = await list(q('walrus'));
    expect(found).toHaveLength(1);
    await h.verity.store.db.deleteFrom('items').where('id', '=', found[0]!.id).execute();
  });
});

describe('filtering items', () => {
  it('by status waiting: not complete, held by nobody, not stranded', async () => {
    expect(await found('status=waiting')).toEqual([2, 3, 4]);
    expect(await found('status=in_progress')).toEqual([1]);
  });

  it('by annotator: any assignment of theirs, a live lock included', async () => {
    expect(await found(`annotator=${w.a.id}`)).toEqual([0, 1]);
    expect(await found(`annotator=${w.c.id}`)).toEqual([1]);
    expect(await found(`annotator=${w.b.id}`)).toEqual([0]);
  });

  it('by answer, by each question type', async () => {
    expect(await found('answer=topic:algebra')).toEqual([0]);
    expect(await found('answer=topic:geometry')).toEqual([1]);
    expect(await found('answer=topic:alg')).toEqual([]);
    expect(await found('answer=flags:pii')).toEqual([0]);
    expect(await found('answer=difficulty:4')).toEqual([0]);
    expect(await found('answer=difficulty:4.0')).toEqual([0]);
    expect(await found('answer=steps:3')).toEqual([0]);
    expect(await found('answer=comment:quadratic')).toEqual([0]);
    expect(await found('answer=comment:Quadratic')).toEqual([]);
    expect(await found('answer=entities:THEOREM')).toEqual([1]);
    expect(await found('answer=entities:DEFINITION')).toEqual([]);
  });

  it('by several answers: each held by some submitted annotation', async () => {
    expect(await found('answer=topic:algebra&answer=difficulty:2')).toEqual([0]);
    expect(await found('answer=topic:geometry&answer=difficulty:4')).toEqual([]);
  });

  it('by meta key and value: strings, numbers and booleans', async () => {
    expect(await found('meta=source:textbook')).toEqual([0, 2]);
    expect(await found('meta=year:2021')).toEqual([0, 2, 4]);
    expect(await found('meta=year:2021.00')).toEqual([0, 4]);
    expect(await found('meta=hard:true')).toEqual([0]);
    expect(await found('meta=source:textbook&meta=hard:true')).toEqual([0]);
    expect(await found('meta=nothing:here')).toEqual([]);
  });

  it('by dates of import and of submission', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await found(`createdFrom=${today}&createdTo=${today}`)).toEqual([0, 1, 2, 3, 4]);
    expect(await found('createdTo=2020-01-01')).toEqual([]);
    expect(await found(`submittedFrom=${today}`)).toEqual([0, 1]);
    expect(await found('submittedTo=2020-01-01T12:00:00Z')).toEqual([]);
    expect(await found('createdFrom=2020-01-01T00:00:00%2B02:00&submittedTo=2999-01-01')).toEqual([0, 1]);
  });

  it('combines every filter', async () => {
    const all = `${q('the')}&status=complete&annotator=${w.b.id}&answer=topic:other&meta=year:2021&createdFrom=2020-01-01`;
    expect(await found(all)).toEqual([0]);
  });

  it('refuses bad filters, naming the parameter', async () => {
    const unknown = await refused('answer=mood:happy');
    expect(unknown.paths).toEqual(['query.answer']);
    expect(unknown.message).toContain('topic, flags, entities, difficulty, steps, comment');
    expect((await refused('answer=difficulty:hard')).paths).toEqual(['query.answer']);
    expect((await refused('answer=topic')).paths).toEqual(['query.answer']);
    expect((await refused('meta=novalue')).paths).toEqual(['query.meta']);
    const eleven = Array.from({ length: 11 }, () => 'meta=a:b').join('&');
    expect((await refused(eleven)).paths).toEqual(['query.meta']);
    expect((await refused(`meta=a:${'b'.repeat(300)}`)).paths).toEqual(['query.meta']);
    expect((await refused('createdFrom=yesterday')).paths).toEqual(['query.createdFrom']);
    expect((await refused('submittedTo=2026-02-30')).paths).toEqual(['query.submittedTo']);
    expect((await refused('annotator=me')).paths).toEqual(['query.annotator']);
    expect((await refused('status=busy')).paths).toEqual(['query.status']);
  });
});

describe('sorting and paging', () => {
  const orders: [string, number[]][] = [
    ['sort=id', [0, 1, 2, 3, 4]],
    ['sort=priority', [3, 2, 4, 1, 0]],
    ['sort=externalId', [3, 0, 2, 1, 4]],
    ['sort=submitted', [2, 3, 4, 1, 0]],
    ['sort=createdAt', [0, 1, 2, 3, 4]],
  ];
  it.each(orders)('%s pages through every item once, either way', async (sort, expected) => {
    for (const limit of [1, 2, 500]) {
      expect(await found(`${sort}&limit=${limit}`)).toEqual(expected);
      expect(await found(`${sort}&order=desc&limit=${limit}`)).toEqual([...expected].reverse());
    }
  });

  it('refuses a cursor of another sort or order, and one it never issued', async () => {
    const first = await h.call(w.manager, 'GET', `/api/projects/${w.projectId}/items?sort=priority&limit=1`);
    const cursor = first.body.nextCursor as string;
    const byId = await h.call(w.manager, 'GET', `/api/projects/${w.projectId}/items?cursor=${cursor}`);
    expect(byId.body.error.details[0].path).toBe('query.cursor');
    expect((await refused(`sort=priority&order=desc&cursor=${cursor}`)).paths).toEqual(['query.cursor']);
    const idFirst = await h.call(w.manager, 'GET', `/api/projects/${w.projectId}/items?limit=1`);
    expect((await refused(`sort=externalId&cursor=${idFirst.body.nextCursor}`)).paths).toEqual([
      'query.cursor',
    ]);
    expect((await refused('sort=priority&cursor=bm9wZQ')).paths).toEqual(['query.cursor']);
    expect((await refused('sort=name')).paths).toEqual(['query.sort']);
  });
});

describe('what annotators see', () => {
  it('only their own items, and only their own answers to filter on', async () => {
    expect(await found('', w.a)).toEqual([0, 1]);
    expect(await found(q('pythagorean'), w.a)).toEqual([1]);
    expect(await found(q('brulee'), w.a)).toEqual([]);
    expect(await found('answer=topic:algebra', w.a)).toEqual([0]);
    expect(await found('answer=topic:other', w.a)).toEqual([]);
    expect(await found('answer=topic:other', w.b)).toEqual([0]);
    expect(await found(`annotator=${w.b.id}`, w.a)).toEqual([]);
    expect(await found(`annotator=${w.a.id}`, w.a)).toEqual([0, 1]);
  });
});

describe('the preview', () => {
  it("is the first field's text, whitespace collapsed", async () => {
    const items = await list('');
    expect(items[4]!.preview).toBe('Nothing to see');
    expect(items[0]!.preview).toBe('Solve the quadratic équation x² − 5x + 6 = 0');
  });

  it('is cut to 200 characters', async () => {
    await postItems(h.verity, w.manager, w.projectId, [
      { id: 'long', data: { text: 'é'.repeat(5000), source: 'x' } },
    ]);
    const [long] = await list(`externalIdPrefix=long`);
    expect([...long!.preview]).toHaveLength(200);
    expect(long!.preview.endsWith('…')).toBe(true);
    await h.verity.store.db.deleteFrom('items').where('id', '=', long!.id).execute();
  });
});

describe('the ways PostgreSQL finds a search page', () => {
  it('lists the same pages by a bounded walk, by ids from the GIN index and by an unbounded walk', async () => {
    const queries = [q('the'), q('equation'), q('web'), q('solve'), q('zzz'), `${q('the')}&status=waiting`];
    const sorts = ['', '&sort=priority', '&sort=externalId', '&sort=createdAt', '&sort=submitted'];
    const listings = queries.flatMap((query) =>
      sorts.flatMap((sort) => ['', '&order=desc'].map((order) => `${query}${sort}${order}&limit=1`)),
    );
    const expected = await Promise.all(listings.map((l) => found(l)));
    expect(expected.some((e) => e.length >= 2)).toBe(true);
    const defaults = { ...searchTuning };
    try {
      // A walk too short for a page, then ids; or too few ids allowed, then the unbounded walk;
      // or a walk long enough for a page of one.
      for (const [walkBudget, matchCap] of [
        [1, 50_000],
        [1, 1],
        [3, 50_000],
        [3, 1],
      ] as const) {
        Object.assign(searchTuning, { walkBudget, matchCap });
        for (const [i, l] of listings.entries())
          expect(await found(l), `${l} ${walkBudget}/${matchCap}`).toEqual(expected[i]);
      }
    } finally {
      Object.assign(searchTuning, defaults);
    }
  });
});
