import { argmaxRow, countVotes, type LabelConsensus, type Votes } from './votes.ts';

/**
 * Majority vote: per item the label with the most answers. A tie goes to the lowest label index
 * (the question's own order of options), and the confidence is the answer's share of the votes,
 * so a tie between k labels never exceeds 1/k. A gold item keeps its known label, confidence 1.
 */
export function majorityVote(v: Votes): LabelConsensus {
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
    const best = argmaxRow(counts, i, v.labels);
    if (best < 0) continue;
    let total = 0;
    for (let k = 0; k < v.labels; k++) total += counts[i * v.labels + k]!;
    answer[i] = best;
    confidence[i] = counts[i * v.labels + best]! / total;
  }
  return { answer, confidence };
}
