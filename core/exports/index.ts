/**
 * The export formats other than JSONL, each a pure transformer of one item at a time (its data and
 * its annotations, as the JSONL export has them) into the lines of its format, so the server
 * streams them from the same page readers as JSONL, with flat memory. See docs/exports.md.
 */
import type { ZipFormat } from '../api/export-formats.ts';
import { csvTransformer } from './csv.ts';
import { gradesTransformer } from './grades.ts';
import type { ExportInterface } from './item-view.ts';
import { ktoTransformer } from './kto.ts';
import { motItemFiles } from './mot.ts';
import { nemoTransformer } from './nemo.ts';
import { preferenceTransformer } from './preference.ts';
import type { ItemFiles, ItemTransformer, TransformedFormat, TransformOptions } from './record.ts';
import { rttmTransformer } from './rttm.ts';
import { segmentsTransformer } from './segments.ts';
import { sftTransformer } from './sft.ts';
import { subtitleFiles } from './subtitles.ts';
import { tracksCsvTransformer } from './tracks-csv.ts';
import { videoSegmentsTransformer } from './video-segments.ts';

export { type Agreed, type AgreedBy, agreedAnswer } from './agreed.ts';
export { type Message, normalisePrompt, promptText } from './conversation.ts';
export type { ExportInterface } from './item-view.ts';
export { segmentsIn } from './media-answers.ts';
export { type Pair, pairwisePair, rankingPairs } from './pairs.ts';
export { keyAt, members, scanObject } from './raw-json.ts';
export {
  DEFAULT_TRANSFORM_OPTIONS,
  type ExportConsensus,
  type ExportedAnnotation,
  type ExportedItem,
  type ExportedMediaFacts,
  type ItemFiles,
  type ItemTransformer,
  type TransformedFormat,
  type TransformOptions,
} from './record.ts';
export { subtitleFile, subtitleFileName } from './subtitles.ts';

/** The transformer of a format for a project's interface. */
export function itemTransformer(
  format: TransformedFormat,
  iface: ExportInterface,
  options: TransformOptions,
): ItemTransformer {
  switch (format) {
    case 'sft':
      return sftTransformer(iface, options);
    case 'preference':
    case 'preference-chat':
    case 'openai-preference':
      return preferenceTransformer(format, iface, options);
    case 'kto':
      return ktoTransformer(iface, options);
    case 'grades':
      return gradesTransformer(iface);
    case 'csv':
      return csvTransformer(iface);
    case 'segments':
      return segmentsTransformer(iface, options);
    case 'rttm':
      return rttmTransformer(iface, options);
    case 'nemo':
      return nemoTransformer(iface, options);
    case 'video-segments':
      return videoSegmentsTransformer(iface, options);
    case 'tracks-csv':
      return tracksCsvTransformer(iface, options);
  }
}

/** The files of a ZIP format for a project's interface. */
export function itemFiles(format: ZipFormat, iface: ExportInterface, options: TransformOptions): ItemFiles {
  switch (format) {
    case 'webvtt':
      return subtitleFiles(iface, 'vtt', options);
    case 'srt':
      return subtitleFiles(iface, 'srt', options);
    case 'mot':
      return motItemFiles(iface, options);
  }
}
