import type { z } from 'zod';
import { errorFromAnswer, NetworkError } from './client-errors.ts';
import { type RouteAddress, routeTable } from './route-table.ts';
import type { OperationId, Routes } from './routes.ts';

type Part<R, P extends 'params' | 'query' | 'body'> = R extends { [k in P]: infer S extends z.ZodType }
  ? z.input<S>
  : never;

/** The request parts of an operation, typed from its route in the shared contract. */
export interface CallInput<K extends OperationId> {
  params?: Part<Routes[K], 'params'>;
  query?: Part<Routes[K], 'query'>;
  body?: Part<Routes[K], 'body'>;
  signal?: AbortSignal;
}

/** A JSON operation's answer: null for a 204 route, and on a route that answers 204 when nothing is left. */
export type CallOutput<K extends OperationId> = Routes[K]['response'] extends z.ZodType
  ? z.output<Routes[K]['response']> | (Routes[K] extends { mayBeEmpty: true } ? null : never)
  : null;

/** A body sent as is, for stream routes (imports): a file, or a stream (sent with `duplex: 'half'`). */
export interface RawBody {
  body: BodyInit;
  contentType: string;
}

export interface ClientConfig {
  /** Where the API is: '' for the page's own origin, else an origin such as http://localhost:8080. */
  baseUrl: string;
  /** Sends a request: the browser's fetch, or Node's. The client does no I/O of its own. */
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** The headers that authenticate a request: a bearer token, or the session's CSRF token on writes. */
  headers(method: RouteAddress['method']): Record<string, string>;
  /** Runs before a request is sent and throws to refuse it (the CLI checks it against the contract). */
  check?<K extends OperationId>(op: K, input: CallInput<K>): void;
}

/** Calls operations of the contract (core/api/routes.ts) by name; every failure is an ApiError or a NetworkError. */
export interface ApiClient {
  /** A JSON operation: its parsed answer. */
  call<K extends OperationId>(op: K, input?: CallInput<K>): Promise<CallOutput<K>>;
  /** Any operation, answering the raw Response (streamed bodies and JSON-lines answers). */
  request<K extends OperationId>(op: K, input?: CallInput<K>, raw?: RawBody): Promise<Response>;
  /** The URL of an operation with its path parameters and query filled (a download link, an upload). */
  url<K extends OperationId>(op: K, input?: Pick<CallInput<K>, 'params' | 'query'>): string;
}

export function createApiClient(config: ClientConfig): ApiClient {
  const url: ApiClient['url'] = (op, input = {}) =>
    config.baseUrl + fillPath(routeTable[op], input.params, input.query);

  const request: ApiClient['request'] = async (op, input = {}, raw) => {
    config.check?.(op, input);
    const def = routeTable[op];
    const headers: Record<string, string> = {
      accept: acceptOf[def.responseKind ?? 'json'],
      ...config.headers(def.method),
    };
    let body: BodyInit | undefined;
    if (raw) {
      headers['content-type'] = raw.contentType;
      body = raw.body;
    } else if (input.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input.body);
    }
    const init = {
      method: def.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    };
    let res: Response;
    try {
      res = await config.fetch(url(op, input), init);
    } catch (err) {
      if ((err as Error | undefined)?.name === 'AbortError') throw err;
      throw new NetworkError(config.baseUrl, err);
    }
    if (!res.ok) throw errorFromAnswer(res.status, await res.text(), res.statusText);
    return res;
  };

  const call: ApiClient['call'] = async (op, input) => {
    const res = await request(op, input);
    const text = res.status === 204 ? '' : await res.text();
    return text ? JSON.parse(text) : null;
  };

  return { call, request, url };
}

const acceptOf = {
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  csv: 'text/csv',
  file: 'application/x-ndjson, text/csv',
  redirect: 'text/html',
  media: '*/*',
} as const;

/** `/api/projects/{projectId}/items` with `{ projectId: 7 }` and a query: `/api/projects/7/items?skipInvalid=true`. */
function fillPath(def: RouteAddress, params: unknown, query: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = def.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(values[name] ?? '')),
  );
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    // A repeatable parameter (`answer=a:1&answer=b:2`) is an array: each value its own pair.
    if (Array.isArray(value)) for (const v of value) search.append(name, String(v));
    else if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const queryString = search.toString();
  return queryString ? `${path}?${queryString}` : path;
}
