/** Display helpers shared by the console screens. */

export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** 65_000 -> "1 min 5 s"; active time, so hours are rare but possible. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A lock time, in minutes: the one unit the forms use for it (45 s is "0.75 min"). */
export function formatSeconds(seconds: number): string {
  return `${Math.round((seconds / 60) * 100) / 100} min`;
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;
