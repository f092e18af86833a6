// Not from index.ts: that loads the zod schemas of the whole interface model, which the annotation
// view needs only at submit (AnnotationView loads them then).
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { compareSpans, type SpanAnswer } from '../../../../core/interface/questions/spans-check.ts';

/** Span list edits as values: the new sorted list, or a sentence saying why not. */
export type SpanEdit = { ok: true; spans: SpanAnswer[]; index: number } | { ok: false; message: string };

const overlaps = (a: SpanAnswer, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const describe = (s: SpanAnswer) => `${s.label} ${s.start}–${s.end}`;

export function addSpan(spans: readonly SpanAnswer[], span: SpanAnswer, allowOverlap: boolean): SpanEdit {
  if (spans.some((s) => compareSpans(s, span) === 0)) {
    return { ok: false, message: `That text is already labelled ${span.label}.` };
  }
  const clash = allowOverlap ? undefined : spans.find((s) => overlaps(s, span));
  if (clash) {
    return {
      ok: false,
      message: `This question does not allow overlapping spans; it overlaps ${describe(clash)}.`,
    };
  }
  const next = [...spans, span].sort(compareSpans);
  return { ok: true, spans: next, index: next.indexOf(span) };
}

export function removeSpan(spans: readonly SpanAnswer[], index: number): SpanAnswer[] {
  return spans.filter((_, i) => i !== index);
}

export function relabelSpan(spans: readonly SpanAnswer[], index: number, label: string): SpanEdit {
  const old = spans[index];
  if (!old) return { ok: false, message: 'That span no longer exists.' };
  if (old.label === label) return { ok: true, spans: [...spans], index };
  return addSpan(removeSpan(spans, index), { ...old, label }, true);
}

/** Keys the editor reserves: S skips, ? opens help. */
const RESERVED = new Set(['s']);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A letter key per label: the first free letter of the label's name, else the first free letter
 * of the alphabet. Labels beyond the 25 letters get none (they are still a click or Tab away).
 */
export function labelKeys(labels: readonly string[]): Map<string, string> {
  const byLabel = new Map<string, string>();
  const used = new Set(RESERVED);
  for (const label of labels) {
    const candidates = [...label.toLowerCase()].filter((c) => LETTERS.includes(c));
    const key = [...candidates, ...LETTERS].find((c) => !used.has(c));
    if (key === undefined) continue;
    used.add(key);
    byLabel.set(label, key);
  }
  return byLabel;
}

/** The span under code point `cp` to pick on a click: the shortest covering one. */
export function spanAt(
  spans: readonly SpanAnswer[],
  candidates: readonly number[],
  cp: number,
): number | undefined {
  let best: number | undefined;
  for (const i of candidates) {
    const s = spans[i]!;
    if (
      s.start <= cp &&
      cp < s.end &&
      (best === undefined || s.end - s.start < spans[best]!.end - spans[best]!.start)
    ) {
      best = i;
    }
  }
  return best;
}
