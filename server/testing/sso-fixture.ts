import type { SsoConfig } from '../sso/sso-config.ts';
import { type Harness, startHarness, type Verity } from './harness.ts';
import { type LoopbackProvider, startOidcProvider } from './oidc-provider.ts';
import { collectLogs, type LogCapture } from './secret-search.ts';
import { CALLBACK_URL, VERITY_ORIGIN } from './sso-browser.ts';

export interface SsoWorld {
  provider: LoopbackProvider;
  h: Harness;
  logs: LogCapture;
  /** The configuration the server runs with (the client secret included). */
  sso: SsoConfig;
  /** Another server on the same store, its configuration this one's with `overrides`, logging to `logs`. */
  sibling(overrides: Partial<SsoConfig>): Promise<Verity>;
  close(): Promise<void>;
}

/**
 * A loopback OpenID Connect provider and a Verity configured for it, logging everything: JIT on for
 * acme.test with the reviewer role unless `overrides` say otherwise. The issuer is on loopback, so
 * the private network is allowed, as an admin would for a provider on their own network.
 */
export async function startSsoWorld(overrides: Partial<SsoConfig> = {}): Promise<SsoWorld> {
  const provider = await startOidcProvider({ redirectUri: CALLBACK_URL });
  const variant = (more: Partial<SsoConfig>): SsoConfig => ({
    issuer: new URL(provider.issuer),
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    label: 'Acme ID',
    allowedDomains: ['acme.test'],
    jit: true,
    defaultRole: 'reviewer',
    allowPrivateNetwork: true,
    ...overrides,
    ...more,
  });
  const sso = variant({});
  const logs = collectLogs();
  const h = await startHarness({ publicOrigin: VERITY_ORIGIN, logger: logs.logger, sso });
  return {
    provider,
    h,
    logs,
    sso,
    sibling: (more) => h.sibling({ publicOrigin: VERITY_ORIGIN, logger: logs.logger, sso: variant(more) }),
    close: async () => {
      await h.close();
      await provider.close();
    },
  };
}
