import { describe, expect, it } from 'vitest';
import {
  appendAfter,
  mergeWithPrevious,
  patchRegion,
  regionAt,
  removeRegion,
  splitRegion,
  stepRegion,
} from './edits.ts';
import { hitTest, type RegionBox, speakersUsed, speakerToken, stackRows, stamp } from './layout.ts';
import type { RegionRules, Segment } from './regions.ts';

const rules: RegionRules = { allowOverlap: false, duration: 20 };
const line = (start: number, end: number, text?: string): Segment => ({
  start,
  end,
  speaker: 'ann',
  ...(text ? { text } : {}),
});
const lines = [line(0, 2, 'hello there'), line(3, 6, 'general kenobi'), line(8, 9)];

describe('segment list edits', () => {
  it('sets and clears what a region says', () => {
    const e = patchRegion(lines, 2, { text: 'hi', label: 'x' });
    expect(e).toMatchObject({ ok: true, index: 2, segments: [{}, {}, { text: 'hi', label: 'x' }] });
    const cleared = patchRegion(lines, 0, { text: '', speaker: undefined });
    expect(cleared.ok && cleared.segments[0]).toEqual({ start: 0, end: 2 });
  });

  it('refuses a label that would make a region a copy of another', () => {
    const twins = [
      { start: 1, end: 2, label: 'a' },
      { start: 1, end: 2 },
    ];
    expect(patchRegion(twins, 1, { label: 'a' })).toMatchObject({ ok: false });
    expect(patchRegion(twins, 1, { label: 'b' })).toMatchObject({ ok: true });
  });

  it('removes a region', () => {
    expect(removeRegion(lines, 1).map((s) => s.start)).toEqual([0, 8]);
  });

  it('splits at the playhead and the text at the caret', () => {
    const e = splitRegion(lines, 1, 4.504, rules, 7);
    expect(e.ok && e.segments.slice(1, 3)).toEqual([
      { start: 3, end: 4.5, speaker: 'ann', text: 'general' },
      { start: 4.5, end: 6, speaker: 'ann', text: 'kenobi' },
    ]);
    expect(e.ok && e.index).toBe(2);
  });

  it('refuses to split outside the region or within the shortest length of an edge', () => {
    expect(splitRegion(lines, 1, 7, rules).ok).toBe(false);
    expect(splitRegion(lines, 1, 3.2, { ...rules, minLength: 0.5 }).ok).toBe(false);
  });

  it('merges with the previous region, joining texts', () => {
    const e = mergeWithPrevious(lines, 1, rules);
    expect(e.ok && e.segments[0]).toEqual({
      start: 0,
      end: 6,
      speaker: 'ann',
      text: 'hello there general kenobi',
    });
    expect(mergeWithPrevious(lines, 0, rules).ok).toBe(false);
    expect(mergeWithPrevious(lines, 1, { ...rules, maxLength: 5 }).ok).toBe(false);
  });

  it('starts a new segment from the end of one: to the playhead, else a second, else up to the next', () => {
    const toHead = appendAfter(lines, 0, 2.75, rules);
    expect(toHead.ok && toHead.segments[toHead.index]).toEqual({ start: 2, end: 2.75 });
    const second = appendAfter(lines, 1, 1, rules);
    expect(second.ok && second.segments[second.index]).toEqual({ start: 6, end: 7 });
    const moved = appendAfter(lines, 0, 0, rules, { caret: 5, extra: { label: 'x' } });
    expect(moved.ok && moved.segments.slice(0, 2)).toEqual([
      { start: 0, end: 2, speaker: 'ann', text: 'hello' },
      { start: 2, end: 3, label: 'x', text: 'there' },
    ]);
    const short = appendAfter([line(0, 2), line(2.5, 3)], 0, 0, rules);
    expect(short.ok && short.segments[short.index]).toEqual({ start: 2, end: 2.5 });
  });

  it('steps to the next and previous region, from the selection or else the playhead', () => {
    expect(stepRegion(lines, 0, 0, 1)).toBe(1);
    expect(stepRegion(lines, 2, 0, 1)).toBeUndefined();
    expect(stepRegion(lines, 0, 0, -1)).toBeUndefined();
    expect(stepRegion(lines, undefined, 2.5, 1)).toBe(1);
    expect(stepRegion(lines, undefined, 3, 1)).toBe(1);
    expect(stepRegion(lines, undefined, 3, -1)).toBe(0);
    expect(stepRegion(lines, undefined, 10, 1)).toBeUndefined();
  });

  it('finds the region playing at a time, the latest starting when they overlap', () => {
    expect(regionAt(lines, 1)).toBe(0);
    expect(regionAt(lines, 2)).toBeUndefined();
    expect(regionAt(lines, 5.99)).toBe(1);
    expect(regionAt([line(0, 10), line(1, 2), line(3, 4)], 2.5)).toBe(0);
    expect(regionAt([line(0, 10), line(1, 5)], 2.5)).toBe(1);
  });
});

describe('region layout', () => {
  it('stacks overlapping regions in rows, reusing a row once it is free', () => {
    expect(stackRows([line(0, 5), line(1, 2), line(3, 4), line(5, 6)])).toEqual({
      rows: [0, 1, 1, 0],
      count: 2,
    });
    expect(stackRows([])).toEqual({ rows: [], count: 1 });
  });

  it('hit-tests edges, bodies and empty waveform, the selected region first', () => {
    const boxes: RegionBox[] = [
      { index: 0, x0: 10, x1: 50, y0: 0, y1: 100 },
      { index: 1, x0: 52, x1: 90, y0: 0, y1: 100 },
    ];
    expect(hitTest(boxes, 30, 10)).toEqual({ kind: 'body', index: 0 });
    expect(hitTest(boxes, 12, 10)).toEqual({ kind: 'edge', index: 0, edge: 'start' });
    expect(hitTest(boxes, 51, 10)).toEqual({ kind: 'edge', index: 1, edge: 'start' });
    expect(hitTest(boxes, 51, 10, 0)).toEqual({ kind: 'edge', index: 0, edge: 'end' });
    expect(hitTest(boxes, 120, 10)).toEqual({ kind: 'empty' });
    expect(hitTest(boxes, 30, 120)).toEqual({ kind: 'empty' });
  });

  it('writes transcript timestamps with hours and milliseconds', () => {
    expect(stamp(62.3)).toBe('00:01:02.300');
    expect(stamp(3 * 3600 + 5.0004)).toBe('03:00:05.000');
  });

  it('makes typed speaker names RTTM tokens and lists the names used', () => {
    expect(speakerToken('Dr. Ann Lee!')).toBe('Dr._Ann_Lee');
    expect(speakersUsed([line(0, 1), { start: 1, end: 2, speaker: 'bob' }, line(3, 4)])).toEqual([
      'ann',
      'bob',
    ]);
  });
});
