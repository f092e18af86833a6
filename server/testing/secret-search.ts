import { Writable } from 'node:stream';

/**
 * Searching everything a test can see for a secret (an API key): response bodies, log lines,
 * job steps, exports, pages. A secret counts as found in its usual disguises too: JSON-escaped,
 * URL-encoded, base64 and base64url, and any 12 characters of it in a row (a key shown "masked"
 * as its first or last part still leaks it).
 */

/** Log lines a server writes, captured: pass `logger` to createVerity / startHarness. */
export interface LogCapture {
  /** Fastify's logger option: every level, into `lines`. */
  logger: { level: string; stream: Writable };
  lines: string[];
}

export function collectLogs(level = 'trace'): LogCapture {
  const lines: string[] = [];
  let partial = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      const text = partial + chunk.toString();
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l !== ''));
      done();
    },
  });
  return { logger: { level, stream }, lines };
}

/** The forms a secret may take in text, beside itself. */
export function disguisesOf(secret: string): string[] {
  const forms = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ]);
  const window = 12;
  if (secret.length > window)
    for (let i = 0; i + window <= secret.length; i += 1) forms.add(secret.slice(i, i + window));
  return [...forms].filter((f) => f.length >= Math.min(window, secret.length));
}

export type Texts = Record<string, unknown> | { where: string; text: unknown }[];

const asText = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));

/** Where the secret shows, as `place: …context…` lines (empty: nowhere). */
export function findSecret(secret: string, texts: Texts): string[] {
  const entries = Array.isArray(texts) ? texts.map((t) => [t.where, t.text] as const) : Object.entries(texts);
  const forms = disguisesOf(secret);
  const found: string[] = [];
  for (const [where, value] of entries) {
    const text = asText(value);
    for (const form of forms) {
      const at = text.indexOf(form);
      if (at >= 0) {
        found.push(`${where}: …${text.slice(Math.max(0, at - 40), at + form.length + 40)}…`);
        break;
      }
    }
  }
  return found;
}

/** Fails, saying where, if the secret shows in any of the texts. */
export function assertNowhere(secret: string, texts: Texts): void {
  const found = findSecret(secret, texts);
  if (found.length > 0)
    throw new Error(`the secret was found in ${found.length} place(s):\n${found.join('\n')}`);
}
