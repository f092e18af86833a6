import { CodecError } from './codec-error.ts';
import { DEFAULT_MAX_LINE_BYTES, type SplitLine } from './line-splitter.ts';

/** One CSV record; `line` is the physical line it starts on. */
export interface CsvRecord {
  line: number;
  values: string[];
}

/** A record, or the error that stands in its place; an error does not stop the parser. */
export type CsvOutput = CsvRecord | CodecError;

export interface CsvParserOptions {
  /** One character, not a quote or a line break. Default `,`. */
  delimiter?: string;
  /** Records longer than this many bytes become errors. Default 16 MiB. */
  maxRecordBytes?: number;
}

const QUOTE = 0x22;
const CR = 0x0d;

/**
 * An RFC 4180 parser fed one physical line at a time (lines keep their `\r`, so a `\r\n` inside a
 * quoted field survives). Unquoted fields are cut with `indexOf`, never char by char. Blank lines
 * between records are skipped. After an error the rest of the record is dropped and parsing
 * resumes at the next line.
 */
export class CsvRecordParser {
  readonly #delimiter: string;
  readonly #maxRecordSize: number;
  #values: string[] = [];
  #recordLine = 0;
  /** UTF-16 units so far, a lower bound on the record's UTF-8 size. */
  #recordSize = 0;
  #inQuotes = false;
  /** The quoted field read so far while it spans lines. */
  #field = '';
  #fieldLine = 0;
  /** The record is too long: read on to its end, keep nothing. */
  #discarding = false;
  /** Where the next '"' is on the current line, `text.length` for none; -1 before the first search. */
  #quoteAt = -1;

  constructor(options: CsvParserOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`CSV delimiter must be one character other than a quote or line break`);
    }
    this.#delimiter = delimiter;
    this.#maxRecordSize = options.maxRecordBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  push(line: SplitLine, out: CsvOutput[]): void {
    if (line instanceof CodecError) {
      this.#dropRecord();
      out.push(line);
      return;
    }
    const text = line.text;
    const end = text.charCodeAt(text.length - 1) === CR ? text.length - 1 : text.length;
    this.#quoteAt = -1;
    let next: number;
    if (this.#inQuotes) {
      this.#recordSize += text.length + 1;
      if (!this.#discarding && this.#recordSize > this.#maxRecordSize) {
        out.push(new CodecError(this.#recordLine, `record longer than ${this.#maxRecordSize} bytes`));
        this.#discarding = true;
        this.#field = '';
        this.#values = [];
      }
      next = this.#quoted(text, 0, end, line.line, out);
    } else {
      if (end === 0) return;
      this.#recordLine = line.line;
      this.#recordSize = text.length;
      this.#values = [];
      next = 0;
    }
    while (next !== -1) next = this.#fieldAt(text, next, end, line.line, out);
  }

  /** Call at the end of the input. */
  end(out: CsvOutput[]): void {
    if (!this.#inQuotes) return;
    out.push(new CodecError(this.#fieldLine, 'unterminated quoted field'));
    this.#dropRecord();
  }

  /** Reads the field starting at `start`; returns where the next one starts, or -1 at the line's end. */
  #fieldAt(text: string, start: number, end: number, line: number, out: CsvOutput[]): number {
    if (start < end && text.charCodeAt(start) === QUOTE) {
      this.#field = '';
      this.#fieldLine = line;
      return this.#quoted(text, start + 1, end, line, out);
    }
    let stop = text.indexOf(this.#delimiter, start);
    if (stop === -1 || stop > end) stop = end;
    if (this.#nextQuote(text, start) < stop) {
      out.push(new CodecError(line, 'unexpected quote in unquoted field'));
      this.#dropRecord();
      return -1;
    }
    this.#values.push(text.slice(start, stop));
    if (stop < end) return stop + 1;
    this.#finishRecord(out);
    return -1;
  }

  /** Reads on inside a quoted field from `start`. */
  #quoted(text: string, start: number, end: number, line: number, out: CsvOutput[]): number {
    let from = start;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) {
        if (!this.#discarding) this.#field += text.slice(from) + '\n';
        this.#inQuotes = true;
        return -1;
      }
      if (text.charCodeAt(quote + 1) === QUOTE) {
        if (!this.#discarding) this.#field += text.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      if (!this.#discarding) this.#values.push(this.#field + text.slice(from, quote));
      this.#field = '';
      this.#inQuotes = false;
      const after = quote + 1;
      if (after >= end) {
        this.#finishRecord(out);
        return -1;
      }
      if (text[after] === this.#delimiter) return after + 1;
      out.push(new CodecError(line, 'unexpected character after a closing quote'));
      this.#dropRecord();
      return -1;
    }
  }

  #nextQuote(text: string, from: number): number {
    if (this.#quoteAt < from) {
      const quote = text.indexOf('"', from);
      this.#quoteAt = quote === -1 ? text.length : quote;
    }
    return this.#quoteAt;
  }

  #finishRecord(out: CsvOutput[]): void {
    if (this.#discarding) this.#discarding = false;
    else out.push({ line: this.#recordLine, values: this.#values });
    this.#values = [];
  }

  #dropRecord(): void {
    this.#values = [];
    this.#field = '';
    this.#inQuotes = false;
    this.#discarding = false;
  }
}
