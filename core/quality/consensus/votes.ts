/**
 * Categorical answers to one question as parallel typed arrays: answer `a` is worker `worker[a]`'s
 * label `label[a]` on item `item[a]`. Items, workers and labels are dense indexes from 0; the
 * caller keeps the names. A worker may answer an item more than once: each answer counts.
 */
export interface Votes {
  items: number;
  workers: number;
  labels: number;
  item: Int32Array;
  worker: Int32Array;
  label: Int32Array;
  /** Per item the known (gold) label, or -1; absent when no item has one. */
  gold?: Int32Array;
}

/** Per item: the consensus label (-1 for an item without answers) and its confidence (0..1). */
export interface LabelConsensus {
  answer: Int32Array;
  confidence: Float64Array;
}

/** Builds Votes from named triples, indexing items and workers in first-seen order. */
export class VoteTable {
  private readonly itemIndex = new Map<string, number>();
  private readonly workerIndex = new Map<string, number>();
  private readonly items: number[] = [];
  private readonly workers: number[] = [];
  private readonly labelsOf: number[] = [];

  constructor(readonly labels: number) {}

  /** The item's index, adding it when new (an item may be added without answers). */
  itemId(name: string): number {
    return indexOf(this.itemIndex, name);
  }

  add(item: string, worker: string, label: number): void {
    if (!Number.isInteger(label) || label < 0 || label >= this.labels)
      throw new RangeError(`label ${label} is outside 0..${this.labels - 1}`);
    this.items.push(this.itemId(item));
    this.workers.push(indexOf(this.workerIndex, worker));
    this.labelsOf.push(label);
  }

  /** The item names by index. */
  itemNames(): string[] {
    return [...this.itemIndex.keys()];
  }

  votes(gold?: ReadonlyMap<string, number>): Votes {
    const votes: Votes = {
      items: this.itemIndex.size,
      workers: this.workerIndex.size,
      labels: this.labels,
      item: Int32Array.from(this.items),
      worker: Int32Array.from(this.workers),
      label: Int32Array.from(this.labelsOf),
    };
    if (gold !== undefined && gold.size > 0) {
      const known = new Int32Array(votes.items).fill(-1);
      for (const [name, label] of gold) {
        const i = this.itemIndex.get(name);
        if (i !== undefined && label >= 0 && label < this.labels) known[i] = label;
      }
      votes.gold = known;
    }
    return votes;
  }
}

function indexOf(index: Map<string, number>, name: string): number {
  let i = index.get(name);
  if (i === undefined) {
    i = index.size;
    index.set(name, i);
  }
  return i;
}

/** Per item and label, the number of answers (items × labels, row-major). */
export function countVotes(v: Votes): Float64Array {
  const counts = new Float64Array(v.items * v.labels);
  for (let a = 0; a < v.item.length; a++) counts[v.item[a]! * v.labels + v.label[a]!]! += 1;
  return counts;
}

/** The first label with the highest value in row `i` of a row-major table, or -1 when all are 0. */
export function argmaxRow(table: Float64Array, i: number, labels: number): number {
  let best = -1;
  let top = 0;
  for (let k = 0; k < labels; k++) {
    const x = table[i * labels + k]!;
    if (x > top) {
      top = x;
      best = k;
    }
  }
  return best;
}
