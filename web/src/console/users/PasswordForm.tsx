import { type FormEvent, useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { apiPathErrors, messagesAt, type PathError } from '../pathErrors.ts';
import { newPasswordProblems } from './new-password.ts';

/** Change one's own password: the current one, then the new one twice. */
export function PasswordForm() {
  const { changePassword } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PathError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice('');
    setError(null);
    const problems = newPasswordProblems(next, confirm);
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setNotice('Your password is changed. You are signed out everywhere else; your API tokens still work.');
    } catch (err) {
      setError(err);
      setErrors(apiPathErrors(err, 'body.'));
    }
  };
  const input = (value: string, set: (v: string) => void, autoComplete: string) => (c: object) => (
    <input
      {...c}
      type="password"
      autoComplete={autoComplete}
      value={value}
      onChange={(e) => {
        // Typing a new password starts a new change: the notice about the last one is stale.
        setNotice('');
        set(e.target.value);
      }}
    />
  );
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <Field label="Current password" errors={messagesAt(errors, 'currentPassword')}>
        {input(current, setCurrent, 'current-password')}
      </Field>
      <Field label="New password" hint="At least 10 characters." errors={messagesAt(errors, 'newPassword')}>
        {input(next, setNext, 'new-password')}
      </Field>
      <Field label="Confirm new password" errors={messagesAt(errors, 'confirm')}>
        {input(confirm, setConfirm, 'new-password')}
      </Field>
      <ErrorAlert error={error} />
      <p role="status" className="ok-text">
        {notice}
      </p>
      <button type="submit" className="primary self-start">
        Change password
      </button>
    </form>
  );
}
