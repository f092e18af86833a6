import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../../core/interface/answers.ts';
import { InterfaceDefinition } from '../../../../core/interface/index.ts';
import { frameStart, parseFrameRate } from '../../../../core/media/frame-rate.ts';
import { framesOf, nearestFrame, relabel, remove, segmentAt, setEnd, setStart } from './segment-ops.ts';

const NTSC = parseFrameRate('30000/1001')!;
const PAL = parseFrameRate('25/1')!;
const iface = InterfaceDefinition.parse({
  fields: [{ name: 'clip', type: 'video' }],
  questions: [{ name: 'q', type: 'segments', field: 'clip', labels: ['a', 'b'] }],
});

describe('video segment operations', () => {
  it('[ then ] mark frames 10 to 30: start and end are those frames starts', () => {
    const a = setStart([], undefined, 10, NTSC, 'a');
    expect(a.list).toEqual([{ start: frameStart(10, NTSC), end: frameStart(11, NTSC), label: 'a' }]);
    const b = setEnd(a.list, a.selected, 30, NTSC, 'a');
    expect(b.list).toEqual([{ start: frameStart(10, NTSC), end: frameStart(30, NTSC), label: 'a' }]);
    expect(b.selected).toBe(0);
  });

  it('reads stored (microsecond-rounded) times back as the frames they were set at', () => {
    for (let n = 0; n < 5000; n += 1) {
      const stored = Math.round(frameStart(n, NTSC) * 1e6) / 1e6;
      expect(nearestFrame(stored, NTSC)).toBe(n);
    }
    const answer = { q: [{ start: frameStart(2, NTSC), end: frameStart(7, NTSC), label: 'a' }] };
    const checked = validateAnswers(iface, answer, { clip: 'media:1' }, { partial: false });
    const stored = checked.ok ? (checked.value.q as { start: number; end: number }[])[0] : undefined;
    expect(stored && framesOf(stored, NTSC)).toEqual({ from: 2, to: 7 });
  });

  it('keeps a segment at least one frame long when [ or ] cross its other end', () => {
    const s = [{ start: frameStart(10, PAL), end: frameStart(20, PAL), label: 'a' }];
    expect(framesOf(setStart(s, 0, 25, PAL, undefined).list[0]!, PAL)).toEqual({ from: 25, to: 26 });
    expect(framesOf(setEnd(s, 0, 5, PAL, undefined).list[0]!, PAL)).toEqual({ from: 4, to: 5 });
    expect(framesOf(setEnd([], undefined, 0, PAL, undefined).list[0]!, PAL)).toEqual({ from: 0, to: 1 });
  });

  it('keeps the list sorted and the selection on the edited segment', () => {
    const s = [
      { start: frameStart(10, PAL), end: frameStart(20, PAL) },
      { start: frameStart(30, PAL), end: frameStart(40, PAL) },
    ];
    const moved = setStart(s, 1, 2, PAL, undefined);
    expect(moved.list.map((x) => framesOf(x, PAL))).toEqual([
      { from: 2, to: 40 },
      { from: 10, to: 20 },
    ]);
    expect(moved.selected).toBe(0);
    const added = setStart(s, undefined, 25, PAL, 'b');
    expect(added.selected).toBe(1);
    expect(added.list[1]?.label).toBe('b');
  });

  it('finds the segment under a frame, relabels and removes', () => {
    const s = [{ start: frameStart(10, PAL), end: frameStart(20, PAL), label: 'a', text: 'hi' }];
    expect(segmentAt(s, 10, PAL)).toBe(0);
    expect(segmentAt(s, 19, PAL)).toBe(0);
    expect(segmentAt(s, 20, PAL)).toBeUndefined();
    expect(relabel(s, 0, 'b')[0]).toEqual({ ...s[0], label: 'b' });
    expect(remove(s, 0)).toEqual({ list: [], selected: undefined });
  });
});
