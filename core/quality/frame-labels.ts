import type { FrameLabel } from '../interface/index.ts';

/** At most this many frames are expanded per answer (about 9 hours at 30 frames a second). */
export const MAX_EXPANDED_FRAMES = 1_000_000;

/**
 * The label of every frame an answer covers: in `frames` mode the frames it labels; in `keyframes`
 * mode each label holds from its frame to the frame before the next labelled one, and the last
 * one to `lastFrame` (the last frame known for the item). Null when that is more than
 * MAX_EXPANDED_FRAMES frames.
 */
export function labelsByFrame(
  answer: readonly FrameLabel[],
  mode: 'keyframes' | 'frames',
  lastFrame: number,
): Map<number, string> | null {
  const sorted = [...answer].sort((a, b) => a.frame - b.frame);
  const out = new Map<number, string>();
  if (mode === 'frames') {
    for (const f of sorted) out.set(f.frame, f.label);
    return out;
  }
  const first = sorted[0];
  if (first && lastFrame - first.frame + 1 > MAX_EXPANDED_FRAMES) return null;
  sorted.forEach((f, i) => {
    const stop = i + 1 < sorted.length ? (sorted[i + 1] as FrameLabel).frame - 1 : lastFrame;
    for (let frame = f.frame; frame <= stop; frame++) out.set(frame, f.label);
  });
  return out;
}

/** The last frame labelled in any of these answers; -1 with none. */
export function lastLabelledFrame(answers: readonly (readonly FrameLabel[])[]): number {
  let last = -1;
  for (const a of answers) for (const f of a) last = Math.max(last, f.frame);
  return last;
}

/**
 * Against gold: the share of the frames gold covers where the answer has the same label (a
 * frame the answer leaves unlabelled disagrees). Both empty: 1; gold empty, answer not: 0.
 */
export function framesGoldShare(
  given: readonly FrameLabel[],
  gold: readonly FrameLabel[],
  mode: 'keyframes' | 'frames',
): number {
  if (gold.length === 0) return given.length === 0 ? 1 : 0;
  const last = lastLabelledFrame([given, gold]);
  const want = labelsByFrame(gold, mode, last);
  const got = labelsByFrame(given, mode, last);
  if (!want || !got) return 0;
  let same = 0;
  for (const [frame, label] of want) if (got.get(frame) === label) same++;
  return same / want.size;
}
