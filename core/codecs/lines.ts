import { CodecError } from './codec-error.ts';
import { type Line, LineSplitter } from './line-splitter.ts';

export { CodecError } from './codec-error.ts';
export type { Line } from './line-splitter.ts';

/**
 * The physical lines of a UTF-8 source, `\n` or `\r\n` terminated, without a leading BOM. Empty
 * lines are yielded too. Throws a CodecError at a line that is not valid UTF-8 or is longer than
 * `maxLineBytes` (default 16 MiB).
 */
export async function* readLines(
  source: AsyncIterable<Uint8Array | string>,
  opts: { maxLineBytes?: number } = {},
): AsyncGenerator<Line> {
  const splitter = new LineSplitter(opts);
  for await (const chunk of source) {
    for (const line of splitter.push(chunk)) {
      if (line instanceof CodecError) throw line;
      yield line;
    }
  }
  for (const line of splitter.end()) {
    if (line instanceof CodecError) throw line;
    yield line;
  }
}
