import { countVotes, type LabelConsensus, type Votes } from './votes.ts';

/** Accuracy estimates are Laplace-smoothed: (agreements + 1) / (answers + 2). */
const smoothed = (agree: number, n: number) => (agree + 1) / (n + 2);

/**
 * Each worker's accuracy. From gold when the worker answered gold items (share of them right);
 * otherwise from agreement with the leave-one-out majority: on each answered item, the majority of
 * the other workers' answers (a tie among k labels gives 1/k credit to each of them).
 */
export function workerAccuracy(v: Votes): Float64Array {
  const agree = new Float64Array(v.workers);
  const seen = new Float64Array(v.workers);
  const goldAgree = new Float64Array(v.workers);
  const goldSeen = new Float64Array(v.workers);
  const counts = countVotes(v);
  const K = v.labels;
  // A worker's own answers on an item, to take out of the item's counts.
  const own = new Map<number, Float64Array>();
  for (let a = 0; a < v.item.length; a++) {
    const key = v.item[a]! * v.workers + v.worker[a]!;
    let row = own.get(key);
    if (row === undefined) {
      row = new Float64Array(K);
      own.set(key, row);
    }
    row[v.label[a]!]! += 1;
  }
  for (let a = 0; a < v.item.length; a++) {
    const i = v.item[a]!;
    const w = v.worker[a]!;
    const l = v.label[a]!;
    const g = v.gold?.[i] ?? -1;
    if (g >= 0) {
      goldSeen[w]! += 1;
      if (l === g) goldAgree[w]! += 1;
    }
    const mine = own.get(i * v.workers + w) as Float64Array;
    let top = 0;
    let tied = 0;
    for (let k = 0; k < K; k++) {
      const others = counts[i * K + k]! - mine[k]!;
      if (others > top) {
        top = others;
        tied = 1;
      } else if (others === top && others > 0) tied += 1;
    }
    if (top === 0) continue;
    seen[w]! += 1;
    if (counts[i * K + l]! - mine[l]! === top) agree[w]! += 1 / tied;
  }
  const accuracy = new Float64Array(v.workers);
  for (let w = 0; w < v.workers; w++)
    accuracy[w] = goldSeen[w]! > 0 ? smoothed(goldAgree[w]!, goldSeen[w]!) : smoothed(agree[w]!, seen[w]!);
  return accuracy;
}

/**
 * Accuracy-weighted vote: each answer counts with its worker's log-odds weight
 * log((K-1)·p / (1-p)), never below 0 (a worker no better than chance has no say). The confidence
 * is the answer's posterior under that model (a softmax of the weighted scores); ties in score go
 * to the label with more answers, then to the lowest label index. Gold items keep their label.
 */
export function weightedVote(v: Votes): LabelConsensus {
  const K = v.labels;
  const accuracy = workerAccuracy(v);
  const weight = new Float64Array(v.workers);
  for (let w = 0; w < v.workers; w++) {
    const p = accuracy[w]!;
    weight[w] = K > 1 ? Math.max(0, Math.log(((K - 1) * p) / (1 - p))) : 1;
  }
  const score = new Float64Array(v.items * K);
  for (let a = 0; a < v.item.length; a++) score[v.item[a]! * K + v.label[a]!]! += weight[v.worker[a]!]!;
  const counts = countVotes(v);
  const answer = new Int32Array(v.items).fill(-1);
  const confidence = new Float64Array(v.items);
  for (let i = 0; i < v.items; i++) {
    const g = v.gold?.[i] ?? -1;
    if (g >= 0) {
      answer[i] = g;
      confidence[i] = 1;
      continue;
    }
    let best = -1;
    let total = 0;
    for (let k = 0; k < K; k++) {
      const c = counts[i * K + k]!;
      total += c;
      if (c === 0) continue;
      const s = score[i * K + k]!;
      if (best < 0 || s > score[i * K + best]! || (s === score[i * K + best]! && c > counts[i * K + best]!))
        best = k;
    }
    if (total === 0) continue;
    let z = 0;
    for (let k = 0; k < K; k++) z += Math.exp(score[i * K + k]! - score[i * K + best]!);
    answer[i] = best;
    confidence[i] = 1 / z;
  }
  return { answer, confidence };
}
