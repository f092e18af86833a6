/**
 * The access matrix's cases for single sign-on. The matrix's server has none configured, so the
 * redirects answer SSO_NOT_CONFIGURED to everyone; server/sso/sso.test.ts signs in through them
 * against a loopback provider. All three are public: who signs in is decided at the callback.
 */
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case } from './access-world.ts';

export const ssoCases = {
  ssoInfo: [
    { target: 'the server', build: () => ({}), expect: { anonymous: 200, suspended: 200, ...all(200) } },
  ],
  ssoStart: [
    {
      target: 'a server without single sign-on',
      build: () => ({ query: { returnTo: '/my-work' } }),
      expect: {
        anonymous: 'SSO_NOT_CONFIGURED',
        suspended: 'SSO_NOT_CONFIGURED',
        ...all('SSO_NOT_CONFIGURED'),
      },
    },
  ],
  ssoCallback: [
    {
      target: 'a server without single sign-on',
      build: () => ({ query: { code: 'a-code', state: 'a-state' } }),
      expect: {
        anonymous: 'SSO_NOT_CONFIGURED',
        suspended: 'SSO_NOT_CONFIGURED',
        ...all('SSO_NOT_CONFIGURED'),
      },
    },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
