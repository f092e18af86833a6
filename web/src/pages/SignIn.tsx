import { type FormEvent, useEffect, useState } from 'react';
import { call } from '../api/client.ts';
import { useTitle } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import { SsoSignIn, useSsoRefusal } from './SsoSignIn.tsx';

/** Whether the store waits for its first admin; null when the server could not say (then: sign in). */
type SetupState = { needed: boolean; accounts: boolean } | null | 'loading';

export function SignIn() {
  const [setup, setSetup] = useState<SetupState>('loading');
  const refusal = useSsoRefusal();
  useEffect(() => {
    call('setupStatus').then(
      (s) => setSetup(s ?? null),
      () => setSetup(null),
    );
  }, []);
  const needed = setup !== 'loading' && setup?.needed === true;
  useTitle(needed ? 'Finish setting up Verity' : 'Sign in');
  if (setup === 'loading') return <p className="loading">Loading…</p>;
  if (!needed) {
    return (
      <main className="signin">
        <h1>Sign in to Verity</h1>
        <SsoSignIn refusal={refusal} />
        <SignInForm />
      </main>
    );
  }
  return (
    <main className="signin stack">
      <FinishSetup />
      {/* Someone may have an account already (made with the CLI) while no admin is active. */}
      {setup.accounts && (
        <section aria-labelledby="signin-heading" className="stack">
          <h2 id="signin-heading">Sign in with an existing account</h2>
          <SignInForm />
        </section>
      )}
    </main>
  );
}

/**
 * A fresh store has no admin and no one who could sign in: the way in is the one-time link the
 * server printed in its terminal (docs/security.md#first-run-setup-link).
 */
function FinishSetup() {
  return (
    <>
      <h1>Finish setting up Verity</h1>
      <p>
        Verity has no admin yet. When the server started, it printed a <strong>one-time setup link</strong> in
        its terminal, below the line <q>No admin yet</q>. It looks like this:
      </p>
      <pre className="card">
        <code>{`${window.location.origin}/setup#token=vsetup_…`}</code>
      </pre>
      <p>Open that link in this browser to create the first admin account.</p>
      <p className="muted">
        The link works once, for an hour. If it has expired, restart the server (<code>npm start</code>) and
        it prints a new one. You can also create the admin on the command line instead, with the{' '}
        <code>npx verity user add … --role admin</code> command printed beside the link.
      </p>
    </>
  );
}

function SignInForm() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="stack">
      <label>
        Email
        <input
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <ErrorAlert error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
