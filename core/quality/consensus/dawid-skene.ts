import { countVotes, type LabelConsensus, type Votes } from './votes.ts';

export interface DawidSkeneOptions {
  /** Added to every cell of each worker's confusion counts and to the class counts. */
  smoothing: number;
  /** Stops when no item's posterior moves by more than this in an iteration. */
  tolerance: number;
  maxIterations: number;
}

export const DAWID_SKENE_DEFAULTS: DawidSkeneOptions = {
  smoothing: 0.01,
  tolerance: 1e-4,
  maxIterations: 100,
};

export interface DawidSkeneResult extends LabelConsensus {
  /** Per item and label, the posterior (items × labels, row-major). */
  posterior: Float64Array;
  /** Per worker, true label and given label: P(given | true) (workers × labels × labels). */
  confusion: Float64Array;
  /** The class prior P(true label). */
  prior: Float64Array;
  iterations: number;
}

/**
 * Dawid and Skene's (1979) EM: each worker has a confusion matrix, each item a posterior over the
 * true label. Starts from the majority vote (its answer, or the labels tied for it sharing
 * equally); an item with a gold label keeps it (a one-hot posterior that still trains the
 * workers' matrices). Every answer counts, repeats included.
 * The answer is the posterior's argmax (lowest label index on a tie), the confidence its posterior.
 */
export function dawidSkene(v: Votes, options: Partial<DawidSkeneOptions> = {}): DawidSkeneResult {
  const { smoothing, tolerance, maxIterations } = { ...DAWID_SKENE_DEFAULTS, ...options };
  const K = v.labels;
  const n = v.item.length;
  const posterior = countVotes(v);
  const answered = new Uint8Array(v.items);
  for (let a = 0; a < n; a++) answered[v.item[a]!] = 1;
  const gold = v.gold ?? new Int32Array(v.items).fill(-1);
  for (let i = 0; i < v.items; i++) {
    if (gold[i]! >= 0) oneHot(posterior, i, K, gold[i]!);
    else if (answered[i]) majorityStart(posterior, i * K, K);
  }
  const counts = new Float64Array(v.workers * K * K);
  const confusion = new Float64Array(v.workers * K * K);
  const logConfusion = new Float64Array(v.workers * K * K);
  const prior = new Float64Array(K);
  const logPrior = new Float64Array(K);
  const next = new Float64Array(v.items * K);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations += 1;
    // M-step: confusion matrices and class prior from the current posteriors.
    counts.fill(smoothing);
    for (let a = 0; a < n; a++) {
      const base = (v.worker[a]! * K + v.label[a]!) * K;
      const row = v.item[a]! * K;
      for (let k = 0; k < K; k++) counts[base + k]! += posterior[row + k]!;
    }
    // counts are kept [worker][given][true] so the loops over answers run on adjacent cells.
    for (let w = 0; w < v.workers; w++)
      for (let k = 0; k < K; k++) {
        let sum = 0;
        for (let l = 0; l < K; l++) sum += counts[(w * K + l) * K + k]!;
        for (let l = 0; l < K; l++) {
          const p = counts[(w * K + l) * K + k]! / sum;
          confusion[(w * K + k) * K + l] = p;
          logConfusion[(w * K + l) * K + k] = Math.log(p);
        }
      }
    prior.fill(smoothing);
    for (let i = 0; i < v.items; i++)
      if (answered[i] || gold[i]! >= 0) for (let k = 0; k < K; k++) prior[k]! += posterior[i * K + k]!;
    normalise(prior, 0, K);
    for (let k = 0; k < K; k++) logPrior[k] = Math.log(prior[k]!);
    // E-step: each item's log posterior, a sum over its answers.
    for (let i = 0; i < v.items; i++) for (let k = 0; k < K; k++) next[i * K + k] = logPrior[k]!;
    for (let a = 0; a < n; a++) {
      const base = (v.worker[a]! * K + v.label[a]!) * K;
      const row = v.item[a]! * K;
      for (let k = 0; k < K; k++) next[row + k]! += logConfusion[base + k]!;
    }
    let moved = 0;
    for (let i = 0; i < v.items; i++) {
      if (gold[i]! >= 0) continue;
      if (!answered[i]) {
        for (let k = 0; k < K; k++) posterior[i * K + k] = prior[k]!;
        continue;
      }
      softmaxInto(next, i * K, K);
      for (let k = 0; k < K; k++) {
        const d = Math.abs(next[i * K + k]! - posterior[i * K + k]!);
        if (d > moved) moved = d;
        posterior[i * K + k] = next[i * K + k]!;
      }
    }
    if (moved < tolerance) break;
  }
  const answer = new Int32Array(v.items).fill(-1);
  const confidence = new Float64Array(v.items);
  for (let i = 0; i < v.items; i++) {
    if (!answered[i] && gold[i]! < 0) continue;
    let best = 0;
    for (let k = 1; k < K; k++) if (posterior[i * K + k]! > posterior[i * K + best]!) best = k;
    answer[i] = best;
    confidence[i] = posterior[i * K + best]!;
  }
  return { answer, confidence, posterior, confusion, prior, iterations };
}

/** The majority's answer as the starting posterior; labels tied for the most answers share it. */
function majorityStart(table: Float64Array, from: number, K: number): void {
  let top = 0;
  for (let k = 0; k < K; k++) top = Math.max(top, table[from + k]!);
  for (let k = 0; k < K; k++) table[from + k] = table[from + k] === top ? 1 : 0;
  normalise(table, from, K);
}

function oneHot(table: Float64Array, i: number, K: number, label: number): void {
  table.fill(0, i * K, i * K + K);
  table[i * K + label] = 1;
}

function normalise(table: Float64Array, from: number, K: number): void {
  let sum = 0;
  for (let k = 0; k < K; k++) sum += table[from + k]!;
  if (sum > 0) for (let k = 0; k < K; k++) table[from + k]! /= sum;
}

/** Log values in place → probabilities. */
function softmaxInto(table: Float64Array, from: number, K: number): void {
  let top = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) top = Math.max(top, table[from + k]!);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp(table[from + k]! - top);
    table[from + k] = e;
    sum += e;
  }
  for (let k = 0; k < K; k++) table[from + k]! /= sum;
}
