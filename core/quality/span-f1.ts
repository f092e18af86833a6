/**
 * Agreement on spans between two annotators of the same item, as F1 with one annotator's spans
 * taken as the reference for the other's. Exact: a span matches a span with the same start, end
 * and label (one-to-one). Overlap: a span matches if some span of the other annotator with the
 * same label shares at least one code point. Summed over pairs and micro-averaged:
 * F1 = Σ(matched spans of either side) / Σ(spans of either side), which for exact matching is the
 * usual 2·|A ∩ B|/(|A| + |B|). Pairs in which neither annotator marked a span add nothing.
 */

export interface Span {
  start: number;
  end: number;
  label: string;
}

interface Tally {
  exact: number;
  overlap: number;
  spans: number;
}

const blank = (): Tally => ({ exact: 0, overlap: 0, spans: 0 });

export interface SpanF1 {
  exact: number | null;
  overlap: number | null;
  /** Spans compared, counted once per pair they were compared in. */
  spans: number;
}

export class SpanAgreement {
  readonly #overall = blank();
  readonly #labels = new Map<string, Tally>();
  #pairs = 0;

  /** One pair of annotators of one item. */
  addPair(a: readonly Span[], b: readonly Span[]): void {
    if (a.length === 0 && b.length === 0) return;
    this.#pairs++;
    this.#side(a, b);
    this.#side(b, a);
  }

  #side(mine: readonly Span[], theirs: readonly Span[]): void {
    const exactPool = new Map<string, number>();
    for (const s of theirs) {
      const key = `${s.start}:${s.end}:${s.label}`;
      exactPool.set(key, (exactPool.get(key) ?? 0) + 1);
    }
    for (const s of mine) {
      const key = `${s.start}:${s.end}:${s.label}`;
      const left = exactPool.get(key) ?? 0;
      const exact = left > 0 ? 1 : 0;
      if (exact) exactPool.set(key, left - 1);
      const overlap = theirs.some((t) => t.label === s.label && t.start < s.end && s.start < t.end) ? 1 : 0;
      let tally = this.#labels.get(s.label);
      if (!tally) {
        tally = blank();
        this.#labels.set(s.label, tally);
      }
      for (const t of [tally, this.#overall]) {
        t.exact += exact;
        t.overlap += overlap;
        t.spans++;
      }
    }
  }

  /** Pairs (of annotators within an item) with at least one span. */
  get pairs(): number {
    return this.#pairs;
  }

  overall(): SpanF1 {
    return f1(this.#overall);
  }

  /** Per label, in label order. */
  labels(): Record<string, SpanF1> {
    const out: Record<string, SpanF1> = {};
    for (const label of [...this.#labels.keys()].sort()) out[label] = f1(this.#labels.get(label) as Tally);
    return out;
  }
}

const f1 = (t: Tally): SpanF1 => ({
  exact: t.spans === 0 ? null : t.exact / t.spans,
  overlap: t.spans === 0 ? null : t.overlap / t.spans,
  spans: t.spans,
});

/** F1 of one pair, for an item's disagreement score: overlap matches; null if neither marked a span. */
export function pairOverlapF1(a: readonly Span[], b: readonly Span[]): number | null {
  const one = new SpanAgreement();
  one.addPair(a, b);
  return one.overall().overlap;
}
