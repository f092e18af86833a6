import { describe, expect, it } from 'vitest';
import {
  chipsOf,
  cleared,
  EMPTY_VIEW,
  isFiltered,
  listFilters,
  previewOf,
  queryOfView,
  sortedBy,
  viewFromQuery,
  withPair,
} from './view.ts';

const parse = (query: string) => viewFromQuery(new URLSearchParams(query));

describe('the item browser view in the address', () => {
  it('round-trips every filter and the sort through the query string', () => {
    const query =
      '?q=prime+numbers&externalIdPrefix=doc-&status=skipped&annotator=7&answer=topic%3Aalgebra&answer=note%3Aa%3Ab&meta=batch%3A4&createdFrom=2026-01-01&submittedTo=2026-02-28&flagged=only&sort=priority&order=desc';
    const view = parse(query);
    expect(view).toEqual({
      q: 'prime numbers',
      externalIdPrefix: 'doc-',
      status: 'skipped',
      annotator: 7,
      answer: ['topic:algebra', 'note:a:b'],
      meta: ['batch:4'],
      dates: { createdFrom: '2026-01-01', submittedTo: '2026-02-28' },
      flagged: true,
      minDisagreement: '',
      sort: 'priority',
      order: 'desc',
    });
    expect(parse(queryOfView(view))).toEqual(view);
  });

  it('writes nothing for the plain list, and leaves malformed parts out', () => {
    expect(queryOfView(EMPTY_VIEW)).toBe('');
    expect(
      parse('status=done&annotator=-1&answer=nocolon&createdFrom=yesterday&flagged=yes&sort=rand&order=up'),
    ).toEqual(EMPTY_VIEW);
  });

  it('turns the view into the list route parameters, with repeatable pairs as arrays', () => {
    const view = withPair(withPair(EMPTY_VIEW, 'answer', 'topic:algebra'), 'answer', 'flags:pii');
    expect(listFilters({ ...view, q: '  fox ' })).toEqual({
      sort: 'id',
      order: 'asc',
      q: 'fox',
      answer: ['topic:algebra', 'flags:pii'],
    });
    expect(withPair(view, 'answer', 'topic:algebra')).toBe(view);
    expect(listFilters({ ...EMPTY_VIEW, flagged: true })).toEqual({
      sort: 'id',
      order: 'asc',
      flagged: 'only',
    });
  });

  it('has one chip per filter, each removing only itself, and clear all keeps the sort', () => {
    const view = parse(
      'q=fox&annotator=3&meta=batch%3A4&meta=lang%3Aen&flagged=only&sort=submitted&order=desc',
    );
    const chips = chipsOf(view, (id) => `user #${id}`);
    expect(chips.map((c) => c.label)).toEqual([
      'Text: “fox”',
      'Annotator: user #3',
      'Metadata batch = 4',
      'Metadata lang = en',
      'Flagged answers only',
    ]);
    expect(chips[4]!.without.flagged).toBe(false);
    expect(chips[2]!.without.meta).toEqual(['lang:en']);
    expect(isFiltered(cleared(view))).toBe(false);
    expect(cleared(view).sort).toBe('submitted');
  });

  it('sorts by a new column in its natural direction and flips on a second click', () => {
    const byPriority = sortedBy(EMPTY_VIEW, 'priority');
    expect([byPriority.sort, byPriority.order]).toEqual(['priority', 'desc']);
    expect(sortedBy(byPriority, 'priority').order).toBe('asc');
    expect(sortedBy(EMPTY_VIEW, 'id').order).toBe('desc');
  });
});

describe('the preview of an item', () => {
  it('prefers the server preview, else the first text, flattened and bounded in code points', () => {
    expect(previewOf({ preview: 'from server', data: { text: 'other' } })).toBe('from server');
    expect(previewOf({ data: { n: 3, text: ' two\n\nlines ' } })).toBe('two lines');
    const long = previewOf({ data: { text: '🦊'.repeat(300) } });
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('the review filter', () => {
  it('round-trips through the address, reaches the list route and shows as a chip', () => {
    const view = parse('review=rejected');
    expect(view.review).toBe('rejected');
    expect(isFiltered(view)).toBe(true);
    expect(queryOfView(view)).toBe('?review=rejected');
    expect(listFilters(view)).toMatchObject({ review: 'rejected' });
    expect(chipsOf(view, String)).toMatchObject([{ key: 'review', label: 'Review: Rejected' }]);
    expect(parse('review=maybe').review).toBeUndefined();
  });
});

describe('the disagreement filter and sort', () => {
  it('round-trips a minimum from 0 to 1 through the address, and drops anything else', () => {
    const view = {
      ...EMPTY_VIEW,
      minDisagreement: '0.4',
      sort: 'disagreement' as const,
      order: 'desc' as const,
    };
    const query = queryOfView(view);
    expect(query).toBe('?minDisagreement=0.4&sort=disagreement&order=desc');
    expect(viewFromQuery(new URLSearchParams(query.slice(1)))).toEqual(view);
    expect(viewFromQuery(new URLSearchParams('minDisagreement=1.5')).minDisagreement).toBe('');
    expect(listFilters(view)).toMatchObject({ minDisagreement: 0.4, sort: 'disagreement' });
    expect(isFiltered(view)).toBe(true);
    expect(chipsOf(view, String).map((c) => c.label)).toEqual(['Disagreement at least 0.4']);
  });

  it('sorts most disputed first on the first click', () => {
    expect(sortedBy(EMPTY_VIEW, 'disagreement')).toMatchObject({ sort: 'disagreement', order: 'desc' });
  });
});
