/**
 * Aligning a Markdown source with the text its rendering shows, so spans (offsets over the raw
 * source) can be painted in the rendered view and the two views scrolled together. Pure; all
 * offsets here are UTF-16 indices on both sides (the DOM's unit; spans convert at the caller).
 *
 * The alignment is monotone: a list of runs, each a stretch of identical text in both, ascending
 * and disjoint on both sides. Rendering mostly deletes (`**`, `# `, `](url)`, escapes) and rarely
 * inserts (newlines between blocks, `&amp;` → `&`), so a greedy walk suffices: copy while equal;
 * at a difference, treat one rendered character as inserted if the source continues right after
 * it, else find where the rendered text resumes in the source — the nearest 4-character match
 * within a short window, else a 12-character match anywhere ahead (a long link target, a long
 * formula), else 2 or 1 characters just ahead — else treat the rendered character as inserted.
 * Each step costs at most a bounded window or one lookup in a 12-gram index, so the whole walk is
 * linear in the two lengths.
 */
export interface Run {
  /** Where the run starts in the source. */
  readonly src: number;
  /** Where it starts in the rendered text. */
  readonly out: number;
  readonly len: number;
}

export interface Alignment {
  readonly runs: readonly Run[];
  readonly sourceLength: number;
  readonly renderedLength: number;
}

/** A stretch of the source, UTF-16 indices, `end` exclusive. */
export interface Stretch {
  readonly start: number;
  readonly end: number;
}

const LONG = 12;
const SHORT_LEVELS: readonly { len: number; window: number }[] = [
  { len: 2, window: 16 },
  { len: 1, window: 4 },
];
const NEAR = { len: 4, window: 256 };
/** Windows up to this may be entered on whitespace alone. */
const SHORT_WINDOW = 16;
/** Rendered characters checked after a suspected insertion. */
const INSERT_CHECK = 4;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Whether index `k` of `s` falls between the two halves of a surrogate pair. */
const splitsPair = (s: string, k: number) => k > 0 && isLow(s.charCodeAt(k)) && isHigh(s.charCodeAt(k - 1));
/** Far jumps need a gram with some ink: runs of spaces and newlines recur everywhere. */
const hasInk = (s: string) => /\S/.test(s);

/**
 * The runs of identical text between `source` and `rendered`. Source stretches in `skip` (its
 * formulas: the rendered side shows them as KaTeX, left out of `rendered`) are never matched.
 */
export function alignRendered(source: string, rendered: string, skip: readonly Stretch[] = []): Alignment {
  const n = source.length;
  const m = rendered.length;
  // skippedBefore[k]: skipped source units before k, so "is [a, b) clean" is one subtraction.
  const skippedBefore = new Int32Array(n + 1);
  const mark = new Uint8Array(n);
  for (const s of skip) mark.fill(1, Math.max(0, s.start), Math.min(n, s.end));
  for (let k = 0; k < n; k++) skippedBefore[k + 1] = skippedBefore[k]! + mark[k]!;
  const clean = (a: number, b: number) => skippedBefore[b]! === skippedBefore[a]!;
  // Built at the first far resumption: a text the rendering leaves as it is never needs it.
  let grams: ReturnType<typeof gramIndex> | undefined;
  const far = (i: number, j: number) => {
    grams = grams ?? gramIndex(source, clean);
    return grams.find(rendered, j, i);
  };

  /** Equal units from (i, j), stopping at skipped source and never splitting a surrogate pair. */
  const extend = (i: number, j: number): number => {
    if (splitsPair(rendered, j) || splitsPair(source, i)) return 0;
    let len = 0;
    while (i + len < n && j + len < m && !mark[i + len] && source[i + len] === rendered[j + len]) len++;
    if (len > 0 && isHigh(source.charCodeAt(i + len - 1))) len--;
    return len;
  };
  /** The first clean source index >= i, within `window`, where rendered[j, j+len) occurs. */
  const nearby = (i: number, j: number, len: number, window: number): number | undefined => {
    if (j + len > m) return undefined;
    const gram = rendered.slice(j, j + len);
    if (window > SHORT_WINDOW && !hasInk(gram)) return undefined;
    const hay = source.slice(i, i + window + len);
    for (let at = hay.indexOf(gram); at >= 0; at = hay.indexOf(gram, at + 1)) {
      if (clean(i + at, i + at + len)) return i + at;
    }
    return undefined;
  };
  const resume = (i: number, j: number): number | undefined =>
    nearby(i, j, NEAR.len, NEAR.window) ??
    far(i, j) ??
    SHORT_LEVELS.reduce<number | undefined>((found, l) => found ?? nearby(i, j, l.len, l.window), undefined);

  const runs: Run[] = [];
  let i = 0;
  let j = 0;
  while (j < m) {
    let len = i < n ? extend(i, j) : 0;
    if (len === 0) {
      const next = source.slice(i, i + INSERT_CHECK);
      if (next.length > 0 && clean(i, i + next.length) && rendered.startsWith(next, j + 1)) {
        j += 1;
        continue;
      }
      const at = resume(i, j);
      len = at === undefined ? 0 : extend(at, j);
      if (len === 0) {
        j += 1;
        continue;
      }
      i = at!;
    }
    runs.push({ src: i, out: j, len });
    i += len;
    j += len;
  }
  return { runs, sourceLength: n, renderedLength: m };
}

