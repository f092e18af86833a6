import { route } from './route.ts';
import { SsoCallbackQuery, SsoInfo, SsoStartQuery } from './sso.ts';

/**
 * Single sign-on with an OpenID Connect provider (docs/sso.md): the browser is sent to the
 * provider and back. Both redirects are public: who signs in is decided at the callback.
 */
export const ssoRoutes = {
  ssoInfo: route({
    operationId: 'ssoInfo',
    method: 'GET',
    path: '/api/auth/sso',
    summary: 'Whether single sign-on is configured, and its button label',
    tag: 'auth',
    auth: 'public',
    response: SsoInfo,
  }),
  ssoStart: route({
    operationId: 'ssoStart',
    method: 'GET',
    path: '/api/auth/sso/start',
    summary:
      "Start signing in with the OpenID Connect provider: redirects to it (authorisation code with PKCE); the flow's state is kept in a sealed, short-lived cookie",
    tag: 'auth',
    auth: 'public',
    query: SsoStartQuery,
    response: null,
    responseKind: 'redirect',
    status: 303,
  }),
  ssoCallback: route({
    operationId: 'ssoCallback',
    method: 'GET',
    path: '/api/auth/sso/callback',
    summary:
      "Where the provider sends the browser back: checks state, PKCE and the ID token's nonce, finds (or, when allowed, creates) the account, sets a session cookie and redirects into the app; a refusal redirects to /?sso_error=CODE",
    tag: 'auth',
    auth: 'public',
    query: SsoCallbackQuery,
    response: null,
    responseKind: 'redirect',
    status: 303,
  }),
} as const;
