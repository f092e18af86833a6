import type { Verity } from '../server.ts';

/**
 * A browser's part in single sign-on, as plain HTTP: Verity's start (in-process), the provider's
 * redirects with a cookie jar of its own (over loopback), and Verity's callback with the flow
 * cookie the start set. Each step is separate so tests can tamper between them.
 */

export const VERITY_ORIGIN = 'http://verity.test';
export const CALLBACK_URL = `${VERITY_ORIGIN}/api/auth/sso/callback`;

export interface Started {
  status: number;
  /** Where the start sent the browser (the provider's authorisation endpoint). */
  authUrl: URL;
  /** The sealed flow cookie's value. */
  flowCookie: string;
  /** Every response text, for secret searches. */
  texts: string[];
}

export async function startSignIn(verity: Verity, returnTo?: string): Promise<Started> {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const res = await verity.app.inject({ method: 'GET', url: `/api/auth/sso/start${query}` });
  const flow = res.cookies.find((c) => c.name === 'verity_sso');
  return {
    status: res.statusCode,
    authUrl: new URL(String(res.headers.location), VERITY_ORIGIN),
    flowCookie: flow?.value ?? '',
    texts: [res.body, JSON.stringify(res.headers)],
  };
}

/** Follows the provider's redirects (login and consent finished by its interactions) back to Verity's callback. */
export async function atProvider(authUrl: URL, texts: string[] = []): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authUrl;
  for (let hop = 0; hop < 12; hop += 1) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const body = await res.text();
    texts.push(body);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      throw new Error(`the provider answered ${res.status} at ${url.pathname}: ${body.slice(0, 300)}`);
    url = new URL(location, url);
    if (url.href.startsWith(CALLBACK_URL)) return url;
  }
  throw new Error('the provider never sent the browser back');
}

export interface Finished {
  status: number;
  location: string;
  /** The session cookie's value, when a session was opened. */
  session: string | null;
  texts: string[];
}

export async function finishSignIn(
  verity: Verity,
  callback: URL,
  flowCookie: string | null,
): Promise<Finished> {
  const res = await verity.app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    ...(flowCookie !== null ? { cookies: { verity_sso: flowCookie } } : {}),
  });
  const session = res.cookies.find((c) => c.name === 'verity_session' && c.value !== '');
  return {
    status: res.statusCode,
    location: String(res.headers.location ?? ''),
    session: session?.value ?? null,
    texts: [res.body, JSON.stringify(res.headers)],
  };
}

/** The whole round trip for whoever the provider signs in next. */
export async function signInWithSso(verity: Verity, returnTo?: string): Promise<Finished> {
  const started = await startSignIn(verity, returnTo);
  const callback = await atProvider(started.authUrl, started.texts);
  const finished = await finishSignIn(verity, callback, started.flowCookie);
  return { ...finished, texts: [...started.texts, ...finished.texts] };
}

/** Who a session cookie belongs to, as /api/auth/me says (null: no session). */
export async function whoIs(
  verity: Verity,
  session: string | null,
): Promise<{ id: number; email: string; role: string; name: string } | null> {
  if (session === null) return null;
  const res = await verity.app.inject({
    method: 'GET',
    url: '/api/auth/me',
    cookies: { verity_session: session },
  });
  return res.statusCode === 200 ? JSON.parse(res.body).user : null;
}
