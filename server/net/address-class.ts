/**
 * What kind of address an IP is, for the guard on outbound requests (model connections now,
 * media URL imports later): only `public` addresses may be reached unless an admin allowed the
 * private network. Pure: parses the text itself (no DNS, no node:net), so the same answer holds
 * wherever it runs. IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 forms are judged by the
 * IPv4 address they carry.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'shared' // 100.64/10, carrier-grade NAT
  | 'unique_local' // fc00::/7
  | 'unspecified' // 0.0.0.0/8, ::
  | 'multicast'
  | 'reserved' // documentation, benchmarking, broadcast, future use, Teredo, site-local…
  | 'invalid';

/** Four bytes of an IPv4 address in dotted-decimal form (canonical: no leading zeros), or null. */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

/** Eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted IPv4), or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length === 0 || !/^[0-9a-fA-F:.]+$/.test(s)) return null;
  if (s.includes('.')) {
    // A trailing dotted IPv4 stands for the last two groups.
    const lastColon = s.lastIndexOf(':');
    const v4 = lastColon >= 0 ? parseIPv4(s.slice(lastColon + 1)) : null;
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]!);
  if (!head) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const rest = groups(halves[1]!);
  if (!rest) return null;
  const known = head.length + rest.length;
  if (known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest];
}

const inV4 = (b: number[], net: number[], bits: number): boolean => {
  const ip = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  const n = ((net[0]! << 24) | (net[1]! << 16) | (net[2]! << 8) | net[3]!) >>> 0;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (ip & mask) === (n & mask);
};

export function classifyIPv4(b: number[]): AddressClass {
  if (inV4(b, [0, 0, 0, 0], 8)) return 'unspecified';
  if (inV4(b, [127, 0, 0, 0], 8)) return 'loopback';
  if (inV4(b, [10, 0, 0, 0], 8) || inV4(b, [172, 16, 0, 0], 12) || inV4(b, [192, 168, 0, 0], 16))
    return 'private';
  if (inV4(b, [169, 254, 0, 0], 16)) return 'link_local';
  if (inV4(b, [100, 64, 0, 0], 10)) return 'shared';
  if (inV4(b, [224, 0, 0, 0], 4)) return 'multicast';
  const reserved: [number[], number][] = [
    [[192, 0, 0, 0], 24], // IETF protocol assignments
    [[192, 0, 2, 0], 24], // documentation
    [[192, 88, 99, 0], 24], // 6to4 relay anycast
    [[198, 18, 0, 0], 15], // benchmarking
    [[198, 51, 100, 0], 24], // documentation
    [[203, 0, 113, 0], 24], // documentation
    [[240, 0, 0, 0], 4], // future use and the broadcast address
  ];
  return reserved.some(([net, bits]) => inV4(b, net, bits)) ? 'reserved' : 'public';
}

export function classifyIPv6(g: number[]): AddressClass {
  const v4of = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (translated)
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return classifyIPv4(v4of(g[6]!, g[7]!));
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return classifyIPv4(v4of(g[6]!, g[7]!));
  // 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64) carry the IPv4 address in the last 32 bits.
  if (g[0] === 0x64 && g[1] === 0xff9b) return classifyIPv4(v4of(g[6]!, g[7]!));
  if (g[0] === 0x2002) return classifyIPv4(v4of(g[1]!, g[2]!)); // 6to4
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo: the client's address is hidden
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved'; // documentation
  if (g[0] === 0x100 && zeros(1, 4)) return 'reserved'; // discard-only
  const top = g[0]!;
  if ((top & 0xfe00) === 0xfc00) return 'unique_local';
  if ((top & 0xffc0) === 0xfe80) return 'link_local';
  if ((top & 0xffc0) === 0xfec0) return 'reserved'; // site-local (deprecated)
  if ((top & 0xff00) === 0xff00) return 'multicast';
  if ((top & 0xe000) !== 0x2000) return 'reserved'; // outside global unicast 2000::/3
  return 'public';
}

/** The class of an IP address written as text (brackets and a zone allowed); 'invalid' if it is none. */
export function classifyAddress(text: string): AddressClass {
  const s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = parseIPv4(s);
  if (v4) return classifyIPv4(v4);
  const v6 = s.includes(':') ? parseIPv6(s) : null;
  return v6 ? classifyIPv6(v6) : 'invalid';
}

/** Whether a text is an IP address at all (rather than a host name). */
export const isIpLiteral = (text: string): boolean => classifyAddress(text) !== 'invalid';

/** Words for a person: "a loopback address", "a private address"… */
export const addressClassWords: Record<Exclude<AddressClass, 'public'>, string> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  link_local: 'a link-local address',
  shared: 'a carrier-grade NAT address',
  unique_local: 'a unique-local IPv6 address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  invalid: 'not an IP address',
};
