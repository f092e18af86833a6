import type { ExportFormat, ZipFormat } from '../api/export-formats.ts';
import type { ConsensusAnswer, ConsensusMethod } from '../quality/consensus/index.ts';

/**
 * What an export's transformer reads of one item: the JSONL export's line (docs/data-model.md,
 * "Export (JSONL)") as parsed, keeping the parts the other formats use.
 */

export interface ExportedAnnotation {
  id: number;
  /** The annotator's email, or name for accounts without one. */
  annotator: string;
  status: 'submitted' | 'draft';
  /** The stored answers: answered questions only, by question name. */
  answers: Record<string, unknown>;
  /** ISO 8601, or null for a draft. */
  submittedAt: string | null;
}

export interface ExportedItem {
  id: number;
  externalId: string | null;
  /** The item's data as the JSON text it is stored as (ItemView finds fields in it). */
  dataJson: string;
  annotations: readonly ExportedAnnotation[];
  /** Read with `consensus` only (agreed.ts): the item's adjudicated final answers, once decided. */
  final?: Record<string, unknown> | undefined;
  /** Read with `consensus` only: the item's gold answers, on a gold item. */
  gold?: Record<string, unknown> | undefined;
  /**
   * Read by the media formats only (media-answers.ts): each media field's probed facts, by field
   * name; a field without a media row is absent.
   */
  media?: Readonly<Record<string, ExportedMediaFacts>> | undefined;
}

/** What the media formats read of a media field's file: its probed facts (docs/media.md, "Probing"). */
export interface ExportedMediaFacts {
  durationSeconds: number | null;
  /** An exact rational, `30000/1001` (core/media/frame-rate.ts). */
  frameRate: string | null;
  width: number | null;
  height: number | null;
}

/** The export formats other than JSONL (which the stores write themselves) and the ZIP archives. */
export type TransformedFormat = Exclude<ExportFormat, 'jsonl' | ZipFormat>;

export interface TransformOptions {
  /** Rankings: every ordered pair across tiers (`all`) or neighbouring tiers only (`adjacent`). */
  pairs: 'all' | 'adjacent';
  /** kto: the normalised score (0..1) from which an example is labelled desirable. */
  threshold: number;
  /**
   * sft and the preference formats: one answer per item and question, agreed among its
   * annotators (agreed.ts), instead of each annotator's lines.
   */
  consensus?: ExportConsensus | undefined;
  /** The media formats: the server's origin, which makes media URLs absolute (none: paths). */
  origin?: string | undefined;
  /** nemo: a manifest line per segment (default) or per media file. */
  nemoPer?: 'segment' | 'file' | undefined;
}

/** The consensus an export with `consensus` takes its answers from (computed before it streams). */
export interface ExportConsensus {
  /** The method asked for; pairwise and ranking questions take Bradley–Terry whatever it is. */
  method: ConsensusMethod;
  /** An item's consensus per question name, from the project's kernels (docs/quality.md). */
  of(itemId: number): Readonly<Record<string, ConsensusAnswer>> | undefined;
}

export const DEFAULT_TRANSFORM_OPTIONS: TransformOptions = { pairs: 'all', threshold: 0.5 };

/** Writes a project's items in one format, an item at a time. */
export interface ItemTransformer {
  /** Text before the first item's lines (CSV's header row); empty for JSON lines. */
  readonly header: string;
  /** Whether drafts are left out (the training formats) or kept (csv, as the filters say). */
  readonly submittedOnly: boolean;
  /** Hands each of the item's lines, ending with its line break, to `emit`. */
  item(item: ExportedItem, emit: (line: string) => void): void;
}

/** Writes a project's items as the files of an archive (the ZIP formats), an item at a time. */
export interface ItemFiles {
  /** Drafts are left out: every ZIP format is made from submitted answers. */
  readonly submittedOnly: true;
  /** Hands each of the item's files to `put`: its path in the archive and its text. */
  item(item: ExportedItem, put: (name: string, text: string) => void): void;
}
