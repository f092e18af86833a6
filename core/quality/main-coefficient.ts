import type { CategoricalResult } from './categorical.ts';
import type { QuestionReport } from './report.ts';

/** A question's headline agreement: which coefficient, and its value (null where undefined). */
export interface MainCoefficient {
  /** E.g. "alpha nominal", "mean alpha over options", "span F1 overlap", "Kendall W". */
  name: string;
  value: number | null;
}

/** The alpha level a kind's scale calls for: ordinal where the kind has it, then interval, then nominal. */
const LEVELS = ['ordinal', 'interval', 'nominal'] as const;

function alphaOf(c: Partial<CategoricalResult>): { level: string; value: number | null } | undefined {
  const alpha = c.krippendorffAlpha ?? {};
  for (const level of LEVELS) if (level in alpha) return { level, value: alpha[level] ?? null };
  return undefined;
}

/** The mean of the parts' alphas that are defined; null when none is. */
function meanAlpha(parts: readonly Partial<CategoricalResult>[]): number | null {
  let sum = 0;
  let n = 0;
  for (const p of parts) {
    const v = alphaOf(p)?.value;
    if (v !== null && v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}

/**
 * The one coefficient a chart of agreement over time shows for a question (docs/quality.md,
 * Dashboards): Krippendorff's alpha at the kind's natural level (nominal for choice, ordinal for
 * ratings and the pairwise scale, interval for numbers); the mean alpha over options, criteria or
 * steps; the overlap span F1; Kendall's W. Undefined (free text) gives undefined.
 */
export function mainCoefficient(q: QuestionReport): MainCoefficient | undefined {
  if (q.spanF1) return { name: 'span F1 overlap', value: q.spanF1.overlap };
  if (q.kendallW !== undefined) return { name: 'Kendall W', value: q.kendallW };
  const own = alphaOf(q);
  if (own) return { name: `alpha ${own.level}`, value: own.value };
  const parts: [string, Partial<CategoricalResult>[] | undefined][] = [
    ['options', q.options && Object.values(q.options)],
    ['criteria', q.criteria && Object.values(q.criteria)],
    ['steps', q.steps],
  ];
  for (const [what, list] of parts)
    if (list !== undefined) return { name: `mean alpha over ${what}`, value: meanAlpha(list) };
  return undefined;
}
