import { CodecError } from './codec-error.ts';
import { type CsvOutput, type CsvParserOptions, type CsvRecord, CsvRecordParser } from './csv-parser.ts';
import { LineSplitter } from './line-splitter.ts';

export type { CsvParserOptions, CsvRecord } from './csv-parser.ts';

/**
 * The records of an RFC 4180 CSV source (UTF-8, optional BOM, `\n` or `\r\n`). Blank lines between
 * records are skipped. Throws a CodecError at the first malformed line.
 */
export async function* parseCsv(
  source: AsyncIterable<Uint8Array | string>,
  opts: CsvParserOptions = {},
): AsyncGenerator<CsvRecord> {
  for await (const batch of csvBatches(source, opts)) {
    for (const record of batch) {
      if (record instanceof CodecError) throw record;
      yield record;
    }
  }
}

/** Records and errors, one batch per chunk: for callers that report every error and go on. */
export async function* csvBatches(
  source: AsyncIterable<Uint8Array | string>,
  opts: CsvParserOptions = {},
): AsyncGenerator<CsvOutput[]> {
  const splitter = new LineSplitter({ maxLineBytes: opts.maxRecordBytes, keepCr: true });
  const parser = new CsvRecordParser(opts);
  for await (const chunk of source) {
    const out: CsvOutput[] = [];
    for (const line of splitter.push(chunk)) parser.push(line, out);
    if (out.length > 0) yield out;
  }
  const out: CsvOutput[] = [];
  for (const line of splitter.end()) parser.push(line, out);
  parser.end(out);
  if (out.length > 0) yield out;
}
