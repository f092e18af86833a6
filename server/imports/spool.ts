import type { ImportedAnnotation, ImportedPrediction } from '../../core/codecs/items.ts';

/**
 * The spool: the file between an import's two passes. Pass one writes every valid line to it;
 * pass two reads it back and inserts it. Its words:
 *
 * - stretch: a byte range of the spool that ends at a line end. Pass one publishes the spool in
 *   stretches of about STRETCH_BYTES as it grows; pass two inserts one stretch per step.
 * - block: the bytes one write or read call moves between memory and the spool file.
 * - batch: items handled together as one unit: the decoder yields them in batches, and pass two
 *   inserts BATCH_ITEMS in one statement (or one write into a COPY).
 *
 * (A chunk is not a piece of the spool: it is what a stream delivers at once, such as the
 * upload's bytes as they arrive.)
 */

/** Pass one publishes the spool to pass two in stretches of this many bytes. */
export const STRETCH_BYTES = 256 * 1024;

/**
 * Pass one writes the spool in blocks of this many bytes: a string or buffer over 128 KB is born
 * in V8's old generation and lives until a full collection, so larger blocks pile up as resident
 * memory.
 */
export const WRITE_BLOCK_BYTES = 32 * 1024;

/** Pass two reads it in blocks of this many: small enough that a block and its text are young-generation garbage. */
export const READ_BLOCK_BYTES = 64 * 1024;

/** Pass two inserts this many items in one statement. */
export const BATCH_ITEMS = 1000;

/** A byte range of the spool, `from` up to `to`, ending at a line end. */
export interface Stretch {
  from: number;
  to: number;
}

/** A validated item as spooled between the passes. */
export interface SpooledItem {
  /** The line of the uploaded file it came from. */
  line: number;
  externalId: string | null;
  /** The item's data and meta as JSON text, serialised once by pass one. */
  data: string;
  meta: string;
  priority: number;
  annotations: ImportedAnnotation[] | null;
  /** Suggested answers by agent (docs/suggestions.md), already checked against the interface. */
  predictions: ImportedPrediction[] | null;
  /** Gold answers by question (docs/quality.md), already checked against the interface. */
  gold: Record<string, unknown> | null;
  /** The item's own required skills as canonical JSON text (docs/skills.md), or null. */
  skills: string | null;
}

/**
 * One spool line: tab-separated fields, in the order line, priority, externalId, data, meta,
 * annotations, predictions, gold, skills, the JSON ones as serialised text. JSON text never holds a raw tab or newline, so
 * no escaping is needed, and the data JSON is not serialised twice.
 */
export function encodeSpooled(item: SpooledItem): string {
  const externalId = item.externalId === null ? '' : JSON.stringify(item.externalId);
  const annotations = item.annotations ? JSON.stringify(item.annotations) : '';
  const predictions = item.predictions ? JSON.stringify(item.predictions) : '';
  const gold = item.gold ? JSON.stringify(item.gold) : '';
  return `${item.line}\t${item.priority}\t${externalId}\t${item.data}\t${item.meta}\t${annotations}\t${predictions}\t${gold}\t${item.skills ?? ''}\n`;
}

/** Reads one spool line (without its newline) as encodeSpooled wrote it. */
export function decodeSpooled(text: string): SpooledItem {
  const [line, priority, externalId, data, meta, annotations, predictions, gold, skills] = text.split(
    '\t',
  ) as [string, string, string, string, string, string, string, string, string];
  return {
    line: Number(line),
    externalId: externalId === '' ? null : JSON.parse(externalId),
    data,
    meta,
    priority: Number(priority),
    annotations: annotations ? JSON.parse(annotations) : null,
    predictions: predictions ? JSON.parse(predictions) : null,
    gold: gold ? JSON.parse(gold) : null,
    skills: skills || null,
  };
}
