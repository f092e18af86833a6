import { frameCount, parseFrameRate } from '../media/frame-rate.ts';
import type { MediaFacts } from './measure.ts';

/** A video's last frame from its probed duration and frame rate; null when either is unknown. */
export function lastFrameOf(facts: MediaFacts | undefined): number | null {
  const rate = parseFrameRate(facts?.frameRate);
  if (!rate || !facts?.durationSeconds) return null;
  const count = frameCount(facts.durationSeconds, rate);
  return count > 0 ? count - 1 : null;
}
