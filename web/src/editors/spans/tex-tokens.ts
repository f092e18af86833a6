import { snap, type TextIndex, u16ToCp } from './text-index.ts';

/**
 * The maths of a Markdown text as tokens, for snapping a selection to whole formulas and commands:
 * `$…$` (inline), `$$…$$` (display, inline or on lines of its own) and, inside them, TeX commands
 * (`\frac`, `\int`) and control symbols (`\{`, `\,`). The rules follow the renderer's
 * (web/src/render/markdown.ts): a backslash escapes the next character (`\$` is a dollar), code
 * spans and fenced code hold no maths, an inline formula does not cross a line, has no space just
 * inside its dollars and no digit right after its closing one (`$5 and $6` are prices), and a
 * `$` or `$$` never closed is plain text.
 */
export type TexKind = 'inline' | 'display' | 'command';

/** Code point offsets, `end` exclusive, both on grapheme boundaries. */
export interface TexToken {
  readonly start: number;
  readonly end: number;
  readonly kind: TexKind;
  /** Length of the opening and of the closing delimiter: 1 (`$`), 2 (`$$`), 0 for a command. */
  readonly delim: number;
}

export interface TexTokens {
  /** Formulas, ascending, never overlapping. */
  readonly maths: readonly TexToken[];
  /** Commands and control symbols inside the formulas, ascending, never overlapping. */
  readonly commands: readonly TexToken[];
}

interface Raw {
  start: number;
  end: number;
  kind: TexKind;
  delim: number;
}

// Sticky: each matches only at its lastIndex, a line start.
const FENCE_OPEN = / {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})/y;
const BLOCK_OPEN = / {0,3}\$\$/y;

export function texTokens(index: TextIndex): TexTokens {
  const raw = scanMaths(index.text);
  const maths: TexToken[] = [];
  const commands: TexToken[] = [];
  for (const m of raw) {
    maths.push(toCp(index, m));
    for (const c of scanCommands(index.text, m)) commands.push(toCp(index, c));
  }
  return { maths, commands };
}

function toCp(index: TextIndex, t: Raw): TexToken {
  const start = snap(index, u16ToCp(index, t.start), 'floor');
  const end = snap(index, u16ToCp(index, t.end), 'ceil');
  return { start, end, kind: t.kind, delim: t.delim };
}

/** The formulas of `text`, in UTF-16 indices. One pass; each failed `$` scans to the next `$`. */
function scanMaths(text: string): Raw[] {
  const out: Raw[] = [];
  const closers = blockClosers(text);
  let closer = 0;
  const skipCodeSpan = codeSpans(text);
  let i = 0;
  while (i < text.length) {
    if (i === 0 || text.charCodeAt(i - 1) === 10) {
      const fence = skipFence(text, i);
      if (fence > i) {
        i = fence;
        continue;
      }
      BLOCK_OPEN.lastIndex = i;
      if (BLOCK_OPEN.test(text)) {
        const open = BLOCK_OPEN.lastIndex - 2;
        while (closer < closers.length && closers[closer]! < open + 3) closer++;
        const close = closers[closer];
        if (close !== undefined) {
          out.push({ start: open, end: close + 2, kind: 'display', delim: 2 });
          i = close + 2;
          continue;
        }
      }
    }
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '`') i = skipCodeSpan(i);
    else if (c === '$') {
      const m = inlineMathAt(text, i);
      if (m) out.push(m);
      i = m ? m.end : i + 1;
    } else i += 1;
  }
  return out;
}

/**
 * Where a `$$` ends a display formula on lines of its own: followed by spaces or tabs to the end
 * of its line. Ascending, so each opening finds its closer by one forward pointer.
 */
function blockClosers(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('$$'); at >= 0; at = text.indexOf('$$', at + 1)) {
    let k = at + 2;
    while (text[k] === ' ' || text[k] === '\t') k++;
    if (k === text.length || text[k] === '\n') out.push(at);
  }
  return out;
}

