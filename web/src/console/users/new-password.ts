import type { PathError } from '../pathErrors.ts';

/** The server's shortest password (core/api/users.ts `Password`), checked before sending. */
export const MIN_PASSWORD_CHARS = 10;

/** What is wrong with a new password and its confirmation, at the fields' paths; none when fine. */
export function newPasswordProblems(password: string, confirm: string): PathError[] {
  const problems: PathError[] = [];
  if (password.length < MIN_PASSWORD_CHARS)
    problems.push({ path: 'newPassword', message: `Use at least ${MIN_PASSWORD_CHARS} characters.` });
  if (confirm !== password)
    problems.push({ path: 'confirm', message: 'This does not match the new password.' });
  return problems;
}
