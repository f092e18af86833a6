/**
 * A past time as people say it: "just now", "5 min ago", "3 h ago", "2 days ago", and the date
 * itself past a week. `at` is an ISO time or epoch milliseconds and `now` is passed in, so the
 * words are a pure function. With `seconds`, a time under a minute old is said in seconds past
 * the first five ("10 s ago"): for how fresh refreshed data is.
 */
export function ago(at: string | number, now: number, { seconds = false } = {}): string {
  const time = typeof at === 'number' ? at : Date.parse(at);
  const ms = Math.max(0, now - time);
  const s = Math.floor(ms / 1000);
  if (seconds && s >= 5 && s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  const days = Math.floor(h / 24);
  if (days < 7) return `${days} ${days === 1 ? 'day' : 'days'} ago`;
  return `on ${new Date(time).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}
