import { isMet, targetOf } from './targets.ts';

/**
 * The one output format of the bench: `bench <name> <value> <unit>`, one figure a line; a figure
 * with a target (bench/targets.ts) is followed by its verdict, a comment line.
 */
export type Unit =
  | 'items/s'
  | 'completions/s'
  | 'pairs/s'
  | 'us/pair'
  | 'rounds/s'
  | 'req/s'
  | 'ms'
  | 'MB'
  | 'kB'
  | 'count'
  | 'us/item'
  | 'ms/round'
  | 'ratio'
  | 'percent'
  | 'steps/s'
  | 'us/step'
  | 'hours';

export interface Figure {
  name: string;
  value: number;
  unit: Unit;
}

/** What a well-formed figure line looks like; the smoke test holds the output to it. */
export const FIGURE_LINE = /^bench [a-z0-9_]+(\.[a-z0-9_]+)+ -?\d+(\.\d+)? [A-Za-z/]+$/;

/** Whole numbers from 100 up, one decimal from 10, two below: enough to compare runs, no noise. */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

export const formatFigure = (f: Figure): string => `bench ${f.name} ${formatValue(f.value)} ${f.unit}`;

/** Prints each figure as soon as it is known, and keeps it for the closing summary table. */
export class Report {
  readonly figures: Figure[] = [];

  add(name: string, value: number, unit: Unit): void {
    const figure = { name, value, unit };
    this.figures.push(figure);
    process.stdout.write(`${formatFigure(figure)}\n`);
    const verdict = verdictOf(figure);
    if (verdict) this.note(`target ${name} ${formatValue(value)} ${verdict}`);
  }

  /** A line that is not a figure (a skipped store): a comment, so parsers of figures pass it by. */
  note(text: string): void {
    process.stdout.write(`# ${text}\n`);
  }

  markdownTable(): string {
    const rows = this.figures.map(
      (f) => `| \`${f.name}\` | ${formatValue(f.value)} | ${f.unit} | ${verdictOf(f) ?? ''} |`,
    );
    return ['| figure | value | unit | target |', '|---|---:|---|---|', ...rows].join('\n');
  }
}

/** `>= 0.8 met` (of the value as printed), or nothing for a figure without a target. */
function verdictOf(f: Figure): string | undefined {
  const t = targetOf(f.name);
  return t && `${t.op} ${t.bound} ${isMet(t, Number(formatValue(f.value))) ? 'met' : 'missed'}`;
}

/** Nearest-rank percentile of ascending `sorted`; p in [0, 100]. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const toMb = (bytes: number): number => bytes / (1024 * 1024);

/** Progress for the operator; stderr, so stdout stays figures only. */
export const progress = (text: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
};
