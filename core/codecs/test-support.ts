import fc from 'fast-check';

/** Feeds `chunks` one at a time, as a request body or file stream would. */
export async function* sourceOf(...chunks: (Uint8Array | string)[]): AsyncGenerator<Uint8Array | string> {
  for (const chunk of chunks) yield chunk;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const value of iterable) all.push(value);
  return all;
}

/** The outcome of an async generator: everything it yielded, then the message it threw, if any. */
export async function collectUntilError<T>(iterable: AsyncIterable<T>): Promise<(T | string)[]> {
  const all: (T | string)[] = [];
  try {
    for await (const value of iterable) all.push(value);
  } catch (error) {
    all.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  return all;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** `bytes` cut at the given offsets (any order, duplicates and out-of-range ones ignored). */
export function cutAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(bytes.subarray(from, cut));
    from = cut;
  }
  pieces.push(bytes.subarray(from));
  return pieces;
}

/** Every way to cut `bytes` in two, including inside multi-byte characters and between `\r` and `\n`. */
export function everySplit(bytes: Uint8Array): Uint8Array[][] {
  const splits: Uint8Array[][] = [];
  for (let cut = 0; cut <= bytes.length; cut++) splits.push([bytes.subarray(0, cut), bytes.subarray(cut)]);
  return splits;
}

/** Text rich in what breaks codecs: line breaks, quotes, delimiters, multi-byte characters, BOMs. */
export const trickyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\n', '\r\n', '\r', '"', ',', ';', '😀', 'é', '中', '\uFEFF', ' ', '{', '}'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

/** Offsets to cut an input at; taken modulo the input length. */
export const cutOffsets = fc.array(fc.nat(), { maxLength: 12 });
