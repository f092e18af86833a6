/**
 * The HTTP Range header of a media request (RFC 9110 §14), for one range of bytes: `bytes=0-99`,
 * `bytes=100-` (open-ended), `bytes=-100` (the last 100). Several ranges in one request are not
 * served as multipart: the answer is the whole file (200), as RFC 9110 allows a server to ignore
 * Range. A range that starts past the end, or a malformed one, is unsatisfiable (416).
 */
export type RangeAnswer =
  | { kind: 'whole' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!m) return { kind: 'unsatisfiable' };
  const specs = m[1]!.split(',').map((s) => s.trim());
  if (specs.length > 1)
    return specs.every((s) => /^(\d*)-(\d*)$/.test(s)) ? { kind: 'whole' } : unsatisfiable;
  const spec = /^(\d*)-(\d*)$/.exec(specs[0]!);
  if (!spec || (spec[1] === '' && spec[2] === '')) return unsatisfiable;
  if (spec[1] === '') {
    // A suffix: the last n bytes (all of them when n is larger than the file).
    const n = Number(spec[2]);
    if (n === 0 || size === 0) return unsatisfiable;
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(spec[1]);
  const end = spec[2] === '' ? size - 1 : Math.min(Number(spec[2]), size - 1);
  if (start >= size || end < start) return unsatisfiable;
  return { kind: 'partial', start, end };
}

const unsatisfiable: RangeAnswer = { kind: 'unsatisfiable' };
