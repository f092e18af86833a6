import { CodecError } from './codec-error.ts';
import { utf8ByteLength } from './utf8.ts';

/** One physical line of the input, without its `\n` or `\r\n`; `line` is 1-based. */
export interface Line {
  line: number;
  text: string;
}

/** A complete line, or the error that stands in its place; an error does not stop the splitter. */
export type SplitLine = Line | CodecError;

export interface LineSplitterOptions {
  /** Lines longer than this many UTF-8 bytes become errors. Default 16 MiB. */
  maxLineBytes?: number;
  /** Keep the `\r` of a `\r\n` in the text: the CSV parser needs it to keep CRLF inside quoted fields. */
  keepCr?: boolean;
}

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/**
 * Splits byte or text chunks into physical lines. It never looks at single characters: bytes are
 * cut at the last `\n` of a chunk (a `\n` byte is never part of a multi-byte UTF-8 character), the
 * complete part is decoded in one call, and the text is cut with `indexOf`. Only the unfinished
 * last line is held between chunks, so memory stays at one chunk plus one line.
 */
export class LineSplitter {
  readonly #maxBytes: number;
  /** Any text of at most this many UTF-16 units fits in #maxBytes, so only longer lines are measured. */
  readonly #safeUnits: number;
  readonly #keepCr: boolean;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  #line = 0;
  // The unfinished line: text parts, then byte parts (a text chunk decodes the bytes before it).
  #text: string[] = [];
  #bytes: Uint8Array[] = [];
  /** A lower bound on the UTF-8 size of the unfinished line. */
  #pendingSize = 0;
  #pendingInvalid = false;
  /** Dropping the rest of a line that was already reported as too long. */
  #skipping = false;

  constructor(options: LineSplitterOptions = {}) {
    this.#maxBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.#safeUnits = Math.floor(this.#maxBytes / 3);
    this.#keepCr = options.keepCr ?? false;
  }

  /** The lines this chunk completes. */
  push(chunk: Uint8Array | string): SplitLine[] {
    const out: SplitLine[] = [];
    if (chunk.length === 0) return out;
    if (typeof chunk === 'string') this.#pushText(chunk, out);
    else this.#pushBytes(chunk, out);
    return out;
  }

  /** The last line, when the input does not end with a newline. */
  end(): SplitLine[] {
    const out: SplitLine[] = [];
    if (this.#text.length > 0 || this.#bytes.length > 0) this.#finishLine('', out, true);
    this.#skipping = false;
    return out;
  }

  #pushText(chunk: string, out: SplitLine[]): void {
    const first = chunk.indexOf('\n');
    if (first === -1) {
      this.#hold(chunk, out);
      return;
    }
    this.#finishLine(chunk.slice(0, first), out);
    const rest = this.#emitLines(chunk, first + 1, out);
    if (rest < chunk.length) this.#hold(chunk.slice(rest), out);
  }

