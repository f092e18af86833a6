import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** A person at the test provider: what its ID token and userinfo say about them. */
export interface ProviderAccount {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

export interface LoopbackProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next sign-in at the provider is, as if they typed their password there. */
  add(account: ProviderAccount): void;
  /** The account the provider's login interaction signs in next (by sub). */
  signInAs(sub: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, for the single sign-on tests: one
 * confidential client (client_secret_basic) with `redirectUri` registered, PKCE required, claims
 * for the `email` and `profile` scopes in userinfo (the ID token carries only `sub`, as with many
 * providers). Its login and consent are finished through its interactions API for the account
 * named by `signInAs`, so a test drives the whole flow with plain HTTP requests.
 */
export async function startOidcProvider(opts: { redirectUri: string }): Promise<LoopbackProvider> {
  const accounts = new Map<string, ProviderAccount>();
  let next: string | null = null;
  const clientId = `verity-${randomBytes(4).toString('hex')}`;
  const clientSecret = `oidc-secret-${randomBytes(24).toString('base64url')}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  let provider: Provider | null = null;
  const server = http.createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    if (req.url?.startsWith('/interaction/')) {
      finishInteraction(provider, req, res, next).catch((err: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message);
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx, id) {
      const a = accounts.get(id);
      if (!a) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: a.sub,
          ...(a.email !== undefined ? { email: a.email } : {}),
          ...(a.emailVerified !== undefined ? { email_verified: a.emailVerified } : {}),
          ...(a.name !== undefined ? { name: a.name } : {}),
        }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    jwks: { keys: [jwk as never] },
  };
  provider = new Provider(issuer, config);
  return {
    issuer,
    clientId,
    clientSecret,
    add: (account) => void accounts.set(account.sub, account),
    signInAs: (sub) => {
      next = sub;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The login, then the consent, as the person `sub` would give them; the provider redirects on. */
async function finishInteraction(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  sub: string | null,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (sub === null) return void res.writeHead(403).end('no account to sign in as');
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: sub } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const accountId = details.session?.accountId;
  const grant = new provider.Grant({ accountId: accountId!, clientId: String(details.params.client_id) });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}
