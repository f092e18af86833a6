import type { AnnotatorAgreement } from './annotator-tally.ts';
import type { CategoricalResult } from './categorical.ts';
import type { SpanF1 } from './span-f1.ts';

/**
 * The agreement report of a project (docs/quality.md): per question only the
 * coefficients its kind admits; the zod contract of the same shape is core/api/quality.ts.
 */
export interface QuestionReport extends Partial<CategoricalResult> {
  type: string;
  /** Answers counted. */
  n: number;
  /** Ranking: pairs of annotators compared within items; spans: pairs with at least one span. */
  pairs?: number;
  /** Multi-choice: each option as a yes/no question. */
  options?: Record<string, CategoricalResult>;
  /** Rubric: each criterion; pairwise: each criterion's preference. */
  criteria?: Record<string, CategoricalResult>;
  /** Steps: each step by its index (0 first). */
  steps?: (CategoricalResult & { step: number })[];
  spanF1?: SpanF1 & { labels: Record<string, SpanF1> };
  kendallTau?: number | null;
  kendallW?: number | null;
}

export interface AnnotatorReport extends AnnotatorAgreement {
  kind?: 'model';
}

export interface AgreementReport {
  questions: Record<string, QuestionReport>;
  annotators: Record<string, AnnotatorReport>;
}
