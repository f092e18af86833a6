import type { FrameLabel } from '../interface/index.ts';
import { type FrameRate, frameStart } from '../media/frame-rate.ts';
import type { ExportInterface } from './item-view.ts';
import { questionsOf } from './item-view.ts';
import { type MediaAnswer, mediaAnswers, micros } from './media-answers.ts';
import type { ExportedItem, ItemTransformer, TransformOptions } from './record.ts';
import { segmentFrames } from './segments.ts';

/** A run of frames with one label, first and last frame included. */
export interface FrameRun {
  start_frame: number;
  end_frame: number;
  label: string;
}

/**
 * A frames answer as runs of one label. In `keyframes` mode a label holds from its frame to the
 * frame before the next labelled one, the last to the video's last frame (or its own frame when
 * that is unknown); in `frames` mode each labelled frame is its own. Neighbouring runs of the
 * same label are one run.
 */
export function frameRuns(
  labels: readonly FrameLabel[],
  mode: 'keyframes' | 'frames',
  lastFrame: number | null,
): FrameRun[] {
  const sorted = [...labels].sort((a, b) => a.frame - b.frame);
  const runs: FrameRun[] = [];
  sorted.forEach((l, i) => {
    const next = sorted[i + 1];
    const end = mode === 'frames' ? l.frame : next ? next.frame - 1 : Math.max(l.frame, lastFrame ?? l.frame);
    const last = runs[runs.length - 1];
    if (last && last.label === l.label && last.end_frame + 1 === l.frame) last.end_frame = end;
    else runs.push({ start_frame: l.frame, end_frame: end, label: l.label });
  });
  return runs;
}

/** Seconds of a run of frames: from its first frame's start to the start of the frame after it. */
const runSeconds = (run: FrameRun, rate: FrameRate | null) =>
  rate === null
    ? { start: null, end: null }
    : { start: micros(frameStart(run.start_frame, rate)), end: micros(frameStart(run.end_frame + 1, rate)) };

const common = (item: ExportedItem, a: MediaAnswer<unknown>, kind: 'segment' | 'frames') => ({
  item_id: item.id,
  external_id: item.externalId,
  annotator: a.annotation.annotator,
  question: a.question,
  kind,
  media_url: a.url,
});

/**
 * `video-segments` (docs/exports.md): a JSON line per segment of a submitted segments answer over
 * a video field and per run of a label in a submitted frames answer, with seconds (`end`
 * exclusive) and frames (`end_frame` inclusive).
 */
export function videoSegmentsTransformer(iface: ExportInterface, options: TransformOptions): ItemTransformer {
  const modes = new Map(questionsOf(iface, 'frames').map((q) => [q.name, q.mode]));
  return {
    header: '',
    submittedOnly: true,
    item(item, emit) {
      const line = (value: object) => emit(`${JSON.stringify(value)}\n`);
      for (const a of mediaAnswers(iface, item, 'segments', options.origin)) {
        if (a.fieldType !== 'video') continue;
        for (const s of a.answer)
          line({
            ...common(item, a, 'segment'),
            start: s.start,
            end: s.end,
            ...segmentFrames(s.start, s.end, a.rate),
            label: s.label ?? null,
            text: s.text ?? null,
            speaker: s.speaker ?? null,
          });
      }
      for (const a of mediaAnswers(iface, item, 'frames', options.origin))
        for (const run of frameRuns(a.answer, modes.get(a.question) ?? 'keyframes', a.lastFrame))
          line({
            ...common(item, a, 'frames'),
            ...runSeconds(run, a.rate),
            ...run,
            text: null,
            speaker: null,
          });
    },
  };
}