  #pushBytes(chunk: Uint8Array, out: SplitLine[]): void {
    const first = chunk.indexOf(LF);
    if (first === -1) {
      this.#hold(new Uint8Array(chunk), out);
      return;
    }
    this.#finishLine(chunk.subarray(0, first), out);
    const last = chunk.lastIndexOf(LF);
    if (last > first) {
      const complete = chunk.subarray(first + 1, last + 1);
      const text = this.#decode(complete);
      if (text === null) this.#emitEachLine(complete, out);
      else this.#emitLines(text, 0, out);
    }
    // Copied: the source may reuse its buffer once it has handed it over.
    if (last + 1 < chunk.length) this.#hold(new Uint8Array(chunk.subarray(last + 1)), out);
  }

  /** Emits every `\n`-terminated line of `text` from `start`; returns where the unfinished rest begins. */
  #emitLines(text: string, start: number, out: SplitLine[]): number {
    let from = start;
    let newline = text.indexOf('\n', from);
    while (newline !== -1) {
      this.#emit(text.slice(from, newline), out);
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    return from;
  }

  /** The slow path after a decoding error: decode line by line to find the invalid ones. */
  #emitEachLine(bytes: Uint8Array, out: SplitLine[]): void {
    let from = 0;
    let newline = bytes.indexOf(LF, from);
    while (newline !== -1) {
      const text = this.#decode(bytes.subarray(from, newline));
      if (text === null) out.push(new CodecError(++this.#line, 'not valid UTF-8'));
      else this.#emit(text, out);
      from = newline + 1;
      newline = bytes.indexOf(LF, from);
    }
  }

  /** Completes the unfinished line with `head`, the part of a chunk before its first `\n`. */
  #finishLine(head: Uint8Array | string, out: SplitLine[], atEnd = false): void {
    if (this.#skipping) {
      this.#skipping = false;
      this.#line++;
      return;
    }
    let text: string | null;
    if (typeof head === 'string') {
      if (this.#bytes.length > 0) this.#decodePendingBytes();
      text = this.#text.length > 0 ? this.#text.join('') + head : head;
    } else if (this.#bytes.length > 0) {
      text = this.#decode(concat(this.#bytes, head));
      if (text !== null && this.#text.length > 0) text = this.#text.join('') + text;
    } else {
      text = this.#decode(head);
      if (text !== null && this.#text.length > 0) text = this.#text.join('') + text;
    }
    const invalid = text === null || this.#pendingInvalid;
    this.#clearPending();
    if (invalid) out.push(new CodecError(++this.#line, 'not valid UTF-8'));
    // An input that is only a BOM has no lines at all.
    else if (!(atEnd && this.#line === 0 && text === '\uFEFF')) this.#emit(text as string, out);
  }

  #emit(raw: string, out: SplitLine[]): void {
    const line = ++this.#line;
    let text = raw;
    let terminator = 0;
    if (text.charCodeAt(text.length - 1) === CR) {
      if (this.#keepCr) terminator = 1;
      else text = text.slice(0, -1);
    }
    if (line === 1 && text.charCodeAt(0) === BOM) text = text.slice(1);
    if (text.length - terminator > this.#safeUnits && utf8ByteLength(text) - terminator > this.#maxBytes) {
      out.push(this.#tooLong(line));
      return;
    }
    out.push({ line, text });
  }

  #hold(part: Uint8Array | string, out: SplitLine[]): void {
    if (this.#skipping) return;
    this.#pendingSize += part.length;
    // One byte of slack: a trailing '\r' may yet turn out to be half of a '\r\n'.
    if (this.#pendingSize > this.#maxBytes + 1) {
      out.push(this.#tooLong(this.#line + 1));
      this.#clearPending();
      this.#skipping = true;
      return;
    }
    if (typeof part === 'string') {
      if (this.#bytes.length > 0) this.#decodePendingBytes();
      this.#text.push(part);
    } else {
      this.#bytes.push(part);
    }
  }

  /** Text follows the held bytes, so they must be complete UTF-8 on their own. */
  #decodePendingBytes(): void {
    const text = this.#decode(concat(this.#bytes, undefined));
    this.#bytes = [];
    if (text === null) this.#pendingInvalid = true;
    else this.#text.push(text);
  }

  #clearPending(): void {
    this.#text = [];
    this.#bytes = [];
    this.#pendingSize = 0;
    this.#pendingInvalid = false;
  }

  #decode(bytes: Uint8Array): string | null {
    try {
      return this.#decoder.decode(bytes);
    } catch {
      return null;
    }
  }

  #tooLong(line: number): CodecError {
    return new CodecError(line, `longer than ${this.#maxBytes} bytes`);
  }
}

function concat(parts: Uint8Array[], last: Uint8Array | undefined): Uint8Array {
  let size = last?.length ?? 0;
  for (const part of parts) size += part.length;
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  if (last) joined.set(last, offset);
  return joined;
}
