import { describeValue, isPlainObject, listForMessage } from '../field-error.ts';
import { codePointStarts, graphemeBoundaries } from '../offsets.ts';
import type { AnswerCheck, AnswerIssue } from './kind.ts';

/** One labelled span; offsets are code points, `end` exclusive. */
export interface SpanAnswer {
  start: number;
  end: number;
  label: string;
}

interface SpanRules {
  name: string;
  labels: readonly string[];
  allowOverlap: boolean;
}

interface Located {
  span: SpanAnswer;
  index: number;
}

const KEYS = new Set(['start', 'end', 'label', 'text']);
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Validates a spans answer against `text`; the normalised value is sorted by start, end, label. */
export function checkSpans(answer: unknown, rules: SpanRules, text: string): AnswerCheck {
  if (!Array.isArray(answer)) {
    return { ok: false, issues: [{ message: `expected an array of spans, got ${describeValue(answer)}` }] };
  }
  const starts = codePointStarts(text);
  const boundaries = graphemeBoundaries(text);
  const issues: AnswerIssue[] = [];
  const valid: Located[] = [];
  answer.forEach((raw: unknown, index) => {
    const found = checkSpan(raw, `[${index}]`, rules, text, starts, boundaries);
    if (found.length === 0) {
      const { start, end, label } = raw as SpanAnswer;
      valid.push({ span: { start, end, label }, index });
    } else issues.push(...found);
  });
  valid.sort((a, b) => compareSpans(a.span, b.span));
  issues.push(...checkPairs(valid, rules));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: valid.map((v) => v.span) };
}

function checkSpan(
  raw: unknown,
  at: string,
  rules: SpanRules,
  text: string,
  starts: Uint32Array,
  boundaries: Set<number>,
): AnswerIssue[] {
  if (!isPlainObject(raw)) {
    return [{ at, message: `expected a span {start, end, label}, got ${describeValue(raw)}` }];
  }
  const issues: AnswerIssue[] = Object.keys(raw)
    .filter((k) => !KEYS.has(k))
    .map((k) => ({
      at: `${at}.${k}`,
      message: 'unknown property; a span has start, end, label and optional text',
    }));
  const length = starts.length - 1;
  const { start, end, label } = raw;
  for (const [key, v] of Object.entries({ start, end })) {
    const problem = offsetProblem(v, length, boundaries);
    if (problem) issues.push({ at: `${at}.${key}`, message: problem });
  }
  if (isOffset(start) && isOffset(end) && start >= end) {
    issues.push({ at, message: `start ${start} must be less than end ${end}` });
  }
  if (typeof label !== 'string' || !rules.labels.includes(label)) {
    const message = `${describeValue(label)} is not one of the labels ${listForMessage(rules.labels)}`;
    issues.push({ at: `${at}.label`, message });
  }
  if (issues.length === 0 && raw.text !== undefined) {
    // A mismatch here usually means the offsets were computed in UTF-16 units or bytes.
    const covered = text.slice(starts[start as number], starts[end as number]);
    if (raw.text !== covered) {
      const message = `${describeValue(raw.text)} does not match the covered text ${describeValue(covered)} (offsets count Unicode code points)`;
      issues.push({ at: `${at}.text`, message });
    }
  }
  return issues;
}

function offsetProblem(v: unknown, length: number, boundaries: Set<number>): string | undefined {
  if (!isOffset(v)) return `expected a code point offset >= 0, got ${describeValue(v)}`;
  if (v > length) return `${v} is past the end of the text (${length} code points)`;
  if (!boundaries.has(v)) return `offset ${v} splits a character (grapheme cluster)`;
  return undefined;
}

function checkPairs(sorted: readonly Located[], rules: SpanRules): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  let furthest: Located | undefined; // the earlier span reaching furthest right
  sorted.forEach((cur, i) => {
    const prev = sorted[i - 1];
    const { start, end, label } = cur.span;
    if (prev && compareSpans(prev.span, cur.span) === 0) {
      const message = `span ${start}-${end} ${label} appears twice (also ${rules.name}[${prev.index}])`;
      issues.push({ at: `[${cur.index}]`, message });
      return;
    }
    if (!rules.allowOverlap && furthest && furthest.span.end > start) {
      const other = `${furthest.span.start}-${furthest.span.end}`;
      const message = `span ${start}-${end} overlaps span ${other} and this question does not allow overlap`;
      issues.push({ at: `[${cur.index}]`, message });
    }
    if (!furthest || end > furthest.span.end) furthest = cur;
  });
  return issues;
}

/** Orders by start, then end, then label (by code unit, so the order is the same everywhere). */
export function compareSpans(a: SpanAnswer, b: SpanAnswer): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}
