import { type FrameRate, frameAt, frameCount } from '../media/frame-rate.ts';
import type { ExportInterface } from './item-view.ts';
import { mediaAnswers, micros } from './media-answers.ts';
import type { ItemTransformer, TransformOptions } from './record.ts';

/**
 * A segment's frames on a video of this rate: `start_frame` the frame shown at its start,
 * `end_frame` the last frame that starts before its end (frames inclusive, as seconds' `end` is
 * exclusive); nulls when the rate is unknown.
 */
export function segmentFrames(
  start: number,
  end: number,
  rate: FrameRate | null,
): { start_frame: number | null; end_frame: number | null } {
  if (rate === null) return { start_frame: null, end_frame: null };
  const first = frameAt(start, rate);
  return { start_frame: first, end_frame: Math.max(first, frameCount(end, rate) - 1) };
}

/**
 * `segments` (docs/exports.md): one JSON line per segment of each submitted segments answer, in
 * time order: who, which question, the media URL, seconds, and label, text and speaker (null when
 * absent); over a video, its frames too.
 */
export function segmentsTransformer(iface: ExportInterface, options: TransformOptions): ItemTransformer {
  return {
    header: '',
    submittedOnly: true,
    item(item, emit) {
      for (const a of mediaAnswers(iface, item, 'segments', options.origin)) {
        for (const s of a.answer) {
          const line: Record<string, unknown> = {
            item_id: item.id,
            external_id: item.externalId,
            annotator: a.annotation.annotator,
            question: a.question,
            media_url: a.url,
            start: s.start,
            end: s.end,
            duration: micros(s.end - s.start),
            label: s.label ?? null,
            text: s.text ?? null,
            speaker: s.speaker ?? null,
          };
          if (a.fieldType === 'video') Object.assign(line, segmentFrames(s.start, s.end, a.rate));
          emit(`${JSON.stringify(line)}\n`);
        }
      }
    },
  };
}
