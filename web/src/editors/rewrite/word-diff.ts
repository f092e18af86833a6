import { diffWords } from 'diff';

/**
 * The rewrite editor's word-level diff, pure. A tutor's edits to a long answer are usually local,
 * so the common start and end (cut back to whitespace, never inside a word) are set aside and only
 * the middle goes to jsdiff's word diff, with a time budget; past it the middle shows as one
 * deletion and one insertion (`coarse`), which is still a true diff. Like jsdiff's word diff it
 * ignores changes of spacing alone: unchanged runs carry the new text's spacing.
 */

export type DiffPart =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  | { kind: 'elided'; words: number };

export interface WordDiff {
  parts: DiffPart[];
  inserted: number;
  deleted: number;
  /** The budget ran out: the changed middle is shown whole, removed then added. */
  coarse: boolean;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** Where the shared start of `a` and `b` ends, cut back to just after a whitespace character. */
function commonStart(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && i === b.length) return i;
  while (i > 0 && !isSpace(a[i - 1])) i--;
  return i;
}

/** How long the shared end of `a` and `b` (after `start`) is, cut to begin at a whitespace character. */
function commonEnd(a: string, b: string, start: number): number {
  const max = Math.min(a.length, b.length) - start;
  let n = 0;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  if (n === max && a.length === b.length) return n;
  while (n > 0 && !isSpace(a[a.length - n])) n--;
  return n;
}

export const wordCount = (s: string): number => s.split(/\s+/).filter((w) => w !== '').length;

function push(parts: DiffPart[], kind: 'same' | 'added' | 'removed', text: string) {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The word-level changes from `original` to `text`. */
export function wordDiff(original: string, text: string, budgetMs = 150): WordDiff {
  const start = commonStart(original, text);
  const end = commonEnd(original, text, start);
  const midA = original.slice(start, original.length - end);
  const midB = text.slice(start, text.length - end);
  const parts: DiffPart[] = [];
  push(parts, 'same', original.slice(0, start));
  let coarse = false;
  const changes = midA === '' || midB === '' ? undefined : diffWords(midA, midB, { timeout: budgetMs });
  if (changes) {
    for (const c of changes) push(parts, c.added ? 'added' : c.removed ? 'removed' : 'same', c.value);
  } else {
    coarse = midA !== '' && midB !== '';
    push(parts, 'removed', midA);
    push(parts, 'added', midB);
  }
  push(parts, 'same', original.slice(original.length - end));
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.kind === 'added') inserted += wordCount(p.text);
    if (p.kind === 'removed') deleted += wordCount(p.text);
  }
  return { parts, inserted, deleted, coarse };
}

/**
 * Long unchanged runs cut to `context` words either side of the changes around them, the rest
 * counted in an `elided` part, so a small edit to a 4,000-word answer shows as a few lines.
 */
export function elide(parts: readonly DiffPart[], context = 30): DiffPart[] {
  const out: DiffPart[] = [];
  for (const [i, p] of parts.entries()) {
    const tokens = p.kind === 'same' ? p.text.split(/(?<=\s)(?=\S)/) : [];
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = i === parts.length - 1 ? 0 : context;
    if (p.kind !== 'same' || tokens.length <= keepBefore + keepAfter + context) {
      out.push(p);
      continue;
    }
    if (keepBefore > 0) out.push({ kind: 'same', text: tokens.slice(0, keepBefore).join('') });
    out.push({ kind: 'elided', words: tokens.length - keepBefore - keepAfter });
    if (keepAfter > 0) out.push({ kind: 'same', text: tokens.slice(tokens.length - keepAfter).join('') });
  }
  return out;
}
