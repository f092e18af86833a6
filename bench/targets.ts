/**
 * The bench's targets, as ratios to the floor measured in the same run on the same machine
 * (bench/floor-*.ts), so they hold on any machine: absolute rates move by 2–3× between machines
 * of one kind. The absolute targets of docs/benchmarks.md stay as a record of the machine where
 * they were met. Two targets are absolute, as their issues state them: the preference export's
 * pairs per second on SQLite (a floor for it would be the JSONL export's, which has its own
 * ratio), and the job system's steps per second (its floor is the endpoint, answering at once).
 */
export interface Target {
  /** The figure's name with `*` for any store, or one store's name. */
  figure: string;
  op: '>=' | '<=';
  bound: number;
}

export const TARGETS: readonly Target[] = [
  { figure: 'import.*.ratio_to_floor', op: '>=', bound: 0.8 },
  { figure: 'export.*.ratio_to_floor', op: '>=', bound: 0.8 },
  { figure: 'next.*.p99_ratio_to_floor', op: '<=', bound: 3 },
  // Issue 14: routing by skill keeps the next-item figures within 20 % of routing off.
  { figure: 'next_routed.*.p50_ratio_to_off', op: '<=', bound: 1.2 },
  { figure: 'next_routed.*.server_cpu_ratio_to_off', op: '<=', bound: 1.2 },
  { figure: 'export.sqlite.preference', op: '>=', bound: 100_000 },
  // As issue 12 states it: job steps against a loopback endpoint that answers at once.
  { figure: 'jobs.*.steps_per_s', op: '>=', bound: 500 },
  // Absolute, as issue 12 states them: the job system must not be what limits generation.
  { figure: 'generation.*.completions_per_s', op: '>=', bound: 500 },
  { figure: 'generation.*.progress_p99', op: '<=', bound: 1000 },
  // As issue 13 states it: the agreement report over 1,000,000 answers in under 2 s.
  { figure: 'metrics.*.ms', op: '<=', bound: 2000 },
  // As issue 15 states them: a 3-hour recording's player opens in under 2 s, in under 100 MB of JS heap.
  { figure: 'browser.audio_3h.open_ms', op: '<=', bound: 2000 },
  { figure: 'browser.audio_3h.heap_mb', op: '<=', bound: 100 },
  // Issue 15 names no figure for a 10-minute video; we hold it to the recording's bounds.
  { figure: 'browser.video_10min.open_ms', op: '<=', bound: 2000 },
  { figure: 'browser.video_10min.heap_mb', op: '<=', bound: 100 },
  // Issue 13: Dawid–Skene reaches the paper's figure (Zheng et al. 2017, Table 6; the crowd
  // datasets' README) where it gives one; adult's is an artefact of unanswered tasks, so none.
  { figure: 'consensus.product.dawid_skene_accuracy', op: '>=', bound: 93.66 },
  { figure: 'consensus.possent.dawid_skene_accuracy', op: '>=', bound: 96.0 },
  { figure: 'consensus.rel.dawid_skene_accuracy', op: '>=', bound: 61.3 },
];

export const targetOf = (name: string): Target | undefined =>
  TARGETS.find((t) => {
    const [part, store, last] = t.figure.split('.');
    const parts = name.split('.');
    return (
      parts.length === 3 && parts[0] === part && (store === '*' || parts[1] === store) && parts[2] === last
    );
  });

export const isMet = (t: Target, value: number): boolean =>
  t.op === '>=' ? value >= t.bound : value <= t.bound;

/** `# target import.sqlite.ratio_to_floor 0.93 >= 0.8 met`: a comment line, so figure parsers pass it by. */
export const VERDICT_LINE = /^# target [a-z0-9_.]+ -?\d+(\.\d+)? (>=|<=) \d+(\.\d+)? (met|missed)$/;
