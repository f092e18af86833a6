/** A labelled span as the spans kind stores it: code-point offsets, `end` exclusive. */
export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface SpanF1 {
  /** Spans count as a match only with the same start, end and label. */
  exact: number;
  /** A span matches when it shares at least one code point with a span of the same label. */
  overlap: number;
}

const f1 = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

function score(given: readonly LabelledSpan[], gold: readonly LabelledSpan[], match: Matcher): number {
  if (given.length === 0 && gold.length === 0) return 1;
  if (given.length === 0 || gold.length === 0) return 0;
  const precision = given.filter((s) => gold.some((g) => match(s, g))).length / given.length;
  const recall = gold.filter((g) => given.some((s) => match(s, g))).length / gold.length;
  return f1(precision, recall);
}

type Matcher = (a: LabelledSpan, b: LabelledSpan) => boolean;
const same: Matcher = (a, b) => a.start === b.start && a.end === b.end && a.label === b.label;
const overlapping: Matcher = (a, b) => a.label === b.label && a.start < b.end && b.start < a.end;

/**
 * Span F1 of an answer against gold, both ways: exact and overlap. Precision is the share of the
 * answer's spans that match a gold span, recall the share of gold spans matched; both empty is 1.
 */
export function spanF1(given: readonly LabelledSpan[], gold: readonly LabelledSpan[]): SpanF1 {
  return { exact: score(given, gold, same), overlap: score(given, gold, overlapping) };
}
