import dns, { type LookupAddress } from 'node:dns';
import { Agent, buildConnector } from 'undici';
import { type AddressClass, addressClassWords, classifyAddress } from './address-class.ts';

/**
 * Outbound HTTP that cannot be pointed at the server's own network: an undici Agent whose every
 * new connection checks the address it is about to reach — an IP written in the URL as it is, a
 * host name as DNS resolves it at that moment (so a name that resolves to a public address when
 * saved and to 127.0.0.1 later is refused then: DNS rebinding). Any address that is not public
 * (address-class.ts) refuses the connection with BlockedAddressError.
 */
export class BlockedAddressError extends Error {
  readonly host: string;
  readonly address: string;
  readonly addressClass: Exclude<AddressClass, 'public'>;
  constructor(host: string, address: string, cls: Exclude<AddressClass, 'public'>) {
    super(
      host === address
        ? `${address} is ${addressClassWords[cls]}`
        : `${host} resolves to ${address}, ${addressClassWords[cls]}`,
    );
    this.name = 'BlockedAddressError';
    this.host = host;
    this.address = address;
    this.addressClass = cls;
  }
}

/** The error in a chain of causes (fetch wraps a connection's error in a TypeError's `cause`). */
export function findBlockedAddress(err: unknown): BlockedAddressError | undefined {
  for (let e = err, depth = 0; e && depth < 8; depth += 1) {
    if (e instanceof BlockedAddressError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Throws BlockedAddressError unless the address is public. */
export function assertPublicAddress(host: string, address: string): void {
  const cls = classifyAddress(address);
  if (cls !== 'public') throw new BlockedAddressError(host, address, cls);
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that refuses a name when any address it resolves to is not public. */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    try {
      for (const a of addresses) assertPublicAddress(hostname, a.address);
    } catch (e) {
      return callback(e as Error, []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first)
      return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

/**
 * An Agent whose connections reach public addresses only (`guard: false`: any address).
 * `trustedHosts`: host names an admin allowed to resolve to any address (an intranet media server);
 * every other host is guarded.
 */
export function outboundAgent(options: {
  guard: boolean;
  connections?: number;
  trustedHosts?: readonly string[];
}): Agent {
  const base = {
    keepAliveTimeout: 30_000,
    ...(options.connections ? { connections: options.connections } : {}),
  };
  if (!options.guard) return new Agent(base);
  const connector = buildConnector({ lookup: guardedLookup } as buildConnector.BuildOptions);
  const trusted = new Set(options.trustedHosts ?? []);
  const open = trusted.size > 0 ? buildConnector({}) : connector;
  return new Agent({
    ...base,
    connect: (opts, callback) => {
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      if (trusted.has(host.toLowerCase())) {
        open(opts, callback);
        return;
      }
      const cls = classifyAddress(host);
      if (cls !== 'invalid' && cls !== 'public') {
        callback(new BlockedAddressError(host, host, cls), null);
        return;
      }
      connector(opts, callback);
    },
  });
}
