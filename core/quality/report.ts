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
  /** Segments: pairs matched one to one per label by temporal IoU ≥ the threshold. */
  segmentF1?: SegmentF1Figure & { iouThreshold: number; labels: Record<string, SegmentF1Figure> };
  /** Segments: Krippendorff's uα, the mean over items; `notComputed` says why it is absent. */
  unitizedAlpha?: {
    alpha: number | null;
    items: number;
    labels: Record<string, number | null>;
    notComputed?: string;
  };
  /** Segments with text: WER between annotators' transcripts, each in turn the reference. */
  transcriptWer?: { wer: number | null; words: number; pairs: number };
  /** Frames: of the pairs of labels given to the same frame, the share that agree. */
  frameAgreement?: { share: number | null; pairs: number; itemsTooLong?: number };
  /** Tracks: mean IoU of tracks matched between annotators, and IDF1. */
  trackAgreement?: {
    iouThreshold: number;
    meanIoU: number | null;
    matched: number;
    tracks: number;
    idf1: number | null;
    boxes: number;
  };
}

/** F1 of segments matched by IoU, the mean IoU of the matches, and the segments compared. */
export interface SegmentF1Figure {
  f1: number | null;
  meanIoU: number | null;
  segments: number;
}

export interface AnnotatorReport extends AnnotatorAgreement {
  kind?: 'model';
}

export interface AgreementReport {
  questions: Record<string, QuestionReport>;
  annotators: Record<string, AnnotatorReport>;
}
