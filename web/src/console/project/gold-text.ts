/** A share in [0, 1] as a percentage with one decimal: 0.755 → "75.5 %". */
export const percent = (x: number): string => `${Math.round(x * 1000) / 10} %`;

/** An accuracy with its count and 95 % interval, e.g. "75 % (30.1 %–95.4 %, n 4)"; "—" when none is scored. */
export function accuracyText(a: {
  n: number;
  accuracy: number | null;
  interval: { low: number; high: number };
}): string {
  if (a.accuracy === null) return '—';
  return `${percent(a.accuracy)} (${percent(a.interval.low)}–${percent(a.interval.high)}, n ${a.n})`;
}
