import fs from 'node:fs';
import type { Role } from '../../core/api/users.ts';
import { classifyAddress } from '../net/address-class.ts';

/** The roles a just-in-time account may get: never admin, which an admin grants by hand. */
export const jitRoles = ['annotator', 'reviewer', 'manager'] as const satisfies readonly Role[];
export type JitRole = (typeof jitRoles)[number];

/** Single sign-on with one OpenID Connect provider (docs/sso.md), from the server's environment. */
export interface SsoConfig {
  /** The provider's issuer identifier; its discovery document is read from it. */
  issuer: URL;
  clientId: string;
  /** Sent to the provider's token endpoint only; never logged, never in a response. */
  clientSecret: string;
  /** "Sign in with <label>" on the sign-in page. */
  label: string;
  /** Lower-case domains whose emails may sign in (and be created); empty: any domain. */
  allowedDomains: readonly string[];
  /** Create an account on a first sign-in with a verified email of an allowed domain. */
  jit: boolean;
  defaultRole: JitRole;
  /**
   * The issuer may be on a loopback or private address (and, on loopback, plain http): an admin's
   * explicit choice, as for model connections; otherwise the outbound guard refuses it.
   */
  allowPrivateNetwork: boolean;
}

export const SSO_ENV = {
  issuer: 'VERITY_OIDC_ISSUER',
  clientId: 'VERITY_OIDC_CLIENT_ID',
  clientSecret: 'VERITY_OIDC_CLIENT_SECRET',
  clientSecretFile: 'VERITY_OIDC_CLIENT_SECRET_FILE',
  label: 'VERITY_OIDC_LABEL',
  allowedDomains: 'VERITY_OIDC_ALLOWED_DOMAINS',
  jit: 'VERITY_OIDC_JIT',
  defaultRole: 'VERITY_OIDC_DEFAULT_ROLE',
  allowPrivateNetwork: 'VERITY_OIDC_ALLOW_PRIVATE_NETWORK',
} as const;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Whether an email's domain is one of `domains` (exactly: a subdomain is a domain of its own). */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const at = email.lastIndexOf('@');
  return at > 0 && domains.includes(email.slice(at + 1).toLowerCase());
}

const flag = (env: NodeJS.ProcessEnv, name: string): boolean => {
  const v = env[name];
  if (v === undefined || v === '' || v === '0') return false;
  if (v === '1') return true;
  throw new Error(`${name}: write 1 (on) or 0 (off), not "${v}"`);
};

/**
 * The single sign-on settings in `env`, or null when VERITY_OIDC_ISSUER is not set. Throws a
 * sentence naming the variable on a wrong value (the client secret is never repeated in one).
 */
export function parseSsoEnv(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string = (p) => fs.readFileSync(p, 'utf8'),
): SsoConfig | null {
  const issuerText = env[SSO_ENV.issuer]?.trim();
  if (!issuerText) {
    const stray = Object.values(SSO_ENV).find((name) => env[name]);
    if (stray) throw new Error(`${stray} is set but ${SSO_ENV.issuer} is not: set the provider's issuer URL`);
    return null;
  }
  let issuer: URL;
  try {
    issuer = new URL(issuerText);
  } catch {
    throw new Error(`${SSO_ENV.issuer}: "${issuerText}" is not a URL`);
  }
  const allowPrivateNetwork = flag(env, SSO_ENV.allowPrivateNetwork);
  checkIssuerScheme(issuer, allowPrivateNetwork);
  const clientId = env[SSO_ENV.clientId]?.trim();
  if (!clientId) throw new Error(`${SSO_ENV.clientId}: set the client id the provider gave Verity`);
  const clientSecret = readClientSecret(env, readFile);
  const allowedDomains = (env[SSO_ENV.allowedDomains] ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter((d) => d !== '');
  for (const d of allowedDomains)
    if (!DOMAIN.test(d)) throw new Error(`${SSO_ENV.allowedDomains}: "${d}" is not a domain name`);
  const jit = flag(env, SSO_ENV.jit);
  if (jit && allowedDomains.length === 0)
    throw new Error(
      `${SSO_ENV.jit}=1 needs ${SSO_ENV.allowedDomains}: accounts are created only for the domains you name`,
    );
  const role = env[SSO_ENV.defaultRole]?.trim() || 'annotator';
  if (!(jitRoles as readonly string[]).includes(role))
    throw new Error(`${SSO_ENV.defaultRole}: one of ${jitRoles.join(', ')}, not "${role}"`);
  const label = env[SSO_ENV.label]?.trim() || issuer.hostname;
  return {
    issuer,
    clientId,
    clientSecret,
    label,
    allowedDomains,
    jit,
    defaultRole: role as JitRole,
    allowPrivateNetwork,
  };
}

function readClientSecret(env: NodeJS.ProcessEnv, readFile: (path: string) => string): string {
  const file = env[SSO_ENV.clientSecretFile];
  if (file && env[SSO_ENV.clientSecret])
    throw new Error(`set ${SSO_ENV.clientSecret} or ${SSO_ENV.clientSecretFile}, not both`);
  let secret = env[SSO_ENV.clientSecret];
  if (file) {
    try {
      secret = readFile(file);
    } catch (err) {
      throw new Error(
        `${SSO_ENV.clientSecretFile}: cannot read ${file} (${(err as NodeJS.ErrnoException).code})`,
      );
    }
  }
  secret = secret?.trim();
  if (!secret)
    throw new Error(
      `set ${SSO_ENV.clientSecret} or ${SSO_ENV.clientSecretFile} to the provider's client secret`,
    );
  return secret;
}

/**
 * https always; plain http only for an issuer on this machine (a provider under test or a local
 * one), and only with the private network allowed: an http issuer elsewhere would send codes and
 * tokens in the clear.
 */
function checkIssuerScheme(issuer: URL, allowPrivateNetwork: boolean): void {
  if (issuer.protocol === 'https:') return;
  const host = issuer.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || classifyAddress(host) === 'loopback';
  if (issuer.protocol === 'http:' && loopback && allowPrivateNetwork) return;
  throw new Error(
    `${SSO_ENV.issuer}: use https (plain http only for a provider on this machine, with ${SSO_ENV.allowPrivateNetwork}=1)`,
  );
}
