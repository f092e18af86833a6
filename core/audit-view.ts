/**
 * An audit entry's change as people read it (docs/audit.md): one line per changed key, `key:
 * before → after`, or `key: value` when there was no before. Shared by the web page and the CLI.
 */
export function changeLines(before: unknown, after: unknown): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  if ((before !== null && !isRecord(before)) || (after !== null && !isRecord(after)))
    return [`${JSON.stringify(before)} → ${JSON.stringify(after)}`];
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((k) => {
    const now = k in a ? JSON.stringify(a[k]) : '(removed)';
    return k in b ? `${k}: ${JSON.stringify(b[k])} → ${now}` : `${k}: ${now}`;
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
