import { fetch as undiciFetch } from 'undici';
import { AppError } from '../http/errors.ts';
import { findBlockedAddress, outboundAgent } from '../net/guarded-agent.ts';
import type { UrlPolicy } from './media-config.ts';

/** A fetched body being read, and the agent to close once it is. */
export interface Fetched {
  body: AsyncIterable<Uint8Array>;
  url: string;
  close(): Promise<void>;
}

const failed = (url: string, why: string) =>
  new AppError('MEDIA_FETCH_FAILED', `${shortUrl(url)}: ${why}`, { url: shortUrl(url) });

/** A URL as messages show it: without its query (which may carry a signature) and bounded. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.slice(0, 300);
  } catch {
    return url.slice(0, 300);
  }
}

/** Whether the allow-list lets `host` be fetched: exact names, and `*.example.org` for subdomains. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((a) =>
    a.startsWith('*.') ? h.endsWith(a.slice(1)) && h.length > a.length - 1 : h === a,
  );
}

/** Checks one hop's URL before it is requested: the scheme, credentials, and the allow-list. */
function checkHop(text: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw failed(text, 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw failed(text, `only http and https URLs are fetched, not ${url.protocol.replace(':', '')}`);
  if (url.username || url.password) throw failed(text, 'a URL with a user name or password is not accepted');
  if (!hostAllowed(url.hostname, policy.allowedHosts))
    throw failed(text, `${url.hostname} is not on the server's list of media hosts (VERITY_MEDIA_URL_HOSTS)`);
  return url;
}

/**
 * Fetches a media URL for an import (docs/media.md, "Import by URL"). Every hop is checked here
 * (scheme, allow-list) and every connection by the outbound guard as it is made (the address the
 * name resolves to at that moment must be public, unless the host is one the admin trusts), so a
 * redirect to 127.0.0.1 or a name rebound to a private address is refused. Redirects are followed
 * by hand, at most `maxRedirects`; the whole fetch, body included, must end within `timeoutMs`; a
 * declared length over `maxBytes` is refused before the body is read (the reader counts too).
 */
export async function fetchMediaUrl(text: string, policy: UrlPolicy, maxBytes: number): Promise<Fetched> {
  const agent = outboundAgent({ guard: true, trustedHosts: policy.privateHosts });
  const signal = AbortSignal.timeout(policy.timeoutMs);
  const close = () => agent.close();
  let current = text;
  try {
    for (let hop = 0; ; hop += 1) {
      const url = checkHop(current, policy);
      const res = await undiciFetch(url, { dispatcher: agent, redirect: 'manual', signal });
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (hop >= policy.maxRedirects) throw failed(text, `more than ${policy.maxRedirects} redirects`);
        current = new URL(res.headers.get('location')!, url).toString();
        continue;
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel();
        throw failed(current, `its server answered ${res.status}`);
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body.cancel();
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `${shortUrl(current)}: ${declared} bytes, over the media limit.`,
          {
            limitBytes: maxBytes,
          },
        );
      }
      return { body: guardedBody(res.body, current, policy.timeoutMs), url: current, close };
    }
  } catch (err) {
    await close();
    throw explain(err, current, policy.timeoutMs);
  }
}

/** The body's chunks, with a timeout or a refused connection while reading named as such. */
async function* guardedBody(
  body: AsyncIterable<Uint8Array>,
  url: string,
  timeoutMs: number,
): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (err) {
    throw explain(err, url, timeoutMs);
  }
}

function explain(err: unknown, url: string, timeoutMs: number): unknown {
  if (err instanceof AppError) return err;
  const blocked = findBlockedAddress(err);
  if (blocked)
    return failed(
      url,
      `${blocked.message}; media URLs must reach public addresses (an admin may trust a host: VERITY_MEDIA_URL_PRIVATE_HOSTS)`,
    );
  const name = (err as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return failed(url, `it did not arrive within ${timeoutMs / 1000} s`);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return failed(url, `it could not be fetched (${cause?.code ?? cause?.message ?? (err as Error).message})`);
}
