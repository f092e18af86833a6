import { type FormEvent, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { InvitePreview } from '../../../core/api/invites.ts';
import { call } from '../api/client.ts';
import { navigate, useTitle } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Field } from '../console/Field.tsx';
import { formatTime } from '../console/format.ts';
import { apiPathErrors, messagesAt, type PathError } from '../console/pathErrors.ts';
import { newPasswordProblems } from '../console/users/new-password.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import { Name } from '../ui/Name.tsx';
import '../console/console.css';

type Preview = z.output<typeof InvitePreview>;

/**
 * Where an invite link leads (docs/onboarding.md): what the invite grants, then a name and a
 * password (or single sign-on, when the server offers it), which make the account and sign in;
 * the person lands in their work. The token is read from the URL's fragment, never sent in a URL.
 */
export function AcceptInvite() {
  useTitle('Join Verity');
  const { adopt } = useSession();
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PathError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    call('previewInvite', { body: { token } })
      .then((p) => {
        if (!p) return;
        setPreview(p);
        setName(p.name ?? '');
      })
      .catch(setLoadError);
  }, [token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const problems = newPasswordProblems(password, confirm).map((p) =>
      p.path === 'newPassword' ? { ...p, path: 'password' } : p,
    );
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const body = { token, name, password, ...(preview?.email ? {} : { email }) };
      const accepted = await call('acceptInvite', { body });
      if (!accepted) return;
      adopt(accepted);
      navigate(accepted.landing, { replace: true });
    } catch (err) {
      setError(err);
      setErrors(apiPathErrors(err, 'body.'));
    } finally {
      setBusy(false);
    }
  };
  const withSso = async () => {
    setError(null);
    try {
      const started = await call('inviteSso', { body: { token } });
      if (started) window.location.assign(started.location);
    } catch (err) {
      setError(err);
    }
  };

  if (!token)
    return (
      <main className="signin">
        <h1>Join Verity</h1>
        <p role="alert" className="alert alert-error">
          This link is incomplete: it has no token. Open the whole link you were given.
        </p>
      </main>
    );
  if (loadError || !preview)
    return (
      <main className="signin stack">
        <h1>Join Verity</h1>
        {loadError ? <ErrorAlert error={loadError} /> : <p className="loading">Checking your invite…</p>}
      </main>
    );
  const skills = Object.entries(preview.skills);
  return (
    <main className="signin stack">
      <h1>Join Verity</h1>
      <section aria-labelledby="invite-grants" className="stack-tight">
        <h2 id="invite-grants">Your invite</h2>
        <ul>
          <li>Role: {preview.role}</li>
          {preview.email && <li>For: {preview.email}</li>}
          {preview.projects.map((p) => (
            <li key={p.projectId}>
              Project: <Name text={p.name} /> ({p.role})
            </li>
          ))}
          {skills.length > 0 && <li>Skills: {skills.map(([s, l]) => `${s} (level ${l})`).join(', ')}</li>}
          {preview.contractStart && <li>Access from {formatTime(preview.contractStart)}</li>}
          {preview.contractEnd && <li>Access until {formatTime(preview.contractEnd)}</li>}
          <li>
            This link works once, until{' '}
            <time dateTime={preview.expiresAt}>{formatTime(preview.expiresAt)}</time>.
          </li>
        </ul>
      </section>
      <form onSubmit={submit} className="stack" noValidate>
        <Field label="Your name" errors={messagesAt(errors, 'name')}>
          {(c) => <input {...c} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {!preview.email && (
          <Field label="Email" errors={messagesAt(errors, 'email')}>
            {(c) => (
              <input
                {...c}
                type="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field label="Password" hint="At least 10 characters." errors={messagesAt(errors, 'password')}>
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field label="Confirm password" errors={messagesAt(errors, 'confirm')}>
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Joining…' : 'Join and start'}
        </button>
      </form>
      {preview.sso && (
        <button type="button" onClick={() => void withSso()}>
          Join with single sign-on instead
        </button>
      )}
    </main>
  );
}
