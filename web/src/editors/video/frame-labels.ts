/**
 * A frames question's answer edited and drawn, pure (docs/media.md, "Video"): `{frame, label}` by
 * exact frame number, sorted. In `keyframes` mode a label holds until the next labelled frame; in
 * `frames` mode it is about its frame alone.
 */
export interface FrameLabel {
  frame: number;
  label: string;
}

export type FramesMode = 'keyframes' | 'frames';

/** The answer with `frame` labelled `label` (replacing its label if it had one). */
export function setFrameLabel(list: readonly FrameLabel[], frame: number, label: string): FrameLabel[] {
  return [...list.filter((f) => f.frame !== frame), { frame, label }].sort((a, b) => a.frame - b.frame);
}

/** The answer without a label at `frame`. */
export const clearFrame = (list: readonly FrameLabel[], frame: number): FrameLabel[] =>
  list.filter((f) => f.frame !== frame);

/** The label in force at `frame`, and whether `frame` carries it itself. */
export function labelAt(
  list: readonly FrameLabel[],
  frame: number,
  mode: FramesMode,
): { label: string; own: boolean } | undefined {
  let found: FrameLabel | undefined;
  for (const f of list) {
    if (f.frame > frame) break;
    found = f;
  }
  if (!found) return undefined;
  if (found.frame === frame) return { label: found.label, own: true };
  return mode === 'keyframes' ? { label: found.label, own: false } : undefined;
}

/** The runs to draw on a timeline of `count` frames: `[from, to)` per labelled frame. */
export function labelRuns(
  list: readonly FrameLabel[],
  count: number,
  mode: FramesMode,
): { from: number; to: number; label: string }[] {
  return list.map((f, i) => ({
    from: f.frame,
    to: mode === 'frames' ? f.frame + 1 : Math.max(f.frame + 1, list[i + 1]?.frame ?? count),
    label: f.label,
  }));
}

/** The next labelled frame after `frame`, or the first when none is after it. */
export function nextLabelled(list: readonly FrameLabel[], frame: number): number | undefined {
  return (list.find((f) => f.frame > frame) ?? list[0])?.frame;
}
