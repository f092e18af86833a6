import { describe, expect, it } from 'vitest';
import { emailDomainAllowed, parseSsoEnv } from './sso-config.ts';
import { safeReturnTo } from './sso-flow.ts';

const SECRET = 'client-secret-that-must-never-show-0123456789';
const base = {
  VERITY_OIDC_ISSUER: 'https://id.acme.test/realms/staff',
  VERITY_OIDC_CLIENT_ID: 'verity',
  VERITY_OIDC_CLIENT_SECRET: SECRET,
};
const parseError = (env: NodeJS.ProcessEnv): string => {
  try {
    parseSsoEnv(env, () => {
      throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    });
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('parsed');
};

describe('single sign-on settings from the environment', () => {
  it('is off without an issuer, and the defaults fill the rest', () => {
    expect(parseSsoEnv({})).toBeNull();
    expect(parseSsoEnv(base)).toEqual({
      issuer: new URL(base.VERITY_OIDC_ISSUER),
      clientId: 'verity',
      clientSecret: SECRET,
      label: 'id.acme.test',
      allowedDomains: [],
      jit: false,
      defaultRole: 'annotator',
      allowPrivateNetwork: false,
    });
  });

  it('reads every setting, the secret from a file too', () => {
    const env = {
      ...base,
      VERITY_OIDC_CLIENT_SECRET: undefined,
      VERITY_OIDC_CLIENT_SECRET_FILE: '/run/secrets/oidc',
      VERITY_OIDC_LABEL: 'Acme ID',
      VERITY_OIDC_ALLOWED_DOMAINS: ' Acme.test, @lab.acme.test ',
      VERITY_OIDC_JIT: '1',
      VERITY_OIDC_DEFAULT_ROLE: 'reviewer',
    };
    const sso = parseSsoEnv(env, (path) => (path === '/run/secrets/oidc' ? `${SECRET}\n` : ''));
    expect(sso).toMatchObject({
      clientSecret: SECRET,
      label: 'Acme ID',
      allowedDomains: ['acme.test', 'lab.acme.test'],
      jit: true,
      defaultRole: 'reviewer',
    });
  });

  it('refuses wrong values with the variable named, never repeating the secret', () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ VERITY_OIDC_CLIENT_ID: 'x' }, /VERITY_OIDC_CLIENT_ID is set but VERITY_OIDC_ISSUER is not/],
      [{ ...base, VERITY_OIDC_ISSUER: 'not a url' }, /VERITY_OIDC_ISSUER: "not a url" is not a URL/],
      [{ ...base, VERITY_OIDC_ISSUER: 'http://id.acme.test' }, /VERITY_OIDC_ISSUER: use https/],
      // Plain http only on loopback, and only with the private network allowed.
      [
        { ...base, VERITY_OIDC_ISSUER: 'http://127.0.0.1:9000' },
        /use https .*VERITY_OIDC_ALLOW_PRIVATE_NETWORK=1/,
      ],
      [
        { ...base, VERITY_OIDC_ISSUER: 'http://10.0.0.5', VERITY_OIDC_ALLOW_PRIVATE_NETWORK: '1' },
        /VERITY_OIDC_ISSUER: use https/,
      ],
      [{ ...base, VERITY_OIDC_CLIENT_ID: '' }, /VERITY_OIDC_CLIENT_ID: set the client id/],
      [
        { ...base, VERITY_OIDC_CLIENT_SECRET: ' ' },
        /set VERITY_OIDC_CLIENT_SECRET or VERITY_OIDC_CLIENT_SECRET_FILE/,
      ],
      [{ ...base, VERITY_OIDC_CLIENT_SECRET_FILE: '/x' }, /not both/],
      [
        { ...base, VERITY_OIDC_CLIENT_SECRET: undefined, VERITY_OIDC_CLIENT_SECRET_FILE: '/x' },
        /VERITY_OIDC_CLIENT_SECRET_FILE: cannot read \/x \(ENOENT\)/,
      ],
      [{ ...base, VERITY_OIDC_JIT: '1' }, /VERITY_OIDC_JIT=1 needs VERITY_OIDC_ALLOWED_DOMAINS/],
      [{ ...base, VERITY_OIDC_JIT: 'yes' }, /VERITY_OIDC_JIT: write 1 \(on\) or 0 \(off\)/],
      [{ ...base, VERITY_OIDC_ALLOWED_DOMAINS: 'acme' }, /"acme" is not a domain name/],
      [
        { ...base, VERITY_OIDC_DEFAULT_ROLE: 'admin' },
        /VERITY_OIDC_DEFAULT_ROLE: one of annotator, reviewer, manager/,
      ],
    ];
    for (const [env, message] of cases) {
      const text = parseError(env);
      expect(text).toMatch(message);
      expect(text).not.toContain(SECRET);
    }
    expect(
      parseSsoEnv({
        ...base,
        VERITY_OIDC_ISSUER: 'http://localhost:9000',
        VERITY_OIDC_ALLOW_PRIVATE_NETWORK: '1',
      })?.allowPrivateNetwork,
    ).toBe(true);
  });

  it('allows an email only in a listed domain, exactly', () => {
    expect(emailDomainAllowed('ada@acme.test', ['acme.test'])).toBe(true);
    expect(emailDomainAllowed('ada@ACME.test', ['acme.test'])).toBe(true);
    expect(emailDomainAllowed('ada@mail.acme.test', ['acme.test'])).toBe(false);
    expect(emailDomainAllowed('ada@evilacme.test', ['acme.test'])).toBe(false);
    expect(emailDomainAllowed('acme.test@evil.test', ['acme.test'])).toBe(false);
    expect(emailDomainAllowed('anyone@anywhere.test', [])).toBe(true);
  });
});

describe('where a sign-in lands', () => {
  it('keeps a path of this site, and lands anything else on /', () => {
    expect(safeReturnTo('/projects/3/annotate?x=1')).toBe('/projects/3/annotate?x=1');
    expect(safeReturnTo(undefined)).toBe('/');
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'evil',
      '/api/tokens',
      '/api',
      '/a\nb',
    ])
      expect(safeReturnTo(bad), bad).toBe('/');
  });
});
