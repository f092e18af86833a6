/**
 * The export formats other than JSONL, each a pure transformer of one item at a time (its data and
 * its annotations, as the JSONL export has them) into the lines of its format, so the server
 * streams them from the same page readers as JSONL, with flat memory. See docs/exports.md.
 */
import { csvTransformer } from './csv.ts';
import { gradesTransformer } from './grades.ts';
import type { ExportInterface } from './item-view.ts';
import { ktoTransformer } from './kto.ts';
import { preferenceTransformer } from './preference.ts';
import type { ItemTransformer, TransformedFormat, TransformOptions } from './record.ts';
import { sftTransformer } from './sft.ts';

export { type Agreed, type AgreedBy, agreedAnswer } from './agreed.ts';
export { type Message, normalisePrompt, promptText } from './conversation.ts';
export type { ExportInterface } from './item-view.ts';
export { type Pair, pairwisePair, rankingPairs } from './pairs.ts';
export { keyAt, members, scanObject } from './raw-json.ts';
export {
  DEFAULT_TRANSFORM_OPTIONS,
  type ExportConsensus,
  type ExportedAnnotation,
  type ExportedItem,
  type ItemTransformer,
  type TransformedFormat,
  type TransformOptions,
} from './record.ts';

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
  }
}
