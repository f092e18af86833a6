/**
 * The symmetric scale of a pairwise question, without zod: the web app imports this leaf on its
 * own so the annotator's bundle carries no schema library (pairwise.ts re-exports it).
 */

export const DEFAULT_PAIRWISE_LABELS = [
  'A much better',
  'A better',
  'A slightly better',
  'About the same',
  'B slightly better',
  'B better',
  'B much better',
];

/** The strongest preference on a scale of `scale` points: 1, 2 or 3. */
export const maxStrength = (scale: number) => (scale - 1) / 2;

/** The labels of a question's scale, A's strongest first. */
export function pairwiseLabels(q: { scale: number; labels?: readonly string[] | undefined }): string[] {
  if (q.labels) return [...q.labels];
  if (q.scale === 7) return DEFAULT_PAIRWISE_LABELS;
  const m = maxStrength(q.scale);
  const side = (s: 'A' | 'B', k: number) => (k === m ? `${s} much better` : `${s} better`);
  return [
    ...Array.from({ length: m }, (_, i) => side('A', m - i)),
    'About the same',
    ...Array.from({ length: m }, (_, i) => side('B', i + 1)),
  ];
}
