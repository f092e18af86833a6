import { useEffect, useState } from 'react';
import { ApiError } from '../../../core/api/client-errors.ts';
import { type ErrorCode, errorCodes } from '../../../core/errors.ts';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../ui/Alert.tsx';

/** The query parameter a refused single sign-on lands with (server/sso/sso.service.ts). */
const SSO_ERROR = 'sso_error';

/** Why the last single sign-on was refused, read once from the address (then removed from it). */
export function useSsoRefusal(): ApiError | null {
  const [refusal] = useState(() => {
    const url = new URL(window.location.href);
    const code = url.searchParams.get(SSO_ERROR);
    if (code === null) return null;
    url.searchParams.delete(SSO_ERROR);
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    const known = Object.hasOwn(errorCodes, code) ? (code as ErrorCode) : 'INTERNAL';
    return new ApiError(errorCodes[known].status, known, errorCodes[known].message);
  });
  return refusal;
}

/**
 * "Sign in with <label>" when the server has single sign-on (docs/sso.md): a plain link, since the
 * browser itself must go to the provider and back. It returns to the page it was opened from.
 */
export function SsoSignIn({ refusal }: { refusal: ApiError | null }) {
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    call('ssoInfo').then(
      (info) => setLabel(info?.enabled ? info.label : null),
      () => setLabel(null),
    );
  }, []);
  if (label === null) return refusal ? <ErrorAlert error={refusal} /> : null;
  const returnTo = window.location.pathname + window.location.search;
  return (
    <div className="stack sso">
      <ErrorAlert error={refusal} />
      <a className="button primary" href={api.url('ssoStart', { query: { returnTo } })}>
        Sign in with {label}
      </a>
      <p className="muted sso-or">or with your email and password</p>
    </div>
  );
}
