import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { BlockedAddressError } from '../net/guarded-agent.ts';
import { retryAfterMsOf, safeEndpointText, shownUrl, toModelCallError } from './call-errors.ts';

const site = {
  name: 'Lab',
  model: 'm-1',
  baseUrl: 'https://models.example.org/v1',
  timeoutMs: 5000,
  apiKey: 'sk-secret-123456',
};
const status = (code: number, body: object = {}, headers: Record<string, string> = {}) =>
  APIError.generate(code, body, undefined, new Headers(headers));

describe('toModelCallError', () => {
  it('maps each HTTP status to its kind, in our own words', () => {
    expect(toModelCallError(status(401), site, { timedOut: false })).toMatchObject({
      kind: 'unauthorized',
      message: 'model connection "Lab": the endpoint refused the API key (HTTP 401)',
    });
    expect(toModelCallError(status(403), site, { timedOut: false }).kind).toBe('unauthorized');
    expect(toModelCallError(status(404), site, { timedOut: false }).message).toBe(
      'model connection "Lab": model "m-1" does not exist at https://models.example.org/v1 (HTTP 404; check the model name and the base URL)',
    );
    expect(
      toModelCallError(status(429, {}, { 'retry-after': '7' }), site, { timedOut: false }),
    ).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 7000,
    });
    expect(toModelCallError(status(502), site, { timedOut: false }).kind).toBe('server_error');
    expect(toModelCallError(status(422), site, { timedOut: false }).kind).toBe('bad_request');
  });

  it('keeps the endpoint’s explanation of a 400 short and without the key', () => {
    const e = toModelCallError(
      status(400, { error: { message: `bad max_tokens for key sk-secret-123456 (Bearer abc.def)` } }),
      site,
      { timedOut: false },
    );
    expect(e.message).toBe(
      'model connection "Lab": the endpoint refused the request (HTTP 400: bad max_tokens for key [redacted] (Bearer [redacted]))',
    );
    expect(safeEndpointText('x'.repeat(500), null)).toHaveLength(201);
  });

  it('maps timeouts, refused connections and blocked addresses', () => {
    expect(toModelCallError(new APIConnectionTimeoutError(), site, { timedOut: false }).kind).toBe('timeout');
    expect(toModelCallError(new Error('aborted'), site, { timedOut: true }).kind).toBe('timeout');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    const e = toModelCallError(new APIConnectionError({ cause: fetchFailed }), site, { timedOut: false });
    expect(e).toMatchObject({ kind: 'unreachable', retryable: true });
    expect(e.message).toBe(
      'model connection "Lab": cannot reach https://models.example.org/v1 (the connection was refused)',
    );
    const blocked = new TypeError('fetch failed', {
      cause: new BlockedAddressError('intranet', '10.0.0.5', 'private'),
    });
    expect(
      toModelCallError(new APIConnectionError({ cause: blocked }), site, { timedOut: false }),
    ).toMatchObject({
      kind: 'blocked_address',
      retryable: false,
    });
    expect(toModelCallError(new SyntaxError('Unexpected token'), site, { timedOut: false }).kind).toBe(
      'malformed_reply',
    );
  });
});

describe('retryAfterMsOf', () => {
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMsOf(new Headers({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(retryAfterMsOf(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMsOf(new Headers(), now)).toBeUndefined();
  });
});

describe('shownUrl', () => {
  it('drops credentials and queries', () => {
    expect(shownUrl('https://u:p@example.org/v1?k=1')).toBe('https://example.org/v1');
  });
});