/** Past a fenced code block opening at line start `i` (to its closing fence or the end), else `i`. */
function skipFence(text: string, i: number): number {
  FENCE_OPEN.lastIndex = i;
  const m = FENCE_OPEN.exec(text);
  if (!m) return i;
  const fence = m[1]!;
  const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`, 'm');
  let line = text.indexOf('\n', i);
  while (line >= 0) {
    const next = text.indexOf('\n', line + 1);
    const body = text.slice(line + 1, next < 0 ? text.length : next);
    if (close.test(body)) return next < 0 ? text.length : next + 1;
    line = next;
  }
  return text.length;
}

/**
 * Code spans: past the one opening with the backtick run at `i` (to the next run as long, within
 * the paragraph: before a blank line), else past the run. The paragraph's end is found once per
 * paragraph; a search that finds no closer leaves no run of that length after it to search from.
 */
function codeSpans(text: string) {
  let paragraphEnd = -1;
  return (i: number): number => {
    let n = 0;
    while (text[i + n] === '`') n++;
    if (i >= paragraphEnd) {
      const blank = /\n[ \t]*\n/g;
      blank.lastIndex = i;
      paragraphEnd = blank.exec(text)?.index ?? text.length;
    }
    for (let at = text.indexOf('`', i + n); at >= 0 && at < paragraphEnd; ) {
      let run = 0;
      while (text[at + run] === '`') run++;
      if (run === n) return at + run;
      at = text.indexOf('`', at + run);
    }
    return i + n;
  };
}

/**
 * The formula opening with the `$` at `i`: `$$…$$` (may cross lines, not a blank one: it stays
 * in its paragraph) or `$…$` (may not cross lines).
 */
function inlineMathAt(text: string, i: number): Raw | undefined {
  const display = text[i + 1] === '$';
  const from = i + (display ? 2 : 1);
  let k = from;
  while (k < text.length) {
    const c = text[k];
    if (c === '\\') k += 2;
    else if (c === '$' || (c === '\n' && (!display || /^\n[ \t]*(\n|$)/.test(text.slice(k, k + 80))))) break;
    else k += 1;
  }
  if (text[k] !== '$' || k === from) return undefined;
  if (display) {
    return text[k + 1] === '$' ? { start: i, end: k + 2, kind: 'display', delim: 2 } : undefined;
  }
  const blank = /\s/;
  if (blank.test(text[from]!) || blank.test(text[k - 1]!) || /\d/.test(text[k + 1] ?? '')) return undefined;
  return { start: i, end: k + 1, kind: 'inline', delim: 1 };
}

/** The commands (`\alpha`) and control symbols (`\{`) inside formula `m`, in UTF-16 indices. */
function scanCommands(text: string, m: Raw): Raw[] {
  const out: Raw[] = [];
  const end = m.end - m.delim;
  for (let k = m.start + m.delim; k < end; k++) {
    if (text[k] !== '\\') continue;
    let e = k + 1;
    while (e < end && /[A-Za-z]/.test(text[e]!)) e++;
    if (e === k + 1) e = Math.min(end, k + 1 + (text.codePointAt(k + 1)! > 0xffff ? 2 : 1));
    if (e > k + 1) out.push({ start: k, end: e, kind: 'command', delim: 0 });
    k = e - 1;
  }
  return out;
}

/** The token of `tokens` (ascending, disjoint) with `start < cp < end`, or with `start <= cp` when `from`. */
function around(tokens: readonly TexToken[], cp: number, from = false): TexToken | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (cp < t.start || (cp === t.start && !from)) hi = mid - 1;
    else if (cp >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

/** The innermost token holding `start..end` (a command, else a formula), if any; a caret when equal. */
export function texTokenAround(tex: TexTokens, start: number, end: number): TexToken | undefined {
  for (const tokens of [tex.commands, tex.maths]) {
    const t = around(tokens, start, true);
    if (t && end <= t.end) return t;
  }
  return undefined;
}

/**
 * A selection snapped to the TeX in the text, as `start <= end` code points on grapheme boundaries.
 * `whole` (a double-click) selects the innermost token around the selection. Otherwise each edge
 * that falls inside a command moves out to its edge; an edge inside a formula moves out to the
 * formula's edge when the selection leaves the formula there or the edge splits its delimiter. A
 * selection within one formula is kept, so part of a long formula can still be labelled.
 */
export function snapToTex(
  tex: TexTokens,
  range: { start: number; end: number },
  whole: boolean,
): { start: number; end: number } {
  if (whole) {
    const t = texTokenAround(tex, range.start, range.end);
    if (t) return { start: t.start, end: t.end };
  }
  let { start, end } = range;
  const startIn = around(tex.maths, start);
  const endIn = around(tex.maths, end);
  if (startIn && (end > startIn.end || start < startIn.start + startIn.delim)) start = startIn.start;
  else start = around(tex.commands, start)?.start ?? start;
  if (endIn && (range.start < endIn.start || end > endIn.end - endIn.delim)) end = endIn.end;
  else end = around(tex.commands, end)?.end ?? end;
  return { start, end };
}
