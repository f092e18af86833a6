import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Results go to stdout as pretty JSON; everything else (progress, hints, errors) to stderr. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Follows `nextCursor` until the last page; every list in the API pages the same way. */
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** A streamed answer to stdout; a closed reader (`… | head`) is not a failure. */
export async function pipeToStdout(body: Readable): Promise<void> {
  try {
    await pipeline(body, process.stdout, { end: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  }
}

/** Rows as aligned columns (each padded to its widest cell), each line after `indent`; `head` above them. */
export function table(rows: string[][], head?: string[], indent = ''): string {
  const all = head ? [head, ...rows] : rows;
  const widths = (all[0] ?? []).map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map(
      (r) =>
        `${indent}${r
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}
