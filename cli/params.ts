import { UsageError } from './errors.ts';

/** `--param temperature=0.7` → ['temperature', 0.7]: the value as JSON when it is JSON, else as text. */
export function parseParams(pairs: readonly string[] | undefined): Record<string, unknown> | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes KEY=VALUE (e.g. temperature=0.7), not "${pair}"`);
    const key = pair.slice(0, eq).trim();
    const text = pair.slice(eq + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // plain text: a stop sequence
    }
    out[key] = value;
  }
  return out;
}
