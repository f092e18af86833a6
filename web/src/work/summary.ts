import type { InterfaceDefinition } from '../../../core/interface/index.ts';

/**
 * What My work shows of a row: one line of the answers and of the item, as Markdown for the
 * app's renderer (so maths shows as maths), bounded before it is rendered. Pure.
 */

type Question = InterfaceDefinition['questions'][number];

/** Past this many code points a summary is cut; the row shows two lines of it at most. */
export const SUMMARY_MAX = 240;

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function answerText(q: Question, answer: unknown): string | undefined {
  if (answer === undefined || answer === null || answer === '') return undefined;
  if (q.type === 'spans') {
    const n = Array.isArray(answer) ? answer.length : 0;
    return n === 0 ? undefined : `${n} ${n === 1 ? 'span' : 'spans'}`;
  }
  if (Array.isArray(answer)) return answer.length === 0 ? undefined : answer.map(String).join(', ');
  if (typeof answer === 'object') return undefined;
  return flat(String(answer));
}

/**
 * The answers as "Label: value · Label: value", in the interface's order, skipping unanswered
 * questions; undefined when nothing is answered.
 */
export function answerSummary(
  iface: InterfaceDefinition,
  answers: Record<string, unknown>,
): string | undefined {
  const parts: string[] = [];
  for (const q of iface.questions) {
    const value = answerText(q, answers[q.name]);
    if (value !== undefined) parts.push(`${q.label ?? q.name}: ${value}`);
  }
  return parts.length === 0 ? undefined : boundedSource(parts.join(' · '), SUMMARY_MAX);
}

/** The item's first text, flattened to one line and bounded, as the row's reminder of the item. */
export function itemExcerpt(data: Record<string, unknown>): string {
  const first = Object.values(data).find((v): v is string => typeof v === 'string') ?? '';
  return boundedSource(flat(first), SUMMARY_MAX);
}

/**
 * `text` cut to at most `max` code points, and never inside maths: a cut that would leave a `$…$`
 * or `\(…\)` open is moved back to where it opened, so the renderer never shows half a formula
 * as raw TeX. An ellipsis marks a cut.
 */
export function boundedSource(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  let cut = points.slice(0, max).join('');
  const open = openMathAt(cut);
  if (open !== undefined) cut = cut.slice(0, open);
  return `${cut.trimEnd()}…`;
}

/** Where the maths still open at the end of `text` began, or undefined when none is open. */
function openMathAt(text: string): number | undefined {
  let open: { at: number; close: string } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const n = text[i + 1];
      if (!open && (n === '(' || n === '[')) open = { at: i, close: n === '(' ? '\\)' : '\\]' };
      else if (open && text.startsWith(open.close, i)) open = undefined;
      i++;
      continue;
    }
    if (c !== '$') continue;
    const fence = text[i + 1] === '$' ? '$$' : '$';
    if (!open) open = { at: i, close: fence };
    else if (open.close === fence) open = undefined;
    i += fence.length - 1;
  }
  return open?.at;
}
