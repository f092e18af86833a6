/**
 * Bradley–Terry strengths for one item's candidates from pairwise comparisons, fitted with the
 * MM (Zermelo) iteration. A tie counts as half a win each way. Every candidate also plays
 * `prior` wins and `prior` losses against a fixed virtual opponent of strength 1, so a candidate
 * that never lost, never won or was never compared still gets a finite score (0 = the virtual
 * opponent; an uncompared candidate scores 0).
 */
export class WinTable {
  /** wins[i * n + j]: how often candidate i beat candidate j. */
  readonly wins: Float64Array;
  private readonly index: Map<string, number>;

  constructor(readonly candidates: readonly string[]) {
    this.index = new Map(candidates.map((c, i) => [c, i]));
    this.wins = new Float64Array(candidates.length * candidates.length);
  }

  /** Records `winner` over `loser`, or a tie (half a win each way); unknown ids are ignored. */
  compare(winner: string, loser: string, tie = false): void {
    const a = this.index.get(winner);
    const b = this.index.get(loser);
    if (a === undefined || b === undefined || a === b) return;
    const n = this.candidates.length;
    if (tie) {
      this.wins[a * n + b]! += 0.5;
      this.wins[b * n + a]! += 0.5;
    } else this.wins[a * n + b]! += 1;
  }

  /** A ranking best first, ids in one tier tied: every pair across tiers and within a tier. */
  ranking(order: readonly (readonly string[])[]): void {
    for (let t = 0; t < order.length; t++) {
      const tier = order[t] ?? [];
      for (let x = 0; x < tier.length; x++) {
        for (let y = x + 1; y < tier.length; y++) this.compare(tier[x]!, tier[y]!, true);
        for (let u = t + 1; u < order.length; u++)
          for (const lower of order[u]!) this.compare(tier[x]!, lower);
      }
    }
  }
}

export interface BradleyTerryOptions {
  /** Virtual wins and losses per candidate against an opponent of strength 1. */
  prior: number;
  tolerance: number;
  maxIterations: number;
}

export const BRADLEY_TERRY_DEFAULTS: BradleyTerryOptions = {
  prior: 0.5,
  tolerance: 1e-10,
  maxIterations: 10_000,
};

export interface BradleyTerryResult {
  /** Per candidate, the log strength (higher is better). */
  scores: Float64Array;
  /** Candidate indexes best first; equal scores share a tier. */
  order: number[][];
  /** The modelled probability that the first candidate beats the second (1 with one candidate). */
  confidence: number;
}

export function bradleyTerry(
  table: WinTable,
  options: Partial<BradleyTerryOptions> = {},
): BradleyTerryResult {
  const { prior, tolerance, maxIterations } = { ...BRADLEY_TERRY_DEFAULTS, ...options };
  const n = table.candidates.length;
  const { wins } = table;
  const p = new Float64Array(n).fill(1);
  const won = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    won[i] = prior;
    for (let j = 0; j < n; j++) won[i]! += wins[i * n + j]!;
  }
  const next = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let denominator = (2 * prior) / (p[i]! + 1);
      for (let j = 0; j < n; j++) {
        const games = wins[i * n + j]! + wins[j * n + i]!;
        if (games > 0) denominator += games / (p[i]! + p[j]!);
      }
      next[i] = denominator > 0 ? won[i]! / denominator : 1;
      moved = Math.max(moved, Math.abs(Math.log(next[i]! / p[i]!)));
    }
    p.set(next);
    if (moved < tolerance) break;
  }
  const scores = p.map(Math.log);
  const ranked = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b);
  const order: number[][] = [];
  for (const i of ranked) {
    const tier = order.at(-1);
    if (tier !== undefined && Math.abs(scores[tier[0]!]! - scores[i]!) < 1e-9) tier.push(i);
    else order.push([i]);
  }
  const confidence = n < 2 ? 1 : p[ranked[0]!]! / (p[ranked[0]!]! + p[ranked[1]!]!);
  return { scores, order, confidence };
}
