import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSegments } from '../../../../core/interface/index.ts';
import { mergeWithPrevious, splitRegion } from './edits.ts';
import {
  createRegion,
  gapAt,
  moveRegion,
  type RegionRules,
  resizeEdge,
  type Segment,
  snapTime,
} from './regions.ts';

const rules = (r: Partial<RegionRules> = {}): RegionRules => ({ allowOverlap: false, duration: 10, ...r });
const ok = <T extends { ok: boolean }>(e: T) => {
  if (!e.ok) throw new Error(`expected an edit, got ${JSON.stringify(e)}`);
  return e as Extract<T, { ok: true }>;
};
const two: Segment[] = [
  { start: 1, end: 2, label: 'a' },
  { start: 4, end: 5, label: 'b' },
];

describe('region arithmetic', () => {
  it('snaps times to 10 ms as the decimals they read as', () => {
    expect(snapTime(1.23456)).toBe(1.23);
    expect(snapTime(0.1 + 0.2)).toBe(0.3);
    expect(snapTime(2.005)).toBeCloseTo(2.01, 9);
  });

  it('finds the free gap around an instant, and none inside a region', () => {
    expect(gapAt(two, 3, 10)).toEqual({ lo: 2, hi: 4 });
    expect(gapAt(two, 1.5, 10)).toBeUndefined();
    // A region's end is free from the right and taken from the left.
    expect(gapAt(two, 2, 10)).toEqual({ lo: 2, hi: 4 });
    expect(gapAt(two, 2, 10, 'before')).toBeUndefined();
    expect(gapAt(two, 7, 10)).toEqual({ lo: 5, hi: 10 });
  });

  it('creates a region between a mark and the playhead, sorted in, carrying its label', () => {
    const e = ok(createRegion(two, 2.5, 3.456, rules(), { label: 'c' }));
    expect(e.segments.map((s) => s.start)).toEqual([1, 2.5, 4]);
    expect(e.segments[e.index]).toEqual({ label: 'c', start: 2.5, end: 3.46 });
  });

  it('creates from a backwards drag, the anchor being the end', () => {
    const e = ok(createRegion([], 3, 1.2, rules()));
    expect(e.segments[e.index]).toEqual({ start: 1.2, end: 3 });
  });

  it('stops a new region at its neighbour when overlap is not allowed, and passes it when it is', () => {
    expect(ok(createRegion(two, 2.5, 6, rules())).segments[1]).toMatchObject({ start: 2.5, end: 4 });
    expect(ok(createRegion(two, 3.5, 0, rules())).segments[1]).toMatchObject({ start: 2, end: 3.5 });
    const over = ok(createRegion(two, 2.5, 6, rules({ allowOverlap: true })));
    expect(over.segments[over.index]).toMatchObject({ start: 2.5, end: 6 });
  });

  it('refuses to start inside a region when overlap is not allowed', () => {
    const e = createRegion(two, 1.5, 3, rules());
    expect(e).toMatchObject({ ok: false, message: expect.stringMatching(/inside another region/) });
  });

  it('keeps a new region within the recording', () => {
    expect(ok(createRegion([], 8, 12, rules())).segments[0]).toEqual({ start: 8, end: 10 });
    expect(ok(createRegion([], -1, 0.5, rules())).segments[0]).toEqual({ start: 0, end: 0.5 });
  });

  it('grows a short region to the shortest length, back from the anchor where there is no room', () => {
    expect(ok(createRegion([], 2, 2.1, rules({ minLength: 0.5 }))).segments[0]).toEqual({
      start: 2,
      end: 2.5,
    });
    expect(ok(createRegion(two, 3.8, 3.9, rules({ minLength: 0.5 }))).segments[1]).toEqual({
      start: 3.5,
      end: 4,
    });
    const none = createRegion(two, 2.1, 2.2, rules({ minLength: 2.5 }));
    expect(none).toMatchObject({ ok: false, message: expect.stringMatching(/no room/) });
  });

  it('cuts a long region to the longest length at its moving end', () => {
    expect(ok(createRegion([], 1, 9, rules({ maxLength: 3 }))).segments[0]).toEqual({ start: 1, end: 4 });
    expect(ok(createRegion([], 9, 1, rules({ maxLength: 3 }))).segments[0]).toEqual({ start: 6, end: 9 });
  });

  it('refuses a second region exactly like one already there', () => {
    const e = createRegion(two, 1, 2, rules({ allowOverlap: true }), { label: 'a' });
    expect(e).toMatchObject({ ok: false, message: 'That region is there already.' });
  });

  it('refuses to make a region into a copy of another', () => {
    const same: Segment[] = [
      { start: 0, end: 0.01 },
      { start: 0, end: 0.02 },
    ];
    const e = resizeEdge(same, 1, 'end', 0, rules({ allowOverlap: true }));
    expect(e).toMatchObject({ ok: false, message: 'That region is there already.' });
  });

  it('resizes an edge, stopping at the neighbour, the other edge and the lengths', () => {
    expect(ok(resizeEdge(two, 0, 'end', 3.333, rules())).segments[0]).toMatchObject({ start: 1, end: 3.33 });
    expect(ok(resizeEdge(two, 0, 'end', 6, rules())).segments[0]).toMatchObject({ end: 4 });
    expect(ok(resizeEdge(two, 1, 'start', 0, rules())).segments[1]).toMatchObject({ start: 2, end: 5 });
    expect(ok(resizeEdge(two, 0, 'start', 3, rules())).segments[0]).toMatchObject({ start: 1.99, end: 2 });
    expect(ok(resizeEdge(two, 0, 'start', 3, rules({ minLength: 0.4 }))).segments[0]).toMatchObject({
      start: 1.6,
    });
    expect(ok(resizeEdge(two, 1, 'end', 9, rules({ maxLength: 2 }))).segments[1]).toMatchObject({ end: 6 });
  });

  it('re-sorts a region whose start passes another when overlap is allowed', () => {
    const e = ok(resizeEdge(two, 1, 'start', 0.5, rules({ allowOverlap: true })));
    expect(e.segments.map((s) => s.label)).toEqual(['b', 'a']);
    expect(e.index).toBe(0);
  });

  it('moves a region keeping its length, inside its gap and the recording', () => {
    expect(ok(moveRegion(two, 0, 2.345, rules())).segments[0]).toMatchObject({ start: 2.35, end: 3.35 });
    expect(ok(moveRegion(two, 0, 3.5, rules())).segments[0]).toMatchObject({ start: 3, end: 4 });
    expect(ok(moveRegion(two, 1, 20, rules())).segments[1]).toMatchObject({ start: 9, end: 10 });
    expect(ok(moveRegion(two, 0, 20, rules({ allowOverlap: true }))).segments[1]).toMatchObject({ start: 9 });
  });

  it('only ever produces answers the server accepts, whatever the edits', () => {
    const op = fc.oneof(
      fc.record({
        k: fc.constant('create' as const),
        a: fc.double({ min: -2, max: 12, noNaN: true }),
        b: fc.double({ min: -2, max: 12, noNaN: true }),
      }),
      fc.record({
        k: fc.constant('resize' as const),
        i: fc.nat(6),
        start: fc.boolean(),
        t: fc.double({ min: -2, max: 12, noNaN: true }),
      }),
      fc.record({
        k: fc.constant('move' as const),
        i: fc.nat(6),
        t: fc.double({ min: -2, max: 12, noNaN: true }),
      }),
      fc.record({
        k: fc.constant('split' as const),
        i: fc.nat(6),
        t: fc.double({ min: -2, max: 12, noNaN: true }),
      }),
      fc.record({ k: fc.constant('merge' as const), i: fc.nat(6) }),
    );
    const shape = fc.record({
      allowOverlap: fc.boolean(),
      minLength: fc.option(fc.constantFrom(0.05, 0.3, 1), { nil: undefined }),
      maxLength: fc.option(fc.constantFrom(1.5, 4), { nil: undefined }),
    });
    fc.assert(
      fc.property(shape, fc.array(op, { maxLength: 25 }), (shape, ops) => {
        const r = rules(shape);
        let segs: Segment[] = [];
        for (const o of ops) {
          const e =
            o.k === 'create'
              ? createRegion(segs, o.a, o.b, r)
              : o.k === 'resize'
                ? resizeEdge(segs, o.i, o.start ? 'start' : 'end', o.t, r)
                : o.k === 'move'
                  ? moveRegion(segs, o.i, o.t, r)
                  : o.k === 'split'
                    ? splitRegion(segs, o.i, o.t, r)
                    : mergeWithPrevious(segs, o.i, r);
          if (e.ok) segs = e.segments;
        }
        const checked = checkSegments(
          segs,
          { name: 'q', text: 'none', speakers: 'none', ...shape },
          false,
          10,
        );
        expect(checked.ok, JSON.stringify({ segs, checked })).toBe(true);
        if (checked.ok) expect(checked.value).toEqual(segs);
      }),
      { numRuns: 300 },
    );
  });
});
