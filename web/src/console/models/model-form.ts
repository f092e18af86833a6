import type { ModelConnection } from '../../../../core/api/models.ts';

/**
 * The add/edit form of a model connection as text fields, and the request body they make. A blank
 * number is "not set" (a default parameter left out, no rate limit); text that is not a number is
 * sent as it is, so the server's check names the field. The key field is never filled from the
 * server (it never sends the key): on edit the key is kept unless the admin replaces or removes it.
 */
export const paramFields = [
  { key: 'temperature', label: 'Temperature', hint: '0 to 2' },
  { key: 'top_p', label: 'Top p', hint: '0 to 1' },
  { key: 'max_tokens', label: 'Max tokens', hint: 'the longest reply, in tokens' },
  { key: 'seed', label: 'Seed', hint: 'an integer, for repeatable sampling where the server supports it' },
  { key: 'presence_penalty', label: 'Presence penalty', hint: '-2 to 2' },
  { key: 'frequency_penalty', label: 'Frequency penalty', hint: '-2 to 2' },
  { key: 'stop', label: 'Stop sequence', hint: 'text that ends the reply; a JSON list for several' },
] as const;
export type ParamKey = (typeof paramFields)[number]['key'];

export type KeyAction = 'keep' | 'replace' | 'remove';

export interface ModelFormState {
  name: string;
  baseUrl: string;
  model: string;
  /** What happens to the stored key on save; a new connection: 'replace' (with a key) or 'keep' (none). */
  keyAction: KeyAction;
  apiKey: string;
  concurrency: string;
  requestsPerMinute: string;
  timeoutSeconds: string;
  allowPrivateNetwork: boolean;
  params: Record<ParamKey, string>;
  /** Parameters the form has no field for (max_completion_tokens), kept as they are. */
  otherParams: Record<string, unknown>;
}

const shown = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);

export function formOf(c?: ModelConnection): ModelFormState {
  const params = Object.fromEntries(paramFields.map((f) => [f.key, shown(c?.params[f.key])])) as Record<
    ParamKey,
    string
  >;
  const known = new Set<string>(paramFields.map((f) => f.key));
  return {
    name: c?.name ?? '',
    baseUrl: c?.baseUrl ?? '',
    model: c?.model ?? '',
    keyAction: c ? 'keep' : 'replace',
    apiKey: '',
    concurrency: String(c?.concurrency ?? 4),
    requestsPerMinute: c?.requestsPerMinute == null ? '' : String(c.requestsPerMinute),
    timeoutSeconds: String((c?.timeoutMs ?? 60_000) / 1000),
    allowPrivateNetwork: c?.allowPrivateNetwork ?? false,
    params,
    otherParams: Object.fromEntries(Object.entries(c?.params ?? {}).filter(([k]) => !known.has(k))),
  };
}

/** A number field: its number, or the text itself when it is not one (the server names the field). */
const numberOf = (text: string): number | string => {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
};

function paramValue(key: ParamKey, text: string): unknown {
  if (key !== 'stop') return numberOf(text);
  const t = text.trim();
  if (t.startsWith('[')) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** The body of a create (no key: none sent) or an update (the key only when replaced or removed). */
export function bodyOf(s: ModelFormState, editing: boolean): Record<string, unknown> {
  const params: Record<string, unknown> = { ...s.otherParams };
  for (const f of paramFields)
    if (s.params[f.key].trim() !== '') params[f.key] = paramValue(f.key, s.params[f.key]);
  const seconds = numberOf(s.timeoutSeconds);
  const body: Record<string, unknown> = {
    name: s.name,
    baseUrl: s.baseUrl,
    model: s.model,
    params,
    concurrency: numberOf(s.concurrency),
    requestsPerMinute: s.requestsPerMinute.trim() === '' ? null : numberOf(s.requestsPerMinute),
    timeoutMs: typeof seconds === 'number' ? Math.round(seconds * 1000) : seconds,
    allowPrivateNetwork: s.allowPrivateNetwork,
  };
  if (s.keyAction === 'replace' && s.apiKey !== '') body.apiKey = s.apiKey;
  else if (s.keyAction === 'remove' && editing) body.apiKey = null;
  return body;
}

/** A server path inside the body ("params.temperature", "timeoutMs") as the form's field. */
export const fieldOfPath = (path: string): string => (path === 'timeoutMs' ? 'timeoutSeconds' : path);

/** The limits as people read them: "4 at once, 600 a minute, 60 s timeout". */
export function limitsText(
  c: Pick<ModelConnection, 'concurrency' | 'requestsPerMinute' | 'timeoutMs'>,
): string {
  return [
    `${c.concurrency} at once`,
    c.requestsPerMinute === null ? null : `${c.requestsPerMinute} a minute`,
    `${c.timeoutMs / 1000} s timeout`,
  ]
    .filter(Boolean)
    .join(', ');
}
