import type { z } from 'zod';
import type { RouteDef } from '../../../core/api/route.ts';
import type { Routes } from '../../../core/api/routes.ts';
import { type RouteAddress, routeTable } from './route-table.ts';

type In<S> = S extends z.ZodType ? z.input<S> : undefined;
type Out<R extends RouteDef> = R['response'] extends z.ZodType ? z.output<R['response']> : null;

export type CallInput<R extends RouteDef> = {
  params?: In<R['params']>;
  query?: In<R['query']>;
  body?: In<R['body']>;
  signal?: AbortSignal;
};

/** An error answer from the API, or a network failure (`code` NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = '';
/** The session's CSRF token, echoed on every write (set after sign-in and by /api/auth/me). */
export const setCsrfToken = (token: string): void => {
  csrfToken = token;
};
/** For requests the typed client cannot make, such as uploads with progress (XMLHttpRequest). */
export const getCsrfToken = (): string => csrfToken;

export function urlFor(
  def: RouteAddress,
  params?: Record<string, unknown>,
  query?: Record<string, unknown>,
): string {
  const path = def.path.replace(/\{(\w+)\}/g, (_, k: string) =>
    encodeURIComponent(String(params?.[k] ?? '')),
  );
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls one operation of the shared contract: the path, method and shapes come from
 * core/api/routes.ts (the path and method through route-table.ts), so the browser and the server
 * cannot disagree about them.
 */
export async function call<K extends keyof Routes>(
  op: K,
  input: CallInput<Routes[K]> = {},
): Promise<Out<Routes[K]> | null> {
  const def = routeTable[op];
  const headers: Record<string, string> = { accept: 'application/json' };
  if (def.method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let body: string | undefined;
  if (input.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(input.body);
  }
  let res: Response;
  try {
    res = await fetch(
      urlFor(def, input.params as Record<string, unknown>, input.query as Record<string, unknown>),
      {
        method: def.method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      },
    );
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(
      'NETWORK',
      'The server cannot be reached. Check your connection; your work is kept here.',
      0,
    );
  }
  if (res.status === 204) return null;
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = json?.error ?? {};
    throw new ApiError(
      e.code ?? 'INTERNAL',
      e.message ?? `The server answered ${res.status}.`,
      res.status,
      e.details,
    );
  }
  return json as Out<Routes[K]>;
}
