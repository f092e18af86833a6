import { APIConnectionError, APIConnectionTimeoutError, APIError, OpenAIError } from 'openai';
import { findBlockedAddress } from '../net/guarded-agent.ts';
import { ModelCallError } from './model-call.ts';

/**
 * A failed call as a ModelCallError: our own sentence naming the connection and the cause (the
 * HTTP status, the network error's code), never the key, the request's headers or the SDK's
 * message as it stands. The one text taken from the endpoint, its error message on a 400, is cut
 * short and has the key (and anything shaped like a bearer token) removed.
 */
export interface CallSite {
  name: string;
  model: string;
  baseUrl: string;
  timeoutMs: number;
  apiKey: string | null;
}

/** The base URL as shown in messages: no credentials, no query. */
export function shownUrl(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(an invalid URL)';
  }
}

/** Milliseconds to wait from `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterMsOf(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const cap = (ms: number) => Math.min(Math.max(0, Math.round(ms)), 24 * 3600_000);
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return cap(Number(ms));
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(after)) return cap(Number(after) * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : cap(date - now);
}

/** The endpoint's own explanation, made safe to show: short, one line, with no key or token in it. */
export function safeEndpointText(text: unknown, apiKey: string | null): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  let s = text.replace(/\s+/g, ' ').trim();
  if (apiKey) s = s.split(apiKey).join('[redacted]');
  s = s
    .replace(/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
    .replace(/\b(sk|key|token)[-_][A-Za-z0-9_-]{6,}/gi, '[redacted]');
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** The network error's code (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET…), found along the causes. */
function networkCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 8; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

const WHY: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved now',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
  UND_ERR_SOCKET: 'the connection closed before the reply ended',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate cannot be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for another name",
};

/**
 * `timedOut`: our own deadline fired (the call as a whole, or a stream gone quiet). A call the
 * caller aborted is not mapped: the client rethrows its signal's reason.
 */
export function toModelCallError(err: unknown, site: CallSite, how: { timedOut: boolean }): ModelCallError {
  if (err instanceof ModelCallError) return err;
  const who = `model connection "${site.name}"`;
  const url = shownUrl(site.baseUrl);
  const blocked = findBlockedAddress(err);
  if (blocked)
    return new ModelCallError(
      'blocked_address',
      `${who}: ${url} is refused: ${blocked.message}; an admin may allow private network addresses for this connection`,
    );
  if (how.timedOut || err instanceof APIConnectionTimeoutError)
    return new ModelCallError('timeout', `${who}: no answer from ${url} within ${site.timeoutMs} ms`);
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const http = `HTTP ${status}`;
    if (status === 401 || status === 403)
      return new ModelCallError('unauthorized', `${who}: the endpoint refused the API key (${http})`, {
        status,
      });
    if (status === 404)
      return new ModelCallError(
        'model_not_found',
        `${who}: model "${site.model}" does not exist at ${url} (${http}; check the model name and the base URL)`,
        { status },
      );
    if (status === 429) {
      const retryAfterMs = retryAfterMsOf(err.headers as Headers | undefined);
      const when = retryAfterMs !== undefined ? `; it asks to wait ${Math.ceil(retryAfterMs / 1000)} s` : '';
      return new ModelCallError('rate_limited', `${who}: the endpoint is rate limiting (${http}${when})`, {
        status,
        retryAfterMs,
      });
    }
    if (status >= 500)
      return new ModelCallError('server_error', `${who}: the endpoint failed (${http})`, { status });
    const said = safeEndpointText((err.error as { message?: unknown } | undefined)?.message, site.apiKey);
    return new ModelCallError(
      'bad_request',
      `${who}: the endpoint refused the request (${http}${said ? `: ${said}` : ''})`,
      { status },
    );
  }
  if (err instanceof APIConnectionError || (err instanceof TypeError && networkCode(err) !== undefined)) {
    const code = networkCode(err);
    const why = (code && WHY[code]) ?? (code ? `network error ${code}` : 'the connection failed');
    return new ModelCallError('unreachable', `${who}: cannot reach ${url} (${why})`);
  }
  if (err instanceof TypeError && /terminated|other side closed/i.test(err.message))
    return new ModelCallError(
      'unreachable',
      `${who}: the connection to ${url} closed before the reply ended`,
    );
  if (err instanceof SyntaxError || err instanceof OpenAIError)
    return new ModelCallError('malformed_reply', `${who}: the reply from ${url} is not valid JSON`);
  return new ModelCallError('malformed_reply', `${who}: the reply from ${url} could not be read`);
}

/** The reply's fault when it is not what a chat completion answer is. */
export const malformed = (site: CallSite, what: string): ModelCallError =>
  new ModelCallError(
    'malformed_reply',
    `model connection "${site.name}": the reply from ${shownUrl(site.baseUrl)} ${what}`,
  );
