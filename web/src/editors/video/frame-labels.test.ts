import { describe, expect, it } from 'vitest';
import { clearFrame, labelAt, labelRuns, nextLabelled, setFrameLabel } from './frame-labels.ts';

describe('frame labels', () => {
  const list = setFrameLabel(setFrameLabel([], 30, 'outdoor'), 10, 'indoor');

  it('keeps one label per frame, sorted', () => {
    expect(list).toEqual([
      { frame: 10, label: 'indoor' },
      { frame: 30, label: 'outdoor' },
    ]);
    expect(setFrameLabel(list, 10, 'outdoor')[0]).toEqual({ frame: 10, label: 'outdoor' });
    expect(clearFrame(list, 10)).toEqual([{ frame: 30, label: 'outdoor' }]);
  });

  it('in keyframes mode a label holds until the next labelled frame; in frames mode only at its frame', () => {
    expect(labelAt(list, 5, 'keyframes')).toBeUndefined();
    expect(labelAt(list, 10, 'keyframes')).toEqual({ label: 'indoor', own: true });
    expect(labelAt(list, 29, 'keyframes')).toEqual({ label: 'indoor', own: false });
    expect(labelAt(list, 29, 'frames')).toBeUndefined();
    expect(labelRuns(list, 50, 'keyframes')).toEqual([
      { from: 10, to: 30, label: 'indoor' },
      { from: 30, to: 50, label: 'outdoor' },
    ]);
    expect(labelRuns(list, 50, 'frames')).toEqual([
      { from: 10, to: 11, label: 'indoor' },
      { from: 30, to: 31, label: 'outdoor' },
    ]);
  });

  it('finds the next labelled frame, wrapping round', () => {
    expect(nextLabelled(list, 10)).toBe(30);
    expect(nextLabelled(list, 30)).toBe(10);
    expect(nextLabelled([], 3)).toBeUndefined();
  });
});
