import type { Votes } from './votes.ts';

/** A seeded generator (mulberry32): the same seed gives the same numbers. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Crowd {
  votes: Votes;
  truth: Int32Array;
}

/**
 * A generated crowd with known truth: each item's label uniform over `labels`; each item answered
 * by `perItem` distinct workers drawn at random; worker w answers with `answer(w, truth, random)`.
 */
export function crowd(options: {
  seed: number;
  items: number;
  workers: number;
  labels: number;
  perItem: number;
  answer: (worker: number, truth: number, random: () => number) => number;
}): Crowd {
  const random = seeded(options.seed);
  const truth = new Int32Array(options.items);
  const item: number[] = [];
  const worker: number[] = [];
  const label: number[] = [];
  for (let i = 0; i < options.items; i++) {
    truth[i] = Math.floor(random() * options.labels);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(options.perItem, options.workers))
      chosen.add(Math.floor(random() * options.workers));
    for (const w of chosen) {
      item.push(i);
      worker.push(w);
      label.push(options.answer(w, truth[i]!, random));
    }
  }
  const votes: Votes = {
    items: options.items,
    workers: options.workers,
    labels: options.labels,
    item: Int32Array.from(item),
    worker: Int32Array.from(worker),
    label: Int32Array.from(label),
  };
  return { votes, truth };
}

/** A worker right with probability `p`, otherwise another label uniformly at random. */
export function oneCoin(p: number, labels: number, truth: number, random: () => number): number {
  if (random() < p) return truth;
  const other = Math.floor(random() * (labels - 1));
  return other >= truth ? other + 1 : other;
}

export function accuracy(answer: Int32Array, truth: Int32Array): number {
  let right = 0;
  for (let i = 0; i < truth.length; i++) if (answer[i] === truth[i]) right += 1;
  return right / truth.length;
}
