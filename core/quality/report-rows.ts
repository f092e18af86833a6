import type { CategoricalResult } from './categorical.ts';
import type { QuestionReport } from './report.ts';

/** A coefficient with three decimals, or a dash where it is undefined. */
export const formatCoefficient = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : v.toFixed(3);

/** A gold accuracy as the tables show it (the judges report's, CLI and console). */
export interface AccuracyFigure {
  n: number;
  accuracy: number | null;
  interval: { low: number; high: number };
}

/** A gold accuracy with its count and Wilson interval, or a dash without a scored answer. */
export const formatAccuracy = (g: AccuracyFigure | undefined): string =>
  g && g.n > 0
    ? `${formatCoefficient(g.accuracy)} (n ${g.n}, ${g.interval.low.toFixed(2)}–${g.interval.high.toFixed(2)})`
    : '—';

/** One line of a question's table: what is measured, and its value in words. */
export type ReportRow = [label: string, value: string];

function coefficientRows(c: Partial<CategoricalResult>, prefix = ''): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const [level, v] of Object.entries(c.krippendorffAlpha ?? {}))
    rows.push([`${prefix}alpha ${level}`, formatCoefficient(v)]);
  if (c.fleissKappa !== undefined) rows.push([`${prefix}Fleiss kappa`, formatCoefficient(c.fleissKappa)]);
  for (const p of c.cohenKappa ?? []) {
    const ks = (['unweighted', 'linear', 'quadratic'] as const)
      .filter((w) => p[w] !== undefined)
      .map((w) => `${w} ${formatCoefficient(p[w])}`);
    rows.push([`${prefix}Cohen ${p.annotators[0]} × ${p.annotators[1]} (n ${p.n})`, ks.join(', ')]);
  }
  return rows;
}

/**
 * A question's report as rows for a table (the CLI's and the console's): its coefficients, then
 * those of each option, criterion or step, span F1 and rank correlation. Empty for kinds that are
 * listed but not measured (free text).
 */
export function questionRows(q: QuestionReport): ReportRow[] {
  const rows = coefficientRows(q);
  for (const [option, c] of Object.entries(q.options ?? {})) rows.push(...coefficientRows(c, `${option}: `));
  for (const [criterion, c] of Object.entries(q.criteria ?? {}))
    rows.push(...coefficientRows(c, `${criterion}: `));
  for (const s of q.steps ?? []) rows.push(...coefficientRows(s, `step ${s.step}: `));
  if (q.spanF1) {
    rows.push(['span F1 exact', formatCoefficient(q.spanF1.exact)]);
    rows.push(['span F1 overlap', formatCoefficient(q.spanF1.overlap)]);
    for (const [label, f] of Object.entries(q.spanF1.labels))
      rows.push([
        `${label}: span F1`,
        `exact ${formatCoefficient(f.exact)}, overlap ${formatCoefficient(f.overlap)}`,
      ]);
  }
  rows.push(...mediaRows(q));
  if (q.kendallTau !== undefined) rows.push(['Kendall tau (mean)', formatCoefficient(q.kendallTau)]);
  if (q.kendallW !== undefined) rows.push(['Kendall W (mean)', formatCoefficient(q.kendallW)]);
  return rows;
}

/** Segments, frames and tracks: their figures as rows. */
function mediaRows(q: QuestionReport): ReportRow[] {
  const rows: ReportRow[] = [];
  const s = q.segmentF1;
  if (s) {
    rows.push([`segment F1 (IoU ≥ ${s.iouThreshold})`, formatCoefficient(s.f1)]);
    rows.push(['segment mean IoU', formatCoefficient(s.meanIoU)]);
    for (const [label, f] of Object.entries(s.labels))
      rows.push([
        `${label || '(no label)'}: segment F1`,
        `${formatCoefficient(f.f1)}, IoU ${formatCoefficient(f.meanIoU)}`,
      ]);
  }
  const u = q.unitizedAlpha;
  if (u)
    rows.push([
      'alpha unitized (uα)',
      u.notComputed ? `not computed: ${u.notComputed}` : formatCoefficient(u.alpha),
    ]);
  if (q.transcriptWer) rows.push(['transcript WER', formatCoefficient(q.transcriptWer.wer)]);
  if (q.frameAgreement) rows.push(['frames agreeing', formatCoefficient(q.frameAgreement.share)]);
  const t = q.trackAgreement;
  if (t) {
    rows.push(['track IoU (matched)', formatCoefficient(t.meanIoU)]);
    rows.push([`track IDF1 (IoU ≥ ${t.iouThreshold})`, formatCoefficient(t.idf1)]);
  }
  return rows;
}