/** Clean source positions by the hash of the 12 units starting there, for far resumptions. */
function gramIndex(source: string, clean: (a: number, b: number) => boolean) {
  const byHash = new Map<number, number[]>();
  const hashAt = (s: string, at: number) => {
    let h = 0;
    for (let k = 0; k < LONG; k++) h = (Math.imul(h, 31) + s.charCodeAt(at + k)) | 0;
    return h;
  };
  // The hash of source[p, p+LONG), rolled along: remove the first unit's share, add the next.
  let pow = 1;
  for (let k = 1; k < LONG; k++) pow = Math.imul(pow, 31);
  let h = source.length >= LONG ? hashAt(source, 0) : 0;
  for (let p = 0; p + LONG <= source.length; p++) {
    if (p > 0) {
      h = (h - Math.imul(source.charCodeAt(p - 1), pow)) | 0;
      h = (Math.imul(h, 31) + source.charCodeAt(p + LONG - 1)) | 0;
    }
    if (!clean(p, p + LONG)) continue;
    const list = byHash.get(h);
    if (list) list.push(p);
    else byHash.set(h, [p]);
  }
  return {
    /** The first clean source index >= i where rendered[j, j+12) occurs. */
    find(rendered: string, j: number, i: number): number | undefined {
      if (j + LONG > rendered.length || !hasInk(rendered.slice(j, j + LONG))) return undefined;
      const list = byHash.get(hashAt(rendered, j));
      if (!list) return undefined;
      for (let k = firstAtLeast(list, i); k < list.length; k++) {
        const p = list[k]!;
        if (source.startsWith(rendered.slice(j, j + LONG), p)) return p;
      }
      return undefined;
    },
  };
}

function firstAtLeast(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last run starting at or before `pos` on `side`, or -1. */
function runBefore(runs: readonly Run[], pos: number, side: 'src' | 'out'): number {
  let lo = 0;
  let hi = runs.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]![side] <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** A rendered stretch showing the source text that starts at `src`. */
export interface RenderedPart extends Stretch {
  readonly src: number;
}

/**
 * The rendered stretches showing source stretch `span`: its parts that lie in runs, ascending,
 * disjoint, adjacent parts merged. Empty when none of its text is shown (a span inside a formula).
 */
export function renderedRanges(al: Alignment, span: Stretch): RenderedPart[] {
  const out: { start: number; end: number; src: number }[] = [];
  for (let k = Math.max(0, runBefore(al.runs, span.start, 'src')); k < al.runs.length; k++) {
    const r = al.runs[k]!;
    if (r.src >= span.end) break;
    const a = Math.max(span.start, r.src);
    const b = Math.min(span.end, r.src + r.len);
    if (a >= b) continue;
    const start = r.out + (a - r.src);
    const end = r.out + (b - r.src);
    const last = out.at(-1);
    if (last && last.end === start && last.src + (last.end - last.start) === a) last.end = end;
    else out.push({ start, end, src: a });
  }
  return out;
}

/**
 * A position in one text mapped to the other (`from` names the side it is on): the start to the
 * start, the end to the end, exact inside a run, else proportional between the neighbouring runs
 * (or the texts' ends). Monotone, so it can drive scrolling.
 */
export function mapPosition(al: Alignment, pos: number, from: 'source' | 'rendered'): number {
  const [a, b] = from === 'source' ? (['src', 'out'] as const) : (['out', 'src'] as const);
  const lenA = from === 'source' ? al.sourceLength : al.renderedLength;
  const lenB = from === 'source' ? al.renderedLength : al.sourceLength;
  if (pos <= 0) return 0;
  if (pos >= lenA) return lenB;
  const p = pos;
  const k = runBefore(al.runs, p, a);
  const prev = al.runs[k];
  if (prev && p < prev[a] + prev.len) return prev[b] + (p - prev[a]);
  const next = al.runs[k + 1];
  const x0 = prev ? prev[a] + prev.len : 0;
  const y0 = prev ? prev[b] + prev.len : 0;
  const x1 = next ? next[a] : lenA;
  const y1 = next ? next[b] : lenB;
  return x1 === x0 ? y0 : y0 + Math.round(((p - x0) * (y1 - y0)) / (x1 - x0));
}
