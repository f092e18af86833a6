import { csvField } from '../csv.ts';
import { trackBoxes } from '../interface/index.ts';
import type { ExportInterface } from './item-view.ts';
import { mediaAnswers } from './media-answers.ts';
import type { ItemTransformer, TransformOptions } from './record.ts';

const HEADER = [
  'item_id',
  'external_id',
  'annotator',
  'question',
  'track_id',
  'label',
  'frame',
  'x',
  'y',
  'width',
  'height',
  'keyframe',
];

/**
 * `tracks-csv` (docs/exports.md): a row per frame where a track of a submitted tracks answer is
 * present, its box interpolated between keyframes (`keyframe` false) and held after the last one
 * to the video's last frame (to the last keyframe when the video's length is unknown).
 */
export function tracksCsvTransformer(iface: ExportInterface, options: TransformOptions): ItemTransformer {
  return {
    header: `${HEADER.join(',')}\r\n`,
    submittedOnly: true,
    item(item, emit) {
      for (const a of mediaAnswers(iface, item, 'tracks', options.origin)) {
        const lead = [item.id, item.externalId ?? '', a.annotation.annotator, a.question]
          .map(csvField)
          .join(',');
        for (const track of a.answer) {
          const who = `${lead},${csvField(track.id)},${csvField(track.label)}`;
          for (const b of trackBoxes(track, a.lastFrame))
            emit(`${who},${b.frame},${b.x},${b.y},${b.width},${b.height},${b.keyframe}\r\n`);
        }
      }
    },
  };
}
