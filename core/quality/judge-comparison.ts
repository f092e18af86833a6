import { othersMajority, type UnitListener, type UnitPlace } from './annotator-tally.ts';
import { dawidSkene, VoteTable } from './consensus/index.ts';

/** How the people's consensus of a unit is formed for the comparison. */
export type ComparisonMethod = 'majority' | 'dawid-skene';

/** Agreement with the people's consensus over some units: `agreed` of `units`. */
export interface Agreement {
  agreed: number;
  units: number;
  /** agreed / units; null without a unit. */
  rate: number | null;
}

export interface QuestionComparison extends Agreement {
  /** Per option (multi-choice), criterion (rubric, pairwise criteria) or step (steps, by index). */
  parts?: Record<string, Agreement>;
}

export interface AnnotatorComparison {
  overall: Agreement;
  questions: Record<string, QuestionComparison>;
}

/** The votes of one question part: parallel lists, one entry per answer of a pairable unit. */
interface PartVotes {
  question: string;
  part: string;
  units: string[];
  annotators: string[];
  codes: number[];
}

/**
 * Each annotator's agreement with the consensus of the **people** (docs/quality.md, "The model
 * judge against the experts"), per question and per part, over the categorical units the agreement
 * report measures (choice, rating, pairwise and its criteria, multi-choice options, rubric
 * criteria, step verdicts). Listens to an AgreementBuilder fed every annotator, people and models.
 *
 * - A model judge is compared with the consensus of all the people who answered the unit.
 * - A person is compared with the consensus of the *other* people (leave-one-out), so one's own
 *   answer never makes the consensus one is measured against, as for the model.
 * - `majority`: the most frequent answer; a unit where the people tie is not counted.
 * - `dawid-skene`: Dawid–Skene over the people's answers of the part; a model gets the posterior's
 *   most likely value, a person the posterior with their own answer's likelihood divided out.
 */
export class JudgeComparison implements UnitListener {
  readonly #parts = new Map<string, PartVotes>();
  readonly #isPerson: (annotator: string) => boolean;

  constructor(isPerson: (annotator: string) => boolean) {
    this.#isPerson = isPerson;
  }

  addUnit(
    place: Readonly<UnitPlace>,
    unit: readonly { annotator: string; code: number; unit?: string }[],
  ): void {
    const key = `${place.question}\u0000${place.part}`;
    let votes = this.#parts.get(key);
    if (!votes) {
      votes = { question: place.question, part: place.part, units: [], annotators: [], codes: [] };
      this.#parts.set(key, votes);
    }
    for (const v of unit) {
      votes.units.push(`${place.item}\u0000${v.unit ?? ''}`);
      votes.annotators.push(v.annotator);
      votes.codes.push(v.code);
    }
  }

  result(method: ComparisonMethod): Record<string, AnnotatorComparison> {
    const tallies = new Map<string, Map<string, Map<string, { agreed: number; units: number }>>>();
    const count = (annotator: string, question: string, part: string, agreed: boolean) => {
      const byQuestion =
        tallies.get(annotator) ?? new Map<string, Map<string, { agreed: number; units: number }>>();
      tallies.set(annotator, byQuestion);
      const byPart = byQuestion.get(question) ?? new Map<string, { agreed: number; units: number }>();
      byQuestion.set(question, byPart);
      const c = byPart.get(part) ?? { agreed: 0, units: 0 };
      c.units++;
      if (agreed) c.agreed++;
      byPart.set(part, c);
    };
    for (const votes of this.#parts.values()) {
      const verdicts = method === 'majority' ? this.#majority(votes) : this.#dawidSkene(votes);
      verdicts.forEach((agreed, i) => {
        if (agreed !== null) count(votes.annotators[i] as string, votes.question, votes.part, agreed);
      });
    }
    const out: Record<string, AnnotatorComparison> = {};
    for (const annotator of [...tallies.keys()].sort()) {
      const questions: Record<string, QuestionComparison> = {};
      const all = { agreed: 0, units: 0 };
      for (const [question, byPart] of tallies.get(annotator) ?? []) {
        const sum = { agreed: 0, units: 0 };
        const parts: Record<string, Agreement> = {};
        for (const [part, c] of [...byPart].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
          sum.agreed += c.agreed;
          sum.units += c.units;
          if (part !== '') parts[part] = rated(c);
        }
        all.agreed += sum.agreed;
        all.units += sum.units;
        questions[question] = Object.keys(parts).length > 0 ? { ...rated(sum), parts } : rated(sum);
      }
      out[annotator] = { overall: rated(all), questions };
    }
    return out;
  }

  /** Per answer: agrees with the people's majority (leaving the answer's author out), or null when not counted. */
  #majority(votes: PartVotes): (boolean | null)[] {
    const byUnit = new Map<string, Map<number, number>>();
    votes.units.forEach((u, i) => {
      if (!this.#isPerson(votes.annotators[i] as string)) return;
      const counts = byUnit.get(u) ?? new Map<number, number>();
      const code = votes.codes[i] as number;
      counts.set(code, (counts.get(code) ?? 0) + 1);
      byUnit.set(u, counts);
    });
    return votes.units.map((u, i) => {
      const counts = byUnit.get(u);
      if (!counts) return null;
      const own = votes.codes[i] as number;
      const majority = othersMajority(
        counts,
        this.#isPerson(votes.annotators[i] as string) ? own : undefined,
      );
      return majority === null ? null : majority === own;
    });
  }

  /** Per answer: agrees with the people's Dawid–Skene answer (a person's own answer divided out). */
  #dawidSkene(votes: PartVotes): (boolean | null)[] {
    const labels = [...new Set(votes.codes)].sort((a, b) => a - b);
    const labelOf = new Map(labels.map((c, k) => [c, k]));
    const table = new VoteTable(labels.length);
    const people = new Map<string, number>();
    const perUnit = new Map<string, number>();
    votes.units.forEach((u, i) => {
      const annotator = votes.annotators[i] as string;
      if (!this.#isPerson(annotator)) return;
      table.add(u, annotator, labelOf.get(votes.codes[i] as number) as number);
      if (!people.has(annotator)) people.set(annotator, people.size);
      perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
    });
    if (people.size === 0) return votes.units.map(() => null);
    const fit = dawidSkene(table.votes());
    const K = labels.length;
    const index = new Map(table.itemNames().map((name, i) => [name, i]));
    return votes.units.map((u, i) => {
      const item = index.get(u);
      if (item === undefined) return null;
      const own = labelOf.get(votes.codes[i] as number) as number;
      const w = people.get(votes.annotators[i] as string);
      const p = Array.from({ length: K }, (_, k) => fit.posterior[item * K + k] as number);
      if (w !== undefined) {
        if ((perUnit.get(u) ?? 0) < 2) return null; // nobody else to form a consensus
        for (let k = 0; k < K; k++)
          p[k] = (p[k] as number) / (fit.confusion[(w * K + k) * K + own] as number);
      }
      let best = 0;
      let tied = false;
      for (let k = 1; k < K; k++) {
        const d = (p[k] as number) - (p[best] as number);
        if (d > 1e-12 * (p[best] as number)) {
          best = k;
          tied = false;
        } else if (Math.abs(d) <= 1e-12 * (p[best] as number)) tied = true;
      }
      return tied ? null : best === own;
    });
  }
}

const rated = (c: { agreed: number; units: number }): Agreement => ({
  agreed: c.agreed,
  units: c.units,
  rate: c.units === 0 ? null : c.agreed / c.units,
});
