import { CodecError } from './codec-error.ts';
import { csvBatches } from './csv.ts';
import { type CsvColumn, decodeCsvRecord, planCsvColumns } from './csv-item.ts';
import { type DecodedItem, failure } from './item-input.ts';
import { decodeJsonLine } from './jsonl-item.ts';
import { LineSplitter, type SplitLine } from './line-splitter.ts';

export { detectFormat, type ImportFormat } from './detect-format.ts';
export type { ImportedPrediction } from './imported-prediction.ts';
export { MAX_PREDICTIONS_PER_LINE } from './imported-prediction.ts';
export type { DecodedItem, ImportedAnnotation, ItemInput } from './item-input.ts';

/**
 * One DecodedItem per non-blank JSONL line, in order, in one batch per chunk of the source (a
 * batch per item would cost an await per line). A bad line (invalid JSON or UTF-8, a wrong
 * shape, too long) becomes an error item and decoding goes on, so a caller can report them all.
 */
export async function* decodeJsonlBatches(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<DecodedItem[]> {
  const splitter = new LineSplitter();
  for await (const chunk of source) {
    const batch = decodeSplitLines(splitter.push(chunk));
    if (batch.length > 0) yield batch;
  }
  const rest = decodeSplitLines(splitter.end());
  if (rest.length > 0) yield rest;
}

function decodeSplitLines(lines: Iterable<SplitLine>): DecodedItem[] {
  const out: DecodedItem[] = [];
  for (const line of lines) {
    const item: DecodedItem | null =
      line instanceof CodecError ? { line: line.line, ok: false, error: line.message } : decodeJsonLine(line);
    if (item) out.push(item);
  }
  return out;
}

/**
 * One DecodedItem per CSV record after the header row, batched like decodeJsonlBatches. A header
 * problem is one error item (at the header's line) and the end of decoding; any other bad record
 * becomes an error item and decoding goes on.
 */
export async function* decodeCsvBatches(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<DecodedItem[]> {
  let columns: CsvColumn[] | undefined;
  for await (const records of csvBatches(source)) {
    const out: DecodedItem[] = [];
    for (const record of records) {
      if (record instanceof CodecError) {
        out.push({ line: record.line, ok: false, error: record.message });
      } else if (columns) {
        out.push(decodeCsvRecord(columns, record));
      } else {
        const plan = planCsvColumns(record.values);
        if (typeof plan === 'string') {
          out.push(failure(record.line, plan));
          yield out;
          return;
        }
        columns = plan;
      }
    }
    if (out.length > 0) yield out;
  }
}

/** decodeJsonlBatches, an item at a time. */
export async function* decodeJsonlItems(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<DecodedItem> {
  for await (const batch of decodeJsonlBatches(source)) yield* batch;
}

/** decodeCsvBatches, an item at a time. */
export async function* decodeCsvItems(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<DecodedItem> {
  for await (const batch of decodeCsvBatches(source)) yield* batch;
}
