import type { ExportInterface } from './item-view.ts';
import { itemFileId, mediaAnswers } from './media-answers.ts';
import type { ItemTransformer, TransformOptions } from './record.ts';

/**
 * `rttm` (docs/exports.md): speaker turns, one `SPEAKER` line per segment that names a speaker,
 * `SPEAKER <file-id> 1 <start> <duration> <NA> <NA> <speaker> <NA> <NA>`, times in seconds to the
 * millisecond; the file id is the item's external id, else `item-<id>`, spaces replaced.
 */
export function rttmTransformer(iface: ExportInterface, options: TransformOptions): ItemTransformer {
  return {
    header: '',
    submittedOnly: true,
    item(item, emit) {
      const file = itemFileId(item);
      for (const a of mediaAnswers(iface, item, 'segments', options.origin))
        for (const s of a.answer)
          if (s.speaker !== undefined) emit(rttmLine(file, s.start, s.end, s.speaker));
    },
  };
}

export const rttmLine = (file: string, start: number, end: number, speaker: string): string =>
  `SPEAKER ${file} 1 ${start.toFixed(3)} ${(end - start).toFixed(3)} <NA> <NA> ${speaker} <NA> <NA>\n`;
