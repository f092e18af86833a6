/**
 * Word error rate: the word-level Levenshtein distance (substitutions + deletions + insertions)
 * from a reference to a hypothesis, over the number of reference words. Both texts are first
 * normalised the same way (`transcriptWords`): Unicode NFC, lower case, punctuation removed
 * (every character of Unicode category P, so "don't" becomes "dont"), split on white space.
 */

/** The words of a text after normalisation. */
export function transcriptWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\p{P}+/gu, '')
    .split(/\s+/u)
    .filter((w) => w !== '');
}

/** The transcript of a segments answer: its regions' texts in time order (start, then end), one after another. */
export function segmentsTranscript(
  segments: readonly { start: number; end: number; text?: string | undefined }[],
): string[] {
  return [...segments]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .flatMap((s) => (typeof s.text === 'string' ? transcriptWords(s.text) : []));
}

/** Word-level edit distance (S + D + I), in O(|a|·|b|) time and O(|b|) memory. */
export function wordEditDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/**
 * WER of `hypothesis` against `reference` (word lists). An empty reference gives 0 when the
 * hypothesis is empty too, else null (every word inserted, over no words: undefined).
 */
export function wordErrorRate(reference: readonly string[], hypothesis: readonly string[]): number | null {
  if (reference.length === 0) return hypothesis.length === 0 ? 0 : null;
  return wordEditDistance(reference, hypothesis) / reference.length;
}
