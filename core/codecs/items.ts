import { CodecError } from './codec-error.ts';
import { csvBatches } from './csv.ts';
import { type CsvColumn, decodeCsvRecord, planCsvColumns } from './csv-item.ts';
import { type DecodedItem, failure } from './item-input.ts';
import { decodeJsonLine } from './jsonl-item.ts';
import { LineSplitter, type SplitLine } from './line-splitter.ts';

export { detectFormat, type ImportFormat } from './detect-format.ts';
export type { DecodedItem, ImportedAnnotation, ItemInput } from './item-input.ts';

/**
 * One DecodedItem per non-blank JSONL line, in order. A bad line (invalid JSON or UTF-8, a wrong
 * shape, too long) becomes an error item and decoding goes on, so a caller can report them all.
 */
export async function* decodeJsonlItems(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<DecodedItem> {
  const splitter = new LineSplitter();
  for await (const chunk of source) {
    for (const line of splitter.push(chunk)) {
      const item = decodeSplitLine(line);
      if (item) yield item;
    }
  }
  for (const line of splitter.end()) {
    const item = decodeSplitLine(line);
    if (item) yield item;
  }
}

function decodeSplitLine(line: SplitLine): DecodedItem | null {
  if (line instanceof CodecError) return { line: line.line, ok: false, error: line.message };
  return decodeJsonLine(line);
}

/**
 * One DecodedItem per CSV record after the header row. A header problem is one error item (at the
 * header's line) and the end of decoding; any other bad record becomes an error item and decoding
 * goes on.
 */
export async function* decodeCsvItems(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<DecodedItem> {
  let columns: CsvColumn[] | undefined;
  for await (const batch of csvBatches(source)) {
    for (const record of batch) {
      if (record instanceof CodecError) {
        yield { line: record.line, ok: false, error: record.message };
      } else if (columns) {
        yield decodeCsvRecord(columns, record);
      } else {
        const plan = planCsvColumns(record.values);
        if (typeof plan === 'string') {
          yield failure(record.line, plan);
          return;
        }
        columns = plan;
      }
    }
  }
}
