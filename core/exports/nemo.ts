import type { ExportInterface } from './item-view.ts';
import { mediaAnswers, micros } from './media-answers.ts';
import type { ItemTransformer, TransformOptions } from './record.ts';

/**
 * `nemo` (docs/exports.md): a NeMo ASR manifest. Per segment (the default), a line per segment
 * with text: `{"audio_filepath", "offset", "duration", "text"}`, offset and duration in seconds
 * into the file. Per file (`nemoPer: "file"`), a line per answer with any text: the segments'
 * texts joined by spaces in time order, the duration the probed one (else the last segment's end).
 * Segments without text (labels or speakers only) are no transcript and make no line.
 */
export function nemoTransformer(iface: ExportInterface, options: TransformOptions): ItemTransformer {
  const perFile = options.nemoPer === 'file';
  return {
    header: '',
    submittedOnly: true,
    item(item, emit) {
      for (const a of mediaAnswers(iface, item, 'segments', options.origin)) {
        const spoken = a.answer.filter((s) => typeof s.text === 'string' && s.text.trim() !== '');
        if (spoken.length === 0) continue;
        if (!perFile) {
          for (const s of spoken)
            emit(
              `${JSON.stringify({ audio_filepath: a.url, offset: s.start, duration: micros(s.end - s.start), text: oneLine(s.text!) })}\n`,
            );
          continue;
        }
        const duration = a.facts?.durationSeconds ?? Math.max(...spoken.map((s) => s.end));
        const text = spoken.map((s) => oneLine(s.text!)).join(' ');
        emit(`${JSON.stringify({ audio_filepath: a.url, duration, text })}\n`);
      }
    },
  };
}

/** A transcript as one line: runs of white space (line breaks too) become one space. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
