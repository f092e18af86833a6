import type { z } from 'zod';
import type { RouteDef } from '../core/api/route.ts';
import { type OperationId, type Routes, routes } from '../core/api/routes.ts';
import type { HttpConfig } from './config.ts';
import { ApiError, CliError, isRecord } from './errors.ts';

type Part<R, P extends 'params' | 'query' | 'body'> = R extends { [k in P]: infer S extends z.ZodType }
  ? z.input<S>
  : never;

/** The request parts of an operation, typed from its route in the shared contract. */
export interface CallInput<K extends OperationId> {
  params?: Part<Routes[K], 'params'>;
  query?: Part<Routes[K], 'query'>;
  body?: Part<Routes[K], 'body'>;
}

export type CallOutput<K extends OperationId> = Routes[K]['response'] extends z.ZodType
  ? z.output<Routes[K]['response']>
  : null;

/** A raw body for stream routes (imports): sent as is, with `duplex: 'half'` for streams. */
export interface RawBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
}

export interface Client {
  /** A JSON operation: the parsed response, or null for 204. */
  call<K extends OperationId>(op: K, input?: CallInput<K>): Promise<CallOutput<K>>;
  /** Any operation, answering the raw Response (for streamed bodies and JSONL responses). */
  send<K extends OperationId>(op: K, input?: CallInput<K>, raw?: RawBody): Promise<Response>;
}

export function createClient(config: HttpConfig): Client {
  const send: Client['send'] = async (op, input = {}, raw) => {
    const def: RouteDef = routes[op];
    const url = config.url + requestPath(def, input);
    const json = def.body && !raw ? JSON.stringify(input.body ?? {}) : undefined;
    const contentType = raw?.contentType ?? (json !== undefined ? 'application/json' : undefined);
    const init = {
      method: def.method,
      headers: {
        authorization: `Bearer ${config.token}`,
        accept: def.responseKind === 'jsonl' ? 'application/x-ndjson' : 'application/json',
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      body: raw?.body ?? json,
      ...(raw ? { duplex: 'half' } : {}),
    };
    let res: Response;
    try {
      res = await fetch(url, init as RequestInit);
    } catch (err) {
      throw unreachable(config.url, err);
    }
    if (!res.ok) throw await toApiError(res);
    return res;
  };
  return {
    send,
    async call(op, input) {
      const res = await send(op, input);
      return (res.status === 204 ? null : await res.json()) as CallOutput<typeof op>;
    },
  };
}

/** Validates the parts against the route's schemas before sending and fills the path and query. */
function requestPath(def: RouteDef, input: { params?: unknown; query?: unknown; body?: unknown }): string {
  check(def.params, input.params, 'params');
  check(def.query, input.query, 'query');
  check(def.body, input.body, 'body');
  const params = (input.params ?? {}) as Record<string, unknown>;
  const path = def.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k])));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
    if (v !== undefined) query.set(k, String(v));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

function check(schema: z.ZodType | undefined, value: unknown, where: string): void {
  if (!schema) return;
  const result = schema.safeParse(value ?? {});
  if (result.success) return;
  const details = result.error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new ApiError('VALIDATION_FAILED', `${details[0]?.path}: ${details[0]?.message}`, details, 0);
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const e = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
  if (e && typeof e.code === 'string') return new ApiError(e.code, String(e.message), e.details, res.status);
  return new ApiError(`HTTP_${res.status}`, text.slice(0, 500) || res.statusText, undefined, res.status);
}

function unreachable(url: string, err: unknown): CliError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err as Error).message;
  return new CliError(`cannot reach Verity at ${url} (${why}); is the server running?${startHint(url)}`);
}

/** For a server on this machine, the start command that listens where the URL points. */
function startHint(url: string): string {
  const u = new URL(url);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) || u.protocol !== 'http:') return '';
  const port = u.port === '' ? '80' : u.port;
  return ` Start one with: npx verity start${port === '8080' ? '' : ` --port ${port}`}`;
}
