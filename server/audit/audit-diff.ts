/**
 * What an entry keeps of a change (docs/audit.md): the keys whose values differ, before and after,
 * long text clipped. Pure.
 */

/** Text longer than this is kept as its opening and its length (guidelines can be a megabyte). */
const CLIP = 500;

export function clipped(value: unknown): unknown {
  if (typeof value !== 'string' || value.length <= CLIP) return value;
  return `${value.slice(0, CLIP)}… (${value.length} characters)`;
}

/** The keys of `before` and `after` whose values differ (compared as JSON), or null if none. */
export function changedValues(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
    b[key] = clipped(before[key] ?? null);
    a[key] = clipped(after[key] ?? null);
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}

/** Columns of a projects row that are not settings: who and when, and the interface (its own action). */
// itemSkills: a flag the store keeps (whether any item asks for skills of its own), set by
// imports, never by a person.
const NOT_SETTINGS = new Set([
  'id',
  'interface',
  'interfaceVersion',
  'createdBy',
  'createdAt',
  'updatedAt',
  'itemSkills',
]);

/**
 * A project's settings as the row holds them, by column: every column but NOT_SETTINGS, so a
 * setting a later migration adds is recorded without touching this; JSON text columns (gold,
 * adjudication, pay…) parsed.
 */
export function projectSettingsOf(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (NOT_SETTINGS.has(key)) continue;
    out[key] = typeof value === 'string' && /^[[{]/.test(value) ? parseOr(value) : value;
  }
  return out;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Epoch ms as the log shows it: ISO text, null kept. */
export const isoOrNull = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();
