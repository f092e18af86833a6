import type { FrameLabel, FramesQuestion, SegmentsQuestion, TrackAnswer } from '../interface/index.ts';
import { framesGoldShare } from './frame-labels.ts';
import type { ScoredParts } from './gold-parts.ts';
import { DEFAULT_IOU_THRESHOLD, scoreSegments, type TimeSegment } from './segment-match.ts';
import { compareTracks, lastKeyframe } from './track-match.ts';
import { segmentsTranscript, wordErrorRate } from './wer.ts';

/**
 * Segments against gold: F1 of the segments matched to gold's by IoU ≥ `iou` (default 0.5), and,
 * when the question has text, 1 − WER of the transcript against gold's (clamped at 0; an empty
 * gold transcript: 1 if the answer's is empty too, else 0). The score is the mean of the parts.
 */
export function segmentsGoldScore(
  question: Pick<SegmentsQuestion, 'text'>,
  given: readonly (TimeSegment & { text?: string })[],
  gold: readonly (TimeSegment & { text?: string })[],
  iou = DEFAULT_IOU_THRESHOLD,
): ScoredParts {
  const parts: Record<string, number> = { 'segment F1': scoreSegments(given, gold, iou).f1 };
  if (question.text !== 'none') {
    const wer = wordErrorRate(segmentsTranscript(gold), segmentsTranscript(given));
    parts['transcript 1 − WER'] = wer === null ? 0 : Math.max(0, 1 - wer);
  }
  const values = Object.values(parts);
  return { score: values.reduce((s, v) => s + v, 0) / values.length, parts };
}

/** Frames against gold: the share of gold's frames with the same label (frame-labels.ts). */
export const framesGoldScore = (
  question: Pick<FramesQuestion, 'mode'>,
  given: readonly FrameLabel[],
  gold: readonly FrameLabel[],
): number => framesGoldShare(given, gold, question.mode);

/**
 * Tracks against gold, up to the last keyframe either placed: IDF1 at IoU ≥ `iou` (default 0.5) is
 * the score; the mean IoU of matched tracks over max(tracks of either) is kept as a part, so that
 * a missed or extra track counts 0.
 */
export function tracksGoldScore(
  given: readonly TrackAnswer[],
  gold: readonly TrackAnswer[],
  iou = 0.5,
): ScoredParts {
  const r = compareTracks(given, gold, lastKeyframe([given, gold]), iou);
  const most = Math.max(given.length, gold.length);
  const trackIoU = most === 0 ? 1 : r.matches.reduce((s, m) => s + m.iou, 0) / most;
  return { score: r.idf1, parts: { IDF1: r.idf1, 'track IoU': trackIoU } };
}
