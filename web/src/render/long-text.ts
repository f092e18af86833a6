import { markdownChunks } from '../editors/spans/md-chunks.ts';

/**
 * A long Markdown text cut into parts that render, one after another, to what the whole renders
 * to (md-chunks.ts says where a cut may fall), so a 4,000-word answer can render its first screen
 * at once and the rest as it is needed. Pure.
 */

/** Display formulas on lines of their own (`$$ … $$`, blank lines allowed inside): never cut. */
const DISPLAY_MATH = /^ {0,3}\$\$[\s\S]+?\$\$[ \t]*$/gm;

/** The `$$` blocks of `text` (UTF-16 indices), a superset of what the renderer reads as formulas. */
export function displayMathStretches(text: string): { start: number; end: number }[] {
  if (!text.includes('$$')) return [];
  return Array.from(text.matchAll(DISPLAY_MATH), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** `text` as parts of about `target` characters or more (one part when it is short). */
export function textParts(text: string, target = 600): string[] {
  if (text.length <= target) return [text];
  return markdownChunks(text, displayMathStretches(text), target).map((c) => text.slice(c.start, c.end));
}

/**
 * About how tall `text` is when shown, in em, at `perLine` characters a line (1.5em each; a blank
 * line, a paragraph's gap, about one): what an unrendered part or turn reserves
 * (`contain-intrinsic-size`), so the box's scroll height, and where End and PgDn land, are about
 * right before a part has ever been laid out.
 */
export function estimatedHeightEm(text: string, perLine: number): number {
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(line.length / perLine));
  return Math.ceil(lines * 1.5);
}
