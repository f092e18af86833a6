import { describe, expect, it } from 'vitest';
import { dawidSkene } from './dawid-skene.ts';
import { majorityVote } from './majority.ts';
import { accuracy, crowd, oneCoin, seeded } from './synthetic.ts';
import { type Votes, VoteTable } from './votes.ts';

// Three kinds of worker on 3 labels: good (85 %), spammers who always say 0, and ones who swap 1 and 2.
const kindOf = (w: number) => (w % 3 === 0 ? 'good' : w % 3 === 1 ? 'spam' : 'swap');
function answer(w: number, y: number, random: () => number): number {
  const kind = kindOf(w);
  if (kind === 'spam') return 0;
  if (kind === 'swap') return random() < 0.85 ? ([0, 2, 1][y] ?? y) : y;
  return oneCoin(0.85, 3, y, random);
}
const biased = crowd({ seed: 3, items: 2000, workers: 24, labels: 3, perItem: 6, answer });

describe('dawidSkene', () => {
  it('beats the majority vote and recovers each worker’s confusion matrix', () => {
    const mv = accuracy(majorityVote(biased.votes).answer, biased.truth);
    const r = dawidSkene(biased.votes);
    const ds = accuracy(r.answer, biased.truth);
    expect(ds).toBeGreaterThan(0.97);
    expect(ds).toBeGreaterThan(mv + 0.15);
    const cell = (w: number, t: number, g: number) => r.confusion[(w * 3 + t) * 3 + g];
    for (let w = 0; w < 24; w++) {
      if (kindOf(w) === 'good') expect(cell(w, 1, 1)).toBeGreaterThan(0.75);
      if (kindOf(w) === 'spam') for (let t = 0; t < 3; t++) expect(cell(w, t, 0)).toBeGreaterThan(0.95);
      if (kindOf(w) === 'swap') {
        expect(cell(w, 1, 2)).toBeGreaterThan(0.75);
        expect(cell(w, 2, 1)).toBeGreaterThan(0.75);
        expect(cell(w, 0, 0)).toBeGreaterThan(0.9);
      }
    }
    for (let k = 0; k < 3; k++) expect(r.prior[k]).toBeCloseTo(1 / 3, 1);
  });

  it('gives posteriors that sum to 1, the confidence being the answer’s', () => {
    const r = dawidSkene(biased.votes);
    for (let i = 0; i < 50; i++) {
      const row = r.posterior.subarray(i * 3, i * 3 + 3);
      expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
      expect(r.confidence[i]).toBe(row[r.answer[i]!]);
    }
  });

  it('holds gold answers fixed and learns the workers from them', () => {
    // Two workers agree on a wrong label everywhere; a third is right. Gold on half the items
    // shows the pair is wrong, so the unknown half follows the third worker.
    const t = new VoteTable(2);
    const gold = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      t.add(`i${i}`, 'a', 1);
      t.add(`i${i}`, 'b', 1);
      t.add(`i${i}`, 'c', 0);
      if (i < 10) gold.set(`i${i}`, 0);
    }
    const r = dawidSkene(t.votes(gold));
    expect([...r.answer]).toEqual(new Array(20).fill(0));
    expect(r.confidence[0]).toBe(1);
    expect(r.confidence[15]).toBeGreaterThan(0.9);
    expect(dawidSkene(t.votes()).answer[15]).toBe(1);
  });

  it('smooths unseen cells, so a label a worker never gave still has a small chance', () => {
    const t = new VoteTable(3);
    for (let i = 0; i < 5; i++) for (const w of ['a', 'b']) t.add(`i${i}`, w, 0);
    const r = dawidSkene(t.votes());
    for (const c of r.confusion) expect(c).toBeGreaterThan(0);
    expect(r.answer.every((a) => a === 0)).toBe(true);
  });

  it('counts repeated answers by one worker on one item', () => {
    const t = new VoteTable(2);
    for (let i = 0; i < 10; i++) {
      t.add(`i${i}`, 'a', 0);
      t.add(`i${i}`, 'b', 1);
    }
    t.add('i0', 'b', 1);
    const r = dawidSkene(t.votes());
    expect(r.answer[0]).toBe(1);
  });

  it('stops at the iteration cap or at convergence', () => {
    expect(dawidSkene(biased.votes, { maxIterations: 2 }).iterations).toBe(2);
    expect(dawidSkene(biased.votes).iterations).toBeLessThan(100);
  });

  it('runs 100,000 answers on 4 labels within the iteration cap in a few seconds at most, even on a loaded machine', () => {
    const random = seeded(5);
    const n = 100_000;
    const item = new Int32Array(n);
    const worker = new Int32Array(n);
    const label = new Int32Array(n);
    const truth = new Int32Array(20_000).map(() => Math.floor(random() * 4));
    for (let a = 0; a < n; a++) {
      item[a] = a % 20_000;
      worker[a] = Math.floor(random() * 500);
      label[a] = oneCoin(0.3 + (worker[a]! % 10) / 15, 4, truth[item[a]!]!, random);
    }
    const v: Votes = { items: 20_000, workers: 500, labels: 4, item, worker, label };
    const started = performance.now();
    const r = dawidSkene(v);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(accuracy(r.answer, truth)).toBeGreaterThan(accuracy(majorityVote(v).answer, truth));
  });
});
