/**
 * Per annotator, over every unit of a categorical question (and every option, criterion and step):
 * agreement with the others (of the pairs the annotator is in, the share where both gave the same
 * answer) and with the consensus (the others' majority answer, leaving the annotator out; units
 * where the others tie or where the annotator is alone are not counted).
 */

export interface AnnotatorAgreement {
  /** Share of agreeing pairs with the other annotators; null before the first pair. */
  withOthers: number | null;
  pairs: number;
  /** Share of units where the annotator gave the others' majority answer; null before the first. */
  withConsensus: number | null;
  consensusUnits: number;
  /** Units the annotator shared with at least one other annotator. */
  units: number;
}

/** Where the units being added come from (set by the agreement builder as it walks an item). */
export interface UnitPlace {
  item: string | number;
  question: string;
  /** The option, criterion or step within the question; '' for the question itself. */
  part: string;
}

/** Told every pairable categorical unit, with its place (the model-judge comparison listens). */
export interface UnitListener {
  addUnit(
    place: Readonly<UnitPlace>,
    unit: readonly { annotator: string; code: number; unit?: string }[],
  ): void;
}

/**
 * The majority answer of a unit's answers (`counts`: answers per code), leaving out one answer with
 * code `own` when given (leave-one-out); null when nothing is left or the most frequent codes tie.
 */
export function othersMajority(counts: ReadonlyMap<number, number>, own?: number): number | null {
  let best = 0;
  let bestCode: number | null = null;
  for (const [code, n] of counts) {
    const others = code === own ? n - 1 : n;
    if (others > best) {
      best = others;
      bestCode = code;
    } else if (others === best) bestCode = null;
  }
  return best === 0 ? null : bestCode;
}

interface Counts {
  agreed: number;
  pairs: number;
  consensusAgreed: number;
  consensusUnits: number;
  units: number;
}

export class AnnotatorTally {
  readonly #by = new Map<string, Counts>();
  readonly #listener: UnitListener | undefined;
  /** Where the next units come from; the builder and the keyed measures keep it current. */
  readonly place: UnitPlace = { item: '', question: '', part: '' };

  constructor(listener?: UnitListener) {
    this.#listener = listener;
  }

  #of(annotator: string): Counts {
    let c = this.#by.get(annotator);
    if (!c) {
      c = { agreed: 0, pairs: 0, consensusAgreed: 0, consensusUnits: 0, units: 0 };
      this.#by.set(annotator, c);
    }
    return c;
  }

  /** An annotator who answered, so that everyone who took part is listed. */
  saw(annotator: string): void {
    this.#of(annotator);
  }

  /** One pairable unit: its answers and their counts per code. */
  addUnit(
    unit: readonly { annotator: string; code: number; unit?: string }[],
    counts: ReadonlyMap<number, number>,
  ): void {
    this.#listener?.addUnit(this.place, unit);
    const m = unit.length;
    for (const { annotator, code } of unit) {
      const c = this.#of(annotator);
      c.units++;
      c.pairs += m - 1;
      c.agreed += (counts.get(code) ?? 0) - 1;
      const majority = othersMajority(counts, code);
      if (majority === null) continue;
      c.consensusUnits++;
      if (majority === code) c.consensusAgreed++;
    }
  }

  result(): Record<string, AnnotatorAgreement> {
    const out: Record<string, AnnotatorAgreement> = {};
    for (const name of [...this.#by.keys()].sort()) {
      const c = this.#by.get(name) as Counts;
      out[name] = {
        withOthers: c.pairs === 0 ? null : c.agreed / c.pairs,
        pairs: c.pairs,
        withConsensus: c.consensusUnits === 0 ? null : c.consensusAgreed / c.consensusUnits,
        consensusUnits: c.consensusUnits,
        units: c.units,
      };
    }
    return out;
  }
}
