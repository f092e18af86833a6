import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Defence in depth beside the CSRF token and SameSite=Strict cookies: a state-changing API request
 * that a browser marks with another site's Origin is refused, sign-in included (login CSRF).
 * Requests without an Origin (the CLI, curl, scripts with a token) are not affected.
 *
 * With a public URL configured the Origin must be exactly its origin (scheme, host and port).
 * Without one it must name the host the request was sent to (the Host header, or
 * X-Forwarded-Host from a trusted proxy); the scheme is not compared, since behind a TLS proxy
 * the server cannot tell it unless the proxy is trusted.
 */
export function checkOrigin(req: FastifyRequest, publicOrigin: string | null): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  if (origin === undefined) return;
  if (publicOrigin !== null ? origin === publicOrigin : sameHost(origin, req.host)) return;
  throw new AppError(
    'CSRF_FAILED',
    `This request came from ${origin}, which is not this server's address; it was refused.`,
  );
}

function sameHost(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    // "null" (sandboxed frames, privacy redirects) and anything unparsable.
    return false;
  }
}

/** `https://verity.example.org/base/` → `https://verity.example.org`; throws on anything but http(s). */
export function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `VERITY_PUBLIC_URL must be an address such as https://verity.example.org, not "${value}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`VERITY_PUBLIC_URL must start with http:// or https://, not "${value}"`);
  return url.origin;
}

/**
 * The origin people reach this server at, for links the server hands out: the public URL when
 * configured, else the scheme and host this request came to (as a trusted proxy reports them).
 */
export const originOf = (req: FastifyRequest, publicOrigin: string | null): string =>
  publicOrigin ?? `${req.protocol}://${req.host}`;
