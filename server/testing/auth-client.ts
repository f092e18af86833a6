import { expect } from 'vitest';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import type { Verity } from '../server.ts';
import type { Harness } from './harness.ts';

export interface Send {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  cookie?: string;
  csrf?: string;
  token?: string;
  ip?: string;
  /** Further headers (origin, x-forwarded-for). */
  headers?: Record<string, string>;
  /** The app to send to, if not the harness's own (a sibling). */
  via?: Verity;
}
export interface Sent {
  status: number;
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
  setCookies: string[];
}

export interface Session {
  cookie: string;
  csrf: string;
  setCookie: string;
}

export const attributes = (setCookie: string): string[] =>
  setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());

/**
 * Requests as a browser or a script would send them, against the harness `harness()` returns:
 * with a session cookie, a CSRF token, a bearer token or none. Each request comes from its own
 * address unless told, so the per-address login limit of one never touches another.
 */
export function authClient(harness: () => Harness) {
  let addresses = 0;
  const freshIp = (): string => `10.0.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;

  async function send(s: Send): Promise<Sent> {
    const headers: Record<string, string> = { ...s.headers };
    if (s.cookie !== undefined) headers.cookie = `${SESSION_COOKIE}=${s.cookie}`;
    if (s.csrf !== undefined) headers['x-csrf-token'] = s.csrf;
    if (s.token !== undefined) headers.authorization = `Bearer ${s.token}`;
    if (s.body !== undefined) headers['content-type'] = 'application/json';
    const res = await (s.via ?? harness().verity).app.inject({
      method: s.method ?? 'GET',
      url: s.url,
      headers,
      remoteAddress: s.ip ?? freshIp(),
      ...(s.body === undefined ? {} : { payload: JSON.stringify(s.body) }),
    });
    const raw = res.headers['set-cookie'];
    const setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
    return {
      status: res.statusCode,
      body: res.body ? JSON.parse(res.body) : null,
      headers: res.headers,
      setCookies,
    };
  }

  async function login(email: string, password: string, ip = freshIp()): Promise<Session> {
    const res = await send({ method: 'POST', url: '/api/auth/login', body: { email, password }, ip });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const setCookie = res.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(setCookie).toBeDefined();
    const cookie = setCookie!.slice(SESSION_COOKIE.length + 1).split(';')[0]!;
    return { cookie, csrf: res.body.csrfToken, setCookie: setCookie! };
  }

  return { send, login, freshIp };
}
