/**
 * The export's formats (docs/exports.md): their names are a contract (the `format` parameter, the
 * CLI's `--format`), and each has a one-line description and the rule for which answers it takes,
 * shown by the web's export page and the CLI's help.
 */

/** Formats made from the answers over audio and video (segments, frames, tracks), which read media facts. */
export const MEDIA_FORMATS = [
  'segments',
  'webvtt',
  'srt',
  'rttm',
  'nemo',
  'video-segments',
  'tracks-csv',
  'mot',
] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

export const EXPORT_FORMATS = [
  'jsonl',
  'sft',
  'preference',
  'preference-chat',
  'openai-preference',
  'kto',
  'grades',
  'csv',
  ...MEDIA_FORMATS,
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats written as a ZIP archive of files (one per item, annotation and question). */
export const ZIP_FORMATS = ['webvtt', 'srt', 'mot'] as const satisfies readonly ExportFormat[];
export type ZipFormat = (typeof ZIP_FORMATS)[number];
export const isZipFormat = (f: ExportFormat): f is ZipFormat =>
  (ZIP_FORMATS as readonly string[]).includes(f);

export const isMediaFormat = (f: ExportFormat): f is MediaFormat =>
  (MEDIA_FORMATS as readonly string[]).includes(f);

/** Formats that take rankings apart into pairs, and so take `pairs`. */
export const PAIR_FORMATS: readonly ExportFormat[] = ['preference', 'preference-chat', 'openai-preference'];

/** Formats that can be made from the consensus (`consensus`; docs/exports.md, "From the consensus"). */
export const CONSENSUS_FORMATS: readonly ExportFormat[] = ['jsonl', 'sft', ...PAIR_FORMATS];

export interface ExportFormatInfo {
  /** What a line is. */
  description: string;
  /** Which answers make lines. */
  rule: string;
  /** The file's extension. */
  extension: 'jsonl' | 'csv' | 'zip' | 'rttm';
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  jsonl: {
    description:
      'One JSON line per item with all its annotations and skips; every question, null when unanswered.',
    rule: 'Every annotation, drafts included unless you leave them out.',
    extension: 'jsonl',
  },
  sft: {
    description: 'Fine-tuning conversations: {"messages": [...]}, the last message the ideal answer.',
    rule: 'Each submitted rewrite, and each rewritten turn of a turns question.',
    extension: 'jsonl',
  },
  preference: {
    description: 'Preference pairs as text: {"prompt", "chosen", "rejected", "margin", …} (TRL).',
    rule: 'Each submitted pairwise answer that prefers one (ties left out) and the pairs of each ranking.',
    extension: 'jsonl',
  },
  'preference-chat': {
    description:
      'Preference pairs as messages: the prompt a conversation, chosen and rejected assistant turns (TRL).',
    rule: 'As preference: submitted pairwise answers without ties, and the pairs of each ranking.',
    extension: 'jsonl',
  },
  'openai-preference': {
    description: 'OpenAI DPO fine-tuning lines: {"input", "preferred_output", "non_preferred_output"} only.',
    rule: 'As preference: submitted pairwise answers without ties, and the pairs of each ranking.',
    extension: 'jsonl',
  },
  kto: {
    description: 'Unpaired examples: {"prompt", "completion", "label"}, label true when rated good enough.',
    rule: 'Each submitted rubric grade and rated turn; label: normalised score at least the threshold.',
    extension: 'jsonl',
  },
  grades: {
    description: 'Rubric scores per criterion and step verdicts per step, one line per graded answer.',
    rule: 'Each submitted rubric and steps answer, one line per candidate graded.',
    extension: 'jsonl',
  },
  csv: {
    description: 'A spreadsheet: one row per annotation, one column per question.',
    rule: 'Every annotation, drafts included unless you leave them out.',
    extension: 'csv',
  },
  segments: {
    description:
      'One JSON line per segment: seconds, duration, label, text, speaker, the media URL; frames too over video.',
    rule: 'Each segment of each submitted segments answer over an audio or video field.',
    extension: 'jsonl',
  },
  webvtt: {
    description:
      'WebVTT subtitles, a .vtt file per item, annotator and question (a ZIP): cues in start order, speakers as voices.',
    rule: 'Each submitted segments answer; a cue is its text, or its label when it has none.',
    extension: 'zip',
  },
  srt: {
    description:
      'SubRip subtitles, a .srt file per item, annotator and question (a ZIP); speakers as "Name: ".',
    rule: 'As webvtt: each submitted segments answer.',
    extension: 'zip',
  },
  rttm: {
    description: 'Speaker turns (diarization) as RTTM: a SPEAKER line per segment, one file for the project.',
    rule: 'Each segment with a speaker of each submitted segments answer.',
    extension: 'rttm',
  },
  nemo: {
    description:
      'A NeMo ASR manifest: {"audio_filepath", "duration", "text"} per segment (with "offset") or per file.',
    rule: 'Each segment with text of each submitted segments answer (per file: their texts joined in time order).',
    extension: 'jsonl',
  },
  'video-segments': {
    description: 'One JSON line per video segment and per run of a frame label: seconds and frame numbers.',
    rule: 'Submitted segments answers over a video field and frames answers.',
    extension: 'jsonl',
  },
  'tracks-csv': {
    description: 'One CSV row per frame where a track is present: its box, interpolated rows marked.',
    rule: 'Each track of each submitted tracks answer.',
    extension: 'csv',
  },
  mot: {
    description:
      'MOTChallenge ground truth, a ZIP with <sequence>/gt/gt.txt (1-based frames, numbered tracks) and labels.txt.',
    rule: 'Each submitted tracks answer, one sequence per item, annotator and question.',
    extension: 'zip',
  },
};
