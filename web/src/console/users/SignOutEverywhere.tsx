import { useRef, useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';

/**
 * Ends every session of the signed-in user, this one too, and revokes all their API tokens: what
 * to do after a lost laptop or a leaked token. It asks for confirmation in place (focus moves to
 * the confirm button; Cancel returns it).
 */
export function SignOutEverywhere() {
  const { signOutEverywhere } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirm = async () => {
    setError(null);
    try {
      await signOutEverywhere();
    } catch (err) {
      setConfirming(false);
      setError(err);
    }
  };
  return (
    <section className="card stack" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">Sign out everywhere</h2>
      <p>
        Ends every session of your account, on every device and this one too, and revokes all your API tokens.
        Scripts using a token stop working until you create a new one.
      </p>
      <ErrorAlert error={error} />
      {confirming ? (
        <fieldset className="row confirm">
          <legend className="visually-hidden">Confirm signing out everywhere</legend>
          <button type="button" className="danger" ref={(el) => el?.focus()} onClick={() => void confirm()}>
            Yes, sign out everywhere and revoke my tokens
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => startRef.current?.focus());
            }}
          >
            Cancel
          </button>
        </fieldset>
      ) : (
        <button
          type="button"
          className="danger self-start"
          ref={startRef}
          onClick={() => setConfirming(true)}
        >
          Sign out everywhere…
        </button>
      )}
    </section>
  );
}
