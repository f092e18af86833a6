import * as oidc from 'openid-client';
import { fetch as undiciFetch } from 'undici';
import { outboundAgent } from '../net/guarded-agent.ts';
import type { SsoConfig } from './sso-config.ts';

/** What the provider says about the person who signed in: the ID token's claims, with userinfo's. */
export interface SsoClaims {
  /** The issuer the ID token was checked against (the discovered one). */
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** One sign-in under way: what the start keeps for the callback to check. */
export interface SsoChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider's metadata is read again after this long (keys rotate on their own: jose refetches them). */
const DISCOVERY_TTL_MS = 3600_000;
const SCOPES = 'openid email profile';

/**
 * The OpenID Connect client (openid-client): discovery, the authorisation URL with PKCE (S256),
 * and the code exchange with its checks (state, PKCE, the ID token's signature, issuer, audience,
 * expiry and nonce). Every request to the provider goes through the outbound guard, which refuses
 * private addresses unless the configuration allows them (docs/sso.md).
 */
export class SsoClient {
  private readonly agent;
  private discovered: { at: number; config: Promise<oidc.Configuration> } | null = null;

  constructor(
    readonly config: SsoConfig,
    private readonly clock: () => number = Date.now,
  ) {
    this.agent = outboundAgent({ guard: !config.allowPrivateNetwork });
  }

  /** The provider's configuration, discovered at first use and again after DISCOVERY_TTL_MS or a failure. */
  private configuration(): Promise<oidc.Configuration> {
    const now = this.clock();
    if (this.discovered && now - this.discovered.at < DISCOVERY_TTL_MS) return this.discovered.config;
    const { issuer, clientId, clientSecret } = this.config;
    const guardedFetch = ((url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher: this.agent })) as unknown as oidc.CustomFetch;
    const config = oidc.discovery(issuer, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
      [oidc.customFetch]: guardedFetch,
      // config.ts allows http only for an issuer on loopback with the private network allowed.
      ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    const entry = { at: now, config };
    this.discovered = entry;
    config.catch(() => {
      if (this.discovered === entry) this.discovered = null;
    });
    return config;
  }

  /** Fresh state, nonce and PKCE verifier, and the provider's URL to send the browser to. */
  async begin(redirectUri: string): Promise<{ url: URL; checks: SsoChecks }> {
    const config = await this.configuration();
    const checks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPES,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /**
   * Exchanges the code in `callbackUrl` (the redirect URI with the provider's query) and checks the
   * answer against `checks`; throws on any mismatch. Reads userinfo when the ID token lacks the email.
   */
  async finish(callbackUrl: URL, checks: SsoChecks): Promise<SsoClaims> {
    const config = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('the provider answered without an ID token');
    let claims: Record<string, unknown> = { ...idToken };
    // Many providers put the email in userinfo only; its `sub` is checked against the ID token's.
    if (typeof claims.email !== 'string' || claims.email_verified === undefined)
      claims = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
    return {
      issuer: idToken.iss,
      subject: idToken.sub,
      email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
      // Some providers send "true" as a string; anything else is not a verified email.
      emailVerified: claims.email_verified === true || claims.email_verified === 'true',
      name: typeof claims.name === 'string' ? claims.name : null,
    };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
