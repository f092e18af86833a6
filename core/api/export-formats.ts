/**
 * The export's formats (docs/exports.md): their names are a contract (the `format` parameter, the
 * CLI's `--format`), and each has a one-line description and the rule for which answers it takes,
 * shown by the web's export page and the CLI's help.
 */
export const EXPORT_FORMATS = [
  'jsonl',
  'sft',
  'preference',
  'preference-chat',
  'openai-preference',
  'kto',
  'grades',
  'csv',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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
  extension: 'jsonl' | 'csv';
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
};
