/**
 * A past time as people say it: "just now", "5 min ago", "3 h ago", "2 days ago", and the date
 * itself past a week. `now` is passed in (epoch milliseconds), so the words are a pure function.
 */
export function ago(iso: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(iso));
  const min = Math.floor(ms / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  const days = Math.floor(h / 24);
  if (days < 7) return `${days} ${days === 1 ? 'day' : 'days'} ago`;
  return `on ${new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}
