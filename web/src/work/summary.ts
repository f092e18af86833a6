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
  if (typeof answer === 'object') return tutoringText(q, answer as Record<string, unknown>);
  return flat(String(answer));
}

const percent = (total: unknown) => (typeof total === 'number' ? `${Math.round(total * 100)} %` : '?');

/** The tutoring kinds' answers in words, never naming candidates (ids mean nothing to a tutor). */
function tutoringText(q: Question, a: Record<string, unknown>): string | undefined {
  switch (q.type) {
    case 'pairwise':
      if (typeof a.strength !== 'number') return undefined;
      return a.strength === 0 ? 'about the same' : `a preference of strength ${a.strength}`;
    case 'ranking': {
      const n = Array.isArray(a.order) ? a.order.flat().length : 0;
      return n === 0 ? undefined : `${n} ranked`;
    }
    case 'rubric': {
      const grades = Array.isArray(a.grades) ? (a.grades as { total?: unknown }[]) : [];
      return grades.length === 0 ? undefined : `graded ${grades.map((g) => percent(g.total)).join(', ')}`;
    }
    case 'steps':
      if (!Array.isArray(a.steps)) return undefined;
      return typeof a.firstError === 'number'
        ? `first error at step ${a.firstError + 1}`
        : `${a.steps.length} steps checked`;
    case 'rewrite':
      return typeof a.text === 'string' && a.text.trim() !== '' ? flat(a.text) : undefined;
    case 'turns': {
      const n = Array.isArray(a.turns) ? a.turns.length : 0;
      return n === 0 ? undefined : `${n} ${n === 1 ? 'turn' : 'turns'} marked`;
    }
    case 'live': {
      const said = Array.isArray(a.messages)
        ? (a.messages as { model?: unknown }[]).filter((m) => m?.model !== undefined).length
        : 0;
      return said === 0 ? undefined : `${said} ${said === 1 ? 'reply' : 'replies'} of the model`;
    }
    default:
      return undefined;
  }
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
  const first =
    Object.values(data)
      .map(textOf)
      .find((v) => v !== undefined) ?? '';
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

/** A value's text for the excerpt: a string, or a conversation's first user turn. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) return undefined;
  const turn = v.find((t) => (t as { role?: unknown } | null)?.role === 'user') as
    | { content?: unknown }
    | undefined;
  return typeof turn?.content === 'string' ? turn.content : undefined;
}
