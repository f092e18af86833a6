import net from 'node:net';

/** Named ranges Fastify's trustProxy (proxy-addr) understands, beside addresses and CIDRs. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * VERITY_TRUSTED_PROXIES: the proxies whose X-Forwarded-For (and -Host, -Proto) Verity believes,
 * as a comma-separated list of addresses, CIDRs (10.0.0.0/8, fd00::/8) or the names loopback,
 * linklocal and uniquelocal. The client's address is then the rightmost entry of the chain that
 * is not a trusted proxy, so an address a client writes into the header itself is never taken.
 * Empty: no proxy is trusted and the address is the peer's.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((raw) => {
    const entry = raw.trim();
    if (!isProxyEntry(entry)) {
      throw new Error(
        `VERITY_TRUSTED_PROXIES: "${entry}" is not an address, a CIDR (such as 10.0.0.0/8) or one of loopback, linklocal, uniquelocal`,
      );
    }
    return entry;
  });
}

function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** The old setting trusted every proxy, so anyone could choose their own address. */
export const OLD_TRUST_PROXY_MESSAGE =
  'VERITY_TRUST_PROXY is no longer read: it trusted X-Forwarded-For from anyone. Name the proxies to trust instead, e.g. VERITY_TRUSTED_PROXIES=127.0.0.1 (a proxy on this machine) or VERITY_TRUSTED_PROXIES=10.0.0.0/8 (see docs/security.md), and unset VERITY_TRUST_PROXY.';

/**
 * The unit sign-in throttling counts a client as: an IPv4 address, or the /64 network of an IPv6
 * address (one subscriber commonly holds a whole /64, so single IPv6 addresses cost nothing to
 * change). IPv4-mapped IPv6 (::ffff:10.1.2.3) is the IPv4 address.
 */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (net.isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, without leading zeros. */
function expandIpv6(address: string): string[] {
  const bare = address.split('%')[0]!.toLowerCase();
  const [head = '', tail] = bare.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  // A trailing dotted IPv4 address counts as two hextets.
  const last = right.length > 0 ? right : left;
  const v4 = last[last.length - 1];
  if (v4?.includes('.')) {
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    last.splice(last.length - 1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const zeros = Array(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((h) =>
    Number.parseInt(h, 16).toString(16),
  );
}
