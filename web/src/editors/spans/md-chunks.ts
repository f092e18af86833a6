import type { Stretch } from './align.ts';

/**
 * A long Markdown text cut into pieces that render, one after another, to what the whole text
 * renders to, so the rendered pane can render a piece per idle moment instead of freezing the page
 * for all of it (a 50,000-character answer with a thousand formulas takes over half a second).
 * UTF-16 indices. A cut is made only at the start of a line that follows a blank line and begins
 * a new block of its own: not indented (no code or list continuation), not a list item (a list
 * stays one list), not inside fenced code, a formula (`maths`), an HTML comment or a raw HTML
 * block (`<pre>`, `<script>`, `<style>`, `<textarea>`). A text with reference-style link
 * definitions (`[id]: url`) is never cut: a reference may be used far from its definition.
 */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
// A backtick fence's info string holds no backtick (``` `x` ``` is a code span, not a fence).
const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const LIST_ITEM = /^(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const RAW_OPEN = /<!--|<(?:pre|script|style|textarea)\b/gi;
const RAW_CLOSE: Record<string, RegExp> = {
  '<!--': /-->/g,
  pre: /<\/pre>/gi,
  script: /<\/script>/gi,
  style: /<\/style>/gi,
  textarea: /<\/textarea>/gi,
};

/** Pieces of about `target` UTF-16 units or more, contiguous, covering `text`. */
export function markdownChunks(text: string, maths: readonly Stretch[], target = 4000): Stretch[] {
  if (text.length <= target || REFERENCE_DEFINITION.test(text)) return [{ start: 0, end: text.length }];
  const out: Stretch[] = [];
  let start = 0;
  let fence: string | undefined;
  let raw: RegExp | undefined;
  let formula = 0;
  let prevBlank = false;
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    while (formula < maths.length && maths[formula]!.end <= at) formula++;
    const inFormula = formula < maths.length && maths[formula]!.start < at;
    if (
      prevBlank &&
      at - start >= target &&
      !fence &&
      !raw &&
      !inFormula &&
      /^\S/.test(line) &&
      !LIST_ITEM.test(line)
    ) {
      out.push({ start, end: at });
      start = at;
    }
    if (fence) {
      if (new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}[ \\t]*$`).test(line)) fence = undefined;
    } else if (!raw) {
      fence = FENCE.exec(line)?.[1];
    }
    if (!fence) raw = rawAfter(line, raw);
    prevBlank = line.trim() === '';
    at = end + 1;
  }
  out.push({ start, end: text.length });
  return out;
}

/** The raw HTML block still open after `line` (its closing pattern), given the one open before it. */
function rawAfter(line: string, open: RegExp | undefined): RegExp | undefined {
  let pos = 0;
  let current = open;
  for (;;) {
    if (current) {
      current.lastIndex = pos;
      if (!current.exec(line)) return current;
      pos = current.lastIndex;
      current = undefined;
    }
    RAW_OPEN.lastIndex = pos;
    const m = RAW_OPEN.exec(line);
    if (!m) return undefined;
    pos = RAW_OPEN.lastIndex;
    current = RAW_CLOSE[m[0] === '<!--' ? '<!--' : m[0].slice(1).toLowerCase()];
  }
}
