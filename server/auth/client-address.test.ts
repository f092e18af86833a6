import { describe, expect, it } from 'vitest';
import { addressGroup, parseTrustedProxies } from './client-address.ts';

describe('trusted proxies setting', () => {
  it('reads addresses, CIDRs and the named ranges, and nothing when unset', () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies('  ')).toEqual([]);
    expect(parseTrustedProxies('127.0.0.1, 10.0.0.0/8,fd00::/8 ,::1,loopback,uniquelocal')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      '::1',
      'loopback',
      'uniquelocal',
    ]);
  });

  it('names the entry it cannot read', () => {
    for (const bad of [
      '1',
      'proxy.example.org',
      '10.0.0.0/33',
      'fd00::/129',
      '10.0.0.1/8/1',
      '10.0.0.0/x',
      '',
    ]) {
      expect(() => parseTrustedProxies(`127.0.0.1,${bad}`)).toThrow(
        `VERITY_TRUSTED_PROXIES: "${bad}" is not`,
      );
    }
  });
});

describe('address groups', () => {
  it('keeps an IPv4 address, and reads an IPv4-mapped IPv6 one as IPv4', () => {
    expect(addressGroup('203.0.113.9')).toBe('203.0.113.9');
    expect(addressGroup('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts an IPv6 client by its /64, however the address is written', () => {
    const group = '2001:db8:0:1::/64';
    for (const a of [
      '2001:db8:0:1::1',
      '2001:0db8:0000:0001:ffff:ffff:ffff:ffff',
      '2001:DB8:0:1:0:0:0:2',
      '2001:db8:0:1::1.2.3.4',
    ]) {
      expect(addressGroup(a), a).toBe(group);
    }
    expect(addressGroup('2001:db8:0:2::1')).toBe('2001:db8:0:2::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
